import type { Command } from "commander";
import { InputError } from "../../core/errors.js";
import { activeSurfaces } from "../../core/registry.js";
import { STATE_MARKERS } from "../../core/status.js";
import { checkPorts, runStatusSweep, writeSweepFiles } from "../../pipelines/status-sweep.js";
import {
  openMemory,
  parseSweepInputs,
  readRegistry,
  shouldFail,
  sweepPorts,
} from "../../pipelines/status-sweep-setup.js";
import { openSweepETags, saveSweepETags } from "../../pipelines/sweep-etags.js";
import { databaseUrlSecrets } from "../../store/db.js";
import { type CliContext, EXIT, ExitError, envSecret } from "../context.js";
import { type Colour, paint } from "../terminal.js";
import { registerSecretsSweep } from "./secrets-sweep.js";

/** The `sweep` command group, shared by `sweep status` and `sweep secrets`. */
export function sweepCommand(program: Command): Command {
  return (
    program.commands.find((c) => c.name() === "sweep") ??
    program.command("sweep").description("Scheduled sweeps, run once from a terminal")
  );
}

const ENV_OF: Record<string, string> = {
  "heroku-api-key": "HEROKU_API_KEY",
  "cloudflare-api-token": "CLOUDFLARE_API_TOKEN",
  "github-token": "GITHUB_TOKEN",
};

interface SweepFlags {
  registry: string;
  concurrency: string;
  timeout: string;
  deadline: string;
  expectedInterval?: string;
  herokuDynoInterval?: string;
  statusJson?: string;
  pageDir?: string;
  pageTitle?: string;
  repo?: string;
  issues?: boolean;
  slackChannel?: string;
  migrate: boolean;
  failOn: string;
  json?: boolean;
  progress: boolean;
}

export function registerSweep(program: Command, ctx: CliContext): void {
  sweepCommand(program)
    .command("status")
    .description(
      "Probe every surface of a registry like the status-sweep action: log to Postgres (DATABASE_URL), alert on change, write status.json and a page",
    )
    .requiredOption("--registry <file>", "the surface registry (YAML)")
    .option("--concurrency <n>", "vendor calls in flight at once", "16")
    .option("--timeout <duration>", "time limit of each vendor call", "5s")
    .option("--deadline <duration>", "time limit of the whole probe phase", "2m")
    .option("--expected-interval <duration>", "how often the sweep runs; a gap over 3x is reported")
    .option(
      "--heroku-dyno-interval <duration>",
      "how often each Heroku app's dynos are read (0 = every sweep; auto paces a large fleet to Heroku's budget)",
      "auto",
    )
    .option("--status-json <file>", "write status.json there")
    .option("--page-dir <dir>", "write the status page (index.html) there")
    .option("--page-title <title>", "title of the status page")
    .option(
      "--repo <owner/name>",
      "repository of builds without a repo, and of incident issues (GITHUB_REPOSITORY)",
    )
    .option("--issues", "open and close incident issues (needs GITHUB_TOKEN and --repo)")
    .option(
      "--slack-channel <channel>",
      "tell this channel about changes (SLACK_BOT_TOKEN); or set SLACK_WEBHOOK_URL",
    )
    .option("--no-migrate", "do not apply pending database migrations")
    .option(
      "--fail-on <when>",
      "exit 1 when surfaces are down, unhealthy (down or degraded), or never",
      "never",
    )
    .option("--json", "print status.json on stdout")
    .option("--no-progress", "no progress bar")
    .addHelpText(
      "after",
      "\nCredentials come from the environment: HEROKU_API_KEY, CLOUDFLARE_API_TOKEN, GITHUB_TOKEN, DATABASE_URL,\nSLACK_BOT_TOKEN or SLACK_WEBHOOK_URL. Without DATABASE_URL nothing is logged and nothing alerts.",
    )
    .action(async (opts: SweepFlags) => {
      const databaseUrl = envSecret(ctx, "DATABASE_URL", false);
      for (const s of databaseUrlSecrets(databaseUrl ?? "")) ctx.reporter.secret(s);
      const creds = {
        herokuApiKey: envSecret(ctx, "HEROKU_API_KEY", false),
        cloudflareApiToken: envSecret(ctx, "CLOUDFLARE_API_TOKEN", false),
        githubToken: envSecret(ctx, "GITHUB_TOKEN", false),
        slackToken: envSecret(ctx, "SLACK_BOT_TOKEN", false),
        slackWebhookUrl: envSecret(ctx, "SLACK_WEBHOOK_URL", false),
        slackChannel: opts.slackChannel,
      };
      const flags: Record<string, string | undefined> = {
        registry: opts.registry,
        concurrency: opts.concurrency,
        timeout: opts.timeout,
        deadline: opts.deadline,
        "expected-interval": opts.expectedInterval,
        "heroku-dyno-interval": opts.herokuDynoInterval,
        "status-json": opts.statusJson ?? "",
        "status-page-dir": opts.pageDir,
        "page-title": opts.pageTitle,
        repository: opts.repo,
        "database-url": databaseUrl,
        "fail-on": opts.failOn,
      };
      const inputs = parseSweepInputs((name) => flags[name] ?? "", {
        ...ctx.env,
        GITHUB_RUN_ID: undefined,
      });
      const registry = readRegistry(inputs.registry, inputs.timeout);
      const surfaces = activeSurfaces(registry);
      const db = databaseUrl ? await openMemory(databaseUrl, opts.migrate) : undefined;
      try {
        const etags = await openSweepETags(db, ctx.reporter);
        const ports = sweepPorts(creds, inputs.settings, {
          reporter: ctx.reporter,
          env: ctx.env,
          issues: Boolean(opts.issues),
          db,
          etags,
        });
        try {
          checkPorts(surfaces, ports);
        } catch (err) {
          if (err instanceof InputError && ENV_OF[err.input])
            throw new ExitError(
              `${ENV_OF[err.input]} is not set: ${err.message.replace(/^Input '[^']*' is required: /, "")}`,
              EXIT.usage,
            );
          throw err;
        }
        if (opts.issues && !ports.incidents)
          throw new ExitError(
            "--issues needs GITHUB_TOKEN and a repository (--repo or GITHUB_REPOSITORY)",
            EXIT.usage,
          );
        const bar = progressBar(Boolean(opts.progress) && Boolean(process.stderr.isTTY));
        ports.onProgress = bar.update;
        ctx.reporter.info(
          `sweeping ${surfaces.length} surface(s) of ${registry.file}${db ? "" : " (no DATABASE_URL: nothing is logged, nothing alerts)"}`,
        );
        const result = await runStatusSweep(registry, inputs.settings, ports);
        await saveSweepETags(db, etags, ctx.reporter);
        bar.done();
        const files = writeSweepFiles(result, { statusJson: opts.statusJson, pageDir: opts.pageDir });
        if (opts.json) ctx.json(result.doc);
        else printGrid(ctx, result.doc.sites);
        for (const a of result.alerts) ctx.reporter.warning(a.text);
        for (const f of Object.values(files)) if (f) ctx.reporter.info(`wrote ${f}`);
        if (db && !result.remembered)
          throw new ExitError(
            "the sweep ran, but Postgres failed: nothing was logged and no alert was sent",
            EXIT.failed,
          );
        const failure = shouldFail(result, inputs.failOn);
        if (failure) throw new ExitError(`status sweep: ${failure}`, EXIT.failed);
      } finally {
        await db?.end().catch(() => {});
      }
    })
    .exitOverride();
  registerSecretsSweep(sweepCommand(program), ctx);
}

const COLOURS: Record<string, Colour> = {
  healthy: "green",
  degraded: "yellow",
  down: "red",
  stale: "gray",
  unknown: "gray",
};

function printGrid(
  ctx: CliContext,
  sites: { id: string; status: string; error: string | null; liveness: { latency_ms: number } }[],
): void {
  const width = Math.max(8, ...sites.map((s) => s.id.length));
  for (const s of sites) {
    const marker = STATE_MARKERS[s.status as keyof typeof STATE_MARKERS] ?? "";
    ctx.reporter.info(
      `${marker} ${s.id.padEnd(width)}  ${paint(s.status.padEnd(8), COLOURS[s.status] ?? "gray")} ${String(s.liveness.latency_ms).padStart(5)} ms${s.error ? `  ${s.error}` : ""}`,
    );
  }
}

/** A one-line progress bar on stderr, redrawn at most every 50 ms. */
function progressBar(enabled: boolean): { update: (done: number, total: number) => void; done: () => void } {
  let last = 0;
  let drawn = false;
  return {
    update: (done, total) => {
      if (!enabled) return;
      const now = Date.now();
      if (done < total && now - last < 50) return;
      last = now;
      const width = 30;
      const filled = Math.round((done / Math.max(1, total)) * width);
      process.stderr.write(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} calls`);
      drawn = true;
    },
    done: () => {
      if (drawn) process.stderr.write("\r\u001b[2K");
    },
  };
}
