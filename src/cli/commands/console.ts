import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Command } from "commander";
import { parseDuration } from "../../core/duration.js";
import { InputError, ProdgateError } from "../../core/errors.js";
import { parseHealthInputs } from "../../core/health-inputs.js";
import { parseRegistry, type Registry } from "../../core/registry.js";
import { buildConsole, DEFAULT_CONSOLE_SETTINGS, writeConsole } from "../../pipelines/console.js";
import { connect, newPool, safeDbMessage } from "../../store/db.js";
import { migrateUp } from "../../store/migrate.js";
import type { CliContext } from "../context.js";
import { paint } from "../terminal.js";
import { databaseUrlFromEnv } from "./audit.js";

interface ConsoleFlags {
  registry: string;
  out: string;
  title: string;
  secrets?: boolean;
  interval: string;
  environment: string;
  baseUrl?: string;
  incremental?: boolean;
  migrate: boolean;
  json?: boolean;
}

/** The registry file, validated: every problem names the file, line and field. */
function readRegistry(file: string): Registry {
  if (!existsSync(file)) throw new InputError("--registry", `names a file that does not exist: ${file}`);
  return parseRegistry(readFileSync(file, "utf8"), {
    file,
    parseHealth: (get) => parseHealthInputs(get),
    healthDefaults: { attempts: "1", interval: "1s", timeout: "5s" },
  });
}

async function migrate(url: string): Promise<void> {
  const client = await connect(url).catch((err) => {
    throw new ProdgateError(`cannot reach the database: ${safeDbMessage(err, url)}`);
  });
  try {
    await migrateUp(client);
  } catch (err) {
    throw new ProdgateError(`cannot migrate the database: ${safeDbMessage(err, url)}`);
  } finally {
    await client.end().catch(() => {});
  }
}

/** `prodgate console build`: the operator console from Postgres (DATABASE_URL) and the registry. */
export function registerConsole(program: Command, ctx: CliContext): void {
  const group = program
    .command("console")
    .description("The operator console: a static site built from Postgres");
  group
    .command("build")
    .description(
      "Write the console (dashboard, a page per surface, delivery metrics, feed, badges, JSON) from the poll log, the audit log and the rotation jobs",
    )
    .requiredOption("--registry <file>", "the surface registry (surfaces and maintenance windows)")
    .requiredOption("--out <dir>", "the directory to write the site to (index.html is the dashboard)")
    .option("--title <title>", "the console's title", DEFAULT_CONSOLE_SETTINGS.title)
    .option("--secrets", "publish secret names and dates (secrets.html, secrets.json); off by default")
    .option(
      "--interval <duration>",
      "how often the status sweep runs (the no-data share counts against it)",
      "5m",
    )
    .option("--environment <name>", "the environment whose deploys the delivery metrics count", "production")
    .option("--base-url <url>", "where the console is published (absolute links in the feed)")
    .option(
      "--incremental",
      "recompute rollups from the last rolled day only (as a sweep does), not every raw day",
    )
    .option("--no-migrate", "do not apply pending database migrations")
    .option("--json", "print what was written as JSON on stdout")
    .action(async (opts: ConsoleFlags) => {
      const url = databaseUrlFromEnv(ctx);
      const intervalMs = parseDuration("--interval", opts.interval);
      if (intervalMs < 60_000) throw new InputError("--interval", "must be at least 1m");
      if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/.test(opts.environment))
        throw new InputError(
          "--environment",
          `must be an environment name like production; got '${opts.environment}'`,
        );
      if (opts.baseUrl !== undefined && !/^https?:\/\/[^\s]+$/i.test(opts.baseUrl))
        throw new InputError("--base-url", "must be an http(s) URL");
      const registry = readRegistry(opts.registry);
      if (opts.migrate) await migrate(url);
      const db = newPool(url, { max: 4 });
      try {
        const built = await buildConsole(
          registry,
          {
            ...DEFAULT_CONSOLE_SETTINGS,
            title: opts.title,
            secrets: Boolean(opts.secrets),
            intervalMs,
            environment: opts.environment,
            fullRefresh: !opts.incremental,
            ...(opts.baseUrl ? { baseUrl: opts.baseUrl } : {}),
          },
          { db, reporter: ctx.reporter },
        );
        const out = resolve(opts.out);
        const written = writeConsole(out, built.files);
        const summary = {
          dir: out,
          files: written.files,
          bytes: written.bytes,
          page_bytes: written.pageBytes,
          surfaces: built.data.surfaces.length,
          alerts: built.data.alerts.length,
          secrets_published: built.data.secrets.published,
          rollups: built.refresh,
        };
        if (opts.json) ctx.json(summary);
        else {
          for (const a of built.data.alerts) ctx.reporter.warning(a.text);
          ctx.reporter.info(
            paint(
              `wrote ${written.files} files (${Math.round(written.bytes / 1024)} KB, pages ${Math.round(written.pageBytes / 1024)} KB) for ${built.data.surfaces.length} surface(s) to ${out}`,
              "green",
            ),
          );
        }
      } finally {
        await db.end().catch(() => {});
      }
    });
}
