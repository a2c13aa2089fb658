import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InfisicalApiFake } from "../../src/sandbox/infisical-api.js";
import { InfisicalClient } from "../../src/vendors/infisical.js";
import { canary, expectNoCanary } from "../support/canary.js";

describe("Infisical client against the loopback fake", () => {
  const token = canary("infisical-token");
  const forbidden = canary("infisical-forbidden");
  const value = canary("smtp-password");
  const fake = new InfisicalApiFake(token);
  const at = { projectId: "proj1", environment: "prod", secretPath: "/" };
  let client: InfisicalClient;

  beforeAll(async () => {
    fake.forbiddenTokens.add(forbidden);
    fake
      .add({
        ...at,
        key: "SMTP_PASSWORD",
        value,
        createdAt: "2025-01-01T00:00:00.000Z",
        updatedAt: "2026-03-01T08:00:00.000Z",
        version: 4,
      })
      .add({
        ...at,
        key: "SMTP_PASSWORD__EXPIRES_AT",
        value: "2026-06-01T00:00:00Z",
        createdAt: "2026-03-01T08:00:00.000Z",
        updatedAt: "2026-03-01T08:00:00.000Z",
      })
      .add({
        ...at,
        key: "NO_EXPIRY",
        value: canary("no-expiry"),
        createdAt: "2025-01-01T00:00:00.000Z",
        updatedAt: "2025-02-01T00:00:00.000Z",
      });
    await fake.start();
    client = new InfisicalClient({ token, baseUrl: fake.url, retries: 0 });
  });
  afterAll(() => fake.stop());

  it("lists keys and dates with values hidden, and asks for them hidden", async () => {
    const list = await client.listSecretMetadata(at);
    expect(list).toEqual([
      {
        key: "SMTP_PASSWORD",
        createdAt: "2025-01-01T00:00:00.000Z",
        updatedAt: "2026-03-01T08:00:00.000Z",
        version: 4,
      },
      {
        key: "SMTP_PASSWORD__EXPIRES_AT",
        createdAt: "2026-03-01T08:00:00.000Z",
        updatedAt: "2026-03-01T08:00:00.000Z",
        version: 1,
      },
      {
        key: "NO_EXPIRY",
        createdAt: "2025-01-01T00:00:00.000Z",
        updatedAt: "2025-02-01T00:00:00.000Z",
        version: 1,
      },
    ]);
    const req = fake.server.requestsTo("GET", "/api/v3/secrets/raw").at(-1);
    const query = new URL(req?.url ?? "", "http://x").searchParams;
    expect(query.get("viewSecretValue")).toBe("false");
    expect(query.get("workspaceId")).toBe("proj1");
    expect(req?.headers.authorization).toBe(`Bearer ${token}`);
  });

  it("drops values even from a server that returns them", async () => {
    fake.ignoreViewSecretValue = true;
    try {
      const list = await client.listSecretMetadata(at);
      expect(list.map((s) => s.key)).toContain("SMTP_PASSWORD");
      expectNoCanary([value], { list });
    } finally {
      fake.ignoreViewSecretValue = false;
    }
  });

  it("reads the __EXPIRES_AT companion, and nothing else", async () => {
    expect(await client.readExpiryCompanion(at, "SMTP_PASSWORD")).toBe("2026-06-01T00:00:00Z");
    const paths = fake.server.requests.map((r) => r.path);
    expect(paths).toContain("/api/v3/secrets/raw/SMTP_PASSWORD__EXPIRES_AT");
    expect(paths).not.toContain("/api/v3/secrets/raw/SMTP_PASSWORD");
  });

  it("answers undefined when there is no companion (expiry unknown, not an error)", async () => {
    expect(await client.readExpiryCompanion(at, "NO_EXPIRY")).toBeUndefined();
  });

  it("explains 401, 403 and 404", async () => {
    const bad = new InfisicalClient({ token: "not-a-token", baseUrl: fake.url, retries: 0 });
    await expect(bad.listSecretMetadata(at)).rejects.toThrow(
      "Infisical refused the token (401): pass a valid service token or machine identity access token in 'infisical-token'",
    );
    const denied = new InfisicalClient({ token: forbidden, baseUrl: fake.url, retries: 0 });
    await expect(denied.listSecretMetadata(at)).rejects.toThrow(
      "Infisical token may not read secrets of project proj1 environment prod path / (403): give the token read access to that project and environment",
    );
    await expect(client.listSecretMetadata({ ...at, projectId: "nope" })).rejects.toThrow(
      "Infisical has no project nope environment prod path / (404): check the secret's project, environment and path",
    );
    await expect(client.listSecretMetadata({ ...at, environment: "staging" })).rejects.toMatchObject({
      status: 404,
    });
  });

  it("retries a 503 and then succeeds", async () => {
    const retrying = new InfisicalClient({ token, baseUrl: fake.url, retries: 2, backoffMs: 5 });
    fake.server.flap("GET", "/api/v3/secrets/raw", 1, { kind: "status", status: 503 });
    const before = fake.server.requestsTo("GET", "/api/v3/secrets/raw").length;
    expect((await retrying.listSecretMetadata(at)).length).toBe(3);
    expect(fake.server.requestsTo("GET", "/api/v3/secrets/raw").length - before).toBe(2);
  });
});
