import { randomBytes } from "node:crypto";
import { type FakeReply, type FakeRequest, FakeServer } from "./fake-server.js";

/**
 * A loopback stand-in for the Slack Web API (chat.postMessage, chat.update) and an incoming webhook, answering
 * in Slack's shapes: HTTP 200 with `{ok:false, error}` for API errors, 429 with Retry-After for rate limits,
 * plain-string errors from webhooks. It records every message so a test, or the sandbox demo, can read or
 * print what Slack would show.
 */

export interface FakeChannel {
  id: string;
  name: string;
  /** Whether the bot has been invited (false → not_in_channel). */
  member?: boolean;
  archived?: boolean;
}

export interface FakeSlackMessage {
  channel: string; // channel ID; "webhook" for webhook posts
  ts?: string; // webhook posts have none
  via: "api" | "webhook";
  text: string;
  blocks: unknown[];
  /** Every version of the message, oldest first (the current one last). */
  history: { text: string; blocks: unknown[] }[];
  /** Message metadata given to chat.postMessage, as conversations.history returns it. */
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

export interface SlackFakeOptions {
  token?: string;
  channels?: FakeChannel[];
  /** The three path segments of the webhook URL after /services/. */
  webhookPath?: string;
  /** Whether the token has channels:history / groups:history (default true); without, missing_scope. */
  canReadHistory?: boolean;
}

const BLOCK_TYPES = new Set([
  "header",
  "section",
  "context",
  "divider",
  "actions",
  "image",
  "rich_text",
  "input",
  "file",
  "video",
  "markdown",
]);

export class SlackFake {
  readonly server = new FakeServer("slack");
  readonly token: string;
  readonly channels: FakeChannel[];
  readonly messages: FakeSlackMessage[] = [];
  private readonly webhookPath: string;
  private readonly canReadHistory: boolean;
  private readonly scripted: { method: string; error: string; remaining: number }[] = [];
  private seq = 0;

  constructor(opts: SlackFakeOptions = {}) {
    this.token = opts.token ?? `xoxb-fake-${randomBytes(8).toString("hex")}`;
    this.channels = opts.channels ?? [
      { id: "C0DEPLOYS", name: "deploys", member: true },
      { id: "C0OUTSIDE", name: "random", member: false },
      { id: "C0ARCHIVE", name: "old-deploys", member: true, archived: true },
    ];
    this.webhookPath = opts.webhookPath ?? `T0FAKE/B0FAKE/${randomBytes(12).toString("hex")}`;
    this.canReadHistory = opts.canReadHistory ?? true;
    this.server
      .route("POST", "/api/chat.postMessage", (req) => this.postMessage(req))
      .route("*", "/api/conversations.history", (req) => this.history(req))
      .route("POST", "/api/chat.update", (req) => this.update(req))
      .route("POST", "/services/*", (req) => this.webhook(req));
  }

  async start(): Promise<this> {
    await this.server.start();
    return this;
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  /** What SLACK_API_URL is set to. */
  get apiUrl(): string {
    return `${this.server.url}/api`;
  }

  /** The incoming webhook URL (a secret, as a real one is). */
  get webhookUrl(): string {
    return `${this.server.url}/services/${this.webhookPath}`;
  }

  /** The next `times` calls of `method` (chat.postMessage, chat.update, webhook) answer with `error`. */
  failNext(method: "chat.postMessage" | "chat.update" | "webhook", error: string, times = 1): this {
    this.scripted.push({ method, error, remaining: times });
    return this;
  }

  /** The next `times` calls of `method` answer 429 with Retry-After, as Slack's rate limiter does. */
  rateLimit(
    method: "chat.postMessage" | "chat.update" | "webhook",
    retryAfterSeconds: number,
    times = 1,
  ): this {
    this.server.fault(
      "POST",
      this.pathOf(method),
      { kind: "rate-limit", retryAfter: retryAfterSeconds, body: { ok: false, error: "ratelimited" } },
      times,
    );
    return this;
  }

  /**
   * The next `times` calls of `method` are handled (the message is posted) and then get no answer: the
   * connection hangs until the client gives up (or is reset), as when Slack's answer is lost on the way.
   */
  loseReply(
    method: "chat.postMessage" | "chat.update" | "webhook",
    times = 1,
    then: "hang" | "reset" = "hang",
  ): this {
    this.server.fault("POST", this.pathOf(method), { kind: "drop-reply", then }, times);
    return this;
  }

  /** Clears scripted errors and faults; keeps the recorded messages. */
  reset(): this {
    this.scripted.length = 0;
    this.server.clearFaults();
    return this;
  }

  pathOf(method: "chat.postMessage" | "chat.update" | "webhook"): string {
    return method === "webhook" ? "/services/*" : `/api/${method}`;
  }

  /** Messages in a channel (by ID or name), oldest first. */
  messagesIn(channel: string): FakeSlackMessage[] {
    const id = this.findChannel(channel)?.id ?? channel;
    return this.messages.filter((m) => m.channel === id);
  }

  /** What Slack would show for every message, as readable text; `urls: false` shows link labels only. */
  transcript(opts: RenderOptions = {}): string {
    return this.messages.map((m) => this.render(m, opts)).join("\n\n");
  }

  /** One message as readable text: where it went, then its blocks. */
  render(message: FakeSlackMessage, opts: RenderOptions = {}): string {
    const channel = this.channels.find((c) => c.id === message.channel);
    const where =
      message.via === "webhook"
        ? "incoming webhook"
        : `#${channel?.name ?? message.channel} (${message.channel})`;
    const edits = message.history.length - 1;
    const head = `── ${where}${message.ts ? ` · ts ${message.ts}` : ""}${edits ? ` · edited ${edits}×` : ""}`;
    const body = message.blocks.length ? renderBlocks(message.blocks, opts) : [readable(message.text, opts)];
    return [head, ...body.map((l) => `   ${l}`)].join("\n");
  }

  private postMessage(req: FakeRequest): FakeReply {
    const call = this.authorize(req, "chat.postMessage");
    if (!("args" in call)) return call;
    const body = call.args;
    const channel = this.findChannel(String(body.channel ?? ""));
    if (!channel) return fail("channel_not_found");
    if (channel.archived) return fail("is_archived");
    if (!channel.member) return fail("not_in_channel");
    const invalid = validatePayload(body);
    if (invalid) return fail(invalid);
    const metadata = readMetadata(body.metadata);
    if (metadata === "invalid") return fail("invalid_metadata_format");
    const ts = this.nextTs();
    const text = String(body.text ?? "");
    const blocks = (body.blocks as unknown[] | undefined) ?? [];
    this.messages.push({
      channel: channel.id,
      ts,
      via: "api",
      text,
      blocks,
      history: [{ text, blocks }],
      ...(metadata ? { metadata } : {}),
    });
    return { body: { ok: true, channel: channel.id, ts, message: { type: "message", text, ts, blocks } } };
  }

  private update(req: FakeRequest): FakeReply {
    const call = this.authorize(req, "chat.update");
    if (!("args" in call)) return call;
    const body = call.args;
    // chat.update takes a channel ID only, as Slack's does.
    const channel = this.channels.find((c) => c.id === String(body.channel ?? ""));
    if (!channel) return fail("channel_not_found");
    const message = this.messages.find((m) => m.channel === channel.id && m.ts === String(body.ts ?? ""));
    if (!message) return fail("message_not_found");
    const invalid = validatePayload(body);
    if (invalid) return fail(invalid);
    const metadata = readMetadata(body.metadata);
    if (metadata === "invalid") return fail("invalid_metadata_format");
    if (metadata) message.metadata = metadata;
    message.text = String(body.text ?? "");
    message.blocks = (body.blocks as unknown[] | undefined) ?? [];
    message.history.push({ text: message.text, blocks: message.blocks });
    return {
      body: {
        ok: true,
        channel: channel.id,
        ts: message.ts,
        text: message.text,
        message: {
          type: "message",
          text: message.text,
          blocks: message.blocks,
          edited: { ts: this.nextTs() },
        },
      },
    };
  }

  /**
   * conversations.history: newest first, from `oldest` on, `limit` (default 100) a page with a cursor. Takes
   * its arguments form-encoded or in the query string, as Slack's read methods do.
   */
  private history(req: FakeRequest): FakeReply {
    const auth = String(req.headers.authorization ?? "");
    const form = String(req.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded")
      ? new URLSearchParams(req.body)
      : req.query;
    const token = auth.startsWith("Bearer ") ? auth.slice(7) : (form.get("token") ?? "");
    if (!token) return fail("not_authed");
    if (token !== this.token) return fail("invalid_auth");
    if (!this.canReadHistory)
      return {
        body: { ok: false, error: "missing_scope", needed: "channels:history", provided: "chat:write" },
      };
    const channel = this.channels.find((c) => c.id === (form.get("channel") ?? ""));
    if (!channel) return fail("channel_not_found");
    if (!channel.member) return fail("not_in_channel");
    const oldest = micros(form.get("oldest") ?? "0");
    const inclusive = ["true", "1"].includes(form.get("inclusive") ?? "");
    const limit = Math.min(Math.max(Number(form.get("limit") ?? "100") || 100, 1), 999);
    const start = Number(form.get("cursor") ?? "0") || 0;
    const all = this.messages
      .filter((m) => {
        if (m.channel !== channel.id || !m.ts) return false;
        const at = micros(m.ts);
        return inclusive ? at >= oldest : at > oldest;
      })
      .reverse();
    const page = all.slice(start, start + limit);
    // Metadata comes back only when asked for (include_all_metadata), as Slack answers.
    const withMetadata = ["true", "1"].includes(form.get("include_all_metadata") ?? "");
    const more = start + limit < all.length;
    return {
      body: {
        ok: true,
        messages: page.map((m) => ({
          type: "message",
          ts: m.ts,
          text: m.text,
          blocks: m.blocks,
          bot_id: "B0FAKEBOT",
          ...(m.metadata && withMetadata ? { metadata: m.metadata } : {}),
        })),
        has_more: more,
        pin_count: 0,
        response_metadata: { next_cursor: more ? String(start + limit) : "" },
      },
    };
  }

  private webhook(req: FakeRequest): FakeReply {
    if (req.path !== `/services/${this.webhookPath}`) return { status: 404, body: "no_service" };
    const scripted = this.takeScripted("webhook");
    if (scripted) return { status: scripted === "channel_not_found" ? 404 : 400, body: scripted };
    let body: Record<string, unknown>;
    try {
      body = req.json<Record<string, unknown>>();
    } catch {
      return { status: 400, body: "invalid_payload" };
    }
    const invalid = validatePayload(body);
    if (invalid) return { status: 400, body: invalid === "no_text" ? "no_text" : "invalid_payload" };
    const text = String(body.text ?? "");
    const blocks = (body.blocks as unknown[] | undefined) ?? [];
    this.messages.push({ channel: "webhook", via: "webhook", text, blocks, history: [{ text, blocks }] });
    return { headers: { "content-type": "text/html" }, body: "ok" };
  }

  /**
   * The method's arguments, once the call is authorised. Slack takes a JSON body (token in the Authorization
   * header only) or a form body (application/x-www-form-urlencoded, as @slack/web-api sends it, with blocks as a
   * JSON string; the token in the header or as a `token` field).
   */
  private authorize(req: FakeRequest, method: string): { args: Record<string, unknown> } | FakeReply {
    const type =
      String(req.headers["content-type"] ?? "")
        .split(";")[0]
        ?.trim()
        .toLowerCase() ?? "";
    let args: Record<string, unknown>;
    let token = String(req.headers.authorization ?? "").replace(/^Bearer\s+/i, "");
    if (type === "application/json") {
      try {
        args = req.json<Record<string, unknown>>();
      } catch {
        return fail("invalid_json");
      }
      if (!args || typeof args !== "object" || Array.isArray(args)) return fail("json_not_object");
    } else if (type === "application/x-www-form-urlencoded" || type === "text/plain" || type === "") {
      args = Object.fromEntries(new URLSearchParams(req.body));
      token ||= String(args.token ?? "");
      delete args.token;
      if (typeof args.blocks === "string") {
        try {
          args.blocks = JSON.parse(args.blocks);
        } catch {
          return fail("invalid_blocks_format");
        }
      }
    } else return fail("invalid_post_type");
    if (!token) return fail("not_authed");
    if (token !== this.token) return fail("invalid_auth");
    const scripted = this.takeScripted(method);
    return scripted ? fail(scripted) : { args };
  }

  private takeScripted(method: string): string | undefined {
    const rule = this.scripted.find((s) => s.method === method && s.remaining > 0);
    if (!rule) return undefined;
    rule.remaining--;
    return rule.error;
  }

  private findChannel(raw: string): FakeChannel | undefined {
    const name = raw.trim().replace(/^#/, "");
    return this.channels.find((c) => c.id === name || c.name === name);
  }

  private nextTs(): string {
    this.seq++;
    return `${Math.floor(Date.now() / 1000)}.${String(this.seq).padStart(6, "0")}`;
  }
}

/** A Slack ts (seconds.micros) as an exact integer of microseconds. */
function micros(ts: string): bigint {
  const [sec = "0", frac = ""] = ts.trim().split(".");
  return (
    BigInt(/^\d+$/.test(sec) ? sec : "0") * 1_000_000n +
    BigInt(`${frac}000000`.slice(0, 6).replace(/\D/g, "0"))
  );
}

/** Message metadata as Slack takes it (an object, or its JSON in a form post); "invalid" when malformed. */
function readMetadata(raw: unknown): FakeSlackMessage["metadata"] | "invalid" | undefined {
  if (raw === undefined || raw === "") return undefined;
  let value = raw;
  if (typeof raw === "string") {
    try {
      value = JSON.parse(raw);
    } catch {
      return "invalid";
    }
  }
  const m = value as FakeSlackMessage["metadata"];
  if (
    !m ||
    typeof m !== "object" ||
    typeof m.event_type !== "string" ||
    !/^[A-Za-z0-9_.-]{1,255}$/.test(m.event_type) ||
    typeof m.event_payload !== "object" ||
    m.event_payload === null
  )
    return "invalid";
  return m;
}

function fail(error: string): FakeReply {
  return { body: { ok: false, error } };
}

/** The checks Slack makes that a deploy message could trip: no text at all, malformed or oversized blocks. */
export function validatePayload(body: Record<string, unknown>): string | undefined {
  const text = body.text;
  const blocks = body.blocks;
  if (blocks !== undefined && !Array.isArray(blocks)) return "invalid_blocks";
  if ((typeof text !== "string" || !text) && (!Array.isArray(blocks) || blocks.length === 0))
    return "no_text";
  if (typeof text === "string" && text.length > 40_000) return "msg_too_long";
  if (!Array.isArray(blocks)) return undefined;
  if (blocks.length > 50) return "invalid_blocks";
  for (const block of blocks) {
    if (!block || typeof block !== "object") return "invalid_blocks";
    const b = block as Record<string, unknown>;
    if (typeof b.type !== "string" || !BLOCK_TYPES.has(b.type)) return "invalid_blocks";
    if (b.type === "header") {
      const t = b.text as Record<string, unknown> | undefined;
      if (
        t?.type !== "plain_text" ||
        typeof t.text !== "string" ||
        !t.text ||
        Array.from(t.text).length > 150
      )
        return "invalid_blocks";
    }
    if (b.type === "section") {
      const t = b.text as Record<string, unknown> | undefined;
      const fields = b.fields as unknown[] | undefined;
      if (!t && !Array.isArray(fields)) return "invalid_blocks";
      if (t && (typeof t.text !== "string" || !t.text || t.text.length > 3000)) return "invalid_blocks";
      if (fields && (fields.length > 10 || fields.some((f) => !isTextObject(f, 2000))))
        return "invalid_blocks";
    }
    if (b.type === "context") {
      const elements = b.elements as unknown[] | undefined;
      if (!Array.isArray(elements) || elements.length === 0 || elements.length > 10) return "invalid_blocks";
    }
  }
  return undefined;
}

function isTextObject(value: unknown, max: number): boolean {
  if (!value || typeof value !== "object") return false;
  const t = value as Record<string, unknown>;
  return (
    (t.type === "mrkdwn" || t.type === "plain_text") &&
    typeof t.text === "string" &&
    t.text.length > 0 &&
    t.text.length <= max
  );
}

/** Block Kit as lines of plain text: links as `label (url)`, escapes undone. */
export function renderBlocks(blocks: unknown[], opts: RenderOptions = {}): string[] {
  const lines: string[] = [];
  for (const block of blocks) {
    const b = (block ?? {}) as Record<string, unknown>;
    const textOf = (t: unknown) =>
      readable(String((t as Record<string, unknown> | undefined)?.text ?? ""), opts);
    switch (b.type) {
      case "header":
        lines.push(`▌ ${textOf(b.text)}`);
        break;
      case "section":
        if (b.text) lines.push(...textOf(b.text).split("\n"));
        for (const f of (b.fields as unknown[] | undefined) ?? []) lines.push(textOf(f).replace(/\n/g, ": "));
        break;
      case "context":
        lines.push(((b.elements as unknown[] | undefined) ?? []).map(textOf).join("  ·  "));
        break;
      case "divider":
        lines.push("────────");
        break;
      default:
        lines.push(`[${String(b.type)} block]`);
    }
  }
  return lines;
}

export interface RenderOptions {
  /** Show each link's URL after its label (default true). */
  urls?: boolean;
}

/** Slack mrkdwn as a person reads it. */
export function readable(mrkdwn: string, opts: RenderOptions = {}): string {
  return mrkdwn
    .replace(/<([^|>]+)\|([^>]+)>/g, opts.urls === false ? "$2" : "$2 ($1)")
    .replace(/<([^>]+)>/g, "$1")
    .replace(/```/g, "")
    .replace(/`([^`]*)`/g, "$1")
    .replace(/\*([^*\n]+)\*/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}
