// A rotation of one secret into four consumers (GitHub repository and environment secrets, a Heroku config
// var, Infisical), from process start to smoke passed: the rotate-secret bundle under Node 24 against the
// loopback fakes and an embedded Postgres, against the same bundle's cold start (an input that fails fast).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fakeEnvironment, GitHubApiFake } from "../src/sandbox/github-api.js";
import { HerokuApiFake } from "../src/sandbox/heroku-api.js";
import { InfisicalApiFake } from "../src/sandbox/infisical-api.js";
import { startPostgres } from "../src/sandbox/postgres.js";
import { node24 } from "../test/support/node24.js";
import { repoRoot } from "../test/support/run-action.js";
import { fmt, median, ratio, table, timeCommand } from "./lib.js";

function run(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ ms: number; code: number | null }> {
  const t = performance.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env, stdio: "ignore" });
    child.on("close", (code) => resolve({ ms: performance.now() - t, code }));
  });
}

export default async function rotate(): Promise<void> {
  const node = node24();
  const bundle = join(repoRoot, "dist/rotate-secret/index.js");
  const runs = 7;
  const pg = await startPostgres({ database: "bench_rotate" });
  const github = await new GitHubApiFake({ token: "gh" }).start();
  const heroku = await new HerokuApiFake({ apiKey: "heroku-key" }).start();
  const infisical = await new InfisicalApiFake("infisical-token").start();
  const dir = mkdtempSync(join(tmpdir(), "prodgate-bench-rotate-"));
  try {
    github.addToken("writer", { login: "octo-admin" });
    github.repo("acme/api").chain(1, { author: "alice" });
    fakeEnvironment(github.repo("acme/api"), "production");
    heroku.createApp("api-prod");
    const now = new Date().toISOString();
    infisical.add({
      projectId: "p",
      environment: "prod",
      key: "SESSION_SECRET",
      value: "x",
      createdAt: now,
      updatedAt: now,
    });
    const inventory = join(dir, "secrets.yml");
    writeFileSync(
      inventory,
      [
        "secrets:",
        "  - name: SESSION_SECRET",
        "    vendor: app",
        "    source: static",
        "    rotate:",
        "      generate: random",
        "      smoke: []",
        "      consumers:",
        "        - github-actions: { repository: acme/api }",
        "        - github-environment: { repository: acme/api, environment: production }",
        "        - heroku-config: { app: api-prod }",
        "        - infisical: { project: p, environment: prod, path: / }",
        "",
      ].join("\n"),
    );
    const base = {
      PATH: process.env.PATH,
      RUNNER_TEMP: dir,
      GITHUB_OUTPUT: join(dir, "out"),
    } as NodeJS.ProcessEnv;
    writeFileSync(join(dir, "out"), "");
    const env = {
      ...base,
      GITHUB_API_URL: github.url,
      HEROKU_API_URL: heroku.url,
      INFISICAL_API_URL: infisical.url,
      INPUT_INVENTORY: inventory,
      INPUT_SECRET: "SESSION_SECRET",
      "INPUT_DATABASE-URL": pg.url,
      INPUT_MIGRATE: "true",
      "INPUT_GITHUB-SECRETS-TOKEN": "writer",
      "INPUT_HEROKU-API-KEY": "heroku-key",
      "INPUT_INFISICAL-TOKEN": "infisical-token",
    } as NodeJS.ProcessEnv;
    const cold = median(timeCommand(node, [bundle], runs, base));
    await run(node, [bundle], env); // migrates the database once
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const r = await run(node, [bundle], env);
      if (r.code !== 0) throw new Error(`rotation run ${i} exited ${r.code}`);
      times.push(r.ms);
    }
    const t = median(times);
    table([
      { case: "cold start (fails fast)", median: fmt(cold), ratio: "1.00×" },
      { case: "rotate into 4 consumers", median: fmt(t), ratio: ratio(t, cold) },
    ]);
  } finally {
    await Promise.all([github.stop(), heroku.stop(), infisical.stop()]);
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
