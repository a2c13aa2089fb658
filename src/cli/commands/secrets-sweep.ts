import type { Command } from "commander";
import { InputError } from "../../core/errors.js";
import type { SecretMeta } from "../../core/rotation.js";
import { readInventory } from "../../pipelines/inventory-file.js";
import { recordJobOutcome } from "../../pipelines/rotation-dispatch.js";
import { runRotationSweep } from "../../pipelines/rotation-sweep.js";
import {
  openRotationPorts,
  parseRotationInputs,
  type RotationCredentials,
  shouldFail,
  writeReport,
} from "../../pipelines/rotation-sweep-setup.js";
import { AuditStore } from "../../store/audit.js";
import { databaseUrlSecrets } from "../../store/db.js";
import { RotationJobStore } from "../../store/rotation-jobs.js";
import { type CliContext, EXIT, ExitError, envSecret, ROTATION_ENV_NAMES } from "../context.js";
import { type Colour, paint } from "../terminal.js";

interface SecretsFlags {
  inventory?: string;
  registry?: string;
  dispatch?: boolean;
  dispatchRef?: string;
  repo?: string;
  issues?: boolean;
  slackChannel?: string;
  migrate: boolean;
  jobTimeout: string;
  failOn: string;
  report?: string;
  json?: boolean;
  job?: string;
  jobStatus?: string;
  jobError?: string;
}

const COLOURS: Record<string, Colour> = {
  healthy: "green",
  stale: "yellow",
  expiring_soon: "yellow",
  expired: "red",
  rotating: "cyan",
  unknown: "gray",
};

/** `prodgate sweep secrets`: the rotation-sweep action from a terminal, credentials from the environment. */
export function registerSecretsSweep(sweep: Command, ctx: CliContext): void {
  sweep
    .command("secrets")
    .description(
      "Read every inventory secret's metadata (never values), classify it, alert on change and, with --dispatch, rotate what is due (in-process, or by its rotation workflow), like the rotation-sweep action",
    )
    .option("--inventory <file>", "the secret inventory (YAML)")
    .option(
      "--dispatch",
      "act on secrets inside their rotate-before window: rotate those with a rotate: block in-process (and revoke old credentials whose grace period ended), dispatch the rotation workflow of the others",
    )
    .option(
      "--registry <file>",
      "the surface registry whose surfaces the smoke tests of in-process rotations probe",
    )
    .option("--dispatch-ref <ref>", "ref the rotation workflows are dispatched on", "main")
    .option(
      "--repo <owner/name>",
      "repository of issues, github-* sources and rotation workflows (GITHUB_REPOSITORY)",
    )
    .option("--issues", "keep one issue per secret that needs action (needs GITHUB_TOKEN and --repo)")
    .option(
      "--slack-channel <channel>",
      "tell this channel about changes (SLACK_BOT_TOKEN); or set SLACK_WEBHOOK_URL",
    )
    .option("--no-migrate", "do not apply pending database migrations")
    .option("--job-timeout <duration>", "fail a rotation job with no result after this long", "24h")
    .option("--fail-on <when>", "exit 1 when secrets are expired, expiring (or expired), or never", "never")
    .option("--report <file>", "write the report (SecretMeta per secret) there")
    .option("--json", "print the report on stdout")
    .option("--job <id>", "record the outcome of a rotation job instead of sweeping (with --job-status)")
    .option("--job-status <status>", "running, completed or failed")
    .option("--job-error <text>", "why the rotation failed")
    .addHelpText(
      "after",
      "\nCredentials come from the environment: DATABASE_URL, GITHUB_TOKEN, GITHUB_SECRETS_TOKEN (secrets read; with\n--dispatch it also writes the GitHub secrets of in-process rotations), INFISICAL_TOKEN, HEROKU_API_KEY,\nCLOUDFLARE_API_TOKEN (or an environment variable named like each cloudflare-token secret), SLACK_BOT_TOKEN or\nSLACK_WEBHOOK_URL, ROTATION_WEBHOOK_SECRET (the HMAC key that signs the webhooks of in-process rotations).\nA secret whose rotation lacks a credential is reported and not rotated; the others still are.\nWithout DATABASE_URL nothing is dispatched, rotated or alerted. ROTATION_PIPELINE_DISABLED=1 stops every rotation.",
    )
    .action(async (opts: SecretsFlags) => {
      const databaseUrl = envSecret(ctx, "DATABASE_URL", false);
      for (const s of databaseUrlSecrets(databaseUrl ?? "")) ctx.reporter.secret(s);
      const flags: Record<string, string | undefined> = {
        inventory: opts.inventory,
        registry: opts.registry,
        "database-url": databaseUrl,
        dispatch: opts.dispatch ? "true" : "false",
        "dispatch-ref": opts.dispatchRef,
        repository: opts.repo,
        issues: opts.issues ? "true" : "false",
        migrate: opts.migrate ? "true" : "false",
        "job-timeout": opts.jobTimeout,
        "fail-on": opts.failOn,
        "report-json": opts.report,
        "job-id": opts.job,
        "job-status": opts.jobStatus,
        "job-error": opts.jobError,
      };
      const inputs = parseRotationInputs(
        (name) => flags[name] ?? "",
        { ...ctx.env, GITHUB_RUN_ID: undefined },
        "local-script",
      );

      if (inputs.job) {
        const jobs = await RotationJobStore.open(databaseUrl!, { migrate: opts.migrate });
        const audit = await AuditStore.open(databaseUrl!, { migrate: opts.migrate });
        try {
          const job = await recordJobOutcome(inputs.job.id, inputs.job, inputs.settings, { jobs, audit });
          if (!job)
            throw new ExitError(
              `rotation job ${inputs.job.id} is not queued or running: nothing recorded`,
              EXIT.failed,
            );
          ctx.reporter.info(`rotation job ${job.id} of ${job.secretName} is ${job.status}`);
        } finally {
          await jobs.close();
          await audit.close();
        }
        return;
      }

      if (!opts.inventory) throw new InputError("--inventory", "is required");
      const inventory = readInventory(inputs.inventory);
      const cloudflareTokens = new Map<string, string>();
      for (const s of inventory.secrets) {
        if (s.source !== "cloudflare-token") continue;
        const token = envSecret(ctx, s.name, false);
        if (token) cloudflareTokens.set(s.name, token);
      }
      const creds: RotationCredentials = {
        githubToken: envSecret(ctx, "GITHUB_TOKEN", false),
        githubSecretsToken: envSecret(ctx, "GITHUB_SECRETS_TOKEN", false),
        infisicalToken: envSecret(ctx, "INFISICAL_TOKEN", false),
        cloudflareApiToken: envSecret(ctx, "CLOUDFLARE_API_TOKEN", false),
        cloudflareTokens,
        herokuApiKey: envSecret(ctx, "HEROKU_API_KEY", false),
        webhookSecret: envSecret(ctx, "ROTATION_WEBHOOK_SECRET", false),
        slackToken: envSecret(ctx, "SLACK_BOT_TOKEN", false),
        slackWebhookUrl: envSecret(ctx, "SLACK_WEBHOOK_URL", false),
        slackChannel: opts.slackChannel,
      };
      if (opts.dispatch && !databaseUrl)
        throw new ExitError(
          "--dispatch needs DATABASE_URL (rotation jobs and audit rows live there)",
          EXIT.usage,
        );
      if (opts.dispatch && !creds.githubToken)
        throw new ExitError("--dispatch needs GITHUB_TOKEN", EXIT.usage);
      if (opts.issues && !(creds.githubToken && inputs.settings.repository))
        throw new ExitError(
          "--issues needs GITHUB_TOKEN and a repository (--repo or GITHUB_REPOSITORY)",
          EXIT.usage,
        );

      const opened = await openRotationPorts(creds, inputs, {
        reporter: ctx.reporter,
        env: ctx.env,
        names: ROTATION_ENV_NAMES,
      });
      try {
        ctx.reporter.info(
          `sweeping ${inventory.secrets.length} secret(s) of ${inventory.file}${databaseUrl ? "" : " (no DATABASE_URL: nothing is dispatched, nothing alerts)"}`,
        );
        const result = await runRotationSweep(inventory, inputs.settings, opened.ports);
        if (opts.report) ctx.reporter.info(`wrote ${writeReport(opts.report, result.report)}`);
        if (opts.json) ctx.json(result.report);
        else printCounts(ctx, result.report.secrets);
        const failure = shouldFail(result.report, inputs.failOn);
        if (failure) throw new ExitError(`rotation sweep: ${failure}`, EXIT.failed);
      } finally {
        await opened.close();
      }
    })
    .exitOverride();
}

function printCounts(ctx: CliContext, secrets: SecretMeta[]): void {
  const counts = new Map<string, number>();
  for (const s of secrets) counts.set(s.status, (counts.get(s.status) ?? 0) + 1);
  const parts = [...counts].map(([status, n]) =>
    paint(`${n} ${status.replace("_", " ")}`, COLOURS[status] ?? "gray"),
  );
  ctx.reporter.info(`${secrets.length} secret(s): ${parts.join(", ")}`);
}
