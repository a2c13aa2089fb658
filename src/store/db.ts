import { readFileSync } from "node:fs";
import pg from "pg";
import { InputError, ProdgateError } from "../core/errors.js";

/**
 * Connection settings from a database URL. Honours `sslmode` (disable, allow, prefer, require, verify-ca,
 * verify-full, and `no-verify` as Heroku Postgres users write it), with connect and statement timeouts.
 * Without `sslmode`, a loopback host is reached without TLS and any other host with TLS that verifies the
 * certificate and the host name, as `verify-full` does: a database URL names a password and the audit trail,
 * and an unverified handshake hands both to whoever answers on the path. Heroku Postgres serves certificates
 * no public CA signed, so its URLs need `sslmode=no-verify`, and the refusal says so.
 */
export interface DbOptions {
  connectTimeoutMs?: number;
  /** 0 turns the statement timeout off for this connection. */
  statementTimeoutMs?: number;
  applicationName?: string;
  keepAlive?: boolean;
}

export function parseDatabaseUrl(input: string, raw: string): URL {
  const text = raw.trim();
  if (!text) throw new InputError(input, "is required");
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InputError(input, "is not a valid postgres:// URL");
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
    throw new InputError(input, `must be a postgres:// URL; got scheme '${url.protocol.replace(/:$/, "")}'`);
  }
  if (!url.hostname) throw new InputError(input, "has no host");
  if (!url.pathname || url.pathname === "/") throw new InputError(input, "has no database name");
  if (url.port && !/^\d+$/.test(url.port)) throw new InputError(input, "has an invalid port");
  const sslmode = url.searchParams.get("sslmode");
  if (sslmode !== null && !SSL_MODES.includes(sslmode.toLowerCase())) {
    throw new InputError(
      input,
      `has an unknown sslmode '${sslmode}' (expected one of ${SSL_MODES.join(", ")})`,
    );
  }
  return url;
}

const SSL_MODES = ["disable", "allow", "prefer", "require", "no-verify", "verify-ca", "verify-full"];

function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || host === "[::1]" || /^127\./.test(host);
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** TLS settings for an `sslmode` (as libpq names them), given the host. */
export function sslFor(sslmode: string, host: string, rootCert?: string): pg.ClientConfig["ssl"] {
  const ca = rootCert ? { ca: rootCert } : {};
  switch (sslmode) {
    case "disable":
      return false;
    case "":
      return isLoopback(host) ? false : { rejectUnauthorized: true, ...ca };
    case "allow":
    case "prefer":
      return isLoopback(host) ? false : { rejectUnauthorized: false };
    case "require":
    case "no-verify":
      return { rejectUnauthorized: false };
    case "verify-ca":
      return { rejectUnauthorized: true, checkServerIdentity: () => undefined, ...ca };
    case "verify-full":
      return { rejectUnauthorized: true, ...ca };
    default:
      throw new InputError("database-url", `has an unknown sslmode '${sslmode}'`);
  }
}

/**
 * The client settings for a URL. The URL is taken apart here rather than handed to pg as a connection
 * string, so that pg's own reading of `sslmode` cannot override the TLS settings chosen above.
 */
export function clientConfig(databaseUrl: string, opts: DbOptions = {}): pg.ClientConfig {
  const url = parseDatabaseUrl("database-url", databaseUrl);
  const sslmode = (url.searchParams.get("sslmode") ?? "").toLowerCase();
  const rootCertPath = url.searchParams.get("sslrootcert");
  const rootCert = rootCertPath ? readFileSync(rootCertPath, "utf8") : undefined;
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  return {
    host,
    port: url.port ? Number(url.port) : 5432,
    user: decode(url.username) || undefined,
    password: decode(url.password) || undefined,
    database: decode(url.pathname.slice(1)),
    ssl: sslFor(sslmode, host, rootCert),
    connectionTimeoutMillis: opts.connectTimeoutMs ?? 10_000,
    statement_timeout: opts.statementTimeoutMs ?? 30_000,
    application_name: opts.applicationName ?? url.searchParams.get("application_name") ?? "prodgate",
    keepAlive: opts.keepAlive ?? false,
  };
}

/** Opens one client. Errors never carry the URL nor its parts (user, password, host, database). */
export async function connect(databaseUrl: string, opts: DbOptions = {}): Promise<pg.Client> {
  const client = new pg.Client(clientConfig(databaseUrl, opts));
  // An idle client whose server goes away emits 'error'; without a listener that would crash the process.
  client.on("error", () => {});
  try {
    await client.connect();
  } catch (err) {
    throw new DatabaseError(`cannot connect to the database: ${safeDbMessage(err, databaseUrl)}`, err);
  }
  return client;
}

export function newPool(databaseUrl: string, opts: DbOptions & { max?: number } = {}): pg.Pool {
  const pool = new pg.Pool({ ...clientConfig(databaseUrl, opts), max: opts.max ?? 4 });
  pool.on("error", () => {});
  // A checked-out client whose server goes away also emits 'error' (the query in flight rejects as well):
  // every client the pool makes gets a listener, so a lost connection fails the call, never the process.
  pool.on("connect", (client) => client.on("error", () => {}));
  return pool;
}

/** The values a database URL holds that must never be shown: the URL itself and its password. */
export function databaseUrlSecrets(raw: string): string[] {
  const secrets = [raw, raw.trim()];
  try {
    const url = new URL(raw.trim());
    if (url.password) secrets.push(url.password, decode(url.password));
  } catch {}
  return [...new Set(secrets.filter((s) => s.length >= 4))];
}

/** Quotes an SQL identifier (table names are configurable). Accepts `schema.table`. */
export function quoteIdent(input: string, name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}(\.[A-Za-z_][A-Za-z0-9_]{0,62})?$/.test(name)) {
    throw new InputError(
      input,
      `must be a table name (letters, digits, underscores, optionally schema.table); got '${name}'`,
    );
  }
  return name
    .split(".")
    .map((p) => `"${p}"`)
    .join(".");
}

/**
 * A database failure with a message safe to print. `retryable` says whether trying again may help
 * (connection refused, reset or timed out, server shutting down, too many connections, serialization).
 */
export class DatabaseError extends ProdgateError {
  override name = "DatabaseError";
  readonly code: string | undefined;
  readonly retryable: boolean;
  constructor(message: string, cause: unknown) {
    super(message);
    this.code = errorCode(cause);
    this.retryable = isRetryable(cause);
  }
}

function errorCode(err: unknown): string | undefined {
  if (err instanceof DatabaseError) return err.code;
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

const RETRYABLE_NODE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  "ENOTFOUND",
]);

/** Connection-level failures and transient server states; not SQL, permission or configuration errors. */
export function isRetryable(err: unknown): boolean {
  if (err instanceof DatabaseError) return err.retryable;
  const code = errorCode(err);
  if (code) {
    if (RETRYABLE_NODE_CODES.has(code)) return true;
    // 08: connection exception; 57P01-03: shutdown / cannot connect now; 53300: too many connections;
    // 40001 / 40P01: serialization failure / deadlock.
    if (/^08/.test(code) || /^57P0[123]$/.test(code)) return true;
    return ["53300", "40001", "40P01"].includes(code);
  }
  const message = err instanceof Error ? err.message : String(err);
  return /timeout|terminated|Connection ended|connection closed|ECONNRESET|not queryable/i.test(message);
}

/** Node's and OpenSSL's codes for a certificate that does not verify (unknown CA, wrong name, expired, ...). */
const CERT_UNVERIFIED = new Set([
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "UNABLE_TO_GET_CRL",
  "CERT_UNTRUSTED",
  "CERT_REJECTED",
  "CERT_SIGNATURE_FAILURE",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "INVALID_CA",
  "HOSTNAME_MISMATCH",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);

/** What a server error means, in words that carry no names from the URL. */
const CODE_MEANINGS: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  ETIMEDOUT: "connection timed out",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host name lookup failed",
  "28P01": "password authentication failed",
  "28000": "the server refused the connection (authentication or pg_hba.conf rule)",
  "3D000": "the database does not exist",
  "53300": "too many connections",
  "57P01": "the server is shutting down",
  "57P03": "the server is not accepting connections yet",
  "57014": "statement timed out (statement_timeout)",
  "42501": "permission denied",
};

/**
 * A user-safe description of a pg or socket error: a fixed wording for connection and authentication
 * failures, the server's message for SQL errors (never its detail, which quotes row values), and in every
 * case the user, password, host and database of `databaseUrl` replaced.
 */
export function safeDbMessage(err: unknown, databaseUrl?: string): string {
  if (err instanceof DatabaseError) return scrub(err.message, databaseUrl);
  const code = errorCode(err);
  const raw = err instanceof Error ? err.message : String(err);
  let message: string;
  if (code && CODE_MEANINGS[code]) message = CODE_MEANINGS[code];
  else if (code && CERT_UNVERIFIED.has(code))
    message =
      `the server's TLS certificate could not be verified (${raw.replace(/; if the root CA is installed.*$/s, "")}). ` +
      "For Heroku Postgres, whose certificates no public CA signs, add sslmode=no-verify to the database URL " +
      "(postgres://...?sslmode=no-verify); for a server with its own CA, add sslrootcert=<CA file>";
  else if (/does not support SSL/i.test(raw))
    message = "the server does not offer TLS; add ?sslmode=disable to the database URL to connect without it";
  else if (/self[- ]signed|certificate|SSL|TLS/i.test(raw) && !/^[0-9A-Z]{5}$/.test(code ?? ""))
    message = `TLS handshake failed (${raw}); check sslmode and sslrootcert`;
  else if (/timeout expired|connection timeout/i.test(raw)) message = "connection timed out";
  else if (/Connection terminated/i.test(raw)) message = "the connection was closed by the server";
  else message = code && !raw.includes(code) ? `${raw} (${code})` : raw;
  return scrub(message, databaseUrl);
}

function scrub(message: string, databaseUrl?: string): string {
  if (!databaseUrl) return message;
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    return message;
  }
  const parts: [string, string][] = [
    [url.password, "<password>"],
    [decode(url.password), "<password>"],
    [url.username, "<user>"],
    [decode(url.username), "<user>"],
    [decode(url.pathname.slice(1)), "<database>"],
    [url.hostname.replace(/^\[(.*)\]$/, "$1"), "<host>"],
  ];
  let out = message.split(databaseUrl).join("<database-url>");
  for (const [value, placeholder] of parts) if (value.length >= 2) out = out.split(value).join(placeholder);
  return out;
}

/** Wraps any database failure into a DatabaseError whose message says what was being done. */
export function dbFailure(doing: string, err: unknown, databaseUrl?: string): DatabaseError {
  if (err instanceof DatabaseError && err.message.startsWith(doing)) return err;
  return new DatabaseError(`${doing}: ${safeDbMessage(err, databaseUrl)}`, err);
}

export interface RetryOptions {
  /** Tries after the first (default 4). */
  retries?: number;
  /** First wait; doubles each time, with jitter, up to `maxMs` (defaults 200 ms and 3 s). */
  baseMs?: number;
  maxMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Called before each wait, with the failure that caused it. */
  onRetry?: (attempt: number, err: unknown, waitMs: number) => void;
}

/** Runs `fn` again after a retryable failure (see isRetryable), with exponential backoff. */
export async function withRetries<T>(
  fn: (attempt: number) => Promise<T>,
  opts: RetryOptions = {},
): Promise<T> {
  const retries = opts.retries ?? 4;
  const base = opts.baseMs ?? 200;
  const max = opts.maxMs ?? 3000;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      if (attempt >= retries || !isRetryable(err)) throw err;
      const wait = Math.min(max, base * 2 ** attempt) * (0.75 + Math.random() * 0.5);
      opts.onRetry?.(attempt + 1, err, wait);
      await sleep(wait);
    }
  }
}
