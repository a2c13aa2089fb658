import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentReporter } from "../../src/core/ports.js";
import { runRollback } from "../../src/pipelines/rollback.js";
import { HerokuApiFake } from "../../src/sandbox/heroku-api.js";
import { HerokuClient } from "../../src/vendors/heroku.js";
import { canary } from "../support/canary.js";
import { removeDir, tempDir } from "../support/heroku.js";
import { node24 } from "../support/node24.js";

const run = promisify(execFile);
const herokuBin = join(
  dirname(createRequire(import.meta.url).resolve("heroku/package.json")),
  "bin",
  "run.js",
);
const sha = (n: number) => n.toString(16).padStart(40, "c");

/**
 * The real Heroku CLI (npm package `heroku`) pointed at the fake with HEROKU_HOST: it reads and rolls back
 * releases the way it does against api.heroku.com, and ends where prodgate's own rollback ends.
 */
describe("the Heroku CLI agrees with the Platform API fake", () => {
  const key = canary("heroku-key");
  const api = new HerokuApiFake({ apiKey: key });
  const home = tempDir("heroku-cli-home");
  let client: HerokuClient;

  const heroku = async (...args: string[]) => {
    const r = await run(node24(), [herokuBin, ...args], {
      env: {
        PATH: process.env.PATH,
        HOME: home,
        XDG_CONFIG_HOME: join(home, ".config"),
        XDG_CACHE_HOME: join(home, ".cache"),
        XDG_DATA_HOME: join(home, ".local/share"),
        HEROKU_HOST: api.url,
        HEROKU_PARTICLEBOARD_URL: api.url,
        HEROKU_API_KEY: key,
        HEROKU_DISABLE_AUTOUPDATE: "1",
        DISABLE_TELEMETRY: "true",
        HTTPS_PROXY: "http://127.0.0.1:9",
        NO_PROXY: "127.0.0.1,localhost",
        NO_COLOR: "1",
        FORCE_COLOR: "0",
      },
      timeout: 60_000,
    });
    return { stdout: r.stdout, stderr: r.stderr };
  };

  /** Two apps with the same history: one for the CLI, one for prodgate. */
  function twins(name: string, commits: number): [string, string] {
    for (const app of [`${name}-cli`, `${name}-pg`]) {
      api.createApp(app);
      for (let i = 1; i <= commits; i++) api.addRelease(app, { commit: sha(i) });
    }
    return [`${name}-cli`, `${name}-pg`];
  }

  beforeAll(async () => {
    await api.start();
    client = new HerokuClient({ apiKey: key, baseUrl: api.url });
  });
  afterAll(async () => {
    await api.stop();
    removeDir(home);
  });

  it("`heroku releases --json` lists what HerokuClient.releases sees", async () => {
    const [app] = twins("list", 4);
    const { stdout } = await heroku("releases", "--json", "-a", app);
    const cli = JSON.parse(stdout) as {
      id: string;
      version: number;
      description: string;
      current: boolean;
    }[];
    const ours = await client.releases(app, { max: 15 });
    expect(cli.map((r) => [r.id, r.version, r.description, r.current])).toEqual(
      ours.map((r) => [r.id, r.version, r.description, r.current]),
    );
    expect(cli.map((r) => r.version)).toEqual([5, 4, 3, 2, 1]);
    const req = api.server
      .requestsTo("GET", `/apps/${app}/releases`)
      .find((r) => String(r.headers["user-agent"]).startsWith("heroku-cli/"));
    expect(req?.headers.range).toBe("version ..; max=15, order=desc");
    expect(req?.headers.authorization).toBe(`Bearer ${key}`);
  }, 90_000);

  it("`heroku apps --all --json` lists what HerokuClient.apps sees (the status sweep's one listing a sweep)", async () => {
    twins("listed", 1);
    const { stdout } = await heroku("apps", "--all", "--json");
    const cli = (JSON.parse(stdout) as { name: string; released_at: string }[]).map((a) => [
      a.name,
      a.released_at,
    ]);
    const ours = (await client.apps()).map((a) => [a.name, a.released_at]);
    expect(cli.length).toBeGreaterThanOrEqual(2);
    expect([...cli].sort()).toEqual([...ours].sort());
  }, 90_000);

  it("`heroku releases` prints the table with the current release", async () => {
    const [app] = twins("table", 2);
    const { stdout } = await heroku("releases", "-a", app);
    expect(stdout).toContain(`${app} Releases - Current: v3`);
    expect(stdout).toMatch(new RegExp(`v3\\s+Deploy ${sha(2).slice(0, 8)}\\s+deployer@example.com`));
    expect(stdout).toMatch(/v1\s+Initial release/);
  }, 90_000);

  it("`heroku releases:rollback` picks the same release as prodgate's rollback, and both end on the same commit", async () => {
    const [cliApp, pgApp] = twins("roll", 3);
    const { stderr } = await heroku("releases:rollback", "-a", cliApp);
    expect(stderr).toContain(`Rolling back ${cliApp} to v3... done, v5`);
    const ours = await runRollback(
      { app: pgApp, release: { kind: "previous" } },
      { heroku: client, reporter: silentReporter },
    );
    const cliRelease = (await client.releases(cliApp, { max: 1 }))[0]!;
    expect(cliRelease.description).toBe("Rollback to v3");
    expect(ours.after.release.description).toBe(cliRelease.description);
    expect(ours.after.release.version).toBe(cliRelease.version);
    expect((await client.liveCommit(cliApp)).sha).toBe(sha(2));
    expect((await client.liveCommit(pgApp)).sha).toBe(sha(2));
    expect(api.server.requestsTo("POST", `/apps/${cliApp}/releases`).at(-1)?.body).toBe(
      JSON.stringify({ release: api.releasesOf(cliApp)[2]!.id }),
    );
  }, 90_000);

  it("`heroku releases:rollback v2` and prodgate's `release: v2` do the same", async () => {
    const [cliApp, pgApp] = twins("explicit", 3);
    await heroku("releases:rollback", "v2", "-a", cliApp);
    await runRollback(
      { app: pgApp, release: { kind: "version", version: 2 } },
      { heroku: client, reporter: silentReporter },
    );
    for (const app of [cliApp, pgApp]) {
      expect(api.currentOf(app)).toMatchObject({ version: 5, description: "Rollback to v2" });
      expect((await client.liveCommit(app)).sha).toBe(sha(1));
    }
    const { stdout } = await heroku("releases", "--json", "-a", cliApp);
    expect(
      (JSON.parse(stdout) as { current: boolean; version: number }[]).find((r) => r.current)?.version,
    ).toBe(5);
  }, 90_000);

  it("the CLI reports the fake's 404 as it reports Heroku's", async () => {
    const err = (await heroku("releases:rollback", "v99", "-a", "list-cli").catch((e: unknown) => e)) as {
      code: number;
      stderr: string;
    };
    expect(err.code).not.toBe(0);
    expect(err.stderr).toContain("Couldn't find that release.");
  }, 90_000);
});
