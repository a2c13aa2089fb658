import type { Command } from "commander";
import { InputError } from "../../core/errors.js";
import { assertRotationEnabled, renderRotationOutcome } from "../../core/rotation-executor.js";
import { readInventory } from "../../pipelines/inventory-file.js";
import { runRotation } from "../../pipelines/rotation-executor.js";
import {
  checkCredentials,
  findSecret,
  openExecutor,
  type RotateCredentials,
  readRegistryFile,
} from "../../pipelines/rotation-wiring.js";
import { databaseUrlSecrets } from "../../store/db.js";
import { type CliContext, EXIT, ExitError, envSecret, ROTATION_ENV_NAMES } from "../context.js";
import { terminalPrompter } from "../prompt.js";

interface RotateFlags {
  inventory?: string;
  registry?: string;
  compromised?: boolean;
  confirm?: string;
  migrate: boolean;
  json?: boolean;
}

/**
 * `prodgate rotate NAME`: the rotate-secret action from a terminal. Credentials come from the environment as the
 * rotation sweep reads them; a typed `rotate NAME` confirms it (`--confirm "rotate NAME"` without a terminal).
 */
export function registerRotate(program: Command, ctx: CliContext): void {
  program
    .command("rotate")
    .argument("<name>", "the inventory secret to rotate")
    .description(
      "Rotate a secret that has a rotate: block: generate, write every consumer, smoke-test, schedule the old credential's revocation (at once with --compromised); resumes an interrupted job",
    )
    .option("--inventory <file>", "the secret inventory (YAML)")
    .option("--registry <file>", "the surface registry whose surfaces the smoke test probes")
    .option("--compromised", "revoke the old credential as soon as the smoke test passes")
    .option("--confirm <phrase>", 'the confirmation, typed: "rotate NAME" (needed without a terminal)')
    .option("--no-migrate", "do not apply pending database migrations")
    .option("--json", "print the outcome on stdout")
    .addHelpText(
      "after",
      "\nCredentials come from the environment: DATABASE_URL, HEROKU_API_KEY, CLOUDFLARE_API_TOKEN (or a variable named\nlike the cloudflare-token secret), GITHUB_SECRETS_TOKEN (else GITHUB_TOKEN), INFISICAL_TOKEN, ROTATION_WEBHOOK_SECRET,\nSLACK_BOT_TOKEN + SLACK_CHANNEL or SLACK_WEBHOOK_URL. The value in use now: ROTATE_CURRENT_VALUE, else the\nvariable named like the secret. ROTATION_PIPELINE_DISABLED=1 refuses every rotation.",
    )
    .action(async (name: string, opts: RotateFlags) => {
      assertRotationEnabled(ctx.env);
      const databaseUrl = envSecret(ctx, "DATABASE_URL", true)!;
      for (const s of databaseUrlSecrets(databaseUrl)) ctx.reporter.secret(s);
      if (!opts.inventory) throw new InputError("--inventory", "is required");
      const inventory = readInventory(opts.inventory);
      const secret = findSecret(inventory, name, "NAME");
      const currentValue =
        envSecret(ctx, "ROTATE_CURRENT_VALUE", false) ?? envSecret(ctx, secret.name, false);
      const cloudflareTokens = new Map<string, string>();
      for (const s of inventory.secrets) {
        if (s.source !== "cloudflare-token") continue;
        const token = envSecret(ctx, s.name, false);
        if (token) cloudflareTokens.set(s.name, token);
      }
      const creds: RotateCredentials = {
        herokuApiKey: envSecret(ctx, "HEROKU_API_KEY", false),
        cloudflareApiToken: envSecret(ctx, "CLOUDFLARE_API_TOKEN", false),
        cloudflareTokens,
        githubSecretsToken:
          envSecret(ctx, "GITHUB_SECRETS_TOKEN", false) ?? envSecret(ctx, "GITHUB_TOKEN", false),
        infisicalToken: envSecret(ctx, "INFISICAL_TOKEN", false),
        webhookSecret: envSecret(ctx, "ROTATION_WEBHOOK_SECRET", false),
        slackToken: envSecret(ctx, "SLACK_BOT_TOKEN", false),
        slackChannel: ctx.env.SLACK_CHANNEL?.trim() || undefined,
        slackWebhookUrl: envSecret(ctx, "SLACK_WEBHOOK_URL", false),
      };
      const registry = opts.registry ? readRegistryFile(opts.registry) : undefined;
      checkCredentials(secret, creds, { registry, names: ROTATION_ENV_NAMES, currentValue });

      const phrase = `rotate ${secret.name}`;
      let typed = opts.confirm;
      if (typed === undefined) {
        const prompter = terminalPrompter();
        if (!prompter.interactive)
          throw new ExitError(`no terminal to confirm on: pass --confirm "${phrase}"`, EXIT.refused);
        typed = await prompter.ask(
          `Type "${phrase}" to rotate it${opts.compromised ? " and revoke the old credential at once" : ""}: `,
        );
      }
      if (typed?.trim() !== phrase)
        throw new ExitError(`confirmation refused: expected "${phrase}"; nothing was rotated`, EXIT.refused);

      const opened = await openExecutor(creds, {
        databaseUrl,
        migrate: opts.migrate,
        registry,
        env: ctx.env,
        reporter: ctx.reporter,
        currentValue,
        names: ROTATION_ENV_NAMES,
      });
      try {
        const outcome = await runRotation(
          secret,
          {
            trigger: "manual",
            compromised: opts.compromised ?? false,
            currentValue,
            actor: ctx.env.USER || "prodgate-cli",
            runId: `local-${Date.now()}`,
            runAttempt: 1,
            auditTrigger: "local-script",
            env: ctx.env,
          },
          opened.ports,
        );
        for (const n of outcome.notes) ctx.reporter.warning(n);
        if (opts.json)
          ctx.json({
            job_id: outcome.jobId ?? null,
            status: outcome.status,
            revoke_at: outcome.revokeAt ?? null,
            steps: outcome.steps,
          });
        else ctx.reporter.info(renderRotationOutcome(outcome).trimEnd());
        if (outcome.status === "failed")
          throw new ExitError(
            `rotation of ${secret.name} failed: ${outcome.error ?? "see the job"}`,
            EXIT.failed,
          );
      } finally {
        await opened.close();
      }
    });
}
