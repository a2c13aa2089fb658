import { VendorError } from "../core/errors.js";
import type { Clock } from "../core/ports.js";
import type { SlackMessage } from "../core/slack-message.js";
import { DeliveryUnknownError, HttpClient, type HttpRequest, type HttpResponse } from "./http.js";

export { DeliveryUnknownError } from "./http.js";

export const DEFAULT_SLACK_API_URL = "https://slack.com/api";

/** What to do about each Slack error a notification can meet. Unknown codes get a generic hint. */
const HINTS: Record<string, string> = {
  not_authed: "no token reached Slack: pass a bot token (xoxb-...) in 'token'",
  invalid_auth: "the token is not valid: check 'token' is a current bot token (xoxb-...) of this workspace",
  account_inactive: "the token belongs to a deactivated user or a deleted app: issue a new bot token",
  token_revoked: "the token was revoked: reinstall the Slack app and update the secret",
  token_expired: "the token expired: refresh or reissue it and update the secret",
  no_permission: "the token lacks a permission: give the Slack app the chat:write scope and reinstall it",
  missing_scope: "the Slack app lacks the chat:write scope: add it and reinstall the app",
  not_allowed_token_type: "use a bot token (xoxb-...), not a user or app-level token",
  channel_not_found:
    "the channel does not exist or the app cannot see it: use the channel ID (C...) and invite the app to the channel",
  not_in_channel:
    "the app is not a member of the channel: /invite the app there, or give it chat:write.public",
  is_archived: "the channel is archived: unarchive it or pick another 'channel'",
  restricted_action: "a workspace setting stops the app posting in this channel: ask a Slack admin",
  msg_too_long: "the message is too long for Slack",
  no_text: "the message had no text",
  invalid_blocks: "Slack refused the message blocks",
  message_not_found:
    "no message has that 'update-ts' in this channel: pass the ts output of the step that posted it",
  cant_update_message:
    "the app can only update messages it posted itself: pass the ts output of its own post",
  edit_window_closed: "the message is too old to edit",
  ratelimited: "Slack rate-limited the app: the retries ran out; post less often or try again later",
  rate_limited: "Slack rate-limited the app: the retries ran out; post less often or try again later",
  team_access_not_granted: "the app is not installed in the workspace that owns the channel",
  fatal_error: "Slack had an internal error: try again later",
  internal_error: "Slack had an internal error: try again later",
  service_unavailable: "Slack is unavailable: try again later",
  // incoming webhooks answer with plain strings
  invalid_payload: "Slack refused the message payload",
  no_service: "the webhook URL is disabled or revoked: create a new incoming webhook and update the secret",
  no_team: "the webhook's workspace is gone: create a new incoming webhook",
  team_disabled: "the webhook's workspace is disabled",
  invalid_token: "the webhook URL is not valid: copy it again from the Slack app's Incoming Webhooks page",
  action_prohibited: "a workspace admin restricted this webhook: ask a Slack admin",
  channel_is_archived:
    "the webhook's channel is archived: unarchive it or create a webhook for another channel",
  posting_to_general_channel_denied:
    "only admins may post to this channel: pick another channel for the webhook",
  user_not_found: "the webhook's user is gone: create a new incoming webhook",
};

/** The hint for a Slack error code. */
export function slackHint(code: string): string {
  return HINTS[code] ?? "see https://api.slack.com/methods for what this error means";
}

/** Slack said no: `code` is Slack's error string (channel_not_found, invalid_auth, ...). */
export class SlackError extends VendorError {
  override name = "SlackError";
  constructor(
    readonly method: string,
    readonly code: string,
    status?: number,
    retryable = false,
  ) {
    super("Slack", `Slack ${method} failed: ${code} (${slackHint(code)})`, status, retryable);
  }
}

export interface SlackClientOptions {
  /** Bot token for the Web API; not needed for webhooks. */
  token?: string;
  /** Web API base (SLACK_API_URL), default https://slack.com/api. */
  baseUrl?: string;
  timeoutMs?: number;
  retries?: number;
  backoffMs?: number;
  maxRetryAfterMs?: number;
  clock?: Clock;
  onRetry?: (info: { attempt: number; waitMs: number; reason: string; method: string }) => void;
}

export interface PostedMessage {
  channel: string; // the channel ID, which chat.update needs
  ts: string;
}

interface WebApiAnswer {
  ok?: boolean;
  error?: string;
  needed?: string;
  channel?: string;
  ts?: string;
  messages?: { ts?: string; metadata?: { event_type?: string; event_payload?: Record<string, unknown> } }[];
  has_more?: boolean;
  response_metadata?: { next_cursor?: string };
}

/** Slack message metadata (https://api.slack.com/metadata): how a message is found again without its ts. */
export interface MessageMetadata {
  event_type: string;
  event_payload: Record<string, string>;
}

/** Channel IDs: public (C), private (G), direct (D). Names (#deploys) cannot be read back without another scope. */
export const isChannelId = (channel: string): boolean => /^[CGD][A-Z0-9]{2,}$/.test(channel.trim());

/**
 * Slack through the Web API (bot token) or an incoming webhook. Retries 429 (honouring Retry-After, capped),
 * 5xx and network failures a bounded number of times; every other failure is a SlackError naming Slack's
 * error code and what to do about it. Neither the token nor the webhook URL appears in any message.
 *
 * A post (chat.postMessage, a webhook) is sent again only when it cannot have arrived: a refused connection,
 * a failed DNS lookup, or a 429/5xx answer. A post that went out and got no answer (a timeout, a dropped
 * connection) throws a DeliveryUnknownError; `findPosted` looks for it in the channel by its metadata.
 * chat.update and reads are idempotent and retried on every transient failure.
 */
export class SlackClient {
  private readonly opts: SlackClientOptions;

  constructor(opts: SlackClientOptions = {}) {
    this.opts = opts;
  }

  /** chat.postMessage: `channel` may be an ID (C...) or a name (#deploys). */
  async postMessage(
    channel: string,
    message: SlackMessage,
    metadata?: MessageMetadata,
  ): Promise<PostedMessage> {
    return this.call(
      "chat.postMessage",
      { channel, text: message.text, blocks: message.blocks, metadata },
      "if-unsent",
    );
  }

  /**
   * The newest message of `channel` (an ID) posted since `since` whose metadata has `metadata`'s type and
   * payload: a post whose answer was lost. Needs the channels:history (groups:history for a private channel)
   * scope; without it a SlackError with code missing_scope.
   */
  async findPosted(
    channel: string,
    since: Date,
    metadata: MessageMetadata,
  ): Promise<PostedMessage | undefined> {
    let cursor = "";
    for (let page = 0; page < 5; page++) {
      const answer = await this.read("conversations.history", {
        channel,
        oldest: (Math.floor(since.getTime() / 1000) - 1).toFixed(6),
        limit: "200",
        include_all_metadata: "true",
        ...(cursor ? { cursor } : {}),
      });
      for (const m of answer.messages ?? []) {
        const meta = m.metadata;
        if (!m.ts || meta?.event_type !== metadata.event_type) continue;
        const payload = meta.event_payload ?? {};
        if (Object.entries(metadata.event_payload).every(([k, v]) => payload[k] === v))
          return { channel, ts: m.ts };
      }
      cursor = answer.has_more ? (answer.response_metadata?.next_cursor ?? "") : "";
      if (!cursor) break;
    }
    return undefined;
  }

  /** chat.update of a message this app posted: `channel` must be the ID that postMessage returned. */
  async update(
    channel: string,
    ts: string,
    message: SlackMessage,
    metadata?: MessageMetadata,
  ): Promise<PostedMessage> {
    return this.call("chat.update", { channel, ts, text: message.text, blocks: message.blocks, metadata });
  }

  /** Posts to an incoming webhook. Webhooks answer no ts: their messages cannot be updated. */
  async postWebhook(webhookUrl: string, message: SlackMessage): Promise<void> {
    const url = new URL(webhookUrl);
    const secretPath = url.pathname + url.search;
    const client = this.http(url.origin, {}, (res) => {
      const code = res.text.trim().slice(0, 100) || `HTTP ${res.status}`;
      return new SlackError(
        "incoming webhook",
        /^[a-z_]+$/.test(code) ? code : `HTTP ${res.status}`,
        res.status,
      );
    });
    try {
      await client.send({
        method: "POST",
        path: secretPath,
        body: { text: message.text, blocks: message.blocks },
        retry: "if-unsent",
      });
    } catch (err) {
      throw hidePath(err, secretPath);
    }
  }

  private async call(
    method: string,
    body: Record<string, unknown>,
    retry: HttpRequest["retry"] = true,
  ): Promise<PostedMessage> {
    if (!this.opts.token) throw new SlackError(method, "not_authed");
    const client = this.webApi(method, "application/json; charset=utf-8");
    const res = await client.send<WebApiAnswer>({ method: "POST", path: `/${method}`, body, retry });
    const answer = res.json;
    if (!answer || typeof answer !== "object")
      throw new SlackError(method, `HTTP ${res.status} without JSON`);
    if (answer.ok !== true) throw new SlackError(method, answer.error ?? "unknown_error", res.status);
    if (!answer.channel || !answer.ts) throw new SlackError(method, "answer without channel and ts");
    return { channel: answer.channel, ts: answer.ts };
  }

  /** A read method, sent form-encoded as Slack's read methods take their arguments. */
  private async read(method: string, args: Record<string, string>): Promise<WebApiAnswer> {
    if (!this.opts.token) throw new SlackError(method, "not_authed");
    const client = this.webApi(method, "application/x-www-form-urlencoded");
    const res = await client.send<WebApiAnswer>({
      method: "POST",
      path: `/${method}`,
      body: new URLSearchParams(args).toString(),
    });
    const answer = res.json;
    if (!answer || typeof answer !== "object")
      throw new SlackError(method, `HTTP ${res.status} without JSON`);
    if (answer.ok !== true) {
      const code = answer.error ?? "unknown_error";
      throw new SlackError(method, answer.needed ? `${code} (${answer.needed})` : code, res.status);
    }
    return answer;
  }

  private webApi(method: string, contentType: string): HttpClient {
    return this.http(
      this.opts.baseUrl ?? DEFAULT_SLACK_API_URL,
      { authorization: `Bearer ${this.opts.token}`, "content-type": contentType },
      (res) => {
        const answer = res.json as WebApiAnswer | undefined;
        const code = answer?.error ?? `HTTP ${res.status}`;
        return new SlackError(method, code, res.status, res.status === 429 || res.status >= 500);
      },
    );
  }

  private http(
    baseUrl: string,
    headers: Record<string, string>,
    describe: (res: HttpResponse, req: HttpRequest) => Error,
  ): HttpClient {
    return new HttpClient({
      vendor: "Slack",
      baseUrl,
      headers: { "user-agent": "prodgate", ...headers },
      timeoutMs: this.opts.timeoutMs ?? 10_000,
      retries: this.opts.retries ?? 3,
      backoffMs: this.opts.backoffMs ?? 1_000,
      maxRetryAfterMs: this.opts.maxRetryAfterMs ?? 30_000,
      clock: this.opts.clock,
      describe,
      onRetry: this.opts.onRetry
        ? ({ attempt, waitMs, reason, req }) =>
            this.opts.onRetry?.({
              attempt,
              waitMs,
              reason,
              method:
                req.path.startsWith("/chat.") || req.path.startsWith("/conversations.")
                  ? req.path.slice(1)
                  : "incoming webhook",
            })
        : undefined,
    });
  }
}

/** The webhook's path is its secret: no error message may carry it. */
function hidePath(err: unknown, secretPath: string): unknown {
  if (!(err instanceof Error) || !secretPath || secretPath === "/") return err;
  if (!err.message.includes(secretPath)) return err;
  const message = err.message
    .split(secretPath)
    .join("<webhook>")
    .replace(/Slack API (unreachable|did not answer)/, "Slack incoming webhook $1");
  if (err instanceof DeliveryUnknownError) return new DeliveryUnknownError("Slack", message);
  if (err instanceof VendorError) return new VendorError("Slack", message, err.status, err.retryable);
  return new VendorError("Slack", message);
}
