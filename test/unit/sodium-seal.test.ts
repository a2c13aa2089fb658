import { describe, expect, it } from "vitest";
import { seal } from "../../src/vendors/github-secrets.js";
import { sodium } from "../../src/vendors/sodium.js";

describe("GitHub secret sealing", () => {
  it("seals a value that only the private key opens", async () => {
    const s = await sodium();
    const kp = s.crypto_box_keypair();
    const sealed = await seal("the value", s.to_base64(kp.publicKey, s.base64_variants.ORIGINAL));
    const box = s.from_base64(sealed, s.base64_variants.ORIGINAL);
    expect(box.length).toBe("the value".length + s.crypto_box_SEALBYTES);
    expect(s.to_string(s.crypto_box_seal_open(box, kp.publicKey, kp.privateKey))).toBe("the value");
    const other = s.crypto_box_keypair();
    expect(() => s.crypto_box_seal_open(box, other.publicKey, other.privateKey)).toThrow();
  });

  it("refuses a public key that is not 32 bytes of base64", async () => {
    await expect(seal("v", "AAAA")).rejects.toThrow(/public key is 3 bytes, not 32/);
  });
});
