import { describeError, ProdgateError } from "../core/errors.js";
import {
  buildDeployMessage,
  type DeployNotice,
  environmentBadge,
  statusLabel,
} from "../core/slack-message.js";
import { SlackClient, SlackError } from "../vendors/slack.js";
import type { Clock, Reporter } from "./ports.js";

export type { DeployNotice, DeployStatus } from "../core/slack-message.js";

/** Where a notice goes: a bot token and a channel (can update in place), or an incoming webhook. */
export interface SlackTarget {
  token?: string;
  channel?: string;
  webhookUrl?: string;
  /** Web API base, default https://slack.com/api (SLACK_API_URL). */
  baseUrl?: string;
}

export interface NotifyOptions {
  reporter: Reporter;
  /** ts of the message to update in place (chat.update); needs token + channel. */
  updateTs?: string;
  /** Throw instead of warning when Slack cannot be told. Default false: a notice never fails a deploy. */
  failOnError?: boolean;
  clock?: Clock;
  /** Per-request time limit, default 10 s. */
  timeoutMs?: number;
  /** Retries after the first attempt, default 3. */
  retries?: number;
}

export interface NotifyResult {
  ok: boolean;
  ts?: string;
  channel?: string;
  error?: string;
}

/** Update failures after which a fresh post still gets the outcome to the channel. */
const REPOST_ON = new Set([
  "message_not_found",
  "cant_update_message",
  "channel_not_found",
  "edit_window_closed",
]);

/**
 * Tells Slack about a deploy. Never throws unless `failOnError`: a failure becomes a warning that names
 * Slack's error and what to do, and `{ ok: false, error }`.
 */
export async function notifySlack(
  target: SlackTarget,
  notice: DeployNotice,
  opts: NotifyOptions,
): Promise<NotifyResult> {
  const { reporter } = opts;
  if (target.token) reporter.secret(target.token);
  if (target.webhookUrl) reporter.secret(target.webhookUrl);
  const what = `${statusLabel(notice.status)} notice for ${notice.app} (${environmentBadge(notice.environment)})`;

  const client = new SlackClient({
    token: target.token,
    baseUrl: target.baseUrl,
    timeoutMs: opts.timeoutMs,
    retries: opts.retries,
    clock: opts.clock,
    onRetry: ({ attempt, waitMs, reason, method }) =>
      reporter.info(`Slack ${method}: ${reason}; retry ${attempt} in ${Math.round(waitMs)}ms`),
  });
  const message = buildDeployMessage(notice);

  try {
    if (target.token && target.channel) {
      const channel = target.channel.trim();
      if (opts.updateTs) {
        try {
          const updated = await client.update(channel, opts.updateTs, message);
          reporter.info(`Slack: updated ${what} in ${updated.channel} (ts ${updated.ts})`);
          return { ok: true, ...updated };
        } catch (err) {
          if (!(err instanceof SlackError) || !REPOST_ON.has(err.code)) throw err;
          reporter.warning(`${err.message}; posting the outcome as a new message instead`);
        }
      }
      const posted = await client.postMessage(channel, message);
      reporter.info(`Slack: posted ${what} to ${posted.channel} (ts ${posted.ts})`);
      return { ok: true, ...posted };
    }
    if (target.webhookUrl) {
      if (opts.updateTs)
        reporter.info("Slack: an incoming webhook cannot update a message; posting the outcome as a new one");
      await client.postWebhook(target.webhookUrl, message);
      reporter.info(`Slack: posted ${what} through the incoming webhook`);
      return { ok: true };
    }
    throw new ProdgateError(
      target.token
        ? "Slack notice not sent: a bot token needs a channel"
        : "Slack notice not sent: give a bot token and a channel, or an incoming webhook URL",
    );
  } catch (err) {
    const reason = describeError(err);
    if (opts.failOnError) throw err instanceof ProdgateError ? err : new ProdgateError(reason);
    reporter.warning(`${reason} (the deploy goes on; set fail-on-error to make this fail the step)`);
    return { ok: false, error: reason };
  }
}
