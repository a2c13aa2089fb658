import { describe, expect, it } from "vitest";
import {
  type AuditRecordFields,
  buildAuditRecord,
  idempotencyKey,
  isSecretKey,
  parseAuditRecordJson,
  parseContextJson,
  REDACTED,
  redactContext,
  renderSpoolSummary,
  renderWrittenSummary,
  retentionCutoff,
  serializeAuditRecord,
  toAuditRow,
} from "../../src/core/audit.js";
import { InputError } from "../../src/core/errors.js";

const at = new Date("2026-04-29T14:33:00.000Z");
const base: AuditRecordFields = {
  action: "deploy.production",
  phase: "started",
  actor: "octocat",
  target: "shop-prod",
  fromSha: "abc1234",
  toSha: "DEF5678",
  runId: "4242",
  runAttempt: 1,
  createdAt: at,
};

describe("buildAuditRecord", () => {
  it("carries seed 002 §8's fields, run and approver, and keys on run, attempt, action, target and phase", () => {
    const r = buildAuditRecord({
      ...base,
      approvedBy: "reviewer",
      environment: "production",
      runUrl: "https://github.com/acme/shop/actions/runs/4242/attempts/1",
    });
    expect(r).toMatchObject({
      action: "deploy.production",
      phase: "started",
      actor: "octocat",
      approvedBy: "reviewer",
      target: "shop-prod",
      fromSha: "abc1234",
      toSha: "def5678",
      trigger: "ci",
      environment: "production",
      runId: "4242",
      runAttempt: 1,
      idempotencyKey: "run:4242:1:deploy.production:shop-prod:started",
    });
    expect(r.createdAt.toISOString()).toBe("2026-04-29T14:33:00.000Z");
    const row = toAuditRow(buildAuditRecord({ ...base, phase: "completed", outcome: "success" }));
    expect(row.outcome).toBe("success");
    expect(row.context).toEqual({
      action: "deploy.production",
      phase: "completed",
      actor: "octocat",
      from_sha: "abc1234",
      to_sha: "def5678",
      target_app: "shop-prod",
      trigger: "ci",
      outcome: "success",
      ts_utc: "2026-04-29T14:33:00.000Z",
      run_id: "4242",
      run_attempt: 1,
      details: {},
    });
  });

  it("gives a retried step the same key and a new attempt or another phase a different one", () => {
    const a = buildAuditRecord(base).idempotencyKey;
    expect(buildAuditRecord({ ...base, createdAt: new Date(at.getTime() + 60_000) }).idempotencyKey).toBe(a);
    expect(buildAuditRecord({ ...base, runAttempt: 2 }).idempotencyKey).not.toBe(a);
    expect(buildAuditRecord({ ...base, phase: "completed", outcome: "success" }).idempotencyKey).not.toBe(a);
    expect(buildAuditRecord({ ...base, target: "shop-staging" }).idempotencyKey).not.toBe(a);
    // Separators inside parts cannot make two different records collide.
    expect(
      idempotencyKey({ runId: "1:2", runAttempt: 1, action: "a", target: "b", phase: "started" }),
    ).not.toBe(idempotencyKey({ runId: "1", runAttempt: 2, action: "1:a", target: "b", phase: "started" }));
  });

  it.each([
    [{ phase: "begun" as never }, "phase", "must be one of started, completed"],
    [{ phase: "completed" as const }, "outcome", "is required when phase is completed"],
    [
      { phase: "completed" as const, outcome: "ok" as never },
      "outcome",
      "must be one of success, deploy_failed",
    ],
    [{ outcome: "success" as const }, "outcome", "must be empty when phase is started"],
    [{ actor: "  " }, "actor", "is required"],
    [{ target: "" }, "target", "is required"],
    [{ action: "deploy production" }, "action", "must be letters, digits"],
    [{ toSha: "not-a-sha" }, "to-sha", "must be a git commit SHA"],
    [{ trigger: "cron" as never }, "trigger", "must be one of ci, local-script"],
    [{ actor: "a\nb" }, "actor", "must not contain control characters"],
  ])("refuses %j, naming input '%s'", (change, input, problem) => {
    let error: unknown;
    try {
      buildAuditRecord({ ...base, ...change });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).input).toBe(input);
    expect((error as Error).message).toContain(problem);
  });
});

describe("redaction", () => {
  it("drops keys naming secrets at every depth and keeps metadata about them", () => {
    for (const key of [
      "token",
      "api_key",
      "apiKey",
      "HEROKU_API_KEY",
      "password",
      "dbPassword",
      "client_secret",
      "Authorization",
      "cookie",
      "Set-Cookie",
      "accesstoken",
      "credentials",
    ])
      expect(isSecretKey(key), key).toBe(true);
    for (const key of [
      "secret_name",
      "token_expires_at",
      "key_id",
      "keyboard",
      "monkey",
      "sha",
      "app",
      "reviewer",
    ])
      expect(isSecretKey(key), key).toBe(false);
  });

  it("replaces masked values wherever they occur, and known credential shapes", () => {
    const secret = "canary-masked-value-123";
    const out = redactContext(
      {
        note: secret,
        header: `Bearer ${secret}`,
        nested: { list: [secret, "ok", 3, null, { api_token: "x", deep: `${secret}!` }] },
        [secret]: "key is the secret",
        gh: "ghp_abcdefghijklmnopqrstuvwxyz0123456789",
        slack: "xoxb-1234567890-abcdefghij",
        url: "postgres://user:hunter2pass@db.example:5432/app",
        short: "abc",
      },
      [secret, "abc"],
    );
    expect(out).toEqual({
      note: REDACTED,
      header: `Bearer ${REDACTED}`,
      nested: { list: [REDACTED, "ok", 3, null, { deep: `${REDACTED}!` }] },
      [REDACTED]: "key is the secret",
      gh: REDACTED,
      slack: REDACTED,
      url: `postgres://user:${REDACTED}@db.example:5432/app`,
      short: "abc",
    });
  });

  it("is applied by buildAuditRecord before anything else sees the context", () => {
    const r = buildAuditRecord({
      ...base,
      context: { password: "pw", release: "v42 s3cret-val" },
      secrets: ["s3cret-val"],
    });
    expect(r.context).toEqual({ release: `v42 ${REDACTED}` });
  });
});

describe("parseContextJson", () => {
  it("accepts an object (or nothing) and refuses everything else without quoting the text", () => {
    expect(parseContextJson("context", "")).toEqual({});
    expect(parseContextJson("context", '{"a": {"b": 1}}')).toEqual({ a: { b: 1 } });
    expect(() => parseContextJson("context", "[1]")).toThrow(
      "Input 'context' must be a JSON object; got an array",
    );
    expect(() => parseContextJson("context", "null")).toThrow("got null");
    expect(() => parseContextJson("context", '"text"')).toThrow("got a string");
    const leaked = "{not json canary-ctx-9f8e7d}";
    expect(() => parseContextJson("context", leaked)).toThrow(
      /^Input 'context' must be a JSON object; it is not valid JSON/,
    );
    try {
      parseContextJson("context", leaked);
    } catch (err) {
      expect((err as Error).message).not.toContain("canary-ctx");
    }
  });
});

describe("spool format", () => {
  it("reads back exactly what it wrote, key included", () => {
    const record = buildAuditRecord({
      ...base,
      phase: "completed",
      outcome: "health_check_failed",
      approvedBy: "reviewer",
      context: { release: "v42" },
    });
    const back = parseAuditRecordJson("f.json", serializeAuditRecord(record));
    expect(back).toEqual(record);
  });

  it("refuses files that are not audit records", () => {
    expect(() => parseAuditRecordJson("a.json", "{")).toThrow("Input 'a.json' is not valid JSON");
    expect(() => parseAuditRecordJson("b.json", '{"version":2,"record":{}}')).toThrow(
      "is not a prodgate audit record",
    );
    const record = JSON.parse(serializeAuditRecord(buildAuditRecord(base)));
    record.record.phase = "halfway";
    expect(() => parseAuditRecordJson("c.json", JSON.stringify(record))).toThrow(
      "Input 'c.json' has an invalid field: Input 'phase' must be one of started, completed",
    );
  });

  it("puts the whole record and the replay command in the summary, fenced safely", () => {
    const record = buildAuditRecord({
      ...base,
      phase: "completed",
      outcome: "success",
      context: { note: "```oops```" },
    });
    const md = renderSpoolSummary(record, "/tmp/spool/a.json", "connection refused");
    expect(md).toContain("Audit record spooled, not in the database");
    expect(md).toContain("prodgate audit replay --spool DIR");
    expect(md).toContain("````json\n");
    expect(md).toContain(serializeAuditRecord(record).trimEnd());
    expect(renderWrittenSummary(record, "7", true)).toContain("## Audit row #7 already written");
  });
});

describe("retentionCutoff", () => {
  const now = new Date("2026-03-01T00:00:00.000Z");
  it("subtracts calendar years and months, and fixed weeks, days and hours", () => {
    expect(retentionCutoff("older-than", "2y", now).toISOString()).toBe("2024-03-01T00:00:00.000Z");
    expect(retentionCutoff("older-than", "18mo", now).toISOString()).toBe("2024-09-01T00:00:00.000Z");
    expect(retentionCutoff("older-than", "90d", now).toISOString()).toBe("2025-12-01T00:00:00.000Z");
    expect(retentionCutoff("older-than", "1w", now).toISOString()).toBe("2026-02-22T00:00:00.000Z");
    expect(retentionCutoff("older-than", "36h", now).toISOString()).toBe("2026-02-27T12:00:00.000Z");
  });
  it("refuses a bare number or a zero age", () => {
    expect(() => retentionCutoff("older-than", "2", now)).toThrow(
      "Input 'older-than' must be an age like 2y",
    );
    expect(() => retentionCutoff("older-than", "0d", now)).toThrow("must be at least 1");
  });
});
