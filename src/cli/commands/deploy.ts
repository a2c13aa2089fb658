import { randomUUID } from "node:crypto";
import type { Command } from "commander";
import { parseSigningKey } from "../../core/audit-checkpoint.js";
import { confirmationPhrase, describePath } from "../../core/deploy.js";
import { describeError, InputError } from "../../core/errors.js";
import { isProduction } from "../../core/gate.js";
import { parseInteger } from "../../core/inputs.js";
import { short } from "../../core/preview.js";
import { parseSurface, rollbackHint } from "../../core/surface.js";
import { type DeployResult, openSurface, runDeploy } from "../../pipelines/deploy.js";
import { buildDeploySettings, type DeployOptionSource } from "../../pipelines/deploy-settings.js";
import type { LiveCommitSource } from "../../pipelines/preview.js";
import { type CliContext, EXIT, ExitError, envSecret } from "../context.js";
import { LiveProgress, onInterrupt } from "../progress.js";
import {
  confirmPhrase,
  type Prompter,
  precheckConfirmation,
  resolveActor,
  targetBanner,
  terminalPrompter,
} from "../prompt.js";
import { paint } from "../terminal.js";
import { localPreview, previewTerminalLines, resolveLocalRef } from "./preview.js";
import { databaseUrlOf, slackTargetOf, spoolDirOf } from "./rollback.js";

export interface DeployCommandOptions {
  surface?: string;
  app: string;
  /** cloudflare-pages: the built directory. */
  dir?: string;
  /** cloudflare-pages: the account (default CLOUDFLARE_ACCOUNT_ID). */
  accountId?: string;
  deployCommand?: string;
  rollbackCommand?: string;
  liveVersionCommand?: string;
  ref: string;
  environment: string;
  productionEnvironments: string;
  method: string;
  force?: boolean;
  healthUrl?: string;
  healthAttempts: string;
  healthInterval: string;
  healthTimeout: string;
  healthExpectStatus: string;
  rollbackOnFailure?: boolean;
  confirm?: string;
  actor?: string;
  slackChannel?: string;
  githubRepo?: string;
  spoolDir?: string;
  auditTable: string;
  lockWait: string;
  maxCommits: string;
  json?: boolean;
}

export const DEPLOY_DEFAULTS = {
  ref: "HEAD",
  environment: "production",
  productionEnvironments: "production",
  method: "git",
  healthAttempts: "5",
  healthInterval: "10s",
  healthTimeout: "5s",
  healthExpectStatus: "200",
  auditTable: "console_audit_log",
  lockWait: "5m",
  maxCommits: "20",
} satisfies Partial<DeployCommandOptions>;

export interface DeployCommandIo {
  /** Who answers the confirmation prompt (default: the terminal). */
  prompter?: Prompter;
  /** The checkout deployed from (default: the working directory). */
  cwd?: string;
  /** Installs the Ctrl-C handlers (default true; the demo installs its own and passes `signal`). */
  handleInterrupts?: boolean;
  signal?: AbortSignal;
}

export interface DeployCommandResult {
  app: string;
  environment: string;
  actor: string;
  trigger: "local-script";
  interrupted: boolean;
  rollbackCommand: string;
  /** The command's exit code (0, 1, 3 or 130) and why when it is not 0. */
  exit: { code: number; message?: string };
  result: Omit<DeployResult, "summary">;
}

/**
 * The break-glass deploy (seed 002 §4.1, §7): refusals first (no actor, nothing to confirm on), then the
 * banner and what will ship (local git against the SHA live on the app), the typed phrase, and the same
 * deploy pipeline as the CI path with trigger local-script. Before the phrase is typed nothing is written
 * anywhere: no audit row, no push.
 */
export async function deployCommand(
  ctx: CliContext,
  opts: DeployCommandOptions,
  io: DeployCommandIo = {},
): Promise<DeployCommandResult> {
  const { reporter } = ctx;
  const cwd = io.cwd ?? process.cwd();
  const prompter = io.prompter ?? terminalPrompter();

  const surfaceKind = parseSurface("--surface", opts.surface);
  // Credentials come from the environment only; the surface decides which are needed.
  const credentials: Record<string, string | undefined> = {
    "heroku-api-key": envSecret(ctx, "HEROKU_API_KEY", surfaceKind === "heroku"),
    "cloudflare-api-token": envSecret(ctx, "CLOUDFLARE_API_TOKEN", surfaceKind === "cloudflare-pages"),
  };
  const databaseUrl = databaseUrlOf(ctx, true) ?? "";
  const settings = buildDeploySettings(
    cliOptionSource(ctx, opts, credentials),
    () => ({
      trigger: "local-script",
      actor: "",
      audit: { databaseUrl, table: opts.auditTable, spoolDir: spoolDirOf(ctx, opts.spoolDir) },
      cwd,
    }),
    { lockWait: DEPLOY_DEFAULTS.lockWait },
  );
  const { app, environment, productionEnvironments } = settings;
  const maxCommits = parseInteger("--max-commits", opts.maxCommits, 0, 250);
  const slack = slackTargetOf(ctx, opts.slackChannel);
  const githubToken = envSecret(ctx, "GITHUB_TOKEN", false);
  const github =
    githubToken && opts.githubRepo
      ? { token: githubToken, repository: opts.githubRepo, baseUrl: ctx.env.GITHUB_API_URL || undefined }
      : undefined;
  const signingKey = envSecret(ctx, "PRODGATE_AUDIT_SIGNING_KEY", false);
  if (signingKey) parseSigningKey("PRODGATE_AUDIT_SIGNING_KEY", signingKey);
  const phrase = confirmationPhrase(app, environment);

  const actor = await resolveActor(opts.actor, ctx.env, cwd);
  precheckConfirmation(phrase, opts.confirm, prompter);

  const toSha = await resolveLocalRef(cwd, opts.ref);
  const surface = await openSurface(settings, { reporter });
  const production = isProduction(environment, productionEnvironments);
  const preview = await localPreview(
    { app, environment, production, ref: opts.ref, cwd, maxCommits },
    {
      heroku:
        "heroku" in surface
          ? (surface.heroku as LiveCommitSource)
          : { liveCommit: async () => ({ sha: await surface.liveSha() }) },
    },
  );
  reporter.info("");
  reporter.info(targetBanner(app, environment, production));
  const how =
    settings.surface.kind === "heroku"
      ? `method: ${settings.surface.method}${settings.surface.force ? " (force)" : ""}`
      : `surface: ${settings.surface.kind}`;
  reporter.info(`Operator: ${actor.email} (${actor.source}) · ${how}`);
  for (const line of previewTerminalLines(preview)) reporter.info(line);
  reporter.info("");
  await confirmPhrase(phrase, opts.confirm, prompter, (l) => reporter.info(l));
  if (io.signal?.aborted)
    throw new ExitError("interrupted before the deploy started: nothing was done", EXIT.interrupted);

  const controller = new AbortController();
  const forward = () => controller.abort(io.signal?.reason);
  io.signal?.addEventListener("abort", forward, { once: true });
  const live = new LiveProgress();
  const removeHandlers =
    io.handleInterrupts === false ? () => {} : onInterrupt(controller, (l) => live.wrap(reporter).warning(l));
  const progress = live.wrap(reporter);
  let result: DeployResult;
  try {
    result = await runDeploy(
      {
        ...settings,
        ref: toSha,
        actor: actor.email,
        confirmedBy: actor.email,
        runId: `local-${randomUUID()}`,
        runAttempt: 1,
        audit: { ...settings.audit, signingKey },
        slack,
        github,
      },
      {
        reporter: progress,
        signal: controller.signal,
        onHealthAttempt: (attempt, total) => live.healthAttempt(attempt, total, settings.health.intervalMs),
        onState: (state) => {
          live.done();
          reporter.info(paint(`● ${describePath([state])}`, "cyan"));
          if (state === "gate_checks")
            live.waiting(
              `waiting for the deploy lock of ${app} (another deploy holds it; up to ${opts.lockWait})`,
            );
        },
      },
    );
  } finally {
    live.done();
    removeHandlers();
    io.signal?.removeEventListener("abort", forward);
  }

  const interrupted = result.interrupted || controller.signal.aborted;
  const commands = rollbackHint(settings.surface.kind, app).commands;
  const { summary: _summary, ...rest } = result;
  const out: DeployCommandResult = {
    app,
    environment,
    actor: actor.email,
    trigger: "local-script",
    interrupted,
    rollbackCommand: commands[0] ?? "",
    exit: exitOf(app, result, interrupted),
    result: rest,
  };
  if (opts.json) ctx.json(out);
  reporter.info("");
  reporter.info(outcomeLine(app, environment, result, preview.from?.sha, interrupted));
  reporter.info(`Path: ${describePath(result.path)}`);
  reporter.info(`Audit: ${auditLine(result)}`);
  reporter.info(
    `${paint("Rollback:", "bold")} ${paint(commands[0] ?? "", "cyan")}${commands[1] ? `   (or: ${commands[1]})` : ""}`,
  );
  return out;
}

/** Flags and environment variables that differ from `--<input name>`. */
const CLI_NAMES: Record<string, string> = {
  "lock-timeout": "--lock-wait",
  directory: "--dir",
  "heroku-api-key": "HEROKU_API_KEY",
  "cloudflare-api-token": "CLOUDFLARE_API_TOKEN",
  "cloudflare-account-id": "--account-id (or CLOUDFLARE_ACCOUNT_ID)",
};

/** The command's flags (and credentials from the environment) under the root action's input names. */
function cliOptionSource(
  ctx: CliContext,
  opts: DeployCommandOptions,
  credentials: Record<string, string | undefined>,
): DeployOptionSource {
  const flag = (v: string | boolean | undefined) => (typeof v === "boolean" ? String(v) : (v ?? ""));
  const values: Record<string, string | boolean | undefined> = {
    surface: opts.surface,
    app: opts.app,
    ref: opts.ref,
    environment: opts.environment,
    "production-environments": opts.productionEnvironments,
    method: opts.method,
    force: opts.force,
    "health-url": opts.healthUrl,
    "health-attempts": opts.healthAttempts,
    "health-interval": opts.healthInterval,
    "health-timeout": opts.healthTimeout,
    "health-expect-status": opts.healthExpectStatus,
    "rollback-on-failure": opts.rollbackOnFailure,
    "lock-timeout": opts.lockWait,
    directory: opts.dir,
    "cloudflare-account-id": opts.accountId || ctx.env.CLOUDFLARE_ACCOUNT_ID,
    "heroku-api-url": ctx.env.HEROKU_API_URL,
    "cloudflare-api-url": ctx.env.CLOUDFLARE_API_URL,
    "deploy-command": opts.deployCommand,
    "rollback-command": opts.rollbackCommand,
    "live-version-command": opts.liveVersionCommand,
    ...credentials,
  };
  return { get: (name) => flag(values[name]), label: (name) => CLI_NAMES[name] ?? `--${name}` };
}

/** The exit code of a finished deploy, and why when it is not 0. */
function exitOf(app: string, result: DeployResult, interrupted: boolean): DeployCommandResult["exit"] {
  if (interrupted)
    return {
      code: EXIT.interrupted,
      message: `interrupted: the deploy of ${app} stopped (outcome ${result.outcome})`,
    };
  if (result.outcome === "rejected")
    return { code: EXIT.refused, message: `the deploy of ${app} was refused: ${result.reason ?? ""}` };
  if (result.outcome !== "success")
    return { code: EXIT.failed, message: `the deploy of ${app} did not succeed: ${result.outcome}` };
  if (result.auditSpooled)
    return {
      code: EXIT.failed,
      message: `the outcome audit row could not be written${result.spoolFile ? ` (spooled to ${result.spoolFile})` : ""}: replay it with prodgate audit replay`,
    };
  return { code: EXIT.ok };
}

function outcomeLine(
  app: string,
  environment: string,
  r: DeployResult,
  from: string | undefined,
  interrupted: boolean,
): string {
  const release = r.release ? ` as ${r.release}` : "";
  switch (r.outcome) {
    case "success":
      return paint(
        `✔ Deployed ${app} to ${environment}: ${from ? `${short(from)} → ` : ""}${short(r.toSha)} is live${release} and healthy`,
        "green",
        "bold",
      );
    case "rolled_back":
      return paint(
        `↩ /health failed after the deploy of ${short(r.toSha)}${r.release ? ` (${r.release})` : ""}: ${app} was rolled back${r.rolledBackTo ? ` to ${r.rolledBackTo}${from ? ` (${short(from)})` : ""}` : ""}`,
        "yellow",
        "bold",
      );
    default:
      return paint(
        `✖ Deploy of ${app} to ${environment}: ${r.outcome}${interrupted ? " (interrupted)" : ""}${r.reason ? `: ${r.reason}` : ""}`,
        "red",
        "bold",
      );
  }
}

function auditLine(r: DeployResult): string {
  const parts: string[] = [];
  if (r.auditIds.started) parts.push(`started #${r.auditIds.started}`);
  if (r.auditIds.completed) parts.push(`completed #${r.auditIds.completed}`);
  if (r.auditIds.rollback) parts.push(`rollback #${r.auditIds.rollback}`);
  if (r.spoolFile) parts.push(paint(`outcome spooled to ${r.spoolFile}`, "yellow"));
  return parts.join(", ") || "no row written";
}

export function registerDeploy(program: Command, ctx: CliContext): void {
  const d = DEPLOY_DEFAULTS;
  program
    .command("deploy")
    .description(
      "Break-glass deploy from this checkout: banner, diff, typed confirmation, push, /health, audit",
    )
    .option("--surface <kind>", "heroku, cloudflare-pages or command", "heroku")
    .requiredOption("--app <name>", "the Heroku app, the Pages project, or a name for a command surface")
    .option("--ref <ref>", "branch, tag or SHA in this checkout (the commit shipped)", d.ref)
    .option("--dir <dir>", "cloudflare-pages: the built directory to upload")
    .option("--account-id <id>", "cloudflare-pages: the Cloudflare account (default CLOUDFLARE_ACCOUNT_ID)")
    .option("--deploy-command <script>", "command: what deploys (bash, in this checkout)")
    .option("--rollback-command <script>", "command: what rolls back after a failed /health")
    .option("--live-version-command <script>", "command: prints what is live, ideally a SHA")
    .option("--environment <name>", "the environment the app serves", d.environment)
    .option(
      "--production-environments <list>",
      "environments that count as production",
      d.productionEnvironments,
    )
    .option("--method <git|build>", "git push, or the Build API from a source tarball", d.method)
    .option("--force", "force-push (replace what Heroku's git has)")
    .option(
      "--health-url <url>",
      "the health URL (default: the app's web URL or the Pages domain + /health; required for command)",
    )
    .option("--health-attempts <n>", "health attempts before giving up", d.healthAttempts)
    .option("--health-interval <duration>", "wait between health attempts", d.healthInterval)
    .option("--health-timeout <duration>", "time limit of each health attempt", d.healthTimeout)
    .option("--health-expect-status <codes>", "healthy statuses (200, 200,204, 2xx)", d.healthExpectStatus)
    .option("--rollback-on-failure", "roll back automatically when /health fails (default for production)")
    .option("--no-rollback-on-failure", "leave a release whose /health fails in place")
    .option("--confirm <phrase>", "the confirmation phrase, for running without a terminal")
    .option("--actor <email>", "who deploys (default PRODGATE_ACTOR, then git config user.email)")
    .option("--slack-channel <channel>", "announce the deploy in this channel (with SLACK_BOT_TOKEN)")
    .option("--github-repo <owner/name>", "also record a GitHub deployment (with GITHUB_TOKEN)")
    .option("--spool-dir <dir>", "where the outcome record goes if the database cannot be written")
    .option("--audit-table <name>", "the audit table", d.auditTable)
    .option("--lock-wait <duration>", "how long to wait for another deploy of the app", d.lockWait)
    .option("--max-commits <n>", "commits listed in the preview", d.maxCommits)
    .option("--json", "print the result as JSON on stdout")
    .addHelpText(
      "after",
      `
The prompt is: Type 'deploy APP to ENVIRONMENT' to continue:
Anything else aborts with nothing done (no audit row, no push). Without a terminal, --confirm "deploy APP to
ENVIRONMENT" is required. The actor is an email: --actor, PRODGATE_ACTOR or git config user.email.

The commands of --surface command run with bash in this checkout, with PRODGATE_APP, PRODGATE_ENVIRONMENT,
PRODGATE_FROM_SHA and PRODGATE_TO_SHA set.

Environment: HEROKU_API_KEY and DATABASE_URL (required), or for --surface cloudflare-pages
CLOUDFLARE_API_TOKEN and CLOUDFLARE_ACCOUNT_ID (--account-id overrides it) with DATABASE_URL; CLOUDFLARE_API_URL, SLACK_BOT_TOKEN or SLACK_WEBHOOK_URL, GITHUB_TOKEN,
PRODGATE_ACTOR, PRODGATE_SLACK_CHANNEL, PRODGATE_SPOOL_DIR, HEROKU_API_URL, HEROKU_GIT_URL, SLACK_API_URL.
Exit codes: 0 deployed and healthy, 1 failed or rolled back, 2 bad usage, 3 refused (phrase, actor, no
terminal, lock), 130 interrupted (the outcome row is still written and the lock released).`,
    )
    .action(async (opts: DeployCommandOptions) => {
      let out: DeployCommandResult;
      try {
        out = await deployCommand(ctx, opts);
      } catch (err) {
        // Stopped before the pipeline ran (refused, bad input, Heroku unreachable): --json still answers.
        if (opts.json) {
          const code =
            err instanceof ExitError ? err.code : err instanceof InputError ? EXIT.usage : EXIT.failed;
          ctx.json({
            app: opts.app,
            refused: code === EXIT.refused,
            exit: { code, message: describeError(err) },
          });
        }
        throw err;
      }
      if (out.exit.code !== EXIT.ok)
        throw new ExitError(out.exit.message ?? "the deploy failed", out.exit.code);
    });
}
