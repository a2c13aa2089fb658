import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAuditRecord } from "../../src/core/audit.js";
import { parseCheckpointJson } from "../../src/core/audit-checkpoint.js";
import { AuditStore } from "../../src/store/audit.js";
import { connect } from "../../src/store/db.js";
import { PYTHON_VERIFIER, type PythonVerdict } from "../support/audit-chain.js";
import { expectNoCanary } from "../support/canary.js";
import { freshDatabase } from "../support/db.js";
import { node24 } from "../support/node24.js";
import { repoRoot, runAction } from "../support/run-action.js";

function cli(args: string[], env: Record<string, string>) {
  const r = spawnSync(node24(), [join(repoRoot, "dist/cli/index.js"), ...args], {
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", NO_COLOR: "1", HOME: tmpdir(), ...env },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function python(exportFile: string, publicKey: string, checkpoints: string[] = []): PythonVerdict {
  const args = [PYTHON_VERIFIER, exportFile, "--json", "--public-key", publicKey];
  for (const c of checkpoints) args.push("--checkpoint", c);
  const r = spawnSync("python3", args, { encoding: "utf8" });
  if (r.status !== 0 && r.status !== 1) throw new Error(`python verifier: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

const deploy = (phase: "started" | "completed") => ({
  action: "deploy.production",
  phase,
  ...(phase === "completed" ? { outcome: "success" } : {}),
  actor: "ada@example.com",
  "approved-by": "grace@example.com",
  target: "shop-prod",
  "from-sha": "abc1234",
  "to-sha": "def5678",
  environment: "production",
});

describe("the verifiable audit trail through the CLI and the audit-write bundle", () => {
  const temp = mkdtempSync(join(tmpdir(), "prodgate-chain-cli-"));
  let signingKey: string;
  let publicKey: string;
  let db: { url: string; drop(): Promise<void> };
  let client: pg.Client;

  beforeAll(async () => {
    const keys = cli(["audit", "keygen"], {});
    expect(keys.code).toBe(0);
    signingKey = /^PRODGATE_AUDIT_SIGNING_KEY=(\S+)$/m.exec(keys.stdout)![1]!;
    publicKey = /^PRODGATE_AUDIT_PUBLIC_KEY=(\S+)$/m.exec(keys.stdout)![1]!;
    expect(keys.stderr).toMatch(/key [0-9a-f]{16}: store the signing key/);
    expect(keys.stderr).not.toContain(signingKey);
    db = await freshDatabase("chain_cli");
    client = await connect(db.url);
  });
  afterAll(async () => {
    await client.end();
    await db.drop();
    rmSync(temp, { recursive: true, force: true });
  });

  const env = () => ({ DATABASE_URL: db.url, PRODGATE_AUDIT_SIGNING_KEY: signingKey });

  it("audit-write with audit-signing-key writes the row, then a signed checkpoint into the table, the summary and the log; the key is masked", async () => {
    const a = await runAction("audit-write", {
      inputs: { "database-url": db.url, ...deploy("started"), "audit-signing-key": signingKey },
      env: { GITHUB_RUN_ID: "9001" },
    });
    expect(a.errors).toEqual([]);
    const b = await runAction("audit-write", {
      inputs: { "database-url": db.url, ...deploy("completed"), "audit-signing-key": signingKey },
      env: { GITHUB_RUN_ID: "9001" },
    });
    expect(b.code).toBe(0);
    expect(b.masks).toContain(signingKey);
    expect(b.summary).toMatch(/## Audit checkpoint: console_audit_log at position 2/);
    const block = /```json\n([\s\S]*?)\n```/.exec(b.summary)![1]!;
    const doc = parseCheckpointJson("summary", block);
    expect(doc).toMatchObject({ position: 2, reason: "audit-write", row_id: b.outputs["audit-id"] });
    expect(b.log).toContain(`audit checkpoint {"type":"prodgate.audit.checkpoint"`);
    const stored = await client.query("SELECT position FROM console_audit_log_checkpoints ORDER BY id");
    expect(stored.rows.map((r) => Number(r.position))).toEqual([1, 2]);
    expectNoCanary([signingKey], { a, b });
    // The document from the summary is what --checkpoint reads.
    writeFileSync(join(temp, "from-summary.json"), block);
    const v = cli(
      ["audit", "verify", "--checkpoint", join(temp, "from-summary.json"), "--public-key", publicKey],
      {
        DATABASE_URL: db.url,
      },
    );
    expect(v.code).toBe(0);
    expect(v.stderr).toMatch(
      /audit chain of console_audit_log holds: 3 row\(s\), head at position 2, 3 signed checkpoint\(s\) hold/,
    );
  });

  it("without a key the row is written as before and the summary says the trail is not signed", async () => {
    const r = await runAction("audit-write", {
      inputs: { "database-url": db.url, ...deploy("started") },
      env: { GITHUB_RUN_ID: "9002" },
    });
    expect(r.code).toBe(0);
    expect(r.summary).toContain("## Audit trail not signed");
    expect(r.log).toContain("audit trail of console_audit_log not signed");
    const bad = await runAction("audit-write", {
      inputs: { "database-url": db.url, ...deploy("started"), "audit-signing-key": "not-a-key" },
      env: { GITHUB_RUN_ID: "9003" },
    });
    expect(bad.code).toBe(1);
    expect(bad.errors[0]).toContain("Input 'audit-signing-key' is not an Ed25519 private key");
    expect(bad.errors[0]).not.toContain("not-a-key");
  });

  it("audit checkpoint --out, export and the Python verifier agree on a clean chain", async () => {
    const out = join(temp, "hourly.json");
    const c = cli(["audit", "checkpoint", "--out", out], env());
    expect(c.code).toBe(0);
    expect(c.stderr).toContain(`written to ${out}`);
    const doc = JSON.parse(readFileSync(out, "utf8"));
    expect(doc).toMatchObject({ type: "prodgate.audit.checkpoint", reason: "manual", position: 3 });
    const stdout = cli(["audit", "checkpoint"], env());
    expect(JSON.parse(stdout.stdout).position).toBe(3);
    expectNoCanary([signingKey], { c: c.stdout + c.stderr, stdout: stdout.stdout + stdout.stderr });

    const ex = cli(["audit", "export", "--format", "jsonl", "--out", join(temp, "clean.jsonl")], {
      DATABASE_URL: db.url,
    });
    expect(ex.code).toBe(0);
    expect(ex.stderr).toMatch(/exported 4 row\(s\) and 4 checkpoint\(s\)/);
    expect(python(join(temp, "clean.jsonl"), publicKey, [out])).toMatchObject({ ok: true, rows: 4 });
    const json = cli(["audit", "verify", "--checkpoint", out, "--json"], env());
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, rows: 4, checkpoints: { total: 5, valid: 5 } });
    const missingKey = cli(["audit", "verify", "--checkpoint", out], { DATABASE_URL: db.url });
    expect(missingKey.code).toBe(2);
    expect(missingKey.stderr).toContain("Input '--public-key' is required to check a --checkpoint");
    const badFormat = cli(["audit", "export", "--format", "csv"], { DATABASE_URL: db.url });
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain("Input '--format' must be jsonl");
  });

  it("audit erase needs the typed confirmation, writes audit.erased, and the chain still verifies", async () => {
    const refused = cli(["audit", "erase", "--actor", "ada@example.com", "--as", "dpo@example.com"], env());
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('Pass --confirm "erase ada@example.com"');
    const wrong = cli(
      ["audit", "erase", "--actor", "ada@example.com", "--confirm", "erase ada", "--as", "dpo@example.com"],
      env(),
    );
    expect(wrong.code).toBe(3);
    const erased = cli(
      [
        "audit",
        "erase",
        "--actor",
        "ada@example.com",
        "--confirm",
        "erase ada@example.com",
        "--as",
        "dpo@example.com",
        "--json",
      ],
      env(),
    );
    expect(erased.code).toBe(0);
    expect(JSON.parse(erased.stdout)).toMatchObject({ rows: 3, erasure: { position: 4 } });
    const row = await client.query("SELECT actor, context FROM console_audit_log WHERE position = 4");
    expect(row.rows[0]).toMatchObject({ actor: "dpo@example.com", context: { rows: 3, fields: 6 } });
    const grace = cli(
      [
        "audit",
        "erase",
        "--actor",
        "GRACE@example.com",
        "--confirm",
        "erase GRACE@example.com",
        "--as",
        "dpo@example.com",
      ],
      env(),
    );
    expect(grace.code).toBe(0);
    expect(grace.stderr).toMatch(/erased from 3 row\(s\); recorded as audit\.erased row #\d+ \(position 5\)/);
    const ex = cli(["audit", "export", "--out", join(temp, "erased.jsonl")], { DATABASE_URL: db.url });
    expect(ex.code).toBe(0);
    const text = readFileSync(join(temp, "erased.jsonl"), "utf8");
    expect(text.toLowerCase()).not.toContain("ada@example.com");
    expect(text.toLowerCase()).not.toContain("grace@example.com");
    expect(python(join(temp, "erased.jsonl"), publicKey, [join(temp, "hourly.json")])).toMatchObject({
      ok: true,
    });
    const v = cli(["audit", "verify", "--checkpoint", join(temp, "hourly.json")], env());
    expect(v.code).toBe(0);
  });

  it("db prune records a signed checkpoint of the pruned prefix, and verify holds from there", async () => {
    const old = await freshDatabase("chain_prune");
    try {
      const store = await AuditStore.open(old.url);
      for (let i = 0; i < 5; i++)
        await store.write(
          buildAuditRecord({
            action: "deploy.production",
            phase: "started",
            actor: "ada@example.com",
            target: "shop",
            runId: `old-${i}`,
            createdAt: new Date(Date.UTC(2021, 0, 1 + i)),
          }),
        );
      await store.write(
        buildAuditRecord({
          action: "deploy.production",
          phase: "started",
          actor: "ada@example.com",
          target: "shop",
          runId: "new",
          createdAt: new Date(),
        }),
      );
      await store.close();
      const p = cli(["db", "prune", "--older-than", "2y"], { ...env(), DATABASE_URL: old.url });
      expect(p.code).toBe(0);
      expect(p.stderr).toMatch(/checkpoint of the pruned prefix \(position 5\) signed and stored/);
      expect(p.stderr).toMatch(/deleted 6 audit row\(s\)/);
      expectNoCanary([signingKey], { p: p.stdout + p.stderr });
      const v = cli(["audit", "verify", "--public-key", publicKey, "--json"], { DATABASE_URL: old.url });
      expect(v.code).toBe(0);
      expect(JSON.parse(v.stdout)).toMatchObject({ ok: true, start: 6, rows: 1 });
      const ex = cli(["audit", "export", "--out", join(temp, "pruned.jsonl")], { DATABASE_URL: old.url });
      expect(ex.code).toBe(0);
      expect(python(join(temp, "pruned.jsonl"), publicKey)).toMatchObject({ ok: true, rows: 1 });
    } finally {
      await old.drop();
    }
  });

  it("verify exits 1 naming the first break and its row id: modified, then truncated behind a saved checkpoint", async () => {
    const target = await client.query<{ id: string; context: unknown }>(
      "SELECT id, context FROM console_audit_log WHERE position = 2",
    );
    const { id, context } = target.rows[0]!;
    await client.query(
      `UPDATE console_audit_log SET context = jsonb_set(context, '{to_sha}', '"0000000"') WHERE id = $1`,
      [id],
    );
    const v = cli(["audit", "verify", "--public-key", publicKey], { DATABASE_URL: db.url });
    expect(v.code).toBe(1);
    expect(v.stderr).toContain(
      `broken: modified: row id ${id} at position 2: its fields no longer match its row_hash`,
    );
    cli(["audit", "export", "--out", join(temp, "modified.jsonl")], { DATABASE_URL: db.url });
    expect(python(join(temp, "modified.jsonl"), publicKey)).toMatchObject({
      ok: false,
      kind: "modified",
      id,
    });
    await client.query("UPDATE console_audit_log SET context = $1 WHERE id = $2", [
      JSON.stringify(context),
      id,
    ]);
    expect(cli(["audit", "verify"], { DATABASE_URL: db.url }).code).toBe(0);

    for (const phase of ["started", "completed"] as const) {
      const r = await runAction("audit-write", {
        inputs: { "database-url": db.url, ...deploy(phase), "audit-signing-key": signingKey },
        env: { GITHUB_RUN_ID: "9004" },
      });
      expect(r.code).toBe(0);
    }
    const saved = join(temp, "latest.json");
    expect(cli(["audit", "checkpoint", "--out", saved], env()).code).toBe(0);
    await client.query(
      "DELETE FROM console_audit_log WHERE position >= 6; DELETE FROM console_audit_log_checkpoints",
    );
    const t = cli(["audit", "verify", "--checkpoint", saved, "--public-key", publicKey, "--json"], {
      DATABASE_URL: db.url,
    });
    expect(t.code).toBe(1);
    const report = JSON.parse(t.stdout);
    const head = await client.query<{ id: string }>("SELECT id FROM console_audit_log WHERE position = 5");
    expect(report.break).toMatchObject({ kind: "truncated", id: head.rows[0]!.id, position: 5 });
    cli(["audit", "export", "--out", join(temp, "truncated.jsonl")], { DATABASE_URL: db.url });
    expect(python(join(temp, "truncated.jsonl"), publicKey, [saved])).toMatchObject({
      ok: false,
      kind: "truncated",
      id: head.rows[0]!.id,
    });
    // Without the saved checkpoint, the truncation cannot be seen: that is what publishing checkpoints is for.
    expect(cli(["audit", "verify"], { DATABASE_URL: db.url }).code).toBe(0);
  });
});
