import { InfisicalSDK } from "@infisical/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HIDDEN_VALUE, InfisicalApiFake } from "../../src/sandbox/infisical-api.js";
import { InfisicalClient } from "../../src/vendors/infisical.js";
import { canary, expectNoCanary } from "../support/canary.js";

/**
 * The Infisical fake driven by Infisical's own Node SDK (`@infisical/sdk`): universal-auth login, then the
 * reads prodgate makes (a folder's secrets with values hidden, one `__EXPIRES_AT` companion by name). The SDK
 * speaks the v3 raw-secrets API; prodgate's client reads the same fake through v4, and both must agree.
 */
describe("the Infisical fake, as @infisical/sdk sees it", () => {
  const clientId = `ua-${canary("client-id").slice(-12)}`;
  const clientSecret = canary("ua-client-secret");
  const value = canary("smtp-password");
  const shared = canary("shared");
  const at = { projectId: "proj-sdk", environment: "prod", secretPath: "/" };
  const fake = new InfisicalApiFake().addIdentity(clientId, clientSecret);

  beforeAll(async () => {
    fake
      .add({
        ...at,
        path: "/",
        key: "SMTP_PASSWORD",
        value,
        createdAt: "2025-01-01T00:00:00.000Z",
        updatedAt: "2026-03-01T08:00:00.000Z",
        version: 3,
      })
      .add({
        ...at,
        path: "/",
        key: "SMTP_PASSWORD__EXPIRES_AT",
        value: "2026-06-01T00:00:00Z",
        createdAt: "2026-03-01T08:00:00.000Z",
        updatedAt: "2026-03-01T08:00:00.000Z",
      })
      .add({
        ...at,
        path: "/shared",
        key: "SHARED_KEY",
        value: shared,
        createdAt: "2026-01-01T00:00:00.000Z",
        updatedAt: "2026-02-01T00:00:00.000Z",
      })
      .addImport({ ...at, path: "/", from: { environment: "prod", path: "/shared" } });
    await fake.start();
  });
  afterAll(() => fake.stop());

  async function loggedIn(): Promise<InfisicalSDK> {
    return new InfisicalSDK({ siteUrl: fake.url }).auth().universalAuth.login({ clientId, clientSecret });
  }

  it("logs in with universal auth, lists with values hidden, and agrees with prodgate's client", async () => {
    const sdk = await loggedIn();
    const accessToken = sdk.auth().getAccessToken();
    expect(typeof accessToken).toBe("string");
    const login = fake.server.requestsTo("POST", "/api/v1/auth/universal-auth/login");
    expect(login).toHaveLength(1);
    expect(login[0]?.headers["content-type"]).toBe("application/json");

    const listed = await sdk.secrets().listSecrets({
      projectId: at.projectId,
      environment: at.environment,
      secretPath: "/",
      viewSecretValue: false,
      expandSecretReferences: false,
      includeImports: true,
    });
    expect(listed.secrets.map((s) => s.secretKey)).toEqual(["SMTP_PASSWORD", "SMTP_PASSWORD__EXPIRES_AT"]);
    for (const s of listed.secrets) {
      expect(s.secretValueHidden).toBe(true);
      expect(s.secretValue).toBe(HIDDEN_VALUE);
      expect(s.type).toBe("shared");
    }
    expect(
      listed.imports?.map((i) => [i.secretPath, i.environment, i.secrets.map((s) => s.secretKey)]),
    ).toEqual([["/shared", "prod", ["SHARED_KEY"]]]);
    expectNoCanary([value, shared], { listed });
    // The SDK went through v3, as it does, with v3's workspaceId.
    const v3 = fake.server.requestsTo("GET", "/api/v3/secrets/raw").at(-1);
    expect(new URL(v3?.url ?? "", "http://x").searchParams.get("workspaceId")).toBe(at.projectId);

    // prodgate's client, given the same machine identity's access token, reads the same through v4.
    const client = new InfisicalClient({ token: String(accessToken), baseUrl: fake.url, retries: 0 });
    const ours = await client.listSecretMetadata(at);
    expect(client.apiVersion).toBe("v4");
    const own = listed.secrets.map((s) => ({
      key: s.secretKey,
      createdAt: s.createdAt,
      updatedAt: s.updatedAt,
      version: s.version,
    }));
    // Imported secrets come without dates from Infisical; the SDK has nothing more to say about them.
    const imported = (listed.imports ?? []).flatMap((i) =>
      i.secrets.map((s) => ({ key: s.secretKey, version: s.version })),
    );
    expect(ours).toEqual([...own, ...imported]);
  });

  it("reads the __EXPIRES_AT companion by name, as prodgate's client does", async () => {
    const sdk = await loggedIn();
    const secret = await sdk.secrets().getSecret({
      projectId: at.projectId,
      environment: at.environment,
      secretPath: "/",
      secretName: "SMTP_PASSWORD__EXPIRES_AT",
      expandSecretReferences: false,
    });
    expect(secret.secretKey).toBe("SMTP_PASSWORD__EXPIRES_AT");
    expect(secret.secretValueHidden).toBe(false);
    expect(secret.secretValue).toBe("2026-06-01T00:00:00Z");
    const client = new InfisicalClient({ token: String(sdk.auth().getAccessToken()), baseUrl: fake.url });
    expect(await client.readExpiryCompanion(at, "SMTP_PASSWORD")).toBe(secret.secretValue);
  });

  it("is refused as Infisical refuses it: bad client secret, no login, unknown project, unknown secret", async () => {
    await expect(
      new InfisicalSDK({ siteUrl: fake.url }).auth().universalAuth.login({ clientId, clientSecret: "wrong" }),
    ).rejects.toThrow(/\[StatusCode=401\] Invalid credentials$/);
    const anonymous = new InfisicalSDK({ siteUrl: fake.url });
    await expect(
      anonymous.secrets().listSecrets({ projectId: at.projectId, environment: "prod" }),
    ).rejects.toThrow(/\[StatusCode=401\] Token missing$/);
    const sdk = await loggedIn();
    await expect(sdk.secrets().listSecrets({ projectId: "nope", environment: "prod" })).rejects.toThrow(
      /\[StatusCode=404\] Project with ID 'nope' not found$/,
    );
    await expect(
      sdk.secrets().getSecret({ projectId: at.projectId, environment: "prod", secretName: "MISSING" }),
    ).rejects.toThrow(/\[StatusCode=404\] Secret with name 'MISSING' not found$/);
  });

  it("is served by an older self-hosted server too, where prodgate's client falls back to v3", async () => {
    fake.versions.delete("v4");
    try {
      const sdk = await loggedIn();
      const listed = await sdk.secrets().listSecrets({
        projectId: at.projectId,
        environment: at.environment,
        viewSecretValue: false,
      });
      const client = new InfisicalClient({ token: String(sdk.auth().getAccessToken()), baseUrl: fake.url });
      const ours = await client.listSecretMetadata(at);
      expect(client.apiVersion).toBe("v3");
      expect(ours.slice(0, listed.secrets.length).map((s) => s.key)).toEqual(
        listed.secrets.map((s) => s.secretKey),
      );
    } finally {
      fake.versions.add("v4");
    }
  });
});
