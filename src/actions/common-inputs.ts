import type { SlackCredentials } from "../pipelines/sweep-context.js";
import { databaseUrlSecrets } from "../store/db.js";
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

/** The sweeps' Slack inputs (`slack-bot-token` + `slack-channel`, or `slack-webhook-url`), secrets masked. */
export function readSlackCredentials(): SlackCredentials {
  return {
    slackToken: secretInput("slack-bot-token") || undefined,
    slackWebhookUrl: secretInput("slack-webhook-url") || undefined,
    slackChannel: input("slack-channel") || undefined,
  };
}
