import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HerokuApiFake } from "../../src/sandbox/heroku-api.js";
import { canary, expectNoCanary } from "../support/canary.js";
import { type ActionResult, runAction } from "../support/run-action.js";

const sha = (n: number) => n.toString(16).padStart(40, "d");

describe("heroku-rollback action (dist bundle under Node 24)", () => {
  const key = canary("heroku-key");
  const api = new HerokuApiFake({ apiKey: key });
  const runs: ActionResult[] = [];

  const rollback = async (inputs: Record<string, string>, apiKey = key) => {
    const r = await runAction("heroku-rollback", {
      inputs: { "heroku-api-key": apiKey, ...inputs },
      env: { HEROKU_API_URL: api.url },
    });
    runs.push(r);
    return r;
  };

  function appWith(name: string, deploys: number): void {
    api.createApp(name);
    for (let i = 1; i <= deploys; i++) api.addRelease(name, { commit: sha(i) });
  }

  beforeAll(async () => {
    await api.start();
  });
  afterAll(() => api.stop());

  it("rolls back to the release before the current one, with no checkout, and shows before and after", async () => {
    appWith("shop-prod", 4);
    const [, , , v4, v5] = api.releasesOf("shop-prod");
    const r = await rollback({ app: "shop-prod" });
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.masks).toContain(key);
    const now = api.currentOf("shop-prod")!;
    expect(now).toMatchObject({ version: 6, description: "Rollback to v4" });
    expect(r.outputs).toEqual({
      "release-id": now.id,
      "release-version": "6",
      "rolled-back-to": "4",
      "rolled-back-to-id": v4!.id,
      "previous-release-id": v5!.id,
      "previous-sha": sha(4),
      "live-sha": sha(3),
    });
    expect(api.liveCommitOf("shop-prod")).toBe(sha(3));
    expect(r.log).toContain(`Rolling back shop-prod from v5 to v4 (Deploy ${sha(3).slice(0, 8)})`);
    expect(r.summary).toContain("### ↩️ Heroku rollback: shop-prod rolled back to v4");
    expect(r.summary).toContain(
      `| Was current | **v5** · \`${sha(4).slice(0, 7)}\` · Deploy ${sha(4).slice(0, 8)} |`,
    );
    expect(r.summary).toContain(`| Now current | **v6** · \`${sha(3).slice(0, 7)}\` · Rollback to v4 |`);
    expect(r.summary).toContain("To undo, roll back to v5 (input `release: v5`).");
    expect(api.server.requests.filter((q) => q.method !== "GET")).toHaveLength(1);
  });

  it.each([
    ["v2", 2],
    ["3", 3],
  ])("rolls back to an explicit release %j", async (release, version) => {
    const r = await rollback({ app: "shop-prod", release });
    expect(r.errors).toEqual([]);
    expect(r.outputs["rolled-back-to"]).toBe(String(version));
    expect(api.currentOf("shop-prod")?.description).toBe(`Rollback to v${version}`);
    expect(api.liveCommitOf("shop-prod")).toBe(sha(version - 1));
  });

  it("rolls back to a release named by its id", async () => {
    const v3 = api.releasesOf("shop-prod")[2]!;
    const r = await rollback({ app: "shop-prod", release: v3.id });
    expect(r.outputs["rolled-back-to"]).toBe("3");
    expect(r.summary).toContain("already runs v3");
    expect(r.log).toContain(
      "shop-prod: the current release v8 (Rollback to v3) already runs v3; nothing to do.",
    );
    expect(r.outputs["release-version"]).toBe("8");
    expect(api.releasesOf("shop-prod")).toHaveLength(8);
  });

  it("says there is nothing to roll back to on an app with a single release", async () => {
    api.createApp("solo-app");
    const r = await rollback({ app: "solo-app" });
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([
      "Nothing to roll back to: solo-app has a single release (v1). Deploy a fixed commit instead, or name a release with the 'release' input.",
    ]);
    expect(r.outputs).toEqual({});
    expect(r.summary).toContain("### ❌ Heroku rollback of solo-app failed");
    expect(api.releasesOf("solo-app")).toHaveLength(1);
  });

  it("says there is nothing to roll back to after a first deploy (the initial release has no code)", async () => {
    appWith("first-app", 1);
    const r = await rollback({ app: "first-app" });
    expect(r.code).toBe(1);
    expect(r.errors[0]).toMatch(/^Nothing to roll back to: first-app has no release before v2 with code/);
    expect(api.releasesOf("first-app")).toHaveLength(2);
  });

  it("names a release that does not exist, and an app that does not", async () => {
    const missing = await rollback({ app: "shop-prod", release: "v404" });
    expect(missing.errors).toEqual(["shop-prod has no release v404."]);
    const ghost = await rollback({ app: "ghost-app" });
    expect(ghost.errors).toEqual(["Heroku app 'ghost-app' not found (or the key's account cannot see it)"]);
  });

  it("fails a wrong key with the 401 message and no key in it", async () => {
    const wrong = canary("wrong-key");
    const r = await rollback({ app: "shop-prod" }, wrong);
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([
      "Heroku rejected the API key (401 Unauthorized): check that heroku-api-key / HEROKU_API_KEY holds a valid, unexpired key",
    ]);
    expectNoCanary([wrong], { run: r });
  });

  it("rides out a rate limit", async () => {
    api.server.flap("GET", "/apps/shop-prod/releases", 1, { kind: "rate-limit", retryAfter: 0 });
    const r = await rollback({ app: "shop-prod", release: "v2" });
    api.server.clearFaults();
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual(["Heroku answered 429 for GET /apps/shop-prod/releases; retry 1 in 0 ms"]);
  });

  it.each([
    [
      { app: "shop-prod", release: "latest-ish" },
      "Input 'release' must be a release version like v41 or 41, a release id (UUID), or empty for the previous release; got 'latest-ish'",
    ],
    [
      { app: "x" },
      "Input 'app' must be a Heroku app name (3-30 lowercase letters, digits and dashes, starting with a letter); got 'x'",
    ],
    [{ app: "" }, "Input 'app' is required"],
    [{ app: "shop-prod", "heroku-api-key": "" }, "Input 'heroku-api-key' is required"],
  ])("rejects bad input %j with a clear error and no API call", async (inputs, message) => {
    const requests = api.server.requests.length;
    const r = await rollback(inputs);
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([message]);
    expect(api.server.requests.length).toBe(requests);
  });

  it("no run put the key in a log, output or summary", () => {
    expect(runs.length).toBeGreaterThan(10);
    expectNoCanary([key], Object.fromEntries(runs.map((r, i) => [`run${i}`, r])));
  });
});
