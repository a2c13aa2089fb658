// Heroku on loopback, through the real bundles under Node 24:
// - a rollback from process start to done (seed 002's budget is two minutes; aim: under 3 s with Node start),
//   against bare `node -e ''`;
// - a git deploy of a 1,000-commit repository (full clone to an empty app; depth-1 clone with Heroku 10
//   commits behind; depth-1 clone to an empty app), against a plain `git push` of the same history.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { HerokuApiFake } from "../src/sandbox/heroku-api.js";
import { HerokuGitServer } from "../src/sandbox/heroku-git-server.js";
import {
  git,
  gitEnv,
  makeRepo,
  removeDir,
  seedHeroku,
  shallowClone,
  tempDir,
} from "../test/support/heroku.js";
import { node24 } from "../test/support/node24.js";
import { repoRoot } from "../test/support/run-action.js";
import { fmt, median, ratio, table } from "./lib.js";

/** Wall time of one process, started and awaited without blocking the fakes in this process. */
function timeProcess(cmd: string, args: string[], env: NodeJS.ProcessEnv, cwd?: string): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, cwd, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("close", (code) => {
      const ms = performance.now() - started;
      if (code === 0) resolve(ms);
      else reject(new Error(`${cmd} ${args.join(" ")} exited ${code}: ${stderr.slice(-500)}`));
    });
  });
}

function actionEnv(inputs: Record<string, string>, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    RUNNER_TEMP: "/tmp",
    ...extra,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  return env;
}

export default async function herokuBench(): Promise<void> {
  const node = node24();
  const key = "bench-heroku-key-0123456789";
  const api = await new HerokuApiFake({ apiKey: key, lineDelayMs: 0 }).start();
  const gitServer = await new HerokuGitServer({ apiKey: key, api }).start();
  const dir = tempDir("heroku-bench");
  try {
    // Rollback.
    const runs = 10;
    const bare: number[] = [];
    for (let i = 0; i < runs; i++) bare.push(await timeProcess(node, ["-e", ""], { PATH: process.env.PATH }));
    api.createApp("bench-roll");
    for (let i = 1; i <= 20; i++) api.addRelease("bench-roll", { commit: i.toString(16).padStart(40, "b") });
    const rollbacks: number[] = [];
    const bundle = join(repoRoot, "dist", "heroku-rollback", "index.js");
    for (let i = 0; i < runs; i++) {
      const env = actionEnv({ app: "bench-roll", "heroku-api-key": key }, { HEROKU_API_URL: api.url });
      rollbacks.push(await timeProcess(node, [bundle], env));
    }
    const roll = median(rollbacks);
    console.log(`rollback, process start to done (median of ${runs}; budget 3 s):`);
    table([
      { what: "node -e ''", time: fmt(median(bare)), ratio: "1.00×" },
      { what: "heroku-rollback bundle", time: fmt(roll), ratio: ratio(roll, median(bare)) },
      {
        what: "max of the runs",
        time: fmt(Math.max(...rollbacks)),
        ratio: ratio(Math.max(...rollbacks), median(bare)),
      },
    ]);

    // Git deploy of a 1,000-commit repository.
    const src = join(dir, "src");
    const origin = join(dir, "origin.git");
    const shas = makeRepo(src, 1000);
    git(dir, "clone", "--quiet", "--bare", src, origin);
    const head = shas[999]!;
    const deployBundle = join(repoRoot, "dist", "heroku-deploy", "index.js");
    const header = `Authorization: Basic ${Buffer.from(`heroku:${key}`).toString("base64")}`;
    const rows: Record<string, string>[] = [];
    const reps = 3;
    const plain: number[] = [];
    for (let i = 0; i < reps; i++) {
      const app = `bench-plain-${i}`;
      api.createApp(app);
      plain.push(
        await timeProcess(
          "git",
          ["push", "--quiet", `${gitServer.url}/${app}.git`, `${head}:refs/heads/main`],
          {
            ...gitEnv,
            GIT_CONFIG_COUNT: "1",
            GIT_CONFIG_KEY_0: "http.extraHeader",
            GIT_CONFIG_VALUE_0: header,
          },
          src,
        ),
      );
    }
    const base = median(plain);
    rows.push({ scenario: "plain git push, 1,000 commits to an empty app", time: fmt(base), ratio: "1.00×" });
    const scenarios: [string, (i: number) => Promise<{ app: string; cwd: string }>][] = [
      [
        "heroku-deploy, full clone, empty app",
        async (i) => {
          const app = `bench-full-${i}`;
          api.createApp(app);
          const cwd = join(dir, `full-${i}`);
          git(dir, "clone", "--quiet", origin, cwd);
          return { app, cwd };
        },
      ],
      [
        "heroku-deploy, depth-1 clone, Heroku 10 behind",
        async (i) => {
          const app = `bench-behind-${i}`;
          api.createApp(app);
          await seedHeroku(gitServer, key, src, app, shas[989]!);
          const cwd = join(dir, `behind-${i}`);
          shallowClone(origin, cwd, head);
          return { app, cwd };
        },
      ],
      [
        "heroku-deploy, depth-1 clone, empty app",
        async (i) => {
          const app = `bench-shallow-${i}`;
          api.createApp(app);
          const cwd = join(dir, `shallow-${i}`);
          shallowClone(origin, cwd, head);
          return { app, cwd };
        },
      ],
    ];
    for (const [scenario, setup] of scenarios) {
      const times: number[] = [];
      for (let i = 0; i < reps; i++) {
        const { app, cwd } = await setup(i);
        const env = actionEnv(
          { app, "heroku-api-key": key, ref: head },
          { HEROKU_API_URL: api.url, HEROKU_GIT_URL: gitServer.url, GITHUB_WORKSPACE: cwd },
        );
        times.push(await timeProcess(node, [deployBundle], env, cwd));
        if (api.liveCommitOf(app) !== head) throw new Error(`${scenario}: ${app} does not run ${head}`);
      }
      rows.push({ scenario, time: fmt(median(times)), ratio: ratio(median(times), base) });
    }
    console.log(
      `git deploy of a 1,000-commit repository (median of ${reps}, process start to verified release):`,
    );
    table(rows);
  } finally {
    await gitServer.stop();
    await api.stop();
    removeDir(dir);
  }
}
