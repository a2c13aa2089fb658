import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SlackFake } from "../../src/sandbox/slack-api.js";
import { canary, expectNoCanary } from "../support/canary.js";
import { runAction } from "../support/run-action.js";

const FROM = "1111111aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const TO = "2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

describe("slack-notify action (dist bundle under Node 24)", () => {
  const token = canary("slack-token");
  const slack = new SlackFake({ token });
  const env = () => ({ SLACK_API_URL: slack.apiUrl });
  const deploy = { app: "shop-api", environment: "production", "from-sha": FROM, "to-sha": TO };

  beforeAll(async () => {
    await slack.start();
  });
  afterAll(() => slack.stop());

  it("posts started, then updates that same message with the outcome", async () => {
    const started = await runAction("slack-notify", {
      inputs: { token, channel: "#deploys", status: "started", ...deploy, "approved-by": "hubot" },
      env: env(),
    });
    expect(started.code).toBe(0);
    expect(started.outputs).toMatchObject({ ok: "true", channel: "C0DEPLOYS" });
    expect(started.outputs.ts).toMatch(/^\d+\.\d{6}$/);
    expect(started.warnings).toEqual([]);

    const done = await runAction("slack-notify", {
      inputs: {
        token,
        channel: started.outputs.channel,
        "update-ts": started.outputs.ts,
        status: "success",
        ...deploy,
        "approved-by": "hubot",
      },
      env: env(),
    });
    expect(done.code).toBe(0);
    expect(done.outputs).toEqual(started.outputs);
    expect(slack.server.requestsTo("POST", "/api/chat.update")).toHaveLength(1);
    const inChannel = slack.messagesIn("C0DEPLOYS").filter((m) => m.ts === started.outputs.ts);
    expect(inChannel).toHaveLength(1);
    const shown = slack.render(inChannel[0]!);
    expect(shown).toContain("edited 1×");
    expect(shown).toContain("▌ ✅ Deployed shop-api to 🚨 PRODUCTION");
    expect(shown).toContain("Triggered by: octocat");
    expect(shown).toContain("Approved by: hubot");
    expect(shown).toContain(`1111111 (https://github.com/acme/shop/commit/${FROM})`);
    expect(shown).toContain("View the workflow run (https://github.com/acme/shop/actions/runs/4242)");
    expect(done.log).toContain(`Slack: updated ✅ Deployed notice for shop-api (🚨 PRODUCTION) in C0DEPLOYS`);
    expect(done.summary).toContain("updated in C0DEPLOYS");
  });

  it("posts through an incoming webhook", async () => {
    const before = slack.messages.length;
    const r = await runAction("slack-notify", {
      inputs: { "webhook-url": slack.webhookUrl, status: "failure", ...deploy, environment: "staging" },
    });
    expect(r.code).toBe(0);
    expect(r.outputs).toEqual({ ok: "true", ts: "", channel: "" });
    expect(slack.messages.length - before).toBe(1);
    const msg = slack.messages.at(-1)!;
    expect(msg.via).toBe("webhook");
    expect(msg.text).toMatch(/^❌ Deploy of shop-api to STAGING failed/);
    expect(JSON.stringify(msg.blocks)).toContain("prodgate rollback --app shop-api");
  });

  it("a started post whose answer is lost is found again: its ts is the output, and it is in the channel once", async () => {
    slack.reset().loseReply("chat.postMessage", 1, "reset");
    const before = slack.messagesIn("C0DEPLOYS").length;
    const r = await runAction("slack-notify", {
      inputs: { token, channel: "C0DEPLOYS", status: "started", ...deploy },
      env: { ...env(), GITHUB_RUN_ID: "4242", GITHUB_RUN_ATTEMPT: "2" },
    });
    slack.reset();
    expect(r.code).toBe(0);
    const mine = slack.messagesIn("C0DEPLOYS").slice(before);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.metadata).toEqual({
      event_type: "prodgate_deploy",
      event_payload: { deploy: "4242.2.shop-api.production", status: "started" },
    });
    expect(r.outputs).toEqual({ ok: "true", ts: mine[0]!.ts, channel: "C0DEPLOYS" });
    expect(r.warnings).toEqual([]);
  });

  it("waits out a 429 with Retry-After, then posts", async () => {
    slack.reset().rateLimit("chat.postMessage", 1, 1);
    const posts = slack.server.requestsTo("POST", "/api/chat.postMessage").length;
    const before = slack.messages.length;
    const r = await runAction("slack-notify", {
      inputs: { token, channel: "C0DEPLOYS", status: "started", ...deploy },
      env: env(),
    });
    slack.reset();
    expect(r.code).toBe(0);
    expect(r.outputs.ok).toBe("true");
    expect(r.log).toContain("Slack chat.postMessage: 429; retry 1 in 1000ms");
    // The 429 was not a post: sent again once, and one message shows.
    expect(slack.server.requestsTo("POST", "/api/chat.postMessage").length - posts).toBe(2);
    expect(slack.messages.length - before).toBe(1);
  });

  it("warns and exits 0 when Slack says no, unless fail-on-error", async () => {
    const soft = await runAction("slack-notify", {
      inputs: { token, channel: "#random", status: "success", ...deploy },
      env: env(),
    });
    expect(soft.code).toBe(0);
    expect(soft.outputs).toEqual({ ok: "false", ts: "", channel: "" });
    expect(soft.warnings).toHaveLength(1);
    expect(soft.warnings[0]).toMatch(/^Slack chat.postMessage failed: not_in_channel \(.*\/invite the app/);
    expect(soft.errors).toEqual([]);
    expect(soft.summary).toContain("Slack not told");

    const hard = await runAction("slack-notify", {
      inputs: { token, channel: "#random", status: "success", ...deploy, "fail-on-error": true },
      env: env(),
    });
    expect(hard.code).toBe(1);
    expect(hard.outputs).toEqual({ ok: "false" });
    expect(hard.errors).toEqual([expect.stringMatching(/^Slack chat.postMessage failed: not_in_channel \(/)]);
  });

  it("gives up on a hanging Slack at the timeout, does not post again, and still exits 0", async () => {
    slack.reset().server.fault("POST", "/api/chat.postMessage", { kind: "hang" });
    const posts = slack.server.requestsTo("POST", "/api/chat.postMessage").length;
    const r = await runAction("slack-notify", {
      inputs: { token, channel: "C0DEPLOYS", status: "started", ...deploy, timeout: "200ms" },
      env: { ...env(), GITHUB_RUN_ID: "5151" },
    });
    slack.reset();
    expect(r.code).toBe(0);
    expect(r.outputs.ok).toBe("false");
    expect(r.warnings.join()).toContain(
      "Slack API did not answer POST /chat.postMessage (timed out after 200ms): it may have arrived, so it is not sent again",
    );
    // A post that may have arrived is never sent twice.
    expect(slack.server.requestsTo("POST", "/api/chat.postMessage").length - posts).toBe(1);
  });

  it("masks the token and the webhook URL and never shows them", async () => {
    const r1 = await runAction("slack-notify", {
      inputs: { token, channel: "#deploys", status: "success", ...deploy, "webhook-url": slack.webhookUrl },
      env: env(),
    });
    const r2 = await runAction("slack-notify", {
      inputs: { "webhook-url": slack.webhookUrl, status: "success", ...deploy },
    });
    const revoked = `${slack.server.url}/services/T0FAKE/B0FAKE/${canary("hook")}`;
    const r3 = await runAction("slack-notify", {
      inputs: { "webhook-url": revoked, status: "success", ...deploy },
    });
    expect([r1.code, r2.code, r3.code]).toEqual([0, 0, 0]);
    expect(r1.masks).toEqual(expect.arrayContaining([token, slack.webhookUrl]));
    expect(r2.masks).toContain(slack.webhookUrl);
    expect(r3.warnings[0]).toMatch(/^Slack incoming webhook failed: no_service/);
    const hookPath = new URL(slack.webhookUrl).pathname;
    const secrets = [token, slack.webhookUrl, hookPath, revoked, new URL(revoked).pathname];
    expectNoCanary(secrets, { r1, r2, r3, messages: slack.messages });
  });

  it.each([
    [
      { status: "success", app: "a", environment: "production" },
      "Input 'webhook-url' or 'token' with 'channel' is required: pass a bot token and a channel, or an incoming webhook URL",
    ],
    [
      { token: "xoxb-1", status: "success", app: "a", environment: "production" },
      "Input 'channel' is required with 'token' (a channel ID like C0123456789 or #name)",
    ],
    [
      { channel: "#deploys", status: "success", app: "a", environment: "production" },
      "Input 'token' is required with 'channel' (a Slack bot token, xoxb-...)",
    ],
    [
      { "webhook-url": "ftp://hooks.example/x", status: "success", app: "a", environment: "production" },
      "Input 'webhook-url' must be an http:// or https:// URL; got scheme 'ftp'",
    ],
    [
      { "webhook-url": "https://hooks.example/x", status: "deployed", app: "a", environment: "production" },
      "Input 'status' must be one of started, success, failure, rolled_back, rejected; got 'deployed'",
    ],
    [
      { "webhook-url": "https://hooks.example/x", status: "success", app: "a" },
      "Input 'environment' is required",
    ],
    [
      {
        "webhook-url": "https://hooks.example/x",
        status: "success",
        app: "a",
        environment: "prod",
        "to-sha": "main",
      },
      "Input 'to-sha' must be a git commit SHA; got 'main'",
    ],
    [
      {
        token: "xoxb-1",
        channel: "C1",
        status: "success",
        app: "a",
        environment: "prod",
        "update-ts": "yesterday",
      },
      "Input 'update-ts' must be a Slack message ts like 1700000000.000100; got 'yesterday'",
    ],
  ])("rejects bad input %j at once", async (inputs, message) => {
    const r = await runAction("slack-notify", { inputs, env: env() });
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([message]);
    expect(r.outputs).toEqual({});
  });
});
