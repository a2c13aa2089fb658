import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HerokuGit, HerokuPushError, LocalRepo } from "../../src/vendors/heroku-git.js";
import { canary, expectNoCanary } from "../support/canary.js";
import {
  appendCommits,
  git,
  type HerokuSandbox,
  makeRepo,
  seedHeroku,
  shallowClone,
} from "../support/heroku.js";
import { herokuSuite } from "../support/heroku-suite.js";

describe("HerokuGit against the loopback git endpoint (git http-backend behind Basic auth)", () => {
  let hk: HerokuSandbox;
  let shas: string[];
  const { key, dir } = herokuSuite("heroku-git", (sandbox) => {
    hk = sandbox;
    shas = makeRepo(repo, 5);
  });
  const repo = join(dir, "repo");

  const client = (opts: { apiKey?: string; cwd?: string; output?: string[] } = {}) =>
    new HerokuGit({
      apiKey: opts.apiKey ?? key,
      gitUrl: hk.gitServer.url,
      cwd: opts.cwd ?? repo,
      onOutput: (l) => opts.output?.push(l),
    });

  it("pushes a commit to main, streams the build and releases it in the Platform API", async () => {
    hk.api.createApp("push-app");
    const output: string[] = [];
    const result = await client({ output }).push("push-app", shas[2]!);
    expect(result.upToDate).toBe(false);
    expect(output).toContain("remote: -----> Building on the Heroku-24 stack");
    expect(output).toContain("remote:        Released v2");
    expect(output.some((l) => l.endsWith(" "))).toBe(false);
    expect(hk.gitServer.headOf("push-app")).toBe(shas[2]);
    expect(hk.api.liveCommitOf("push-app")).toBe(shas[2]);
    expect(hk.api.currentOf("push-app")?.description).toBe(`Deploy ${shas[2]!.slice(0, 8)}`);
    expect(hk.api.buildsOf("push-app")[0]?.source_blob.version).toBe(shas[2]);
  });

  it("sends the key only as a Basic Authorization header, never in the URL", async () => {
    const pushes = hk.gitServer.requests.filter((r) => r.path.startsWith("/push-app.git"));
    expect(pushes.length).toBeGreaterThan(1);
    for (const r of pushes) {
      expect(r.authorization).toBe(`Basic ${Buffer.from(`heroku:${key}`).toString("base64")}`);
      expect(r.path).not.toContain(key);
    }
    expect(client().remoteUrl("push-app")).toBe(`${hk.gitServer.url}/push-app.git`);
  });

  it("says when Heroku already has the commit", async () => {
    expect((await client().push("push-app", shas[2]!)).upToDate).toBe(true);
    expect(hk.api.releasesOf("push-app")).toHaveLength(2);
  });

  it("refuses a non-fast-forward push, naming force: true, and changes nothing", async () => {
    hk.api.createApp("nff-app");
    const side = appendCommits(repo, 1, { branch: "side", from: shas[1], label: "hotfix" });
    await seedHeroku(hk.gitServer, key, repo, "nff-app", side[0]!);
    const err = await client()
      .push("nff-app", shas[4]!)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HerokuPushError);
    expect((err as HerokuPushError).kind).toBe("non-fast-forward");
    expect((err as Error).message).toBe(
      `Heroku's git repo for 'nff-app' has commits that ${shas[4]!.slice(0, 7)} does not contain, so the push was refused (not a fast-forward). Nothing was changed. To replace what Heroku has with this commit, run again with force: true.`,
    );
    expect(hk.gitServer.headOf("nff-app")).toBe(side[0]);
    expect(hk.api.releasesOf("nff-app")).toHaveLength(2);

    const forced = await client().push("nff-app", shas[4]!, { force: true });
    expect(forced.forced).toBe(true);
    expect(hk.gitServer.headOf("nff-app")).toBe(shas[4]);
    expect(hk.api.liveCommitOf("nff-app")).toBe(shas[4]);
  });

  it("fails a rejected build with its last lines, refusing the push", async () => {
    hk.api.createApp("reject-app");
    hk.gitServer.rejectNextBuild([
      "-----> Node.js app detected",
      " !     Push rejected, failed to compile Node.js app.",
    ]);
    const err = (await client()
      .push("reject-app", shas[3]!)
      .catch((e: unknown) => e)) as HerokuPushError;
    expect(err.kind).toBe("rejected-build");
    expect(err.message).toBe(
      `Heroku rejected the build of ${shas[3]!.slice(0, 7)} for 'reject-app' (Push rejected); nothing was released. Last build lines:\nCompressing source files... done.\nBuilding source:\n-----> Node.js app detected\n !     Push rejected, failed to compile Node.js app.\n !     Push rejected to reject-app.`,
    );
    expect(hk.gitServer.headOf("reject-app")).toBeUndefined();
    expect(hk.api.releasesOf("reject-app")).toHaveLength(1);
  });

  it("reports a wrong key without echoing either key", async () => {
    hk.api.createApp("auth-app");
    const wrong = canary("wrong-key");
    const output: string[] = [];
    const err = (await client({ apiKey: wrong, output })
      .push("auth-app", shas[1]!)
      .catch((e: unknown) => e)) as HerokuPushError;
    expect(err.kind).toBe("auth");
    expect(err.message).toMatch(/^Heroku git rejected the API key \(401 Unauthorized\)/);
    expect(
      hk.gitServer.requests.filter((r) => r.path.startsWith("/auth-app.git")).map((r) => r.status),
    ).toContain(401);
    expectNoCanary([key, wrong], { message: err.message, output });
  });

  it("reports an unknown app", async () => {
    const err = (await client()
      .remoteHead("ghost-app")
      .catch((e: unknown) => e)) as HerokuPushError;
    expect(err.kind).toBe("not-found");
  });

  it("keeps GIT_CONFIG_* entries the environment already has and adds its own after them", () => {
    const g = new HerokuGit({
      apiKey: key,
      gitUrl: hk.gitServer.url,
      env: {
        PATH: "/usr/bin",
        GIT_CONFIG_COUNT: "1",
        GIT_CONFIG_KEY_0: "core.pager",
        GIT_CONFIG_VALUE_0: "cat",
        GIT_ASKPASS: "/bin/askpass",
      },
    });
    const env = g.authEnv();
    expect(env).toMatchObject({
      GIT_CONFIG_COUNT: "3",
      GIT_CONFIG_KEY_0: "core.pager",
      GIT_CONFIG_KEY_1: `http.${hk.gitServer.url}/.extraHeader`,
      GIT_CONFIG_KEY_2: "credential.helper",
      GIT_CONFIG_VALUE_2: "",
      GIT_TERMINAL_PROMPT: "0",
    });
    expect(env.GIT_ASKPASS).toBeUndefined();
  });

  it("refuses a HEROKU_GIT_URL with credentials in it", () => {
    expect(() => new HerokuGit({ apiKey: key, gitUrl: "https://user:pw@git.heroku.com" })).toThrow(
      "Input 'HEROKU_GIT_URL' must not carry credentials; got 'https://git.heroku.com/'",
    );
  });
});

describe("LocalRepo: a shallow clone is deepened only as far as Heroku needs", () => {
  let hk: HerokuSandbox;
  let shas: string[];
  const { key, dir } = herokuSuite("heroku-shallow", (sandbox) => {
    hk = sandbox;
    shas = makeRepo(join(dir, "src"), 1000);
    git(dir, "clone", "--quiet", "--bare", join(dir, "src"), origin);
  });
  const origin = join(dir, "origin.git");

  it("deepens by 50 when Heroku has a commit 10 behind, and the push then goes through", async () => {
    hk.api.createApp("deep-app");
    await seedHeroku(hk.gitServer, key, join(dir, "src"), "deep-app", shas[989]!);
    const work = join(dir, "work-deep");
    shallowClone(origin, work, shas[999]!);
    const infos: string[] = [];
    const repo = new LocalRepo(work, (m) => infos.push(m));
    const g = new HerokuGit({ apiKey: key, gitUrl: hk.gitServer.url, cwd: work });
    const head = await g.remoteHead("deep-app");
    expect(head).toBe(shas[989]);
    expect(await repo.ensureHistory(shas[999]!, head)).toBe("deepened");
    expect(infos).toEqual(["Shallow clone: fetching 50 more commits of history from origin"]);
    expect(await repo.isShallow()).toBe(true);
    expect(Number(git(work, "rev-list", "--count", "HEAD"))).toBeLessThan(100);
    await g.push("deep-app", shas[999]!);
    expect(hk.api.liveCommitOf("deep-app")).toBe(shas[999]);
  });

  it("fetches the whole history when Heroku has nothing yet", async () => {
    hk.api.createApp("empty-app");
    const work = join(dir, "work-empty");
    shallowClone(origin, work, shas[999]!);
    const repo = new LocalRepo(work);
    expect(await repo.ensureHistory(shas[999]!, undefined)).toBe("unshallowed");
    expect(await repo.isShallow()).toBe(false);
    expect(git(work, "rev-list", "--count", "HEAD")).toBe("1000");
  });

  it("resolves refs, and names the input when a ref is not in the checkout", async () => {
    const work = join(dir, "work-empty");
    const repo = new LocalRepo(work);
    expect(await repo.resolveCommit("ref", shas[999]!.slice(0, 10))).toBe(shas[999]);
    expect(await repo.resolveCommit("ref", "HEAD")).toBe(shas[999]);
    await expect(repo.resolveCommit("ref", "no-such-branch")).rejects.toThrow(
      /^Input 'ref' names 'no-such-branch', which is not a commit in the checkout/,
    );
    await expect(new LocalRepo(dir).resolveCommit("ref", "HEAD")).rejects.toThrow(
      /is not one: add actions\/checkout/,
    );
  });
});
