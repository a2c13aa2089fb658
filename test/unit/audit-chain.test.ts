import { execFileSync } from "node:child_process";
import { createPrivateKey, generateKeyPairSync } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  type ChainRow,
  commitment,
  commitPersonal,
  eraseSubject,
  rowHash,
  sealRow,
  sha256Hex,
  TOMBSTONE,
  ZERO_HASH,
} from "../../src/core/audit-chain.js";
import {
  buildCheckpoint,
  checkSignature,
  parsePublicKey,
  parseSigningKey,
  signingPayload,
} from "../../src/core/audit-checkpoint.js";
import { ChainVerifier } from "../../src/core/audit-verify.js";
import { CanonicalJsonError, canonicalJson } from "../../src/core/canonical-json.js";
import { repoRoot } from "../support/run-action.js";

const VECTORS = join(repoRoot, "docs/audit-chain-vectors.json");
const PY = join(repoRoot, "test/support/verify_audit.py");

/** RFC 8032 §7.1 test 1: a key everybody knows, for test vectors only. */
const VECTOR_SEED = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
const vectorKey = createPrivateKey({
  key: Buffer.from(`302e020100300506032b657004220420${VECTOR_SEED}`, "hex"),
  format: "der",
  type: "pkcs8",
});

function double(hex: string): number {
  return Buffer.from(hex, "hex").readDoubleBE(0);
}

describe("RFC 8785 canonical JSON", () => {
  it("serialises the RFC's §3.2.2 example exactly", () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001], "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}',
    );
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it("sorts members by UTF-16 code units (the RFC's §3.2.3 example)", () => {
    const input = JSON.parse(
      '{"\\u20ac": "Euro Sign", "\\r": "Carriage Return", "\\ufb33": "Hebrew Letter Dalet With Dagesh", "1": "One", "\\ud83d\\ude00": "Emoji: Grinning Face", "\\u0080": "Control", "\\u00f6": "Latin Small Letter O With Diaeresis"}',
    );
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it("writes the RFC's Appendix B numbers as ECMAScript does", () => {
    const cases: [string, string][] = [
      ["0000000000000000", "0"],
      ["8000000000000000", "0"],
      ["0000000000000001", "5e-324"],
      ["7fefffffffffffff", "1.7976931348623157e+308"],
      ["4340000000000000", "9007199254740992"],
      ["4430000000000000", "295147905179352830000"],
      ["44b52d02c7e14af6", "1e+23"],
      ["444b1ae4d6e2ef50", "1e+21"],
      ["3eb0c6f7a0b5ed8d", "0.000001"],
      ["3eb0c6f7a0b5ed8c", "9.999999999999997e-7"],
      ["41b3de4355555557", "333333333.33333343"],
      ["becbf647612f3696", "-0.0000033333333333333333"],
      ["43143ff3c1cb0959", "1424953923781206.2"],
    ];
    for (const [bits, want] of cases) expect(canonicalJson(double(bits))).toBe(want);
  });

  it("refuses what RFC 8785 refuses: NaN, Infinity, lone surrogates, values JSON cannot hold", () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, "\ud800x", { k: "\udc00" }, 1n, () => 1]) {
      expect(() => canonicalJson(bad)).toThrow(CanonicalJsonError);
    }
  });
});

function deployRow(): ChainRow {
  let n = 0;
  const salt = () => (n++).toString(16).padStart(32, "0");
  const base = {
    id: "42",
    position: 1,
    prevHash: ZERO_HASH,
    action: "deploy.production",
    actor: "octocat@example.com",
    target: "shop-prod",
    outcome: "success",
    context: {
      phase: "completed",
      actor: "octocat@example.com",
      approved_by: "hubot@example.com",
      from_sha: "abc1234",
      to_sha: "def5678",
      ts_utc: "2026-04-29T14:33:00.000Z",
      details: { release: "v12", ratio: 0.5, note: "ünïcödé €" },
    },
    idempotencyKey: "run:100:1:deploy.production:shop-prod:completed",
    createdAt: "2026-04-29T14:33:00.000000Z",
  };
  return sealRow({ ...base, personal: commitPersonal(base, salt) });
}

function genesis(): ChainRow {
  const base = {
    id: "0",
    position: 0,
    prevHash: ZERO_HASH,
    action: "audit.genesis",
    actor: "prodgate",
    target: "console_audit_log",
    outcome: null,
    context: { chain: "prodgate-audit-v1", chained_rows: 0 },
    idempotencyKey: "audit:genesis:vector",
    createdAt: "2026-04-29T14:00:00.000000Z",
  };
  return sealRow({ ...base, personal: commitPersonal(base, () => "ff".repeat(16)) });
}

function rowJson(r: ChainRow) {
  return {
    id: r.id,
    position: r.position,
    prev_hash: r.prevHash,
    row_hash: r.rowHash,
    action: r.action,
    actor: r.actor,
    target: r.target,
    outcome: r.outcome,
    context: r.context,
    idempotency_key: r.idempotencyKey,
    created_at: r.createdAt,
    personal: r.personal,
  };
}

function vectors() {
  const g = genesis();
  const d = deployRow();
  const linked = sealRow({ ...d, prevHash: g.rowHash });
  const erased = { ...linked, ...eraseSubject(linked, "OCTOCAT@example.com", 7)! };
  const checkpoint = buildCheckpoint(
    {
      table: "console_audit_log",
      position: 1,
      rowId: linked.id,
      headHash: linked.rowHash,
      time: new Date("2026-04-29T14:34:00.000Z"),
      reason: "deploy",
    },
    vectorKey,
  );
  const canonical = [
    { "\u20ac": "Euro Sign", "\r": "Carriage Return", "1": "One", "\ud83d\ude00": "Emoji" },
    { numbers: [333333333.3333333, 1e30, 4.5, 0.002, 1e-27], s: '\u000f\n"\\/', l: [null, true, false] },
  ].map((input) => ({ input, canonical: canonicalJson(input), sha256: sha256Hex(canonicalJson(input)) }));
  return {
    note: "Test vectors of docs/audit-chain.md. The signing key is RFC 8032 §7.1 test 1 (public knowledge): never use it.",
    signing_seed_hex: VECTOR_SEED,
    canonical,
    commitments: [
      {
        salt: "00000000000000000000000000000000",
        value: "octocat@example.com",
        commitment: commitment("00000000000000000000000000000000", "octocat@example.com"),
      },
    ],
    rows: [{ row: rowJson(g) }, { row: rowJson(linked) }, { row: rowJson(erased as ChainRow) }],
    checkpoints: [
      {
        public_key: "MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=",
        payload: signingPayload(checkpoint),
        document: checkpoint,
      },
    ],
  };
}

describe("the chain's hashing, commitments and checkpoints (docs/audit-chain.md vectors)", () => {
  it("reproduces the documented vectors", () => {
    const now = vectors();
    if (process.env.UPDATE_AUDIT_VECTORS) writeFileSync(VECTORS, `${JSON.stringify(now, null, 2)}\n`);
    expect(JSON.parse(readFileSync(VECTORS, "utf8"))).toEqual(JSON.parse(JSON.stringify(now)));
  });

  it("the independent Python verifier agrees with every vector (and the RFC's numbers)", () => {
    const out = execFileSync("python3", [PY, "--self-test", VECTORS], { encoding: "utf8" });
    expect(out).toMatch(/self-test: 24 numbers, 2 canonical, 3 rows, 1 checkpoints/);
  });

  it("an erased row keeps its hash; changing a personal value without erasing breaks its commitment", () => {
    const row = deployRow();
    const erased = { ...row, ...eraseSubject(row, "octocat@example.com", 9)! };
    expect(erased.actor).toBe(TOMBSTONE);
    expect(erased.context.actor).toBe(TOMBSTONE);
    expect(erased.context.approved_by).toBe("hubot@example.com");
    expect(erased.personal.actor?.salt).toBeUndefined();
    expect(rowHash(erased)).toBe(row.rowHash);
    const forged = { ...row, actor: "mallory@example.com" };
    expect(rowHash(forged)).toBe(row.rowHash);
    const v = new ChainVerifier("t", []);
    v.push(genesis());
    v.push(sealRow({ ...forged, prevHash: genesis().rowHash }));
    const report = v.finish();
    expect(report.break).toMatchObject({ kind: "modified", id: "42" });
    expect(report.break?.message).toMatch(/actor no longer matches its commitment/);
  });

  it("signs checkpoints that verify with the public key and fail with another or when edited", () => {
    const doc = vectors().checkpoints[0]!.document;
    const pub = parsePublicKey(
      "--public-key",
      "MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=",
    );
    expect(checkSignature(doc, pub)).toBe("valid");
    expect(checkSignature({ ...doc, position: 2 }, pub)).toBe("invalid");
    const other = generateKeyPairSync("ed25519").publicKey;
    expect(checkSignature(doc, other)).toBe("invalid");
    expect(checkSignature({ ...doc, signature: null }, pub)).toBe("unsigned");
    expect(() => parseSigningKey("audit-signing-key", "not a key")).toThrow(
      /Input 'audit-signing-key' is not an Ed25519 private key/,
    );
  });
});
