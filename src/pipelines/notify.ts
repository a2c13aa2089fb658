import { describeError, ProdgateError } from "../core/errors.js";
import type { Clock, Reporter } from "../core/ports.js";
import {
  buildDeployMessage,
  type DeployNotice,
  environmentBadge,
  statusLabel,
} from "../core/slack-message.js";
import {
  DeliveryUnknownError,
  isChannelId,
  type MessageMetadata,
  type PostedMessage,
  SlackClient,
  SlackError,
} from "../vendors/slack.js";

export type { DeployNotice, DeployStatus } from "../core/slack-message.js";

/** Where a notice goes: a bot token and a channel (can update in place), or an incoming webhook. */
export interface SlackTarget {
  token?: string;
  channel?: string;
  webhookUrl?: string;
  /** Web API base, default https://slack.com/api (SLACK_API_URL). */
  baseUrl?: string;
  /** Per-request time limit when NotifyOptions.timeoutMs does not say (default 10 s). */
  timeoutMs?: number;
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
  /**
   * What identifies the deploy (run id, attempt, app). It travels in the message's metadata, so that a post
   * whose answer was lost can be found in the channel's history and updated instead of posted twice.
   */
  deployKey?: string;
  /**
   * The deploy's `started` post went out at this time and got no answer (NotifyResult.unknown). The outcome
   * looks for that message first and updates it; if it cannot be found, the outcome is posted as a new
   * message that says the start notice may be missing or out of date.
   */
  startUnknownSince?: Date;
}

export interface NotifyResult {
  ok: boolean;
  ts?: string;
  channel?: string;
  error?: string;
  /** The post went out and no answer came back: the message may be in the channel (it was not sent again). */
  unknown?: boolean;
}

/** How much earlier than our clock a Slack message found again may be stamped (clock skew). */
const LOOKUP_SKEW_MS = 5 * 60_000;

/** Said in an outcome whose start notice got no answer and could not be found. */
export const START_NOTICE_UNKNOWN =
  "Slack did not answer when this deploy's start notice was posted: it may be missing, or shown above as still deploying.";

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
  const what = `${statusLabel(notice.status)} notice for ${notice.app} (${environmentBadge(notice.environment, notice.production)})`;

  const client = new SlackClient({
    token: target.token,
    baseUrl: target.baseUrl,
    timeoutMs: opts.timeoutMs ?? target.timeoutMs,
    retries: opts.retries,
    clock: opts.clock,
    onRetry: ({ attempt, waitMs, reason, method }) =>
      reporter.info(`Slack ${method}: ${reason}; retry ${attempt} in ${Math.round(waitMs)}ms`),
  });
  const now = () => opts.clock?.now() ?? new Date();
  /** The deploy and the status a message shows, in its metadata. */
  const metadataOf = (status: string): MessageMetadata | undefined =>
    opts.deployKey
      ? { event_type: "prodgate_deploy", event_payload: { deploy: opts.deployKey, status } }
      : undefined;
  const metadata = metadataOf(notice.status);
  /** A post whose answer was lost, found again in the channel; undefined if it is not there or cannot be read. */
  const findPosted = async (
    channel: string,
    since: Date,
    status: string,
  ): Promise<PostedMessage | undefined> => {
    const wanted = metadataOf(status);
    if (!wanted) return undefined;
    if (!isChannelId(channel)) {
      reporter.info(
        `Slack: cannot look for the message in ${channel}: give the channel by its ID (C...) to let prodgate find it`,
      );
      return undefined;
    }
    try {
      return await client.findPosted(channel, new Date(since.getTime() - LOOKUP_SKEW_MS), wanted);
    } catch (err) {
      reporter.warning(
        `Slack: could not look for the message in ${channel} (${describeError(err)}): give the Slack app the channels:history scope (groups:history for a private channel)`,
      );
      return undefined;
    }
  };
  let updateTs = opts.updateTs;
  let startUnknown = false;
  let channel = target.channel?.trim() ?? "";
  if (!updateTs && opts.startUnknownSince && notice.status !== "started") {
    const found =
      target.token && channel ? await findPosted(channel, opts.startUnknownSince, "started") : undefined;
    if (found) {
      reporter.info(`Slack: found the start notice that got no answer (ts ${found.ts}); updating it`);
      updateTs = found.ts;
      channel = found.channel;
    } else startUnknown = true;
  }
  const message = buildDeployMessage(
    startUnknown
      ? { ...notice, detail: [notice.detail?.trim(), START_NOTICE_UNKNOWN].filter(Boolean).join(" ") }
      : notice,
  );

  try {
    if (target.token && channel) {
      if (updateTs) {
        try {
          const updated = await client.update(channel, updateTs, message, metadata);
          reporter.info(`Slack: updated ${what} in ${updated.channel} (ts ${updated.ts})`);
          return { ok: true, ...updated };
        } catch (err) {
          if (!(err instanceof SlackError) || !REPOST_ON.has(err.code)) throw err;
          reporter.warning(`${err.message}; posting the outcome as a new message instead`);
        }
      }
      const sentAt = now();
      let posted: PostedMessage;
      try {
        posted = await client.postMessage(channel, message, metadata);
      } catch (err) {
        if (!(err instanceof DeliveryUnknownError)) throw err;
        const found = await findPosted(channel, sentAt, notice.status);
        if (!found) return unknown(err);
        reporter.info(`Slack: ${err.message}; it did arrive (ts ${found.ts})`);
        posted = found;
      }
      reporter.info(`Slack: posted ${what} to ${posted.channel} (ts ${posted.ts})`);
      return { ok: true, ...posted };
    }
    if (target.webhookUrl) {
      if (opts.updateTs)
        reporter.info("Slack: an incoming webhook cannot update a message; posting the outcome as a new one");
      try {
        await client.postWebhook(target.webhookUrl, message);
      } catch (err) {
        if (err instanceof DeliveryUnknownError) return unknown(err);
        throw err;
      }
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

  /** A post that may have arrived: never sent again, so never shown twice. */
  function unknown(err: DeliveryUnknownError): NotifyResult {
    const reason = `${what}: ${err.message}`;
    if (opts.failOnError) throw err;
    reporter.warning(`${reason} (the deploy goes on)`);
    return { ok: false, unknown: true, error: reason };
  }
}
