import type { Reporter } from "../core/ports.js";
import { parseDatabaseUrl } from "../store/db.js";
import { type NotifyPort, slackNotifyPort } from "./alerts.js";

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
