import { describe, expect, it } from "vitest";
import {
  buildDeployMessage,
  DEPLOY_STATUSES,
  type DeployNotice,
  environmentBadge,
  escapeText,
  SLACK_LIMITS,
  type SlackBlock,
  safeUrl,
} from "../../src/core/slack-message.js";
import { readable, renderBlocks, validatePayload } from "../../src/sandbox/slack-api.js";

const FROM = "1111111aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const TO = "2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

function notice(over: Partial<DeployNotice> = {}): DeployNotice {
  return {
    status: "success",
    app: "shop-api",
    environment: "production",
    production: true,
    fromSha: FROM,
    toSha: TO,
    actor: "octocat",
    approvedBy: "hubot",
    runUrl: "https://github.com/acme/shop/actions/runs/4242",
    repository: "acme/shop",
    serverUrl: "https://github.com",
    ...over,
  };
}

const header = (blocks: SlackBlock[]) => {
  const h = blocks[0];
  if (h?.type !== "header") throw new Error("first block is not a header");
  return h.text.text;
};
const allText = (m: { text: string; blocks: SlackBlock[] }) => JSON.stringify(m);

describe("environmentBadge", () => {
  it("marks production as the caller's production-environments say, never by the name", () => {
    expect(environmentBadge("live", true)).toBe("🚨 LIVE");
    expect(environmentBadge("prod-eu", false)).toBe("PROD-EU");
    expect(environmentBadge("", false)).toBe("UNKNOWN ENVIRONMENT");
  });
});

describe("buildDeployMessage", () => {
  it("names the environment in the header, and PRODUCTION stands out", () => {
    const prod = buildDeployMessage(notice());
    expect(header(prod.blocks)).toBe("✅ Deployed shop-api to 🚨 PRODUCTION");
    expect(prod.text.startsWith("✅ Deployed shop-api to 🚨 PRODUCTION: 1111111 → 2222222")).toBe(true);
    expect(allText(prod)).toContain("*🚨 PRODUCTION*");
    expect(allText(prod)).toContain("target: PRODUCTION");

    const staging = buildDeployMessage(notice({ environment: "staging", production: false }));
    expect(header(staging.blocks)).toBe("✅ Deployed shop-api to STAGING");
    expect(allText(staging)).not.toContain("🚨");
    expect(allText(staging)).not.toContain("PRODUCTION");
  });

  it.each([
    ["started", "🚀 Deploying shop-api to 🚨 PRODUCTION", "🚀 Deploying"],
    ["success", "✅ Deployed shop-api to 🚨 PRODUCTION", "✅ Deployed"],
    ["failure", "❌ Deploy of shop-api to 🚨 PRODUCTION failed", "❌ Deploy failed"],
    ["rolled_back", "↩️ Rolled back shop-api on 🚨 PRODUCTION", "↩️ Rolled back"],
    ["rejected", "⛔ Deploy of shop-api to 🚨 PRODUCTION rejected", "⛔ Rejected"],
  ] as const)("status %s has its marker in header, outcome field and text", (status, head, outcome) => {
    const m = buildDeployMessage(notice({ status }));
    expect(header(m.blocks)).toBe(head);
    expect(allText(m)).toContain(`*Outcome*\\n${outcome}`);
    expect(m.text.startsWith(head)).toBe(true);
  });

  it("covers every status", () => {
    expect(DEPLOY_STATUSES).toEqual(["started", "success", "failure", "rolled_back", "rejected"]);
  });

  it("links short SHAs to their commits and the range to a compare view", () => {
    const m = buildDeployMessage(notice());
    const json = allText(m);
    expect(json).toContain(`<https://github.com/acme/shop/commit/${FROM}|\`1111111\`> → `);
    expect(json).toContain(`<https://github.com/acme/shop/commit/${TO}|\`2222222\`>`);
    expect(json).toContain(`<https://github.com/acme/shop/compare/${FROM}...${TO}|Compare the commits>`);
    expect(json).toContain("<https://github.com/acme/shop/actions/runs/4242|View the workflow run>");
  });

  it("links to a GitHub Enterprise Server when given one", () => {
    const m = buildDeployMessage(notice({ serverUrl: "https://ghe.example.com/" }));
    expect(allText(m)).toContain(`<https://ghe.example.com/acme/shop/commit/${TO}|`);
  });

  it("names who triggered and who approved (or rejected)", () => {
    const ok = allText(buildDeployMessage(notice()));
    expect(ok).toContain("*Triggered by*\\noctocat");
    expect(ok).toContain("*Approved by*\\nhubot");
    const rejected = buildDeployMessage(notice({ status: "rejected" }));
    expect(allText(rejected)).toContain("*Rejected by*\\nhubot");
    expect(rejected.text).toContain("rejected by hubot");
  });

  it("puts the rollback commands on a failure only", () => {
    const failed = buildDeployMessage(
      notice({ status: "failure", detail: "/health answered 500 five times" }),
    );
    const json = allText(failed);
    expect(json).toContain("prodgate rollback --app shop-api");
    expect(json).toContain("heroku releases:rollback --app shop-api");
    expect(json).toContain("/health answered 500 five times");
    expect(failed.text).toBe(
      "❌ Deploy of shop-api to 🚨 PRODUCTION failed: 1111111 → 2222222, by octocat, approved by hubot" +
        " · /health answered 500 five times · Roll back: prodgate rollback --app shop-api" +
        " · Run: https://github.com/acme/shop/actions/runs/4242",
    );
    for (const status of ["started", "success", "rolled_back", "rejected"] as const) {
      expect(allText(buildDeployMessage(notice({ status })))).not.toContain("rollback --app");
    }
  });

  it("works with only the required fields", () => {
    const m = buildDeployMessage({
      status: "started",
      app: "shop-api",
      environment: "staging",
      production: false,
    });
    expect(header(m.blocks)).toBe("🚀 Deploying shop-api to STAGING");
    expect(allText(m)).toContain("*Change*\\n—");
    expect(allText(m)).toContain("*Approved by*\\n—");
    expect(allText(m)).not.toContain("<http");
    expect(validatePayload(m as unknown as Record<string, unknown>)).toBeUndefined();
  });

  it("shows a first deploy and unlinked SHAs when there is no repository", () => {
    const m = buildDeployMessage(notice({ fromSha: undefined, repository: undefined }));
    expect(allText(m)).toContain("*Change*\\n_none live_ → `2222222`");
    expect(allText(m)).not.toContain("/commit/");
    expect(allText(m)).not.toContain("Compare");
  });

  it("escapes text so that a name cannot mention @channel or forge a link", () => {
    const m = buildDeployMessage(
      notice({ actor: "<!channel> & co", detail: "<https://evil.example|click> me", approvedBy: "a>b" }),
    );
    const json = allText(m);
    expect(json).not.toContain("<!channel>");
    expect(json).not.toContain("<https://evil.example|click>");
    expect(json).toContain("&lt;!channel&gt; &amp; co");
    expect(m.text).toContain("by &lt;!channel&gt; &amp; co");
    expect(escapeText("a<b>&c")).toBe("a&lt;b&gt;&amp;c");
  });

  it("drops userinfo from links and refuses non-http links", () => {
    expect(safeUrl("https://user:pw@github.com/acme/shop/actions/runs/1")).toBe(
      "https://github.com/acme/shop/actions/runs/1",
    );
    expect(safeUrl("javascript:alert(1)")).toBeUndefined();
    expect(safeUrl("not a url")).toBeUndefined();
    const m = buildDeployMessage(notice({ runUrl: "https://user:hunter2@ci.example/run|x>" }));
    expect(allText(m)).not.toContain("hunter2");
    expect(allText(m)).toContain("<https://ci.example/run%7Cx%3E|View the workflow run>");
  });

  it("stays inside Slack's limits however long the values are", () => {
    const long = "x".repeat(10_000);
    const m = buildDeployMessage(notice({ app: long, detail: long, actor: long, status: "failure" }));
    expect(header(m.blocks).length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
    expect(m.text.length).toBeLessThanOrEqual(SLACK_LIMITS.text);
    expect(validatePayload(m as unknown as Record<string, unknown>)).toBeUndefined();
  });
});

describe("the fake's readable rendering", () => {
  it("shows a message as a person reads it", () => {
    const lines = renderBlocks(buildDeployMessage(notice({ status: "failure" })).blocks);
    expect(lines[0]).toBe("▌ ❌ Deploy of shop-api to 🚨 PRODUCTION failed");
    expect(lines).toContain("Environment: 🚨 PRODUCTION");
    expect(lines).toContain(
      `Change: 1111111 (https://github.com/acme/shop/commit/${FROM}) → 2222222 (https://github.com/acme/shop/commit/${TO})`,
    );
    expect(lines).toContain("prodgate rollback --app shop-api");
    expect(readable("a &lt;b&gt; &amp; <https://x.example|c>")).toBe("a <b> & c (https://x.example)");
    expect(readable("see <https://x.example|the run>", { urls: false })).toBe("see the run");
  });
});
