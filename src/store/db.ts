import pg from "pg";
import { InputError } from "../core/errors.js";

/**
 * Connection settings from a database URL. Honours `sslmode` (disable, allow, prefer, require, verify-ca,
 * verify-full, and `no-verify` as Heroku Postgres users write it), with connect and statement timeouts.
 */
export interface DbOptions {
  connectTimeoutMs?: number;
  statementTimeoutMs?: number;
  applicationName?: string;
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
  return url;
}

export function clientConfig(databaseUrl: string, opts: DbOptions = {}): pg.ClientConfig {
  const url = new URL(databaseUrl);
  const sslmode = (url.searchParams.get("sslmode") ?? "").toLowerCase();
  url.searchParams.delete("sslmode");
  url.searchParams.delete("ssl");
  let ssl: pg.ClientConfig["ssl"];
  switch (sslmode) {
    case "":
    case "disable":
    case "allow":
    case "prefer":
      ssl = undefined;
      break;
    case "no-verify":
    case "require":
      ssl = { rejectUnauthorized: false };
      break;
    case "verify-ca":
    case "verify-full":
      ssl = { rejectUnauthorized: true };
      break;
    default:
      throw new InputError("database-url", `has an unknown sslmode '${sslmode}'`);
  }
  return {
    connectionString: url.toString(),
    ssl,
    connectionTimeoutMillis: opts.connectTimeoutMs ?? 10_000,
    statement_timeout: opts.statementTimeoutMs ?? 30_000,
    application_name: opts.applicationName ?? "prodgate",
  };
}

/** Opens one client. Errors never carry the URL (it holds the password). */
export async function connect(databaseUrl: string, opts: DbOptions = {}): Promise<pg.Client> {
  const client = new pg.Client(clientConfig(databaseUrl, opts));
  // An idle client whose server goes away emits 'error'; without a listener that would crash the process.
  client.on("error", () => {});
  await client.connect();
  return client;
}

export function newPool(databaseUrl: string, opts: DbOptions & { max?: number } = {}): pg.Pool {
  const pool = new pg.Pool({ ...clientConfig(databaseUrl, opts), max: opts.max ?? 4 });
  pool.on("error", () => {});
  return pool;
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
