import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseHealthInputs } from "../../src/core/health-inputs.js";
import { activeSurfaces, parseRegistry, RegistryError, resolveHeaders } from "../../src/core/registry.js";
import { repoRoot } from "../support/run-action.js";

const parse = (text: string, file = "surfaces.yml") =>
  parseRegistry(text, {
    file,
    parseHealth: (get) => parseHealthInputs(get),
    healthDefaults: { attempts: "1", interval: "1s", timeout: "5s" },
  });

/** The problems of a registry that must not parse. */
function problems(text: string): RegistryError {
  try {
    parse(text);
  } catch (err) {
    if (err instanceof RegistryError) return err;
    throw err;
  }
  throw new Error("the registry parsed");
}

describe("surface registry", () => {
  it("parses the example registry with its defaults", () => {
    const file = join(repoRoot, "examples/surfaces.yml");
    const reg = parse(readFileSync(file, "utf8"), file);
    expect(reg.surfaces.map((s) => s.id)).toEqual([
      "api-prod",
      "api-staging",
      "console-prod",
      "vault",
      "marketing-site",
      "app-previews",
      "support",
    ]);
    expect(activeSurfaces(reg).map((s) => s.id)).not.toContain("support");
    const api = reg.surfaces[0]!;
    expect(api.heroku).toEqual({ app: "example-api-prod", maxDeployAgeDays: 7 });
    expect(api.health?.url.toString()).toBe("https://api.example.com/health");
    expect(api.health?.expectJson?.text).toBe("status=ok");
    expect(api.health).toMatchObject({ attempts: 1, timeoutMs: 5000, method: "GET" });
    expect(api.builds).toEqual({
      workflow: "deploy-heroku.yml",
      paths: ["backend/**", ".github/workflows/deploy-heroku.yml"],
      branch: "main",
    });
    expect(reg.surfaces[1]!.heroku?.maxDeployAgeDays).toBe(7);
    expect(reg.surfaces[3]!.health).toMatchObject({ timeoutMs: 3000 });
    expect(reg.surfaces[3]!.health?.expectStatus.classes).toEqual([2]);
    expect(reg.surfaces[5]!.cloudflarePages).toEqual({
      accountId: "023e105f4ecef8ad9ca31a8372d0c353",
      project: "example-app",
      environment: "preview",
    });
    expect(reg.surfaces[2]!.health?.headers).toEqual({
      "CF-Access-Client-Id": "${CF_ACCESS_CLIENT_ID}",
      "CF-Access-Client-Secret": "${CF_ACCESS_CLIENT_SECRET}",
    });
    expect(reg.surfaces[6]).toMatchObject({ latent: true, line: 82 });
    expect(reg.secretEnv).toEqual(["CF_ACCESS_CLIENT_ID", "CF_ACCESS_CLIENT_SECRET"]);
  });

  it("names the file, line, column and field of an unknown field, with a suggestion", () => {
    const err = problems(`surfaces:
  - id: web
    hostname: web.example.com
    provider: heroku
    heroku:
      app: example-web
      max_deploy_age_days: 3
`);
    expect(err.message).toBe(
      "Registry surfaces.yml:7:7: surfaces[0] (web).heroku.max_deploy_age_days: is not a known field; did you mean 'max-deploy-age-days'? (known: app, max-deploy-age-days)",
    );
    expect(err.problems).toEqual([
      expect.objectContaining({ line: 7, column: 7, field: "surfaces[0] (web).heroku.max_deploy_age_days" }),
    ]);
    expect(err.name).toBe("RegistryError");
  });

  it("points at the value of a bad health field, through the health-check action's own parsing", () => {
    const err = problems(`surfaces:
  - id: site
    hostname: site.example.com
    provider: http
    health:
      url: https://site.example.com/health
      expect-status: ok
`);
    expect(err.message).toBe(
      "Registry surfaces.yml:7:22: surfaces[0] (site).health.expect-status: must be status codes or classes like 200, 200,204 or 2xx; got 'ok'",
    );
  });

  it("lists every problem of a broken registry, each with its line", () => {
    const err = problems(`surfaces:
  - id: a
    hostname: a.example.com
    provider: heroku
  - id: b
    hostname: b.example.com
    provider: netlify
  - id: c
    hostname: c.example.com
    provider: cloudflare_pages
    heroku:
      app: c-app
    cloudflare_pages:
      account-id: abc
      project: Bad_Name
  - id: a
    hostname: a2.example.com
    provider: http
    health:
      url: ftp://a2.example.com
`);
    const lines = err.message
      .split("\n")
      .slice(1)
      .map((l) => l.trim());
    expect(lines).toEqual([
      "surfaces.yml:2:5: surfaces[0] (a).heroku: is required for provider heroku (app: <heroku app name>)",
      "surfaces.yml:7:15: surfaces[1] (b).provider: must be one of heroku, cloudflare_pages, http; got 'netlify'",
      "surfaces.yml:11:5: surfaces[2] (c).heroku: is given, but provider is 'cloudflare_pages'",
      "surfaces.yml:15:16: surfaces[2] (c).cloudflare_pages.project: must be a Pages project name (lowercase letters, digits, dashes); got 'Bad_Name'",
      "surfaces.yml:20:12: surfaces[3] (a).health.url: must be an http:// or https:// URL; got scheme 'ftp'",
    ]);
    expect(err.message.startsWith("Registry surfaces.yml has 5 problems:")).toBe(true);
  });

  it("reports a duplicate id at the second one, naming the first", () => {
    const err = problems(`surfaces:
  - { id: a, hostname: a.example.com, provider: http, health: { url: "http://127.0.0.1/" } }
  - { id: a, hostname: b.example.com, provider: http, health: { url: "http://127.0.0.1/" } }
`);
    expect(err.message).toBe("Registry surfaces.yml:3:11: surfaces[1].id: duplicates 'a' (first on line 2)");
  });

  it("reports YAML syntax errors and a missing surfaces list with their lines", () => {
    expect(problems("surfaces:\n  - id: a\n    hostname: [x\n").message).toBe(
      "Registry surfaces.yml:4:1: (yaml): Flow sequence in block collection must be sufficiently indented and end with a ]",
    );
    expect(problems("services: []\n").message).toContain("surfaces.yml:1:1: services: is not a known field");
    expect(problems("surfaces: {}\n").message).toContain(
      "surfaces.yml:1:11: surfaces: must be a list of surfaces",
    );
    expect(problems("surfaces: []\n").message).toBe(
      "Registry surfaces.yml:1:11: surfaces: is empty: register at least one surface",
    );
  });

  it("accepts a latent surface without a provider block, and headers as a list", () => {
    const reg = parse(`secret-env: [WEB_TOKEN]
surfaces:
  - id: sentry
    hostname: sentry.io
    latent: true
  - id: web
    hostname: web.example.com
    provider: http
    health:
      url: http://127.0.0.1:9/health
      headers: ["X-Token: \${WEB_TOKEN}"]
`);
    expect(reg.surfaces[0]).toMatchObject({ latent: true, provider: "http" });
    expect(reg.surfaces[1]!.health?.headers).toEqual({ "X-Token": "${WEB_TOKEN}" });
  });

  it("resolves ${NAME} in header values from the environment, and names a missing variable", () => {
    const reg = parse(`secret-env: [WEB_TOKEN]
surfaces:
  - id: web
    hostname: web.example.com
    provider: http
    health:
      url: http://127.0.0.1:9/health
      headers:
        Authorization: Bearer \${WEB_TOKEN}
`);
    const surface = reg.surfaces[0]!;
    expect(reg.secretEnv).toEqual(["WEB_TOKEN"]);
    expect(resolveHeaders(surface, { WEB_TOKEN: "s3cr3t-value" }, reg.secretEnv)).toEqual({
      headers: { Authorization: "Bearer s3cr3t-value" },
      secrets: ["Bearer s3cr3t-value"],
    });
    expect(() => resolveHeaders(surface, {}, reg.secretEnv)).toThrow(
      "Input 'surfaces.web.health.headers.Authorization' needs the environment variable WEB_TOKEN, which is not set",
    );
    // A list that does not name the variable expands nothing, whatever the environment holds.
    expect(() => resolveHeaders(surface, { WEB_TOKEN: "s3cr3t-value" }, [])).toThrow(
      "Input 'surfaces.web.health.headers.Authorization' uses ${WEB_TOKEN}, which is not listed under secret-env",
    );
  });

  it("refuses a ${NAME} that secret-env does not list, and a secret-env naming prodgate's own credentials", () => {
    const err = problems(`secret-env: [WEB_TOKEN, GITHUB_TOKEN, ACTIONS_RUNTIME_TOKEN, not-a-name]
surfaces:
  - id: web
    hostname: web.example.com
    provider: http
    health:
      url: http://127.0.0.1:9/health
      headers: ["X-Token: \${WEB_TOKEN}", "X-Db: \${DATABASE_URL}"]
`);
    expect(err.message).toContain(
      "secret-env[1]: GITHUB_TOKEN is a credential of prodgate or the runner; it can never be sent in a health header",
    );
    expect(err.message).toContain(
      "secret-env[2]: ACTIONS_RUNTIME_TOKEN is a credential of prodgate or the runner",
    );
    expect(err.message).toContain("secret-env[3]: must be an environment variable name; got 'not-a-name'");
    expect(err.message).toContain(
      "surfaces.yml:8:42: surfaces[0] (web).health.headers.X-Db: uses ${DATABASE_URL}, which is not listed under secret-env",
    );
    expect(err.message).not.toContain("X-Token");
  });
});
