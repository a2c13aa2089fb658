import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VendorError } from "../../src/core/errors.js";
import { type Reporter, silentReporter } from "../../src/core/ports.js";
import { runRollback } from "../../src/pipelines/rollback.js";
import { HerokuApiFake } from "../../src/sandbox/heroku-api.js";
import { HerokuClient } from "../../src/vendors/heroku.js";
import { canary, expectNoCanary } from "../support/canary.js";
import { git, makeRepo, removeDir, tempDir } from "../support/heroku.js";

const sha = (n: number) => n.toString(16).padStart(40, "a");

describe("HerokuClient against the loopback Platform API", () => {
  const key = canary("heroku-key");
  const api = new HerokuApiFake({ apiKey: key, lineDelayMs: 1 });
  let heroku: HerokuClient;
  const dir = tempDir("heroku-api");

  beforeAll(async () => {
    await api.start();
    heroku = new HerokuClient({ apiKey: key, baseUrl: api.url, backoffMs: 10 });
    api.createApp("shop-prod", { webUrl: "https://shop.example/" });
    for (let i = 1; i <= 30; i++) api.addRelease("shop-prod", { commit: sha(i) });
    api.createApp("fresh-app");
  });
  afterAll(async () => {
    await api.stop();
    removeDir(dir);
  });

  it("reads an app in the API's shape, with Heroku's headers on the request", async () => {
    const app = await heroku.app("shop-prod");
    expect(app).toMatchObject({ name: "shop-prod", web_url: "https://shop.example/" });
    expect(app.id).toMatch(/^[0-9a-f-]{36}$/);
    const req = api.server.requestsTo("GET", "/apps/shop-prod").at(-1);
    expect(req?.headers.accept).toBe("application/vnd.heroku+json; version=3");
    expect(req?.headers.authorization).toBe(`Bearer ${key}`);
  });

  it("lists releases newest first through the Range header", async () => {
    const releases = await heroku.releases("shop-prod", { max: 5 });
    expect(releases.map((r) => r.version)).toEqual([31, 30, 29, 28, 27]);
    expect(releases[0]).toMatchObject({
      current: true,
      status: "succeeded",
      description: `Deploy ${sha(30).slice(0, 8)}`,
    });
    expect(releases[1]?.current).toBe(false);
    const req = api.server.requestsTo("GET", "/apps/shop-prod/releases").at(-1);
    expect(req?.headers.range).toBe("version ..; order=desc, max=5");
  });

  it("answers 206 with Next-Range when more releases remain, as Heroku does", async () => {
    const res = await heroku.http.send<unknown[]>({
      method: "GET",
      path: "/apps/shop-prod/releases",
      headers: { range: "version ..; order=desc, max=10" },
    });
    expect(res.status).toBe(206);
    expect(res.headers["next-range"]).toBe("version ]22..; order=desc, max=10");
    expect(res.headers["content-range"]).toBe("version 31..22");
    const next = await heroku.http.send<{ version: number }[]>({
      method: "GET",
      path: "/apps/shop-prod/releases",
      headers: { range: res.headers["next-range"]! },
    });
    expect(next.json.map((r) => r.version)).toEqual([21, 20, 19, 18, 17, 16, 15, 14, 13, 12]);
    const all = await heroku.http.send<unknown[]>({ method: "GET", path: "/apps/shop-prod/releases" });
    expect(all.status).toBe(200);
    expect(all.json).toHaveLength(31);
  });

  it("reads one release by version (41 or v41) or id, and its slug's commit", async () => {
    const byVersion = await heroku.release("shop-prod", "v10");
    expect(byVersion.version).toBe(10);
    expect((await heroku.release("shop-prod", 10)).id).toBe(byVersion.id);
    expect((await heroku.release("shop-prod", byVersion.id)).version).toBe(10);
    const slug = await heroku.slug("shop-prod", byVersion.slug!.id);
    expect(slug.commit).toBe(sha(9));
  });

  it("tells the live commit, and none for an app that never ran code", async () => {
    const live = await heroku.liveCommit("shop-prod");
    expect(live.sha).toBe(sha(30));
    expect(live.release?.version).toBe(31);
    const fresh = await heroku.liveCommit("fresh-app");
    expect(fresh.sha).toBeUndefined();
    expect(fresh.release?.description).toBe("Initial release");
  });

  it("lists dynos on the current release", async () => {
    const dynos = await heroku.dynos("shop-prod");
    expect(dynos).toEqual([
      expect.objectContaining({
        name: "web.1",
        type: "web",
        state: "up",
        release: expect.objectContaining({ version: 31 }),
      }),
    ]);
    expect(await heroku.dynos("fresh-app")).toEqual([]);
  });

  it("lists every app of the account a page of 1,000 at a time, following Next-Range", async () => {
    const fake = new HerokuApiFake({ apiKey: key });
    await fake.start();
    try {
      const names = Array.from({ length: 1_005 }, (_, i) => `many-${String(i).padStart(4, "0")}`);
      for (const n of names) fake.createApp(n);
      const client = new HerokuClient({ apiKey: key, baseUrl: fake.url });
      expect((await client.apps()).map((a) => a.name)).toEqual(names);
      const pages = fake.server.requestsTo("GET", "/apps");
      expect(pages.map((r) => r.headers.range)).toEqual([
        "name ..; max=1000",
        "name ]many-0999..; order=asc, max=1000",
      ]);
    } finally {
      await fake.stop();
    }
  });

  it("reads dynos conditionally: the ETag of the last answer, 304 while nothing changed", async () => {
    const first = await heroku.dynosIfChanged("shop-prod");
    expect(first.notModified).toBeUndefined();
    const etag = first.notModified ? undefined : first.etag;
    expect(etag).toMatch(/^"[0-9a-f]{40}"$/);
    expect(await heroku.dynosIfChanged("shop-prod", etag)).toEqual({ notModified: true });
    api.setDynos("shop-prod", ["up", "crashed"]);
    const changed = await heroku.dynosIfChanged("shop-prod", etag);
    expect(changed.notModified ? [] : changed.data.map((d) => d.state)).toEqual(["up", "crashed"]);
    api.setDynos("shop-prod", undefined);
  });

  it("turns error answers into clear messages that never hold the key", async () => {
    const errors: string[] = [];
    const wrong = new HerokuClient({ apiKey: canary("wrong-key"), baseUrl: api.url });
    await wrong.app("shop-prod").catch((e: Error) => errors.push(e.message));
    await heroku.app("no-such-app").catch((e: Error) => errors.push(e.message));
    await heroku.release("shop-prod", 999).catch((e: Error) => errors.push(e.message));
    api.server.fault("GET", "/apps/shop-prod/dynos", {
      kind: "status",
      status: 403,
      body: { id: "forbidden", message: `You do not have access to the app shop-prod. ${key}` },
    });
    await heroku.dynos("shop-prod").catch((e: Error) => errors.push(e.message));
    api.server.clearFaults();
    expect(errors).toEqual([
      "Heroku rejected the API key (401 Unauthorized): check that heroku-api-key / HEROKU_API_KEY holds a valid, unexpired key",
      "Heroku app 'no-such-app' not found (or the key's account cannot see it)",
      "Heroku release not found on app 'shop-prod' (GET /apps/shop-prod/releases/999): Couldn't find that release.",
      "Heroku refused access (403 Forbidden) to GET /apps/shop-prod/dynos: the key's account may not have access to app 'shop-prod': You do not have access to the app shop-prod. ***",
    ]);
    expectNoCanary([key], { errors });
  });

  it("retries a 429 honouring Retry-After, and 503s, then succeeds", async () => {
    const retries: string[] = [];
    const client = new HerokuClient({
      apiKey: key,
      baseUrl: api.url,
      backoffMs: 10,
      onRetry: (m) => retries.push(m),
    });
    const before = api.server.requestsTo("GET", "/apps/shop-prod").length;
    api.server.flap("GET", "/apps/shop-prod", 1, { kind: "rate-limit", retryAfter: 0 });
    api.server.flap("GET", "/apps/shop-prod", 1, {
      kind: "status",
      status: 503,
      body: { id: "unavailable", message: "down" },
    });
    expect((await client.app("shop-prod")).name).toBe("shop-prod");
    expect(api.server.requestsTo("GET", "/apps/shop-prod").length - before).toBe(3);
    expect(retries).toEqual([
      "Heroku answered 429 for GET /apps/shop-prod; retry 1 in 0 ms",
      "Heroku answered 503 for GET /apps/shop-prod; retry 2 in 20 ms",
    ]);
    api.server.clearFaults();
  });

  it("cuts a hanging request at the timeout and says so", async () => {
    const client = new HerokuClient({
      apiKey: key,
      baseUrl: api.url,
      timeoutMs: 200,
      retries: 1,
      backoffMs: 10,
    });
    api.server.fault("GET", "/apps/shop-prod", { kind: "hang" });
    const err = await client.app("shop-prod").catch((e: unknown) => e);
    api.server.clearFaults();
    expect(err).toBeInstanceOf(VendorError);
    expect((err as Error).message).toMatch(
      /^Heroku API unreachable \(GET \/apps\/shop-prod\): .*timed out after 200ms/,
    );
  });

  it("uploads a source to the pre-signed URL without the key, builds it and streams the output", async () => {
    const repo = join(dir, "repo");
    const [, head] = makeRepo(repo, 2);
    const file = join(dir, "source.tar.gz");
    git(repo, "archive", "--format=tar.gz", "-o", file, head!);
    const source = await heroku.createSource();
    expect(source.source_blob.put_url.startsWith(api.blobStore.url)).toBe(true);
    await heroku.upload(source.source_blob.put_url, file);
    const put = api.blobStore.requests.find((r) => r.method === "PUT");
    expect(put?.headers.authorization).toBeUndefined();
    const blobId = /blobs\/([^?]+)/.exec(source.source_blob.put_url)![1]!;
    expect(gunzipSync(api.blob(blobId)!).length).toBeGreaterThan(1024);

    const build = await heroku.createBuild("fresh-app", { url: source.source_blob.get_url, version: head! });
    expect(build).toMatchObject({ status: "pending", source_blob: { version: head }, release: null });
    const lines: string[] = [];
    await heroku.streamOutput(build.output_stream_url!, (l) => lines.push(l));
    expect(lines).toContain("       Source: 3 file(s)");
    expect(lines.at(-2)).toBe("       Released v2");
    const done = await heroku.build("fresh-app", build.id);
    expect(done.status).toBe("succeeded");
    const release = await heroku.release("fresh-app", done.release!.id);
    expect((await heroku.slug("fresh-app", release.slug!.id)).commit).toBe(head);
    expect((await heroku.builds("fresh-app"))[0]?.id).toBe(build.id);
  });

  it("fails a build whose source was never uploaded", async () => {
    const source = await heroku.createSource();
    const build = await heroku.createBuild("fresh-app", {
      url: source.source_blob.get_url,
      version: sha(99),
    });
    const lines: string[] = [];
    await heroku.streamOutput(build.output_stream_url!, (l) => lines.push(l));
    expect(lines).toEqual([" !     Unable to fetch source from the source_blob URL"]);
    expect((await heroku.build("fresh-app", build.id)).status).toBe("failed");
  });

  it("rolls back: a new release with the target's slug, described as Heroku does", async () => {
    api.createApp("roll-app");
    api.addRelease("roll-app", { commit: sha(1) });
    const v3 = api.addRelease("roll-app", { commit: sha(2) });
    api.addRelease("roll-app", { commit: sha(3) });
    const made = await heroku.rollback("roll-app", v3.id);
    expect(made).toMatchObject({ version: 5, description: "Rollback to v3", current: true, slug: v3.slug });
    expect(api.liveCommitOf("roll-app")).toBe(sha(2));
  });
});

describe("rollback pipeline against the loopback Platform API", () => {
  const key = canary("heroku-key");
  const api = new HerokuApiFake({ apiKey: key });
  const infos: string[] = [];
  const warnings: string[] = [];
  const reporter: Reporter = {
    ...silentReporter,
    info: (m) => infos.push(m),
    warning: (m) => warnings.push(m),
  };

  beforeAll(() => api.start());
  afterAll(() => api.stop());

  function appWith(name: string, commits: number): void {
    api.createApp(name);
    for (let i = 1; i <= commits; i++) api.addRelease(name, { commit: sha(i) });
  }

  it("goes back to the release before the current one", async () => {
    appWith("pipe-one", 3);
    const heroku = new HerokuClient({ apiKey: key, baseUrl: api.url });
    const r = await runRollback({ app: "pipe-one", release: { kind: "previous" } }, { heroku, reporter });
    expect(r.before.release.version).toBe(4);
    expect(r.target.release.version).toBe(3);
    expect(r.after.release).toMatchObject({ version: 5, description: "Rollback to v3" });
    expect(r.before.commit).toBe(sha(3));
    expect(r.after.commit).toBe(sha(2));
    expect(api.liveCommitOf("pipe-one")).toBe(sha(2));
  });

  it("a second plain rollback goes one step further back, never forward to what was rolled away from", async () => {
    const heroku = new HerokuClient({ apiKey: key, baseUrl: api.url });
    const r = await runRollback({ app: "pipe-one", release: { kind: "previous" } }, { heroku, reporter });
    expect(r.before.release.description).toBe("Rollback to v3");
    expect(r.target.release.version).toBe(2);
    expect(api.liveCommitOf("pipe-one")).toBe(sha(1));
  });

  it("makes one release when the POST's answer is lost after it arrived", async () => {
    appWith("pipe-lost", 3);
    const heroku = new HerokuClient({ apiKey: key, baseUrl: api.url, timeoutMs: 300 });
    api.server.fault("POST", "/apps/pipe-lost/releases", { kind: "delay", ms: 600 }, 1);
    const r = await runRollback(
      { app: "pipe-lost", release: { kind: "version", version: 2 } },
      { heroku, reporter },
    );
    api.server.clearFaults();
    expect(r.after.release.description).toBe("Rollback to v2");
    const rollbacks = api.releasesOf("pipe-lost").filter((x) => x.description.startsWith("Rollback"));
    expect(rollbacks).toHaveLength(1);
    expect(warnings.join("\n")).toMatch(/got no clear answer .*timed out/);
    expect(infos).toContain("The rollback went through after all: v5");
  });

  it("tries again after a 503 that made nothing", async () => {
    appWith("pipe-503", 2);
    const heroku = new HerokuClient({ apiKey: key, baseUrl: api.url });
    api.server.flap("POST", "/apps/pipe-503/releases", 1, {
      kind: "status",
      status: 503,
      body: { id: "unavailable", message: "try later" },
    });
    const r = await runRollback({ app: "pipe-503", release: { kind: "previous" } }, { heroku, reporter });
    expect(r.after.release.version).toBe(4);
    expect(api.releasesOf("pipe-503").filter((x) => x.description.startsWith("Rollback"))).toHaveLength(1);
    expect(api.server.requestsTo("POST", "/apps/pipe-503/releases")).toHaveLength(2);
  });

  it("waits for a release phase, and fails clearly when it fails", async () => {
    appWith("pipe-phase", 2);
    const heroku = new HerokuClient({ apiKey: key, baseUrl: api.url });
    api.setReleasePhase("pipe-phase", { ms: 300, outcome: "succeeded" });
    const ok = await runRollback({ app: "pipe-phase", release: { kind: "previous" } }, { heroku, reporter });
    expect(ok.after.release).toMatchObject({ status: "succeeded", current: true });
    expect(infos).toContain("v4: waiting for the release command to finish");
    api.setReleasePhase("pipe-phase", { ms: 300, outcome: "failed" });
    const err = await runRollback(
      { app: "pipe-phase", release: { kind: "version", version: 3 } },
      { heroku, reporter },
    ).catch((e: Error) => e);
    expect((err as Error).message).toBe(
      "Rollback release v5 of pipe-phase failed (its release command failed); v4 stays current.",
    );
    expect(api.currentOf("pipe-phase")?.version).toBe(4);
  });

  it("refuses an unknown or failed release, and does nothing for the current one", async () => {
    appWith("pipe-refuse", 2);
    const heroku = new HerokuClient({ apiKey: key, baseUrl: api.url });
    const missing = await runRollback(
      { app: "pipe-refuse", release: { kind: "version", version: 77 } },
      { heroku, reporter },
    ).catch((e: Error) => e.message);
    expect(missing).toBe("pipe-refuse has no release v77.");
    const noop = await runRollback(
      { app: "pipe-refuse", release: { kind: "version", version: 3 } },
      { heroku, reporter },
    );
    expect(noop.noop).toBe(true);
    expect(api.releasesOf("pipe-refuse")).toHaveLength(3);
  });
});
