import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type InventorySecret, parseInventory } from "../../src/core/secret-inventory.js";
import { metadataReader } from "../../src/pipelines/rotation-sweep-setup.js";
import { CloudflareApiFake } from "../../src/sandbox/cloudflare-api.js";
import { canary } from "../support/canary.js";

/** A `cloudflare-token` secret with `account-id` is verified where Cloudflare verifies account-owned tokens. */

const ACCOUNT = "0123456789abcdef0123456789abcdef";

describe("cloudflare-token secrets owned by an account", () => {
  const owned = canary("cf-account-token");
  const api = new CloudflareApiFake({ apiToken: canary("cf-pages") });
  const inventory = parseInventory(
    `secrets:
  - { name: CF_ACCOUNT, vendor: cloudflare, source: cloudflare-token, account-id: ${ACCOUNT} }
  - { name: CF_ACCOUNT_NO_ID, vendor: cloudflare, source: cloudflare-token }
`,
    "secrets.yml",
  );
  const byName = (n: string) => inventory.secrets.find((s) => s.name === n) as InventorySecret;

  beforeAll(async () => {
    await api.start();
    api.addVerifiableToken(owned, {
      accountId: ACCOUNT,
      status: "active",
      expires_on: "2026-08-01T00:00:00Z",
    });
  });
  afterAll(() => api.stop());

  it("reads account-id from the inventory and refuses it where it does not belong or is malformed", () => {
    expect(byName("CF_ACCOUNT").accountId).toBe(ACCOUNT);
    expect(byName("CF_ACCOUNT_NO_ID").accountId).toBeUndefined();
    expect(() =>
      parseInventory(
        "secrets:\n  - { name: A, vendor: cloudflare, source: cloudflare-token, account-id: acme }\n",
        "s.yml",
      ),
    ).toThrow(
      "s.yml:2:74: secrets[0] (A).account-id: must be a Cloudflare account ID (32 hex digits); got 'acme'",
    );
    expect(() =>
      parseInventory(
        `secrets:\n  - { name: A, vendor: x, source: static, account-id: ${ACCOUNT} }\n`,
        "s.yml",
      ),
    ).toThrow("secrets[0] (A).account-id: does not apply to source static (only cloudflare-token)");
  });

  it("verifies the token under its account; without account-id Cloudflare says 401 and the note says why", async () => {
    const reader = metadataReader(
      {
        cloudflareTokens: new Map([
          ["CF_ACCOUNT", owned],
          ["CF_ACCOUNT_NO_ID", owned],
        ]),
      },
      "acme/shop",
      { CLOUDFLARE_API_URL: api.url },
    );
    expect(await reader.read(byName("CF_ACCOUNT"))).toEqual({
      expiresAt: new Date("2026-08-01T00:00:00Z"),
      vendorState: "active",
    });
    expect(api.server.requestsTo("GET", `/client/v4/accounts/${ACCOUNT}/tokens/verify`)).toHaveLength(1);
    expect(await reader.read(byName("CF_ACCOUNT_NO_ID"))).toEqual({
      vendorState: "expired",
      notes: [
        "Cloudflare rejects the token as invalid (401): it was revoked, has expired or is mistyped",
        "an account-owned token verifies only under its account: set account-id on the secret",
      ],
    });
  });
});
