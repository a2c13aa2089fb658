import { LogLevel, WebClient } from "@slack/web-api";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Clock, Reporter } from "../../src/core/ports.js";
import type { DeployNotice } from "../../src/core/slack-message.js";
import { buildDeployMessage } from "../../src/core/slack-message.js";
import { notifySlack, START_NOTICE_UNKNOWN } from "../../src/pipelines/notify.js";
import { SlackFake } from "../../src/sandbox/slack-api.js";
import { DeliveryUnknownError, SlackClient, SlackError } from "../../src/vendors/slack.js";
import { canary, expectNoCanary } from "../support/canary.js";

/** A clock whose sleeps return at once and are recorded, so Retry-After waits can be read back. */
function recordingClock(): Clock & { waits: number[] } {
  const waits: number[] = [];
  return { waits, now: () => new Date(), sleep: async (ms) => void waits.push(ms) };
}

function recordingReporter(): Reporter & { lines: string[]; warnings: string[]; secrets: string[] } {
  const lines: string[] = [];
  const warnings: string[] = [];
  const secrets: string[] = [];
  return {
    lines,
    warnings,
    secrets,
    info: (m) => void lines.push(m),
    warning: (m) => void warnings.push(m),
    error: (m) => void lines.push(m),
    debug: (m) => void lines.push(m),
    secret: (v) => void secrets.push(v),
    group: (_t, fn) => fn(),
  };
}

const notice: DeployNotice = {
  status: "started",
  app: "shop-api",
  environment: "production",
  production: true,
  fromSha: "1111111aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  toSha: "2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
  actor: "octocat",
  approvedBy: "hubot",
  runUrl: "https://github.com/acme/shop/actions/runs/4242",
  repository: "acme/shop",
};
const message = buildDeployMessage(notice);

describe("SlackClient against the loopback Slack fake", () => {
  const token = canary("slack-token");
  const slack = new SlackFake({ token });
  let clock: ReturnType<typeof recordingClock>;
  const client = (over: Partial<ConstructorParameters<typeof SlackClient>[0]> = {}) =>
    new SlackClient({ token, baseUrl: slack.apiUrl, clock, timeoutMs: 2000, ...over });

  beforeAll(async () => {
    await slack.start();
  });
  afterAll(() => slack.stop());
  beforeEach(() => {
    slack.reset();
    clock = recordingClock();
  });

  it("posts with the bearer token and returns the channel ID and ts", async () => {
    const posted = await client().postMessage("#deploys", message);
    expect(posted.channel).toBe("C0DEPLOYS");
    expect(posted.ts).toMatch(/^\d+\.\d{6}$/);
    const req = slack.server.requestsTo("POST", "/api/chat.postMessage").at(-1);
    expect(req?.headers.authorization).toBe(`Bearer ${token}`);
    expect(req?.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(slack.messagesIn("deploys").at(-1)).toMatchObject({ ts: posted.ts, text: message.text });
  });

  it("honours Retry-After on 429, then succeeds", async () => {
    slack.rateLimit("chat.postMessage", 2, 1);
    const before = slack.server.requestsTo("POST", "/api/chat.postMessage").length;
    const posted = await client().postMessage("C0DEPLOYS", message);
    expect(posted.channel).toBe("C0DEPLOYS");
    expect(clock.waits).toEqual([2000]);
    expect(slack.server.requestsTo("POST", "/api/chat.postMessage").length - before).toBe(2);
  });

  it("caps a long Retry-After", async () => {
    slack.rateLimit("chat.postMessage", 3600, 1);
    await client({ maxRetryAfterMs: 5000 }).postMessage("C0DEPLOYS", message);
    expect(clock.waits).toEqual([5000]);
  });

  it("backs off on 500 twice, then succeeds", async () => {
    slack.server.flap("POST", "/api/chat.postMessage", 2, { kind: "status", status: 500 });
    const before = slack.messages.length;
    await client().postMessage("C0DEPLOYS", message);
    expect(clock.waits).toEqual([1000, 2000]);
    expect(slack.messages.length - before).toBe(1);
  });

  it("gives up on a lasting rate limit with Slack's error and a hint", async () => {
    slack.rateLimit("chat.postMessage", 1, 10);
    const err = await client({ retries: 2 })
      .postMessage("C0DEPLOYS", message)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SlackError);
    expect((err as SlackError).code).toBe("ratelimited");
    expect((err as Error).message).toMatch(
      /^Slack chat.postMessage failed: ratelimited \(Slack rate-limited/,
    );
    expect(clock.waits).toEqual([1000, 1000]);
  });

  it.each([
    ["an unknown channel", "#nope", token, "channel_not_found", /invite the app/],
    ["a channel the bot is not in", "#random", token, "not_in_channel", /\/invite the app/],
    ["an archived channel", "C0ARCHIVE", token, "is_archived", /unarchive/],
    ["a wrong token", "#deploys", "xoxb-wrong", "invalid_auth", /current bot token/],
  ])("names Slack's error for %s, without retrying", async (_what, channel, tok, code, hint) => {
    const before = slack.server.requests.length;
    const err = await client({ token: tok })
      .postMessage(channel, message)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SlackError);
    expect((err as SlackError).code).toBe(code);
    expect((err as Error).message).toContain(`Slack chat.postMessage failed: ${code} (`);
    expect((err as Error).message).toMatch(hint);
    expect(slack.server.requests.length - before).toBe(1);
  });

  it("cuts a hanging post at the timeout and does not send it again: it may have arrived", async () => {
    slack.server.fault("POST", "/api/chat.postMessage", { kind: "hang" });
    const before = slack.server.requestsTo("POST", "/api/chat.postMessage").length;
    const err = await client({ timeoutMs: 200, retries: 3 })
      .postMessage("C0DEPLOYS", message)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeliveryUnknownError);
    expect((err as Error).message).toBe(
      "Slack API did not answer POST /chat.postMessage (timed out after 200ms): it may have arrived, so it is not sent again",
    );
    expect(slack.server.requestsTo("POST", "/api/chat.postMessage").length - before).toBe(1);
    expect(clock.waits).toEqual([]);
  });

  it("does not post again when the connection drops after Slack took the message", async () => {
    const before = slack.messagesIn("C0DEPLOYS").length;
    slack.loseReply("chat.postMessage", 1, "reset");
    await expect(client({ retries: 3 }).postMessage("C0DEPLOYS", message)).rejects.toBeInstanceOf(
      DeliveryUnknownError,
    );
    expect(slack.messagesIn("C0DEPLOYS").length - before).toBe(1);
    expect(clock.waits).toEqual([]);
  });

  it("retries what cannot have arrived: a refused connection", async () => {
    const err = await client({ baseUrl: "http://127.0.0.1:9/api", retries: 2 })
      .postMessage("C0DEPLOYS", message)
      .catch((e: unknown) => e);
    expect((err as Error).message).toBe("Slack API unreachable (POST /chat.postMessage): connection refused");
    expect(clock.waits).toEqual([1000, 2000]);
  });

  it("retries a hanging chat.update, which is idempotent, a bounded number of times", async () => {
    const posted = await client().postMessage("C0DEPLOYS", message);
    slack.server.fault("POST", "/api/chat.update", { kind: "hang" }, 2);
    const before = slack.server.requestsTo("POST", "/api/chat.update").length;
    const done = buildDeployMessage({ ...notice, status: "success" });
    await expect(
      client({ timeoutMs: 150, retries: 1 }).update(posted.channel, posted.ts, done),
    ).rejects.toThrow("Slack API unreachable (POST /chat.update): timed out after 150ms");
    expect(slack.server.requestsTo("POST", "/api/chat.update").length - before).toBe(2);
    expect(await client({ timeoutMs: 150, retries: 1 }).update(posted.channel, posted.ts, done)).toEqual(
      posted,
    );
    expect(clock.waits).toEqual([1000]);
  });

  it("finds a post again by its metadata in the channel's history", async () => {
    const meta = { event_type: "prodgate_deploy", event_payload: { deploy: "run-1.1.shop-api" } };
    const since = new Date(Date.now() - 1000);
    const other = await client().postMessage("C0DEPLOYS", message, {
      ...meta,
      event_payload: { deploy: "run-0.1.shop-api" },
    });
    const mine = await client().postMessage("C0DEPLOYS", message, meta);
    await client().postMessage("C0DEPLOYS", message);
    expect(await client().findPosted("C0DEPLOYS", since, meta)).toEqual(mine);
    expect(mine.ts).not.toBe(other.ts);
    expect(
      await client().findPosted("C0DEPLOYS", since, { ...meta, event_payload: { deploy: "run-9.1.x" } }),
    ).toBeUndefined();
    const history = slack.server.requestsTo("POST", "/api/conversations.history").at(-1);
    expect(history?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(new URLSearchParams(history?.body).get("include_all_metadata")).toBe("true");
  });

  it("updates a message in place and refuses an unknown ts", async () => {
    const posted = await client().postMessage("#deploys", message);
    const done = buildDeployMessage({ ...notice, status: "success" });
    const updated = await client().update(posted.channel, posted.ts, done);
    expect(updated).toEqual(posted);
    const stored = slack.messagesIn("C0DEPLOYS").find((m) => m.ts === posted.ts);
    expect(stored?.text).toBe(done.text);
    expect(stored?.history).toHaveLength(2);
    await expect(client().update("C0DEPLOYS", "1.000001", done)).rejects.toThrow(
      /chat.update failed: message_not_found/,
    );
  });

  it("posts to an incoming webhook and keeps its path out of every error", async () => {
    const before = slack.messages.length;
    await client({ token: undefined }).postWebhook(slack.webhookUrl, message);
    expect(slack.messages.length - before).toBe(1);
    expect(slack.messages.at(-1)).toMatchObject({ via: "webhook", text: message.text });

    const revoked = `${slack.server.url}/services/T0FAKE/B0FAKE/${canary("hook")}`;
    const err = await client()
      .postWebhook(revoked, message)
      .catch((e: unknown) => e);
    expect((err as SlackError).code).toBe("no_service");
    expect((err as Error).message).toMatch(/create a new incoming webhook/);

    slack.server.fault("POST", "/services/*", { kind: "hang" });
    const sent = slack.server.requestsTo("POST", "/services/*").length;
    const hung = await client({ timeoutMs: 150, retries: 3 })
      .postWebhook(slack.webhookUrl, message)
      .catch((e: unknown) => e);
    expect(hung).toBeInstanceOf(DeliveryUnknownError);
    expect((hung as Error).message).toBe(
      "Slack incoming webhook did not answer POST <webhook> (timed out after 150ms): it may have arrived, so it is not sent again",
    );
    expect(slack.server.requestsTo("POST", "/services/*").length - sent).toBe(1);
    expectNoCanary([new URL(slack.webhookUrl).pathname, new URL(revoked).pathname], {
      err: (err as Error).message,
      hung: (hung as Error).message,
    });
  });
});

describe("notifySlack", () => {
  const token = canary("slack-token");
  const slack = new SlackFake({ token });
  let clock: ReturnType<typeof recordingClock>;
  let reporter: ReturnType<typeof recordingReporter>;
  const target = () => ({ token, channel: "#deploys", baseUrl: slack.apiUrl });

  beforeAll(async () => {
    await slack.start();
  });
  afterAll(() => slack.stop());
  beforeEach(() => {
    slack.reset();
    clock = recordingClock();
    reporter = recordingReporter();
  });

  it("posts started, then updates the same message with the outcome", async () => {
    const started = await notifySlack(target(), notice, { reporter, clock });
    expect(started).toMatchObject({ ok: true, channel: "C0DEPLOYS" });
    const done = await notifySlack(
      { ...target(), channel: started.channel },
      { ...notice, status: "success" },
      { reporter, clock, updateTs: started.ts },
    );
    expect(done).toEqual(started);
    const msgs = slack.messagesIn("C0DEPLOYS").filter((m) => m.ts === started.ts);
    expect(msgs).toHaveLength(1);
    expect(msgs[0]?.history.map((h) => h.text.split(" ")[0])).toEqual(["🚀", "✅"]);
    expect(new Set(reporter.secrets)).toEqual(new Set([token]));
    expect(reporter.lines).toContain(
      `Slack: posted 🚀 Deploying notice for shop-api (🚨 PRODUCTION) to C0DEPLOYS (ts ${started.ts})`,
    );
    expect(reporter.lines).toContain(
      `Slack: updated ✅ Deployed notice for shop-api (🚨 PRODUCTION) in C0DEPLOYS (ts ${started.ts})`,
    );
    expect(reporter.warnings).toEqual([]);
  });

  it("sends a well-formed message: blocks, the environment named, no secret", async () => {
    await notifySlack(target(), { ...notice, status: "failure" }, { reporter, clock });
    const body = JSON.parse(slack.server.requestsTo("POST", "/api/chat.postMessage").at(-1)?.body ?? "{}");
    expect(body.channel).toBe("#deploys");
    expect(body.blocks.map((b: { type: string }) => b.type)).toEqual([
      "header",
      "section",
      "section",
      "context",
    ]);
    expect(body.blocks[0].text.text).toBe("❌ Deploy of shop-api to 🚨 PRODUCTION failed");
    expect(body.text).toContain("PRODUCTION");
    expect(JSON.stringify(body)).toContain("prodgate rollback --app shop-api");
    expectNoCanary([token], { body, slack: slack.messages, log: reporter.lines });
    expect(slack.transcript()).toContain("▌ ❌ Deploy of shop-api to 🚨 PRODUCTION failed");
  });

  it("retries 429 and 500s, then posts once", async () => {
    slack.rateLimit("chat.postMessage", 1, 1);
    slack.server.flap("POST", "/api/chat.postMessage", 1, { kind: "status", status: 502 });
    const before = slack.messages.length;
    const r = await notifySlack(target(), notice, { reporter, clock });
    expect(r.ok).toBe(true);
    expect(slack.messages.length - before).toBe(1);
    expect(clock.waits).toEqual([1000, 2000]);
    expect(reporter.lines.filter((l) => l.startsWith("Slack chat.postMessage: "))).toEqual([
      "Slack chat.postMessage: 429; retry 1 in 1000ms",
      "Slack chat.postMessage: 502; retry 2 in 2000ms",
    ]);
  });

  it.each(["channel_not_found", "not_in_channel", "invalid_auth", "missing_scope"])(
    "turns ok:false %s into a warning that says what to do, and does not throw",
    async (code) => {
      slack.failNext("chat.postMessage", code);
      const r = await notifySlack(target(), notice, { reporter, clock });
      expect(r.ok).toBe(false);
      expect(r.error).toMatch(new RegExp(`^Slack chat.postMessage failed: ${code} \\(.+\\)$`));
      expect(reporter.warnings).toHaveLength(1);
      expect(reporter.warnings[0]).toContain(`${code} (`);
      expect(reporter.warnings[0]).toContain("set fail-on-error");
    },
  );

  it("throws the same error with failOnError", async () => {
    slack.failNext("chat.postMessage", "channel_not_found");
    await expect(notifySlack(target(), notice, { reporter, clock, failOnError: true })).rejects.toThrow(
      /^Slack chat.postMessage failed: channel_not_found \(the channel does not exist/,
    );
    expect(reporter.warnings).toEqual([]);
  });

  it("warns on a hang past the timeout, does not post again, and goes on", async () => {
    slack.server.fault("POST", "/api/chat.postMessage", { kind: "hang" });
    const before = slack.server.requestsTo("POST", "/api/chat.postMessage").length;
    const r = await notifySlack(target(), notice, { reporter, clock, timeoutMs: 150, retries: 1 });
    expect(r).toEqual({
      ok: false,
      unknown: true,
      error:
        "🚀 Deploying notice for shop-api (🚨 PRODUCTION): Slack API did not answer POST /chat.postMessage (timed out after 150ms): it may have arrived, so it is not sent again",
    });
    expect(reporter.warnings).toEqual([`${r.error} (the deploy goes on)`]);
    expect(slack.server.requestsTo("POST", "/api/chat.postMessage").length - before).toBe(1);
  });

  it("a started post whose answer is lost: found in the channel, then updated; one message, no orphan", async () => {
    const key = "run-7.1.shop-api";
    const before = slack.messagesIn("C0DEPLOYS").length;
    slack.loseReply("chat.postMessage", 1, "hang");
    const started = await notifySlack({ ...target(), channel: "C0DEPLOYS" }, notice, {
      reporter,
      clock,
      timeoutMs: 300,
      deployKey: key,
    });
    expect(started).toMatchObject({ ok: true, channel: "C0DEPLOYS" });
    expect(reporter.warnings).toEqual([]);
    expect(reporter.lines).toContain(
      `Slack: Slack API did not answer POST /chat.postMessage (timed out after 300ms): it may have arrived, so it is not sent again; it did arrive (ts ${started.ts})`,
    );
    const done = await notifySlack(
      { ...target(), channel: "C0DEPLOYS" },
      { ...notice, status: "success" },
      { reporter, clock, updateTs: started.ts, deployKey: key },
    );
    expect(done).toEqual(started);
    const mine = slack.messagesIn("C0DEPLOYS").slice(before);
    expect(mine).toHaveLength(1);
    expect(mine[0]?.history.map((h) => h.text.split(" ")[0])).toEqual(["🚀", "✅"]);
    // The metadata names the deploy and follows the status the message shows.
    expect(mine[0]?.metadata).toEqual({
      event_type: "prodgate_deploy",
      event_payload: { deploy: key, status: "success" },
    });
  });

  it("without the history scope: the start notice is not posted twice, and the outcome says it may be missing", async () => {
    const blind = await new SlackFake({ token, canReadHistory: false }).start();
    try {
      const t = { token, channel: "C0DEPLOYS", baseUrl: blind.apiUrl };
      blind.loseReply("chat.postMessage", 1, "reset");
      const since = clock.now();
      const started = await notifySlack(t, notice, { reporter, clock, deployKey: "run-8.1.shop-api" });
      expect(started).toMatchObject({ ok: false, unknown: true });
      expect(reporter.warnings[0]).toMatch(
        /^Slack: could not look for the message in C0DEPLOYS \(Slack conversations.history failed: missing_scope \(channels:history\) .*\): give the Slack app the channels:history scope/,
      );
      const done = await notifySlack(
        t,
        { ...notice, status: "success" },
        { reporter, clock, deployKey: "run-8.1.shop-api", startUnknownSince: since },
      );
      expect(done).toMatchObject({ ok: true, channel: "C0DEPLOYS" });
      expect(blind.messages.map((m) => m.text.split(" ")[0])).toEqual(["🚀", "✅"]);
      expect(blind.messages[1]?.text).toContain(START_NOTICE_UNKNOWN);
      expect(blind.server.requestsTo("POST", "/api/chat.postMessage")).toHaveLength(2);
    } finally {
      await blind.stop();
    }
  });

  it("an outcome whose start notice got no answer finds that message and updates it", async () => {
    const key = "run-9.1.shop-api";
    const before = slack.messagesIn("C0DEPLOYS").length;
    const since = clock.now();
    // The start notice reached Slack, but the deploy never learnt its ts.
    await new SlackClient({ token, baseUrl: slack.apiUrl, clock }).postMessage(
      "C0DEPLOYS",
      buildDeployMessage(notice),
      { event_type: "prodgate_deploy", event_payload: { deploy: key, status: "started" } },
    );
    const done = await notifySlack(
      { ...target(), channel: "C0DEPLOYS" },
      { ...notice, status: "failure" },
      { reporter, clock, deployKey: key, startUnknownSince: since },
    );
    expect(done.ok).toBe(true);
    const mine = slack.messagesIn("C0DEPLOYS").slice(before);
    expect(mine).toHaveLength(1);
    expect(mine[0]?.ts).toBe(done.ts);
    expect(mine[0]?.history.map((h) => h.text.split(" ")[0])).toEqual(["🚀", "❌"]);
    expect(mine[0]?.text).not.toContain(START_NOTICE_UNKNOWN);
  });

  it("an incoming webhook that does not answer is not posted to again", async () => {
    const before = slack.messages.length;
    slack.loseReply("webhook", 1, "reset");
    const r = await notifySlack({ webhookUrl: slack.webhookUrl }, notice, { reporter, clock, retries: 3 });
    expect(r).toMatchObject({ ok: false, unknown: true });
    expect(slack.messages.length - before).toBe(1);
    expect(clock.waits).toEqual([]);
    expect(r.error).not.toContain(new URL(slack.webhookUrl).pathname);
  });

  it("posts the outcome anew when the message to update is gone", async () => {
    const r = await notifySlack(
      { ...target(), channel: "C0DEPLOYS" },
      { ...notice, status: "success" },
      { reporter, clock, updateTs: "1700000000.000999" },
    );
    expect(r).toMatchObject({ ok: true, channel: "C0DEPLOYS" });
    expect(r.ts).not.toBe("1700000000.000999");
    expect(reporter.warnings).toEqual([
      expect.stringMatching(
        /^Slack chat.update failed: message_not_found \(.*\); posting the outcome as a new message instead$/,
      ),
    ]);
  });

  it("posts through an incoming webhook, and says it cannot update there", async () => {
    const before = slack.messages.length;
    const r = await notifySlack(
      { webhookUrl: slack.webhookUrl },
      { ...notice, status: "success", environment: "staging", production: false },
      { reporter, clock, updateTs: "1700000000.000001" },
    );
    expect(r).toEqual({ ok: true });
    expect(slack.messages.length - before).toBe(1);
    expect(slack.messages.at(-1)?.text).toMatch(/^✅ Deployed shop-api to STAGING/);
    expect(reporter.secrets).toEqual([slack.webhookUrl]);
    expect(reporter.lines).toContain(
      "Slack: an incoming webhook cannot update a message; posting the outcome as a new one",
    );
  });

  it("warns, or throws with failOnError, when there is nowhere to post", async () => {
    const r = await notifySlack({ token }, notice, { reporter, clock });
    expect(r).toEqual({ ok: false, error: "Slack notice not sent: a bot token needs a channel" });
    await expect(notifySlack({}, notice, { reporter, clock, failOnError: true })).rejects.toThrow(
      "Slack notice not sent: give a bot token and a channel, or an incoming webhook URL",
    );
  });

  it("warns when Slack cannot be reached at all", async () => {
    const r = await notifySlack({ ...target(), baseUrl: "http://127.0.0.1:9/api" }, notice, {
      reporter,
      clock,
      retries: 1,
    });
    expect(r.ok).toBe(false);
    expect(r.error).toBe("Slack API unreachable (POST /chat.postMessage): connection refused");
    expect(clock.waits).toEqual([1000]); // a refused connection cannot have posted anything: retried
  });
});

describe("message metadata and conversations.history, as @slack/web-api sends and reads them", () => {
  const token = canary("slack-token");
  const slack = new SlackFake({ token });
  const web = () =>
    new WebClient(token, {
      slackApiUrl: `${slack.apiUrl}/`,
      retryConfig: { retries: 0 },
      logLevel: LogLevel.ERROR,
    });
  const meta = {
    event_type: "prodgate_deploy",
    event_payload: { deploy: "77.1.shop-api", status: "started" },
  };

  beforeAll(async () => {
    await slack.start();
  });
  afterAll(() => slack.stop());

  it("a post of WebClient's (metadata as form-encoded JSON) is what prodgate's client finds again", async () => {
    const since = new Date(Date.now() - 1000);
    const posted = await web().chat.postMessage({ channel: "C0DEPLOYS", text: message.text, metadata: meta });
    expect(posted.ok).toBe(true);
    const found = await new SlackClient({ token, baseUrl: slack.apiUrl }).findPosted(
      "C0DEPLOYS",
      since,
      meta,
    );
    expect(found).toEqual({ channel: "C0DEPLOYS", ts: posted.ts });
  });

  it("a post of prodgate's client reads back through WebClient with its metadata, newest first", async () => {
    const client = new SlackClient({ token, baseUrl: slack.apiUrl });
    const first = await client.postMessage("C0DEPLOYS", message, meta);
    const second = await client.postMessage("C0DEPLOYS", message);
    const history = await web().conversations.history({
      channel: "C0DEPLOYS",
      oldest: first.ts,
      inclusive: true,
      include_all_metadata: true,
    });
    expect(history.ok).toBe(true);
    expect(history.messages?.map((m) => m.ts)).toEqual([second.ts, first.ts]);
    expect(history.messages?.[1]?.metadata).toEqual(meta);
    const bare = await web().conversations.history({
      channel: "C0DEPLOYS",
      oldest: first.ts,
      inclusive: true,
    });
    expect(bare.messages?.[1]?.metadata).toBeUndefined();
  });

  it("refuses what Slack refuses: an unknown channel, a channel the app is not in", async () => {
    await expect(web().conversations.history({ channel: "C0NOPE" })).rejects.toMatchObject({
      data: { ok: false, error: "channel_not_found" },
    });
    await expect(web().conversations.history({ channel: "C0OUTSIDE" })).rejects.toMatchObject({
      data: { ok: false, error: "not_in_channel" },
    });
  });
});
