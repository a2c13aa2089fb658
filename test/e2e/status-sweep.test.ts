import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect } from "../../src/store/db.js";
import { canary, expectNoCanary } from "../support/canary.js";
import { freshDatabase } from "../support/db.js";
import { runAction, runCli } from "../support/run-action.js";
import { SweepWorld } from "../support/status-sweep-world.js";

describe("status-sweep action (dist bundle under Node 24) and `prodgate sweep status`", () => {
  const world = new SweepWorld();
  const workspace = mkdtempSync(join(tmpdir(), "prodgate-sweep-e2e-"));
  let db: Awaited<ReturnType<typeof freshDatabase>>;

  const registry = () => `secret-env: [ACCESS_SECRET]
surfaces:
  - id: api
    hostname: api.example.com
    provider: heroku
    heroku: { app: e2e-api }
    health:
      url: ${world.sites.url}/secret
      headers: { X-Access: "\${ACCESS_SECRET}" }
    builds: { workflow: deploy.yml }
  - id: www
    hostname: www.example.com
    provider: cloudflare_pages
    cloudflare_pages: { account-id: ${world.account}, project: e2e-www }
  - id: shop
    hostname: shop.example.com
    provider: http
    health: { url: "${world.sites.url}/e2e-shop" }
`;
  const env = () => ({ ...world.env, GITHUB_REPOSITORY: "acme/shop" });
  const secrets = () => ({
    "database-url": db.url,
    "heroku-api-key": world.tokens.heroku,
    "cloudflare-api-token": world.tokens.cloudflare,
    "github-token": world.tokens.github,
    "slack-bot-token": world.tokens.slack,
    "slack-channel": "C0DEPLOYS",
  });
  /** The action on surfaces.yml with every credential, plus `inputs`. */
  const sweep = (inputs: Record<string, string> = {}) =>
    runAction("status-sweep", {
      cwd: workspace,
      env: env(),
      inputs: { registry: "surfaces.yml", ...secrets(), ...inputs },
    });

  beforeAll(async () => {
    await world.start();
    db = await freshDatabase("sweep_e2e");
    world.herokuApp("e2e-api");
    world.cloudflare.addDeployment(world.account, "e2e-www", { status: "success" });
    const repo = world.github.repo("acme/shop");
    repo.run({ workflow: "deploy.yml", headSha: repo.commit({}), conclusion: "success" });
    writeFileSync(join(workspace, "surfaces.yml"), registry());
  });
  afterAll(async () => {
    await db?.drop();
    await world.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  it("sweeps, logs, alerts once on change, and writes outputs, summary, status.json and the page", async () => {
    world.health.set("e2e-shop", 503);
    const r = await sweep({ "status-page-dir": "page", "expected-interval": "5m" });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({
      degraded: "true",
      unhealthy: "shop",
      healthy: "2",
      changes: "1",
      "sweep-gap": "false",
      "status-json": "status.json",
      "status-page": join("page", "index.html"),
    });
    const doc = JSON.parse(readFileSync(join(workspace, "status.json"), "utf8"));
    expect(doc.sites.map((s: { id: string; status: string }) => [s.id, s.status])).toEqual([
      ["api", "healthy"],
      ["www", "healthy"],
      ["shop", "down"],
    ]);
    expect(readFileSync(join(workspace, "page/index.html"), "utf8")).toContain('data-surface="shop"');
    expect(r.summary).toContain("### Alerts");
    expect(r.summary).toContain("shop liveness failing: status 503, expected 200");
    expect(r.summary).toMatch(/Opened incident \[#\d+\]/);
    for (const token of Object.values(world.tokens)) expect(r.masks).toContain(token);
    const client = await connect(db.url);
    const rows = await client.query("SELECT * FROM console_poll_log");
    await client.end();
    expect(rows.rowCount).toBe(6);
    expectNoCanary(Object.values(world.tokens), {
      run: r,
      rows: rows.rows,
      status: doc,
      slack: world.slack.messages,
      issues: world.github.repo("acme/shop").issues,
    });

    // The same state again: no change, no Slack, no second issue.
    const slack = world.slack.messages.length;
    const issues = world.github.repo("acme/shop").issues.length;
    const again = await sweep({ "fail-on": "down" });
    expect(again.code).toBe(1);
    expect(again.errors).toEqual(["status sweep: down: shop"]);
    expect(again.outputs.changes).toBe("0");
    expect(world.slack.messages.length).toBe(slack);
    expect(world.github.repo("acme/shop").issues.length).toBe(issues);
    // The second sweep asked again, conditionally, with the ETag the first one kept in Postgres: 304.
    const listings = world.github.served.filter(
      (x) => x.method === "GET" && x.path === "/repos/acme/shop/actions/runs",
    );
    expect(listings.map((x) => x.status)).toEqual([200, 304]);
    // Heroku: one app list a sweep; the newest release read once, since the app has not released since.
    const herokuReads = world.heroku.server.requests.map((x) => x.path);
    expect(herokuReads.filter((p) => p === "/apps")).toHaveLength(2);
    expect(herokuReads.filter((p) => p === "/apps/e2e-api/releases")).toHaveLength(1);
    const kept = await connect(db.url);
    const etags = await kept.query("SELECT cache_key, body FROM prodgate_http_etags");
    await kept.end();
    const github = etags.rows.filter((x) => !x.cache_key.startsWith("heroku "));
    expect(github.map((x) => x.cache_key)).toEqual([
      expect.stringMatching(/ GET \S+\/repos\/acme\/shop\/actions\/runs\?/),
    ]);
    // Beside them, the paced Heroku reads: the app's dyno summary and its newest release, no more.
    const heroku = etags.rows.filter((x) => x.cache_key.startsWith("heroku "));
    expect(heroku.map((x) => x.cache_key.replace(/ http\S+ /, " ")).sort()).toEqual([
      "heroku dynos e2e-api",
      "heroku release e2e-api",
    ]);
    expect(Object.keys(github[0].body.workflow_runs[0]).sort()).toEqual(
      [
        "actor",
        "conclusion",
        "created_at",
        "event",
        "head_branch",
        "head_sha",
        "html_url",
        "id",
        "path",
        "run_started_at",
        "status",
        "triggering_actor",
      ].sort(),
    );
    expectNoCanary(Object.values(world.tokens), { etags: etags.rows });
    world.health.delete("e2e-shop");
  });

  it("shards and a merge job report what one job would", async () => {
    const shardDir = join(workspace, "shards");
    for (const shard of ["1/2", "2/2"]) {
      const r = await sweep({ "database-url": "", shard, "shard-output": shardDir });
      expect(r.code, r.errors.join()).toBe(0);
      expect(r.outputs["shard-results"]).toBe(join(shardDir, `shard-${shard.replace("/", "-of-")}.json`));
    }
    const merged = await sweep({ "merge-from": shardDir, "status-json": "merged.json" });
    expect(merged.code, merged.errors.join()).toBe(0);
    const single = await sweep({ "status-json": "single.json" });
    const norm = (file: string) =>
      JSON.parse(readFileSync(join(workspace, file), "utf8")).sites.map(
        (s: {
          id: string;
          status: string;
          error: string | null;
          last_deploy: unknown;
          build_status: unknown;
        }) => [s.id, s.status, s.error, s.last_deploy, s.build_status],
      );
    expect(norm("merged.json")).toEqual(norm("single.json"));
    expect(merged.outputs.unhealthy).toBe(single.outputs.unhealthy);

    // With the memory, a shard keeps its paced Heroku reads too: the next run of the shard holding the
    // Heroku surface reads the app list, not the release it already knows.
    const releases = () =>
      world.heroku.server.requests.filter((x) => x.path === "/apps/e2e-api/releases").length;
    const paced = async () => {
      for (const shard of ["1/2", "2/2"]) {
        const r = await sweep({ shard, "shard-output": shardDir });
        expect(r.code, r.errors.join()).toBe(0);
      }
    };
    await paced();
    const before = releases();
    await paced();
    expect(releases()).toBe(before);
  });

  it("with Postgres down it still reports everything, then fails the step", async () => {
    const password = canary("db-password");
    const r = await sweep({
      "database-url": `postgres://sweeper:${password}@127.0.0.1:9/sweeps`,
      "status-json": "no-db.json",
    });
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([
      "the sweep ran, but its memory (Postgres) failed: nothing was logged and no alert was sent (see the summary)",
    ]);
    expect(r.outputs).toMatchObject({ healthy: "3", "status-json": "no-db.json" });
    expect(r.summary).toContain("Postgres memory unavailable: cannot migrate the sweep database:");
    expect(JSON.parse(readFileSync(join(workspace, "no-db.json"), "utf8")).sites).toHaveLength(3);
    expectNoCanary([password], { run: r });
  });

  it("fails at once on a registry error, naming the file, line and field", async () => {
    writeFileSync(
      join(workspace, "bad.yml"),
      "surfaces:\n  - id: x\n    hostname: x.example.com\n    provider: heroku\n    heroku: { app: X_BAD }\n",
    );
    const r = await runAction("status-sweep", {
      cwd: workspace,
      env: env(),
      inputs: { registry: "bad.yml" },
    });
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([
      "Registry bad.yml:5:20: surfaces[0] (x).heroku.app: must be a Heroku app name (3-30 lowercase letters, digits and dashes, starting with a letter); got 'X_BAD'",
    ]);
    expect(r.outputs).toEqual({});
  });

  it("prodgate sweep status runs the same pipeline from a terminal", async () => {
    const cli = await runCli(
      ["sweep", "status", "--registry", "surfaces.yml", "--json", "--fail-on", "down"],
      {
        cwd: workspace,
        env: {
          PATH: process.env.PATH,
          ...env(),
          HEROKU_API_KEY: world.tokens.heroku,
          CLOUDFLARE_API_TOKEN: world.tokens.cloudflare,
          GITHUB_TOKEN: world.tokens.github,
        },
      },
    );
    expect(cli.status, cli.stderr).toBe(0);
    const doc = JSON.parse(cli.stdout);
    expect(doc.sites.map((s: { status: string }) => s.status)).toEqual(["healthy", "healthy", "healthy"]);
    expect(cli.stderr).toContain("no DATABASE_URL: nothing is logged, nothing alerts");
    expectNoCanary(Object.values(world.tokens), { stdout: cli.stdout, stderr: cli.stderr });

    const missing = await runCli(["sweep", "status", "--registry", "surfaces.yml"], {
      cwd: workspace,
      env: { PATH: process.env.PATH, ...env() },
    });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("HEROKU_API_KEY is not set: the registry has Heroku surfaces (api)");
  });
});
