import { ProdgateError } from "../core/errors.js";
import type { CredentialNames } from "../pipelines/rotation-wiring.js";
import type { TerminalReporter } from "./terminal.js";

/**
 * Exit codes of `prodgate`: 0 success; 1 the operation failed (unhealthy, deploy failed, ...); 2 bad usage or
 * input; 3 refused by a gate (wrong phrase, no actor, no terminal); 130 interrupted.
 */
export const EXIT = { ok: 0, failed: 1, usage: 2, refused: 3, interrupted: 130 } as const;

export class ExitError extends ProdgateError {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

/** What every command gets: the reporter (stderr, secrets redacted) and a writer for --json on stdout. */
export interface CliContext {
  reporter: TerminalReporter;
  json(value: unknown): void;
  env: NodeJS.ProcessEnv;
}

/** Reads a credential from the environment only (never a flag: flags land in shell history). */
export function envSecret(ctx: CliContext, name: string, required: boolean): string | undefined {
  const value = ctx.env[name]?.trim();
  if (value) ctx.reporter.secret(value);
  if (!value && required)
    throw new ExitError(
      `${name} is not set: export it in the environment (it is never taken as a flag)`,
      EXIT.usage,
    );
  return value || undefined;
}

/** How `prodgate rotate` and `prodgate sweep secrets` name the credentials of a rotation: where they read them. */
export const ROTATION_ENV_NAMES: CredentialNames = {
  herokuApiKey: "HEROKU_API_KEY",
  githubSecretsToken: "GITHUB_SECRETS_TOKEN",
  infisicalToken: "INFISICAL_TOKEN",
  cloudflareToken: (secretName) => secretName,
  registry: "--registry",
  webhookSecret: "ROTATION_WEBHOOK_SECRET",
};
