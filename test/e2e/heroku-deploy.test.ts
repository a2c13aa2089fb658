import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { canary, expectNoCanary } from "../support/canary.js";
import {
  appendCommits,
  git,
  gitSpy,
  type HerokuSandbox,
  makeRepo,
  seedHeroku,
  shallowClone,
} from "../support/heroku.js";
import { herokuSuite } from "../support/heroku-suite.js";
import { type ActionResult, runAction } from "../support/run-action.js";

describe("heroku-deploy action (dist bundle under Node 24)", () => {
  let hk: HerokuSandbox;
  let shas: string[];
  let hotfix: string;
  const { key, dir } = herokuSuite("heroku-deploy-e2e", async (sandbox) => {
    hk = sandbox;
    shas = makeRepo(src, 40);
    hotfix = appendCommits(src, 1, { branch: "hotfix", from: shas[34], label: "hotfix" })[0]!;
    git(dir, "clone", "--quiet", "--bare", src, origin);
    hk.api.createApp("shop-prod", { webUrl: "https://shop.example/" });
    await seedHeroku(hk.gitServer, key, src, "shop-prod", shas[29]!);
  });
  const src = join(dir, "src");
  const origin = join(dir, "origin.git");
  const spy = gitSpy(dir);
  const runs: ActionResult[] = [];

  const deploy = async (cwd: string, inputs: Record<string, string>, sha?: string, apiKey = key) => {
    const r = await runAction("heroku-deploy", {
      inputs: { app: "shop-prod", "heroku-api-key": apiKey, ...inputs },
      cwd,
      env: { ...hk.env, GITHUB_SHA: sha, PATH: `${spy.bin}:${process.env.PATH}` },
      timeoutMs: 120_000,
    });
    runs.push(r);
    return r;
  };

  it("deploys the workflow's SHA from a depth-1 clone, deepening it, and verifies the release", async () => {
    const work = join(dir, "work-main");
    shallowClone(origin, work, shas[39]!);
    const r = await deploy(work, {}, shas[39]);
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.masks).toContain(key);
    expect(r.masks).toContain(Buffer.from(`heroku:${key}`).toString("base64"));
    expect(r.outputs).toEqual({
      "release-id": hk.api.currentOf("shop-prod")!.id,
      "release-version": "3",
      "previous-release-id": hk.api.releasesOf("shop-prod")[1]!.id,
      "previous-sha": shas[29],
      "deployed-sha": shas[39],
    });
    expect(r.log).toContain("Shallow clone: fetching 50 more commits of history from origin");
    expect(r.log).toContain("remote: -----> Building on the Heroku-24 stack");
    expect(r.log).toContain("remote:        Released v3");
    expect(r.log).toContain(`Verified: shop-prod v3 runs ${shas[39]}`);
    expect(r.summary).toContain(`### 🚀 Heroku deploy: shop-prod now runs \`${shas[39]!.slice(0, 7)}\` (v3)`);
    expect(r.summary).toContain("- App: https://shop.example/");
    expect(hk.api.liveCommitOf("shop-prod")).toBe(shas[39]);
    expect(hk.gitServer.headOf("shop-prod")).toBe(shas[39]);
  });

  it("a second run of the same SHA finds it live and makes no release", async () => {
    const r = await deploy(join(dir, "work-main"), { ref: shas[39]! });
    expect(r.code).toBe(0);
    expect(r.outputs["release-version"]).toBe("3");
    expect(r.summary).toContain("already runs");
    expect(hk.api.releasesOf("shop-prod")).toHaveLength(3);
  });

  it("refuses a non-fast-forward push without force: clear error, nothing changed", async () => {
    const work = join(dir, "work-hotfix");
    shallowClone(origin, work, hotfix);
    const r = await deploy(work, { ref: hotfix });
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([
      `Heroku's git repo for 'shop-prod' has commits that ${hotfix.slice(0, 7)} does not contain, so the push was refused (not a fast-forward). Nothing was changed. To replace what Heroku has with this commit, run again with force: true.`,
    ]);
    expect(r.outputs).toEqual({});
    expect(r.summary).toContain("### ❌ Heroku deploy of");
    expect(hk.api.releasesOf("shop-prod")).toHaveLength(3);
    expect(hk.gitServer.headOf("shop-prod")).toBe(shas[39]);
    expect(r.log).not.toMatch(/^hint:/m);
  });

  it("with force: true, replaces what Heroku has and deploys", async () => {
    const r = await deploy(join(dir, "work-hotfix"), { ref: hotfix, force: "true" });
    expect(r.errors).toEqual([]);
    expect(r.outputs).toMatchObject({
      "deployed-sha": hotfix,
      "release-version": "4",
      "previous-sha": shas[39],
    });
    expect(r.summary).toContain("- Method: `git` (forced)");
    expect(hk.gitServer.headOf("shop-prod")).toBe(hotfix);
    expect(hk.api.liveCommitOf("shop-prod")).toBe(hotfix);
  });

  it("fails a wrong key with the 401 message and no key in it, before pushing anything", async () => {
    const wrong = canary("wrong-key");
    const pushesBefore = hk.gitServer.requests.length;
    const r = await deploy(join(dir, "work-main"), {}, shas[39], wrong);
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([
      "Heroku rejected the API key (401 Unauthorized): check that heroku-api-key / HEROKU_API_KEY holds a valid, unexpired key",
    ]);
    expect(r.masks).toContain(wrong);
    expect(hk.gitServer.requests.length).toBe(pushesBefore);
    expectNoCanary([wrong], { run: r });
  });

  it("method: build deploys a git archive through sources and builds, streaming the output", async () => {
    hk.api.createApp("build-app");
    const work = join(dir, "work-build");
    shallowClone(origin, work, shas[39]!);
    const r = await deploy(work, { app: "build-app", method: "build" }, shas[39]);
    expect(r.errors).toEqual([]);
    expect(r.outputs).toMatchObject({ "deployed-sha": shas[39], "release-version": "2", "previous-sha": "" });
    expect(r.log).toMatch(/Uploading source of [0-9a-f]{7} \(\d+ KiB\)/);
    expect(r.log).toContain("       Source: 3 file(s)");
    expect(r.log).toContain("       Released v2");
    expect(r.summary).toContain("- Method: `build`");
    const build = hk.api.buildsOf("build-app").at(-1)!;
    expect(build).toMatchObject({
      status: "succeeded",
      source_blob: { version: shas[39], version_description: "change 40" },
    });
    expect(
      hk.api.blobStore.requests.filter((q) => q.method === "PUT").every((q) => !q.headers.authorization),
    ).toBe(true);
    expect(hk.gitServer.headOf("build-app")).toBeUndefined();
    expect(hk.api.liveCommitOf("build-app")).toBe(shas[39]);
  });

  it("a rejected build fails the step with its last build lines, and nothing is released", async () => {
    hk.api.createApp("reject-app");
    hk.gitServer.rejectNextBuild();
    const r = await deploy(join(dir, "work-main"), { app: "reject-app" }, shas[39]);
    expect(r.code).toBe(1);
    const message = r.errors.join("\n");
    expect(message).toMatch(
      /^Heroku rejected the build of [0-9a-f]{7} for 'reject-app' \(Push rejected\); nothing was released\. Last build lines:/,
    );
    expect(message).toContain(" !     Push rejected, failed to compile Node.js app.");
    expect(message).toContain("npm ERR! Failed at the build script.");
    expect(r.log).toContain("remote:  !     Push rejected to reject-app.");
    expect(hk.api.releasesOf("reject-app")).toHaveLength(1);
    expect(hk.gitServer.headOf("reject-app")).toBeUndefined();
  });

  it("a rejected API build fails the same way", async () => {
    hk.api.createApp("reject-build");
    hk.api.rejectNextBuild();
    const r = await deploy(join(dir, "work-main"), { app: "reject-build", method: "build" }, shas[39]);
    expect(r.code).toBe(1);
    expect(r.errors.join("\n")).toMatch(
      /\(build failed\); nothing was released\. Last build lines:\n[\s\S]* ! {5}Push failed$/,
    );
    expect(hk.api.releasesOf("reject-build")).toHaveLength(1);
  });

  it("fails when the new release's release command fails, leaving the old release current", async () => {
    hk.api.createApp("phase-app");
    hk.api.setReleasePhase("phase-app", { ms: 200, outcome: "failed" });
    const r = await deploy(join(dir, "work-main"), { app: "phase-app" }, shas[39]);
    expect(r.code).toBe(1);
    expect(r.log).toContain("v2: waiting for the release command to finish");
    expect(r.errors).toEqual([
      `phase-app v2 failed (its release command failed), so ${shas[39]!.slice(0, 7)} is not live; v1 stays current.`,
    ]);
    expect(hk.api.currentOf("phase-app")?.version).toBe(1);
  });

  it.each([
    [
      { app: "Shop_Prod" },
      "Input 'app' must be a Heroku app name (3-30 lowercase letters, digits and dashes, starting with a letter); got 'Shop_Prod'",
    ],
    [{ "heroku-api-key": "" }, "Input 'heroku-api-key' is required"],
    [{ method: "ftp" }, "Input 'method' must be one of git, build; got 'ftp'"],
    [{ force: "maybe" }, "Input 'force' must be true or false; got 'maybe'"],
    [
      { ref: "--upload-pack=touch /tmp/x" },
      "Input 'ref' must be a commit SHA, branch or tag name; got '--upload-pack=touch /tmp/x'",
    ],
    [{ ref: "no-such-branch" }, "Input 'ref' names 'no-such-branch', which is not a commit in the checkout"],
  ])("rejects bad input %j with a clear error", async (inputs, message) => {
    const requests = hk.api.server.requests.length;
    const r = await deploy(join(dir, "work-main"), inputs as Record<string, string>, shas[39]);
    expect(r.code).toBe(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.startsWith(message)).toBe(true);
    expect(r.outputs).toEqual({});
    expect(hk.api.server.requests.length).toBe(requests);
  });

  it("no run put the key in a log, output, summary, or any git command line", () => {
    expect(runs.length).toBeGreaterThan(10);
    const argv = readFileSync(spy.log, "utf8");
    expect(argv).toContain("git push --porcelain --no-verify");
    expect(argv).toContain(`${hk.gitServer.url}/shop-prod.git`);
    expectNoCanary([key], { ...Object.fromEntries(runs.map((r, i) => [`run${i}`, r])), argv });
  });
});
