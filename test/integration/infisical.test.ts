import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeInfisicalSecret, InfisicalApiFake } from "../../src/sandbox/infisical-api.js";
import { InfisicalClient } from "../../src/vendors/infisical.js";
import { canary, expectNoCanary } from "../support/canary.js";

const at = { projectId: "proj1", environment: "prod", secretPath: "/" };

function seed(fake: InfisicalApiFake, value: string): InfisicalApiFake {
  const base: Omit<FakeInfisicalSecret, "key" | "value" | "createdAt" | "updatedAt"> = {
    projectId: at.projectId,
    environment: at.environment,
    path: "/",
  };
  return fake
    .add({
      ...base,
      key: "SMTP_PASSWORD",
      value,
      createdAt: "2025-01-01T00:00:00.000Z",
      updatedAt: "2026-03-01T08:00:00.000Z",
      version: 4,
    })
    .add({
      ...base,
      key: "SMTP_PASSWORD__EXPIRES_AT",
      value: "2026-06-01T00:00:00Z",
      createdAt: "2026-03-01T08:00:00.000Z",
      updatedAt: "2026-03-01T08:00:00.000Z",
    })
    .add({
      ...base,
      key: "NO_EXPIRY",
      value: canary("no-expiry"),
      createdAt: "2025-01-01T00:00:00.000Z",
      updatedAt: "2025-02-01T00:00:00.000Z",
    });
}

function queryOf(url: string | undefined): URLSearchParams {
  return new URL(url ?? "", "http://x").searchParams;
}

describe("Infisical client against the loopback fake (v4 secrets API)", () => {
  const token = canary("infisical-token");
  const forbidden = canary("infisical-forbidden");
  const value = canary("smtp-password");
  const shared = canary("shared-api-key");
  const fake = new InfisicalApiFake(token);
  let client: InfisicalClient;

  beforeAll(async () => {
    fake.forbiddenTokens.add(forbidden);
    seed(fake, value)
      // A folder that imports the shared one: its secrets, and an expiry companion, arrive through the import.
      .add({
        ...at,
        path: "/app",
        key: "LOCAL_ONLY",
        value: canary("local"),
        createdAt: "2026-01-01T00:00:00.000Z",
        updatedAt: "2026-01-02T00:00:00.000Z",
      })
      .add({
        ...at,
        path: "/shared",
        key: "SHARED_KEY",
        value: shared,
        createdAt: "2026-01-01T00:00:00.000Z",
        updatedAt: "2026-02-01T00:00:00.000Z",
      })
      .add({
        ...at,
        path: "/shared",
        key: "SHARED_KEY__EXPIRES_AT",
        value: "2026-09-01T00:00:00Z",
        createdAt: "2026-01-01T00:00:00.000Z",
        updatedAt: "2026-02-01T00:00:00.000Z",
      })
      .addImport({ ...at, path: "/app", from: { environment: "prod", path: "/shared" } });
    await fake.start();
    client = new InfisicalClient({ token, baseUrl: fake.url, retries: 0 });
  });
  afterAll(() => fake.stop());

  it("lists keys and dates through v4 with values hidden, and asks for them hidden", async () => {
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
    expect(client.apiVersion).toBe("v4");
    const req = fake.server.requestsTo("GET", "/api/v4/secrets").at(-1);
    const query = queryOf(req?.url);
    expect(query.get("viewSecretValue")).toBe("false");
    expect(query.get("projectId")).toBe("proj1");
    expect(query.get("workspaceId")).toBeNull();
    expect(query.get("include_imports")).toBe("true");
    expect(req?.headers.authorization).toBe(`Bearer ${token}`);
    expect(fake.server.requestsTo("GET", /^\/api\/v3\//)).toHaveLength(0);
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

  it("reads the __EXPIRES_AT companion through v4, and nothing else", async () => {
    expect(await client.readExpiryCompanion(at, "SMTP_PASSWORD")).toBe("2026-06-01T00:00:00Z");
    const paths = fake.server.requests.map((r) => r.path);
    expect(paths).toContain("/api/v4/secrets/SMTP_PASSWORD__EXPIRES_AT");
    expect(paths).not.toContain("/api/v4/secrets/SMTP_PASSWORD");
    const query = queryOf(fake.server.requestsTo("GET", "/api/v4/secrets/:name").at(-1)?.url);
    expect(query.get("projectId")).toBe("proj1");
    expect(query.get("expandSecretReferences")).toBe("false");
  });

  it("answers undefined when there is no companion (expiry unknown, not an error)", async () => {
    expect(await client.readExpiryCompanion(at, "NO_EXPIRY")).toBeUndefined();
  });

  it("lists imported secrets (Infisical sends them without dates) and reads a companion that came by import", async () => {
    const app = { ...at, secretPath: "/app/" }; // a trailing slash is dropped, as Infisical does
    const list = await client.listSecretMetadata(app);
    expect(list).toEqual([
      {
        key: "LOCAL_ONLY",
        createdAt: "2026-01-01T00:00:00.000Z",
        updatedAt: "2026-01-02T00:00:00.000Z",
        version: 1,
      },
      { key: "SHARED_KEY", version: 1 },
      { key: "SHARED_KEY__EXPIRES_AT", version: 1 },
    ]);
    expect(await client.readExpiryCompanion(app, "SHARED_KEY")).toBe("2026-09-01T00:00:00Z");
    expectNoCanary([shared], { list });
  });

  it("explains a refused token (401, 403 TokenError, unknown service token), a denied read (403) and a 404", async () => {
    const hint = "pass a valid service token or machine identity access token in 'infisical-token'";
    const serviceToken = new InfisicalClient({ token: "st.unknown.secret", baseUrl: fake.url, retries: 0 });
    await expect(serviceToken.listSecretMetadata(at)).rejects.toThrow(
      `Infisical refused the token (401: Invalid service token): ${hint}`,
    );
    const malformed = new InfisicalClient({ token: "not-a-token", baseUrl: fake.url, retries: 0 });
    await expect(malformed.listSecretMetadata(at)).rejects.toThrow(
      `Infisical refused the token (403: The provided access token is malformed. Please use a valid token or generate a new one and try again.): ${hint}`,
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
    // An Infisical 404 is about the project, not the API: the client stays on v4.
    expect(client.apiVersion).toBe("v4");
    expect(fake.server.requestsTo("GET", /^\/api\/v3\//)).toHaveLength(0);
  });

  it("retries a 503 and then succeeds", async () => {
    const retrying = new InfisicalClient({ token, baseUrl: fake.url, retries: 2, backoffMs: 5 });
    fake.server.flap("GET", "/api/v4/secrets", 1, { kind: "status", status: 503 });
    const before = fake.server.requestsTo("GET", "/api/v4/secrets").length;
    expect((await retrying.listSecretMetadata(at)).length).toBe(3);
    expect(fake.server.requestsTo("GET", "/api/v4/secrets").length - before).toBe(2);
  });

  it("refuses what Infisical refuses: no token, a v3 parameter on v4, a malformed boolean, a missing projectId", async () => {
    const get = async (
      path: string,
      headers: Record<string, string> = { authorization: `Bearer ${token}` },
    ) => {
      const res = await fetch(`${fake.url}${path}`, { headers });
      return { status: res.status, body: (await res.json()) as { error?: string; message?: unknown } };
    };
    expect(await get("/api/v4/secrets?projectId=proj1&environment=prod", {})).toMatchObject({
      status: 401,
      body: { error: "UnauthorizedError", message: "Token missing" },
    });
    expect(await get("/api/v4/secrets?workspaceId=proj1&environment=prod")).toMatchObject({
      status: 400,
      body: { message: "Missing project id or environment" },
    });
    expect(await get("/api/v3/secrets/raw?projectId=proj1&environment=prod")).toMatchObject({
      status: 400,
      body: { message: "Missing project id or environment" },
    });
    expect(await get("/api/v4/secrets?projectId=proj1&environment=prod&viewSecretValue=0")).toMatchObject({
      status: 422,
      body: { error: "ValidationFailure", message: [{ path: ["viewSecretValue"] }] },
    });
    expect(await get("/api/v4/secrets/SMTP_PASSWORD?environment=prod")).toMatchObject({
      status: 422,
      body: { error: "ValidationFailure", message: [{ path: ["projectId"], message: "Required" }] },
    });
    expect(await get("/api/v4/secrets/SMTP_PASSWORD?projectId=proj1")).toMatchObject({
      status: 400,
      body: { message: "Missing environment" },
    });
  });
});

describe("Infisical client against an older self-hosted server (no v4 secrets API)", () => {
  const token = canary("infisical-token");
  const value = canary("smtp-password");
  const fake = seed(new InfisicalApiFake(token), value);

  beforeAll(async () => {
    fake.versions.delete("v4");
    await fake.start();
  });
  afterAll(() => fake.stop());

  it("falls back to v3 on v4's route-not-found 404, and stays on v3 for the rest of the run", async () => {
    const client = new InfisicalClient({ token, baseUrl: fake.url, retries: 0 });
    const list = await client.listSecretMetadata(at);
    expect(list.map((s) => s.key)).toEqual(["SMTP_PASSWORD", "SMTP_PASSWORD__EXPIRES_AT", "NO_EXPIRY"]);
    expect(list[0]).toEqual({
      key: "SMTP_PASSWORD",
      createdAt: "2025-01-01T00:00:00.000Z",
      updatedAt: "2026-03-01T08:00:00.000Z",
      version: 4,
    });
    expect(client.apiVersion).toBe("v3");
    expect(await client.readExpiryCompanion(at, "SMTP_PASSWORD")).toBe("2026-06-01T00:00:00Z");
    expect(await client.listSecretMetadata({ ...at, secretPath: "/" })).toHaveLength(3);
    expectNoCanary([value], { list });

    // v4 was tried once; every later call went straight to v3, with v3's workspaceId.
    expect(fake.server.requestsTo("GET", /^\/api\/v4\//)).toHaveLength(1);
    const v3 = fake.server.requestsTo("GET", /^\/api\/v3\/secrets\/raw/);
    expect(v3.map((r) => r.path)).toEqual([
      "/api/v3/secrets/raw",
      "/api/v3/secrets/raw/SMTP_PASSWORD__EXPIRES_AT",
      "/api/v3/secrets/raw",
    ]);
    for (const r of v3) {
      expect(queryOf(r.url).get("workspaceId")).toBe("proj1");
      expect(queryOf(r.url).get("projectId")).toBeNull();
    }
    expect(queryOf(v3[0]?.url).get("viewSecretValue")).toBe("false");
  });

  it("probes v4 once even when the first calls run at the same time", async () => {
    const client = new InfisicalClient({ token, baseUrl: fake.url, retries: 0 });
    const before = fake.server.requestsTo("GET", /^\/api\/v4\//).length;
    const lists = await Promise.all([
      client.listSecretMetadata(at),
      client.listSecretMetadata({ ...at, secretPath: "/" }),
      client.readExpiryCompanion(at, "SMTP_PASSWORD"),
    ]);
    expect(lists[2]).toBe("2026-06-01T00:00:00Z");
    expect(client.apiVersion).toBe("v3");
    expect(fake.server.requestsTo("GET", /^\/api\/v4\//).length - before).toBe(1);
  });

  it("says so when the server has neither API (a wrong INFISICAL_API_URL)", async () => {
    const client = new InfisicalClient({ token, baseUrl: `${fake.url}/api`, retries: 0 });
    await expect(client.listSecretMetadata(at)).rejects.toThrow(
      `Infisical at ${fake.url}/api has neither the v4 nor the v3 secrets API (404 for GET /api/v3/secrets/raw): check INFISICAL_API_URL points at the Infisical server, without /api`,
    );
  });
});
