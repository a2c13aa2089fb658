import { ErrorCode, type Logger, LogLevel, WebClient, WebClientEvent } from "@slack/web-api";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildDeployMessage, type DeployNotice } from "../../src/core/slack-message.js";
import { SlackFake } from "../../src/sandbox/slack-api.js";
import { SlackClient } from "../../src/vendors/slack.js";
import { canary } from "../support/canary.js";

/**
 * The Slack fake driven by Slack's own Node client (`@slack/web-api`'s WebClient, slackApiUrl pointed at the
 * fake): the methods prodgate calls (chat.postMessage, chat.update), Slack's error answers, and rate limiting
 * (429 + Retry-After) as WebClient reads it. WebClient sends form-encoded bodies (blocks as a JSON string),
 * prodgate's client sends JSON: Slack takes both, and so must the fake. Incoming webhooks are checked in
 * slack.test.ts only: Slack's webhook client (`@slack/webhook`) is not a dependency.
 */

const quiet: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
};

// `as`: the notice's fields are the message builder's business; this test only needs a real deploy message.
const notice = {
  status: "started",
  production: true,
  app: "shop-api",
  environment: "production",
  fromSha: "1111111aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  toSha: "2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
  actor: "octocat",
  approvedBy: "hubot",
  runUrl: "https://github.com/acme/shop/actions/runs/4242",
  repository: "acme/shop",
} as DeployNotice;
const started = buildDeployMessage(notice);
const succeeded = buildDeployMessage({ ...notice, status: "success" });

describe("the Slack fake, as @slack/web-api's WebClient sees it", () => {
  const token = canary("slack-token");
  const slack = new SlackFake({ token });
  const web = (over: ConstructorParameters<typeof WebClient>[1] = {}, withToken: string | null = token) =>
    new WebClient(withToken ?? undefined, {
      slackApiUrl: `${slack.apiUrl}/`,
      logger: quiet,
      retryConfig: { retries: 0 },
      ...over,
    });

  beforeAll(async () => {
    await slack.start();
  });
  afterAll(() => slack.stop());
  beforeEach(() => {
    slack.reset();
  });

  it("posts a deploy message and updates it in place", async () => {
    const client = web();
    const posted = await client.chat.postMessage({
      channel: "C0DEPLOYS",
      text: started.text,
      blocks: started.blocks as never,
    });
    expect(posted.ok).toBe(true);
    expect(posted.channel).toBe("C0DEPLOYS");
    expect(posted.ts).toMatch(/^\d+\.\d{6}$/);
    expect(posted.message?.text).toBe(started.text);
    const req = slack.server.requestsTo("POST", "/api/chat.postMessage").at(-1);
    expect(req?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(req?.headers.authorization).toBe(`Bearer ${token}`);

    const updated = await client.chat.update({
      channel: String(posted.channel),
      ts: String(posted.ts),
      text: succeeded.text,
      blocks: succeeded.blocks as never,
    });
    expect(updated).toMatchObject({ ok: true, channel: "C0DEPLOYS", ts: posted.ts, text: succeeded.text });
    expect(updated.message?.text).toBe(succeeded.text);

    const [message] = slack.messagesIn("C0DEPLOYS").filter((m) => m.ts === posted.ts);
    expect(message?.history.map((h) => h.text)).toEqual([started.text, succeeded.text]);
    expect(message?.blocks).toEqual(succeeded.blocks);
  });

  it("stores what WebClient (form-encoded) and prodgate's client (JSON) send alike", async () => {
    const viaWeb = await web().chat.postMessage({
      channel: "#deploys",
      text: started.text,
      blocks: started.blocks as never,
    });
    const ours = await new SlackClient({ token, baseUrl: slack.apiUrl, retries: 0 }).postMessage(
      "#deploys",
      started,
    );
    expect(viaWeb.channel).toBe(ours.channel);
    const [a, b] = slack.messagesIn("C0DEPLOYS").filter((m) => m.ts === viaWeb.ts || m.ts === ours.ts);
    expect(a?.text).toBe(b?.text);
    expect(a?.blocks).toEqual(b?.blocks);
    expect(a?.blocks).toEqual(started.blocks);
  });

  it("answers Slack's errors as WebClient expects them (HTTP 200, ok:false)", async () => {
    const platformError = async (call: Promise<unknown>) => {
      const err = (await call.then(
        () => undefined,
        (e: unknown) => e,
      )) as { code?: string; data?: { ok?: boolean; error?: string } } | undefined;
      expect(err?.code).toBe(ErrorCode.PlatformError);
      expect(err?.data?.ok).toBe(false);
      return err?.data?.error;
    };
    const client = web();
    expect(await platformError(client.chat.postMessage({ channel: "C0NOWHERE", text: "x" }))).toBe(
      "channel_not_found",
    );
    expect(await platformError(client.chat.postMessage({ channel: "C0OUTSIDE", text: "x" }))).toBe(
      "not_in_channel",
    );
    expect(await platformError(client.chat.postMessage({ channel: "C0ARCHIVE", text: "x" }))).toBe(
      "is_archived",
    );
    expect(await platformError(client.chat.postMessage({ channel: "C0DEPLOYS", text: "" }))).toBe("no_text");
    expect(
      await platformError(
        client.chat.postMessage({ channel: "C0DEPLOYS", text: "x", blocks: "[{" as never }),
      ),
    ).toBe("invalid_blocks_format");
    expect(
      await platformError(
        web({}, "xoxb-not-the-token").chat.postMessage({ channel: "C0DEPLOYS", text: "x" }),
      ),
    ).toBe("invalid_auth");
    expect(await platformError(web({}, null).chat.postMessage({ channel: "C0DEPLOYS", text: "x" }))).toBe(
      "not_authed",
    );
    expect(await platformError(client.chat.update({ channel: "C0DEPLOYS", ts: "1.000001", text: "x" }))).toBe(
      "message_not_found",
    );
    // chat.update takes a channel ID, not a name.
    const posted = await client.chat.postMessage({ channel: "C0DEPLOYS", text: "x" });
    expect(
      await platformError(client.chat.update({ channel: "#deploys", ts: String(posted.ts), text: "y" })),
    ).toBe("channel_not_found");
  });

  it("refuses what Slack refuses: a token inside a JSON body, a body type Slack does not take", async () => {
    const post = async (headers: Record<string, string>, body: string) =>
      (await (await fetch(`${slack.apiUrl}/chat.postMessage`, { method: "POST", headers, body })).json()) as {
        ok: boolean;
        error?: string;
      };
    // JSON bodies carry the token in the Authorization header only; form bodies may carry it as a field.
    expect(
      await post(
        { "content-type": "application/json" },
        JSON.stringify({ token, channel: "C0DEPLOYS", text: "json token" }),
      ),
    ).toEqual({ ok: false, error: "not_authed" });
    expect(
      await post(
        { "content-type": "application/x-www-form-urlencoded" },
        new URLSearchParams({ token, channel: "C0DEPLOYS", text: "form token" }).toString(),
      ),
    ).toMatchObject({ ok: true });
    expect(
      await post({ "content-type": "application/xml", authorization: `Bearer ${token}` }, "<message/>"),
    ).toEqual({ ok: false, error: "invalid_post_type" });
    expect(
      await post({ "content-type": "application/json", authorization: `Bearer ${token}` }, "{not json"),
    ).toEqual({ ok: false, error: "invalid_json" });
    expect(
      await post({ "content-type": "application/json", authorization: `Bearer ${token}` }, "[]"),
    ).toEqual({ ok: false, error: "json_not_object" });
  });

  it("rate-limits with 429 and Retry-After: rejected when WebClient is told to, retried when not", async () => {
    slack.rateLimit("chat.postMessage", 7);
    const rejecting = web({ rejectRateLimitedCalls: true });
    const err = (await rejecting.chat
      .postMessage({ channel: "C0DEPLOYS", text: "rate-limited" })
      .catch((e: unknown) => e)) as {
      code?: string;
      retryAfter?: number;
    };
    expect(err.code).toBe(ErrorCode.RateLimitedError);
    expect(err.retryAfter).toBe(7);
    expect(slack.messagesIn("C0DEPLOYS").filter((m) => m.text === "rate-limited")).toHaveLength(0);

    slack.reset();
    const before = slack.server.requestsTo("POST", "/api/chat.postMessage").length;
    slack.rateLimit("chat.postMessage", 0); // Retry-After: 0, so WebClient's own wait is no wait at all
    const retrying = web({ retryConfig: { retries: 1, minTimeout: 0, maxTimeout: 0 } });
    const waits: number[] = [];
    retrying.on(WebClientEvent.RATE_LIMITED, (seconds: number) => waits.push(seconds));
    const posted = await retrying.chat.postMessage({ channel: "C0DEPLOYS", text: "after the limit" });
    expect(posted.ok).toBe(true);
    expect(waits).toEqual([0]);
    expect(slack.server.requestsTo("POST", "/api/chat.postMessage").length - before).toBe(2);
    expect(slack.messagesIn("C0DEPLOYS").filter((m) => m.text === "after the limit")).toHaveLength(1);
  });
});
