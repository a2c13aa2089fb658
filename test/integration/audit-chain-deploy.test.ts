import { createPublicKey, generateKeyPairSync } from "node:crypto";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportKeyPair, parseCheckpointJson } from "../../src/core/audit-checkpoint.js";
import type { Reporter } from "../../src/core/ports.js";
import { type DeployResult, type DeploySettings, runDeploy } from "../../src/pipelines/deploy.js";
import { AuditStore } from "../../src/store/audit.js";
import { connect } from "../../src/store/db.js";
import { expectNoCanary } from "../support/canary.js";
import { type DeployWorld, startDeployWorld } from "../support/deploy-world.js";

/** A deploy and its automatic rollback, with and without audit-signing-key: checkpoints after outcome rows. */

function recorder(): { reporter: Reporter; lines: string[]; masked: string[] } {
  const lines: string[] = [];
  const masked: string[] = [];
  return {
    lines,
    masked,
    reporter: {
      info: (m) => lines.push(m),
      warning: (m) => lines.push(`warning: ${m}`),
      error: (m) => lines.push(`error: ${m}`),
      debug: () => {},
      secret: (s) => masked.push(s),
      group: (_t, fn) => fn(),
    },
  };
}

describe("deploys and rollbacks sign a checkpoint after their outcome rows", () => {
  let w: DeployWorld;
  let run = 500;
  const pair = exportKeyPair(generateKeyPairSync("ed25519").privateKey);
  const outputs: unknown[] = [];

  const settings = (app: string, sha: string, over: Partial<DeploySettings> = {}): DeploySettings => ({
    app,
    environment: "production",
    productionEnvironments: ["production"],
    ref: sha,
    surface: { kind: "heroku", apiKey: w.herokuKey, method: "git", force: false },
    trigger: "local-script",
    actor: "ops@example.com",
    runId: `chain-test-${++run}`,
    health: {
      attempts: 1,
      intervalMs: 50,
      timeoutMs: 2000,
      expectStatus: { codes: [200], classes: [], text: "200" },
      headers: {},
      method: "GET",
      followRedirects: true,
    },
    rollbackOnFailure: true,
    audit: { databaseUrl: w.databaseUrl, spoolDir: join(w.dir, `spool-${run}`), signingKey: pair.privateKey },
    lockWaitMs: 5_000,
    cwd: w.checkout(sha),
    ...over,
  });

  const deploy = async (
    s: DeploySettings,
  ): Promise<{ r: DeployResult; lines: string[]; masked: string[] }> => {
    const { reporter, lines, masked } = recorder();
    const r = await runDeploy(s, { reporter });
    outputs.push(r, lines);
    return { r, lines, masked };
  };

  beforeAll(async () => {
    w = await startDeployWorld();
    process.env.HEROKU_API_URL = w.hk.env.HEROKU_API_URL;
    process.env.HEROKU_GIT_URL = w.hk.env.HEROKU_GIT_URL;
  });
  afterAll(async () => {
    expectNoCanary([pair.privateKey], { outputs });
    await w.stop();
  });

  const checkpoints = async () => {
    const c = await connect(w.databaseUrl);
    try {
      return (
        await c.query<{ position: string; reason: string }>(
          "SELECT position, reason FROM console_audit_log_checkpoints ORDER BY id",
        )
      ).rows;
    } finally {
      await c.end();
    }
  };

  it("a deploy with a key: the checkpoint pins the outcome row, in the table, the summary and the log", async () => {
    await w.app("chain-ok", w.shas[3]);
    const { r, lines, masked } = await deploy(settings("chain-ok", w.shas[6]!));
    expect(r.outcome).toBe("success");
    expect(masked).toContain(pair.privateKey);
    const completed = (await w.auditRows("chain-ok")).find((x) => x.context.phase === "completed")!;
    const stored = await checkpoints();
    expect(stored.at(-1)).toMatchObject({ reason: "deploy" });
    const block =
      /## Audit checkpoint: console_audit_log at position (\d+)[\s\S]*?```json\n([\s\S]*?)\n```/.exec(
        r.summary,
      );
    expect(block).not.toBeNull();
    const doc = parseCheckpointJson("summary", block![2]!);
    expect(doc).toMatchObject({
      row_id: completed.id,
      reason: "deploy",
      position: Number(stored.at(-1)!.position),
    });
    expect(lines.some((l) => l.startsWith('audit checkpoint {"type":"prodgate.audit.checkpoint"'))).toBe(
      true,
    );
    const store = await AuditStore.open(w.databaseUrl, { migrate: false });
    try {
      const report = await store.verify({
        publicKey: createPublicKey({
          key: Buffer.from(pair.publicKey, "base64"),
          format: "der",
          type: "spki",
        }),
        checkpoints: [{ source: "summary", doc }],
      });
      expect(report).toMatchObject({ ok: true });
      expect(report.checkpoints.valid).toBe(report.checkpoints.total);
    } finally {
      await store.close();
    }
  });

  it("a failed health check rolls back: a checkpoint after the deploy's outcome and one after the rollback's", async () => {
    await w.app("chain-rb", w.shas[2]);
    w.healthStatus.set("chain-rb", 503);
    const before = (await checkpoints()).length;
    const { r } = await deploy(settings("chain-rb", w.shas[5]!));
    expect(r.outcome).toBe("rolled_back");
    const after = (await checkpoints()).slice(before);
    expect(after.map((c) => c.reason)).toEqual(["deploy", "rollback"]);
    expect(Number(after[1]!.position)).toBeGreaterThan(Number(after[0]!.position));
    expect(r.summary.match(/## Audit checkpoint:/g)).toHaveLength(2);
  });

  it("without a key the deploy works as before and the summary says the trail is not signed", async () => {
    await w.app("chain-unsigned", w.shas[3]);
    const before = (await checkpoints()).length;
    const s = settings("chain-unsigned", w.shas[4]!);
    const { r } = await deploy({ ...s, audit: { ...s.audit, signingKey: undefined } });
    expect(r.outcome).toBe("success");
    expect(r.summary).toContain("## Audit trail not signed");
    expect((await checkpoints()).length).toBe(before);
  });
});
