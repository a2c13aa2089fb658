import { describe, expect, it } from "vitest";
import {
  clientConfig,
  DatabaseError,
  databaseUrlSecrets,
  isRetryable,
  parseDatabaseUrl,
  safeDbMessage,
  withRetries,
} from "../../src/store/db.js";
import { applyNames, type Migration, migrationScope } from "../../src/store/migrate.js";

describe("database URLs", () => {
  it("honours sslmode as libpq and Heroku users write it", () => {
    const ssl = (url: string) => clientConfig(url).ssl;
    expect(ssl("postgres://u:p@db.example.com/app?sslmode=disable")).toBe(false);
    expect(ssl("postgres://u:p@db.example.com/app?sslmode=no-verify")).toEqual({ rejectUnauthorized: false });
    expect(ssl("postgres://u:p@db.example.com/app?sslmode=require")).toEqual({ rejectUnauthorized: false });
    expect(ssl("postgres://u:p@db.example.com/app?sslmode=verify-full")).toEqual({
      rejectUnauthorized: true,
    });
    const verifyCa = ssl("postgres://u:p@db.example.com/app?sslmode=verify-ca") as {
      checkServerIdentity?: unknown;
    };
    expect(typeof verifyCa.checkServerIdentity).toBe("function");
    // Without sslmode a non-loopback host is verified like verify-full (Heroku Postgres URLs need
    // sslmode=no-verify); loopback servers usually have no TLS.
    expect(ssl("postgres://u:p@ec2-1-2-3-4.compute-1.amazonaws.com:5432/d1")).toEqual({
      rejectUnauthorized: true,
    });
    expect(ssl("postgres://u:p@ec2-1-2-3-4.compute-1.amazonaws.com:5432/d1?sslmode=no-verify")).toEqual({
      rejectUnauthorized: false,
    });
    expect(ssl("postgres://u:p@127.0.0.1:5432/app")).toBe(false);
    expect(ssl("postgres://u:p@localhost/app?sslmode=prefer")).toBe(false);
  });

  it("takes the URL apart (percent-decoded) with the timeouts", () => {
    const c = clientConfig("postgresql://us%40er:p%2Fss@[::1]:6543/my%20db", {
      connectTimeoutMs: 1234,
      statementTimeoutMs: 5678,
    });
    expect(c).toMatchObject({
      host: "::1",
      port: 6543,
      user: "us@er",
      password: "p/ss",
      database: "my db",
      connectionTimeoutMillis: 1234,
      statement_timeout: 5678,
    });
  });

  it("refuses malformed URLs without echoing them", () => {
    const secret = "canary-url-pass-77";
    for (const [raw, problem] of [
      [`http://u:${secret}@h/db`, "must be a postgres:// URL; got scheme 'http'"],
      [`postgres://u:${secret}@h:port/db`, "is not a valid postgres:// URL"],
      [`postgres://u:${secret}@h`, "has no database name"],
      [`postgres://u:${secret}@h/db?sslmode=maybe`, "has an unknown sslmode 'maybe'"],
      [`not a url ${secret}`, "is not a valid postgres:// URL"],
    ]) {
      expect(() => parseDatabaseUrl("database-url", raw!)).toThrow(`Input 'database-url' ${problem}`);
      try {
        parseDatabaseUrl("database-url", raw!);
      } catch (err) {
        expect((err as Error).message).not.toContain(secret);
      }
    }
  });

  it("lists the URL and its password (decoded too) as secrets", () => {
    expect(databaseUrlSecrets("postgres://u:p%40ssw0rd@h/db")).toEqual([
      "postgres://u:p%40ssw0rd@h/db",
      "p%40ssw0rd",
      "p@ssw0rd",
    ]);
  });
});

describe("database error messages", () => {
  const url = "postgres://canary-user:canary-pass@db-canary.internal:5432/canary-db";
  const pgError = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});

  it("never carry the user, password, host or database of the URL", () => {
    const cases = [
      pgError('password authentication failed for user "canary-user"', "28P01"),
      pgError('database "canary-db" does not exist', "3D000"),
      pgError("connect ECONNREFUSED db-canary.internal:5432", "ECONNREFUSED"),
      pgError(
        'no pg_hba.conf entry for host "1.2.3.4", user "canary-user", database "canary-db", SSL off',
        "28000",
      ),
      pgError(
        "Hostname/IP does not match certificate's altnames: Host: db-canary.internal. is not in the cert's altnames",
      ),
      pgError(`something about ${url}`),
      pgError('relation "canary-db" does not exist', "42P01"),
    ];
    for (const err of cases) {
      const message = safeDbMessage(err, url);
      expect(message).not.toMatch(/canary/);
      expect(message.length).toBeGreaterThan(5);
    }
    expect(safeDbMessage(cases[2], url)).toBe("connection refused");
    expect(safeDbMessage(pgError("The server does not support SSL connections"), url)).toContain(
      "sslmode=disable",
    );
    const unverified = safeDbMessage(
      pgError(
        "Hostname/IP does not match certificate's altnames: Host: db-canary.internal. is not in the cert's altnames",
        "ERR_TLS_CERT_ALTNAME_INVALID",
      ),
      url,
    );
    expect(unverified).toContain("the server's TLS certificate could not be verified");
    expect(unverified).toContain("For Heroku Postgres");
    expect(unverified).toContain("add sslmode=no-verify");
    expect(unverified).not.toMatch(/canary/);
  });

  it("classify connection failures as retryable and SQL errors as not", () => {
    expect(isRetryable(pgError("connect ECONNREFUSED 127.0.0.1:1", "ECONNREFUSED"))).toBe(true);
    expect(isRetryable(pgError("terminating connection due to administrator command", "57P01"))).toBe(true);
    expect(isRetryable(pgError("Connection terminated unexpectedly"))).toBe(true);
    expect(isRetryable(pgError('relation "x" does not exist', "42P01"))).toBe(false);
    expect(isRetryable(pgError("password authentication failed", "28P01"))).toBe(false);
    expect(new DatabaseError("x", pgError("y", "ECONNRESET")).retryable).toBe(true);
  });

  it("are retried with backoff only when retryable", async () => {
    const waits: number[] = [];
    let calls = 0;
    const value = await withRetries(
      async () => {
        calls++;
        if (calls < 3) throw pgError("connect ECONNREFUSED", "ECONNREFUSED");
        return "ok";
      },
      { retries: 4, baseMs: 100, sleep: async (ms) => void waits.push(ms) },
    );
    expect(value).toBe("ok");
    expect(calls).toBe(3);
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeGreaterThanOrEqual(75);
    expect(waits[1]).toBeGreaterThanOrEqual(150);
    calls = 0;
    await expect(
      withRetries(
        async () => {
          calls++;
          throw pgError("syntax error", "42601");
        },
        { sleep: async () => {} },
      ),
    ).rejects.toThrow("syntax error");
    expect(calls).toBe(1);
    calls = 0;
    await expect(
      withRetries(
        async () => {
          calls++;
          throw pgError("refused", "ECONNREFUSED");
        },
        { retries: 2, sleep: async () => {} },
      ),
    ).rejects.toThrow("refused");
    expect(calls).toBe(3);
  });
});

describe("migrations under configured table names", () => {
  const m: Migration = {
    version: 1,
    name: "0001_console_audit_log",
    up: "CREATE TABLE IF NOT EXISTS console_audit_log (id int);\nCREATE INDEX IF NOT EXISTS console_audit_log_target_idx ON console_audit_log (id);",
    down: "DROP TABLE IF EXISTS console_audit_log;",
  };

  it("rename the table (quoted, schema allowed) and the identifiers derived from it", () => {
    expect(applyNames(m.up, {})).toBe(m.up);
    expect(applyNames(m.up, { audit: "ops.Deploy_Audit" })).toBe(
      'CREATE TABLE IF NOT EXISTS "ops"."Deploy_Audit" (id int);\nCREATE INDEX IF NOT EXISTS "Deploy_Audit_target_idx" ON "ops"."Deploy_Audit" (id);',
    );
    expect(() => applyNames(m.up, { audit: "x; DROP TABLE y" })).toThrow(
      "Input 'table' must be a table name",
    );
  });

  it("are recorded per table they touch", () => {
    expect(migrationScope(m, {})).toBe("console_audit_log");
    expect(migrationScope(m, { audit: "ops.audit", poll: "other" })).toBe("ops.audit");
    expect(migrationScope({ ...m, up: "SELECT 1" }, { audit: "ops.audit" })).toBe("");
  });
});
