import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type InventorySecret, parseInventory } from "../../src/core/secret-inventory.js";
import { metadataReader, type RotationCredentials } from "../../src/pipelines/rotation-sweep-setup.js";
import { CloudflareApiFake } from "../../src/sandbox/cloudflare-api.js";
import { actionsState, GitHubApiFake } from "../../src/sandbox/github-api.js";
import { HerokuApiFake } from "../../src/sandbox/heroku-api.js";
import { InfisicalApiFake } from "../../src/sandbox/infisical-api.js";
import { canary, expectNoCanary } from "../support/canary.js";

const INVENTORY = `
secrets:
  - { name: REPO_SECRET, vendor: slack, source: github-actions }
  - { name: MISSING_SECRET, vendor: slack, source: github-actions }
  - { name: OTHER_REPO, vendor: x, source: github-actions, repository: acme/other, key: DEPLOY_KEY }
  - { name: ENV_SECRET, vendor: sentry, source: github-environment, environment: production, expires-at: 2026-09-01 }
  - { name: NO_ENV, vendor: sentry, source: github-environment, environment: staging }
  - { name: SMTP_PASSWORD, vendor: smtp, source: infisical, project: p1 }
  - { name: NO_COMPANION, vendor: smtp, source: infisical, project: p1 }
  - { name: BAD_COMPANION, vendor: smtp, source: infisical, project: p1 }
  - { name: WRONG_PROJECT, vendor: smtp, source: infisical, project: nope }
  - { name: CF_TOKEN, vendor: cloudflare, source: cloudflare-token, last-rotated-at: 2026-04-01 }
  - { name: CF_DISABLED, vendor: cloudflare, source: cloudflare-token }
  - { name: CF_REVOKED, vendor: cloudflare, source: cloudflare-token }
  - { name: CF_NO_TOKEN, vendor: cloudflare, source: cloudflare-token }
  - { name: HEROKU_API_KEY, vendor: heroku, source: heroku-authorization, authorization: prodgate deploys }
  - { name: HEROKU_GONE, vendor: heroku, source: heroku-authorization }
  - { name: HAND_WRITTEN, vendor: apple, source: static, last-rotated-at: 2026-01-01, expires-at: "2027-01-01T00:00:00+01:00" }
  - { name: NOTHING_KNOWN, vendor: apple, source: static }
`;

describe("secret metadata sources against loopback fakes", () => {
  const githubToken = canary("github-token");
  const adminToken = canary("secrets-read-token");
  const infisicalToken = canary("infisical-token");
  const herokuKey = canary("heroku-key");
  const cfToken = canary("cf-token");
  const cfDisabled = canary("cf-disabled");
  const cfRevoked = canary("cf-revoked");
  const smtpValue = canary("smtp-value");
  const herokuAccess = canary("heroku-access-token");
  const herokuRefresh = canary("heroku-refresh-token");
  const github = new GitHubApiFake({ token: githubToken });
  const infisical = new InfisicalApiFake(infisicalToken);
  const cloudflare = new CloudflareApiFake({ apiToken: canary("pages-token") });
  const heroku = new HerokuApiFake({ apiKey: herokuKey });
  const inventory = parseInventory(INVENTORY, "secrets.yml");
  const byName = (name: string) => inventory.secrets.find((s) => s.name === name) as InventorySecret;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    await Promise.all([github.start(), infisical.start(), cloudflare.start(), heroku.start()]);
    github.addToken(adminToken, { login: "octo-admin" });
    const shop = actionsState(github.repo("acme/shop"));
    shop.secrets.push({
      name: "REPO_SECRET",
      createdAt: "2025-01-01T00:00:00Z",
      updatedAt: "2026-02-03T04:05:06Z",
    });
    shop.environments.set("production", [
      { name: "ENV_SECRET", createdAt: "2025-01-01T00:00:00Z", updatedAt: "2026-03-01T00:00:00Z" },
    ]);
    actionsState(github.repo("acme/other")).secrets.push({
      name: "DEPLOY_KEY",
      createdAt: "2025-01-01T00:00:00Z",
      updatedAt: "2025-12-24T00:00:00Z",
    });
    const at = { projectId: "p1", environment: "prod" };
    const dates = { createdAt: "2025-01-01T00:00:00.000Z", updatedAt: "2026-04-02T10:00:00.000Z" };
    infisical
      .add({ ...at, ...dates, key: "SMTP_PASSWORD", value: smtpValue })
      .add({ ...at, ...dates, key: "SMTP_PASSWORD__EXPIRES_AT", value: "2026-07-01T00:00:00Z" })
      .add({ ...at, ...dates, key: "NO_COMPANION", value: canary("no-companion") })
      .add({ ...at, ...dates, key: "BAD_COMPANION", value: canary("bad-companion") })
      .add({ ...at, ...dates, key: "BAD_COMPANION__EXPIRES_AT", value: "next tuesday" });
    cloudflare.addVerifiableToken(cfToken, { status: "active", expires_on: "2026-06-01T00:00:00Z" });
    cloudflare.addVerifiableToken(cfDisabled, { status: "disabled" });
    heroku.addAuthorization({
      description: "prodgate deploys",
      token: herokuAccess,
      refreshToken: herokuRefresh,
      updatedAt: "2026-03-15T12:00:00Z",
      expiresIn: 86_400,
    });
    env = {
      GITHUB_API_URL: github.url,
      INFISICAL_API_URL: infisical.url,
      CLOUDFLARE_API_URL: cloudflare.url,
      HEROKU_API_URL: heroku.url,
    };
  });
  afterAll(() => Promise.all([github.stop(), infisical.stop(), cloudflare.stop(), heroku.stop()]));

  const creds = (over: Partial<RotationCredentials> = {}): RotationCredentials => ({
    githubToken,
    githubSecretsToken: adminToken,
    infisicalToken,
    herokuApiKey: herokuKey,
    cloudflareTokens: new Map([
      ["CF_TOKEN", cfToken],
      ["CF_DISABLED", cfDisabled],
      ["CF_REVOKED", cfRevoked],
    ]),
    ...over,
  });

  it("reads every source's dates, and each failure stays with its secret", async () => {
    const reader = metadataReader(creds(), "acme/shop", env);
    const before = Date.now();
    const got = Object.fromEntries(
      await Promise.all(inventory.secrets.map(async (s) => [s.name, await reader.read(s)] as const)),
    );
    expect(got.REPO_SECRET).toEqual({ lastRotatedAt: new Date("2026-02-03T04:05:06Z") });
    expect(got.MISSING_SECRET?.error).toBe("GitHub has no secret MISSING_SECRET in acme/shop (404)");
    expect(got.OTHER_REPO).toEqual({ lastRotatedAt: new Date("2025-12-24T00:00:00Z") });
    expect(got.ENV_SECRET).toEqual({
      lastRotatedAt: new Date("2026-03-01T00:00:00Z"),
      expiresAt: new Date("2026-09-01T00:00:00Z"),
    });
    expect(got.NO_ENV?.error).toMatch(
      /^Could not list the secrets of environment staging of acme\/shop: GitHub answered 404: Not Found\. acme\/shop has no environment 'staging'/,
    );
    expect(got.SMTP_PASSWORD).toEqual({
      lastRotatedAt: new Date("2026-04-02T10:00:00.000Z"),
      expiresAt: new Date("2026-07-01T00:00:00Z"),
    });
    expect(got.NO_COMPANION).toEqual({
      lastRotatedAt: new Date("2026-04-02T10:00:00.000Z"),
      notes: ["no companion NO_COMPANION__EXPIRES_AT in Infisical: expiry unknown"],
    });
    expect(got.NO_COMPANION?.error).toBeUndefined();
    expect(got.BAD_COMPANION?.notes).toEqual([
      "BAD_COMPANION__EXPIRES_AT is not an ISO 8601 date with a time zone: expiry unknown",
    ]);
    expect(got.WRONG_PROJECT?.error).toMatch(
      /^Infisical has no project nope environment prod path \/ \(404\)/,
    );
    expect(got.CF_TOKEN).toEqual({
      lastRotatedAt: new Date("2026-04-01T00:00:00Z"),
      expiresAt: new Date("2026-06-01T00:00:00Z"),
      vendorState: "active",
    });
    expect(got.CF_DISABLED).toMatchObject({ vendorState: "disabled" });
    expect(got.CF_REVOKED).toMatchObject({ vendorState: "expired" });
    expect(got.CF_NO_TOKEN?.error).toBe(
      "no Cloudflare token to verify: pass it in 'cloudflare-tokens' as NAME=token",
    );
    expect(got.HEROKU_API_KEY?.lastRotatedAt).toEqual(new Date("2026-03-15T12:00:00Z"));
    const expires = got.HEROKU_API_KEY?.expiresAt?.getTime() ?? 0;
    expect(expires).toBeGreaterThanOrEqual(before + 86_400_000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 86_400_000);
    expect(got.HEROKU_GONE?.error).toBe(
      "Heroku has no OAuth authorization with id or description 'HEROKU_GONE' for this API key (404)",
    );
    expect(got.HAND_WRITTEN).toEqual({
      lastRotatedAt: new Date("2026-01-01T00:00:00Z"),
      expiresAt: new Date("2026-12-31T23:00:00Z"),
    });
    expect(got.NOTHING_KNOWN).toEqual({});

    // One list call per repository / environment / Infisical folder / Heroku account.
    expect(github.server.requestsTo("GET", "/repos/acme/shop/actions/secrets")).toHaveLength(1);
    expect(infisical.server.requestsTo("GET", "/api/v4/secrets")).toHaveLength(2);
    expect(heroku.server.requestsTo("GET", "/oauth/authorizations")).toHaveLength(1);
    // The only Infisical value read is a companion's.
    const reads = infisical.server.requests.filter((r) => r.path.startsWith("/api/v4/secrets/"));
    expect(reads.map((r) => r.path).sort()).toEqual([
      "/api/v4/secrets/BAD_COMPANION__EXPIRES_AT",
      "/api/v4/secrets/SMTP_PASSWORD__EXPIRES_AT",
    ]);
    // Values the vendors answered with (Heroku's tokens) and tokens sent stay out of the metadata.
    expectNoCanary([smtpValue, herokuAccess, herokuRefresh, cfToken, herokuKey, adminToken], { got });
  });

  it("says the default GITHUB_TOKEN cannot read secrets (403)", async () => {
    const reader = metadataReader(creds({ githubSecretsToken: undefined }), "acme/shop", env);
    const meta = await reader.read(byName("REPO_SECRET"));
    expect(meta.error).toMatch(
      /GitHub answered 403: Resource not accessible by integration\. Reading secrets metadata needs a token with secrets read permission .* the default GITHUB_TOKEN cannot have it: pass such a token in 'github-secrets-token'/,
    );
  });

  it("names the missing credential of each source", async () => {
    const reader = metadataReader({ cloudflareTokens: new Map() }, "acme/shop", env);
    const errors = await Promise.all(
      ["REPO_SECRET", "SMTP_PASSWORD", "CF_TOKEN", "HEROKU_API_KEY"].map(
        async (n) => (await reader.read(byName(n))).error,
      ),
    );
    expect(errors).toEqual([
      "no GitHub token to read secrets metadata: pass a token with secrets read permission in 'github-secrets-token'",
      "no Infisical token: pass a token that may read the project in 'infisical-token'",
      "no Cloudflare token to verify: pass it in 'cloudflare-tokens' as NAME=token",
      "no Heroku API key: pass one in 'heroku-api-key' to read /oauth/authorizations",
    ]);
  });

  it("reports Infisical 403 and Heroku 401 as errors of the secret", async () => {
    const forbidden = canary("infisical-forbidden");
    infisical.forbiddenTokens.add(forbidden);
    const reader = metadataReader(
      creds({ infisicalToken: forbidden, herokuApiKey: "wrong-key" }),
      "acme/shop",
      env,
    );
    expect((await reader.read(byName("SMTP_PASSWORD"))).error).toMatch(
      /Infisical token may not read secrets .*\(403\)/,
    );
    expect((await reader.read(byName("HEROKU_API_KEY"))).error).toMatch(
      /Heroku rejected the API key \(401 Unauthorized\)/,
    );
  });
});
