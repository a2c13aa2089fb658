import type { Reporter } from "../core/ports.js";
import { type NotifyPort, slackNotifyPort } from "../pipelines/alerts.js";
import { databaseUrlSecrets, parseDatabaseUrl } from "../store/db.js";
import { input, maskSecret, secretInput } from "./runtime.js";

/**
 * Inputs the Postgres-backed actions (audit-write, status-sweep, rotation-sweep) read alike: the database
 * URL, the run they belong to, and the Slack credentials of the sweeps. Kept apart from runtime.ts so that
 * actions without a database do not bundle pg.
 */

/** Masks the `database-url` input, and its password alone, before anything can log them. */
export function maskDatabaseUrlInput(name = "database-url"): void {
  for (const s of databaseUrlSecrets(secretInput(name))) maskSecret(s);
}

/**
 * What both sweeps read alike: the optional `database-url` (checked, the error naming the input), the
 * repository they work in (`repository` input, else the runner's) and the URL of this run.
 */
export function sweepContext(
  get: (name: string) => string,
  env: NodeJS.ProcessEnv,
): { databaseUrl?: string; repository?: string; runUrl?: string } {
  const databaseUrl = get("database-url").trim() || undefined;
  if (databaseUrl) parseDatabaseUrl("database-url", databaseUrl);
  const server = env.GITHUB_SERVER_URL ?? "https://github.com";
  const repository = get("repository").trim() || env.GITHUB_REPOSITORY || undefined;
  const runUrl =
    env.GITHUB_RUN_ID && env.GITHUB_REPOSITORY
      ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
      : undefined;
  return { databaseUrl, repository, runUrl };
}

export interface SlackCredentials {
  slackToken?: string;
  slackChannel?: string;
  slackWebhookUrl?: string;
}

/** The sweeps' Slack inputs (`slack-bot-token` + `slack-channel`, or `slack-webhook-url`), secrets masked. */
export function readSlackCredentials(): SlackCredentials {
  return {
    slackToken: secretInput("slack-bot-token") || undefined,
    slackWebhookUrl: secretInput("slack-webhook-url") || undefined,
    slackChannel: input("slack-channel") || undefined,
  };
}

/** Slack for alerts on change, when a bot token and channel or a webhook URL is given. */
export function slackPortFor(
  creds: SlackCredentials,
  env: NodeJS.ProcessEnv,
  reporter: Reporter,
): NotifyPort | undefined {
  if (!((creds.slackToken && creds.slackChannel) || creds.slackWebhookUrl)) return undefined;
  return slackNotifyPort(
    {
      token: creds.slackToken,
      channel: creds.slackChannel,
      webhookUrl: creds.slackWebhookUrl,
      baseUrl: env.SLACK_API_URL,
    },
    reporter,
  );
}
