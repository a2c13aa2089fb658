// The deploy pipeline's own overhead (issue 7): a whole gated deploy of an immediately healthy app against
// loopback fakes (Heroku API and git, GitHub, Slack, a sandbox PostgreSQL): gate checks, lock, two audit rows,
// push, /health, Slack post + update, deployment statuses, the sticky comment. No configured wait is ever
// slept (the first probe is healthy), so wall time is overhead plus the push. Aim: under 3 s.
// Baseline: the push alone (releaseToHeroku, the heroku-deploy action's pipeline) of the same kind of commit.
// Also the root action bundle end to end (process start included), as the runner runs it.
import { spawn } from "node:child_process";
import { join } from "node:path";
import type { DeployState } from "../src/core/deploy.js";
import { silentReporter } from "../src/core/ports.js";
import { runDeploy } from "../src/pipelines/deploy.js";
import { releaseToHeroku } from "../src/pipelines/heroku-release.js";
import { importCommits } from "../src/sandbox/github-api.js";
import { startPostgres } from "../src/sandbox/postgres.js";
import { connect } from "../src/store/db.js";
import { migrateUp } from "../src/store/migrate.js";
import { HerokuClient } from "../src/vendors/heroku.js";
import { HerokuGit, LocalRepo } from "../src/vendors/heroku-git.js";
import { startDeployWorld } from "../test/support/deploy-world.js";
import { appendCommits } from "../test/support/heroku.js";
import { node24 } from "../test/support/node24.js";
import { repoRoot } from "../test/support/run-action.js";
import { fmt, median, percentile, ratio, table } from "./lib.js";

const RUNS = 8;

export default async function deployBench(): Promise<void> {
  const pg = await startPostgres({ database: "bench_deploy" });
  const client = await connect(pg.url);
  await migrateUp(client);
  await client.end();
  const w = await startDeployWorld({ databaseUrl: pg.url, commits: 20 });
  process.env.HEROKU_API_URL = w.hk.env.HEROKU_API_URL;
  process.env.HEROKU_GIT_URL = w.hk.env.HEROKU_GIT_URL;
  try {
    await w.app("bench-gated", w.shas[0]);
    await w.app("bench-push", w.shas[0]);
    const work = w.checkout(w.shas.at(-1)!);
    // A new commit in the checkout, mirrored into the GitHub fake (deployments and comments need it there).
    let tip = w.shas.at(-1)!;
    const commit = (label: string): string => {
      const [sha] = appendCommits(work, 1, { label, branch: "bench", from: tip });
      importCommits(w.repo, [{ sha: sha!, parents: [tip], message: label }], "bench");
      tip = sha!;
      return sha!;
    };
    const gated: number[] = [];
    const pushes: number[] = [];
    const phases: Record<string, number[]> = {};
    const health = {
      attempts: 5,
      intervalMs: 10_000,
      timeoutMs: 5_000,
      expectStatus: { codes: [200], classes: [], text: "200" },
      headers: {},
      method: "GET" as const,
      followRedirects: true,
    };
    for (let i = 0; i < RUNS; i++) {
      const sha = commit(`bench ${i}`);
      // The gated deploy, in-process (the CLI's path), with every notification on.
      const runId = 20_000 + i;
      w.approve(runId);
      let last = performance.now();
      let lastState: DeployState = "triggered";
      const t0 = performance.now();
      const r = await runDeploy(
        {
          app: "bench-gated",
          environment: "production",
          productionEnvironments: ["production"],
          ref: sha!,
          surface: { kind: "heroku", apiKey: w.herokuKey, method: "git", force: false },
          trigger: "ci",
          eventName: "workflow_dispatch",
          actor: "octocat",
          runId: String(runId),
          runUrl: `https://github.com/acme/shop/actions/runs/${runId}`,
          repository: "acme/shop",
          health,
          rollbackOnFailure: true,
          audit: { databaseUrl: pg.url, spoolDir: join(w.dir, "spool"), migrate: false },
          lockWaitMs: 60_000,
          slack: { token: w.slack.token, channel: "C0DEPLOYS", baseUrl: w.slack.apiUrl },
          github: { token: w.githubToken, repository: "acme/shop", baseUrl: w.github.url },
          cwd: work,
        },
        {
          reporter: silentReporter,
          onState: (s) => {
            const now = performance.now();
            phases[lastState] = [...(phases[lastState] ?? []), now - last];
            last = now;
            lastState = s;
          },
        },
      );
      gated.push(performance.now() - t0);
      if (r.outcome !== "success") throw new Error(`bench deploy ${i}: ${r.outcome} ${r.reason}`);
      // The push alone, same kind of commit, to another app.
      const t1 = performance.now();
      await releaseToHeroku(
        { app: "bench-push", sha: sha!, method: "git", force: false },
        {
          heroku: new HerokuClient({ apiKey: w.herokuKey }),
          git: new HerokuGit({ apiKey: w.herokuKey, cwd: work }),
          repo: new LocalRepo(work),
          reporter: silentReporter,
        },
      );
      pushes.push(performance.now() - t1);
    }

    // The root action bundle, as the runner starts it.
    const bundle: number[] = [];
    for (let i = 0; i < 3; i++) {
      const sha = commit(`bundle ${i}`);
      const runId = 21_000 + i;
      w.approve(runId);
      bundle.push(
        await timeBundle(
          {
            app: "bench-gated",
            "heroku-api-key": w.herokuKey,
            "database-url": pg.url,
            ref: sha!,
            "github-token": w.githubToken,
            "slack-token": w.slack.token,
            "slack-channel": "C0DEPLOYS",
          },
          {
            ...w.env,
            GITHUB_REPOSITORY: "acme/shop",
            GITHUB_RUN_ID: String(runId),
            GITHUB_EVENT_NAME: "workflow_dispatch",
            GITHUB_ACTOR: "octocat",
            GITHUB_WORKSPACE: work,
            RUNNER_TEMP: w.dir,
          },
          work,
        ),
      );
    }

    // Every notification really happened (a silent failure would flatter the numbers).
    const told = w.slack.messages.filter((m) => m.text.includes("bench-gated")).length;
    const comments = w.repo.commitComments.filter((c) => c.body.includes("bench-gated@production")).length;
    if (told !== RUNS + bundle.length || comments !== RUNS + bundle.length)
      throw new Error(
        `bench: ${told} Slack messages and ${comments} comments for ${RUNS + bundle.length} deploys`,
      );

    const p50 = median(gated);
    const push = median(pushes);
    table([
      { what: "gated deploy, in-process (p50)", time: fmt(p50), "vs push alone": ratio(p50, push) },
      { what: "gated deploy, in-process (p95)", time: fmt(percentile(gated, 95)), "vs push alone": "" },
      { what: "push alone (baseline, p50)", time: fmt(push), "vs push alone": "1.00×" },
      { what: "pipeline overhead beyond the push (p50)", time: fmt(p50 - push), "vs push alone": "" },
      {
        what: "root action bundle, process start to exit (p50)",
        time: fmt(median(bundle)),
        "vs push alone": ratio(median(bundle), push),
      },
    ]);
    table(
      Object.entries(phases).map(([state, times]) => ({ "time spent in": state, p50: fmt(median(times)) })),
    );
    console.log(
      `aim: a gated deploy of an immediately healthy app under 3 s: ${p50 < 3000 ? "met" : "NOT met"} (${fmt(p50)}; configured waits slept: 0)`,
    );
  } finally {
    await w.stop();
    await pg.stop();
  }
}

function timeBundle(
  inputs: Record<string, string>,
  env: Record<string, string>,
  cwd: string,
): Promise<number> {
  const started = performance.now();
  const full: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, ...env };
  for (const [k, v] of Object.entries(inputs)) full[`INPUT_${k.toUpperCase()}`] = v;
  return new Promise((resolve, reject) => {
    const child = spawn(node24(), [join(repoRoot, "dist/deploy/index.js")], {
      env: full,
      cwd,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.on("close", (code) => {
      if (code === 0) resolve(performance.now() - started);
      else reject(new Error(`root action exited ${code}: ${out.slice(-800)}`));
    });
  });
}
