import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GitHubApiFake } from "../../src/sandbox/github-api.js";
import { canary, expectNoCanary } from "../support/canary.js";
import { freshDatabase } from "../support/db.js";
import { type DeployWorld, startDeployWorld } from "../support/deploy-world.js";
import { repoRoot, runCli } from "../support/run-action.js";
import { SweepWorld } from "../support/status-sweep-world.js";
import { callerSnippets } from "../support/workflow-caller.js";
import { type CallerRun, runCaller, type StepRun } from "../support/workflow-runner.js";
import { exampleWorkflowFiles, workflowFiles } from "../support/workflows.js";

/**
 * Every reusable workflow, called exactly as README.md and examples/ show it (`secrets: inherit` included),
 * with the secrets stored as a new user stores them (repository secrets by their usual names; the deploy key
 * as an environment secret of `production`), run job by job through the data-flow runner against the loopback
 * fakes and a real Postgres: each secret reaches the step that needs it, and no step that must not hold it
 * does. Then the audit spool: a record the database did not take is uploaded as an artifact (also when the
 * job failed), named in the summary, and `prodgate audit replay --spool <zip>` writes it once.
 */

const README = join(repoRoot, "README.md");
const snippets = callerSnippets(README);
const examples = exampleWorkflowFiles().map((file) => ({
  name: `examples/workflows/${basename(file)}`,
  file,
  workflow: /uses:\s*prodgate\/prodgate\/\.github\/workflows\/([\w.-]+\.ya?ml)@/.exec(
    readFileSync(file, "utf8"),
  )?.[1],
}));
const callersOf = (workflow: string) => [
  ...examples
    .filter((e) => e.workflow === workflow)
    .map((e) => ({ name: e.name, source: e.file as CallerSource })),
  ...snippets
    .filter((s) => s.workflow === workflow)
    .map((s) => ({ name: s.name, source: s as CallerSource })),
];
type CallerSource = string | { name: string; yaml: string };
const stepsOf = (run: CallerRun, job: string): StepRun[] =>
  run.order.filter((j) => j.id === job).flatMap((j) => j.steps);
const step = (run: CallerRun, job: string, id: string) => stepsOf(run, job).find((s) => s.id === id)!;
const why = (run: CallerRun) =>
  run.order
    .map(
      (j) =>
        `${j.id}: ${j.result}${j.error ? ` (${j.error})` : ""}\n${j.steps
          .filter((s) => s.outcome === "failure")
          .map(
            (s) =>
              `  ${s.id}: ${s.result?.errors.join("; ") ?? ""}${s.stderr ?? ""}${s.stdout ?? ""}\n${(s.result?.log ?? "").split("\n").slice(-12).join("\n")}`,
          )
          .join("\n")}`,
    )
    .join("\n");

it("README.md and examples/ call every reusable workflow", () => {
  const reusable = workflowFiles()
    .filter((f) => /\bworkflow_call:/.test(readFileSync(f, "utf8")))
    .map((f) => basename(f));
  for (const workflow of reusable) expect(callersOf(workflow), workflow).not.toEqual([]);
});

describe("deploy-heroku.yml and rollback-heroku.yml as README.md and examples/ call them", () => {
  let w: DeployWorld;
  let nextRun = 31_000;
  const runs: CallerRun[] = [];
  const artifactDirs: string[] = [];

  const call = async (
    source: CallerSource,
    opts: {
      repositorySecrets: Record<string, string>;
      environment?: Record<string, string>;
      inputs?: Record<string, string>;
      sha?: string;
    },
  ) => {
    const runId = ++nextRun;
    const run = await runCaller(source, {
      inputs: opts.inputs ?? {},
      repositorySecrets: opts.repositorySecrets,
      environmentSecrets: opts.environment ? { production: opts.environment } : {},
      githubToken: w.githubToken,
      github: { run_id: String(runId), sha: opts.sha ?? w.shas.at(-1)!, api_url: w.github.url },
      env: w.env,
      checkoutFrom: w.src,
      beforeJob: ({ environment }) => {
        if (environment) w.approve(runId, environment.name);
      },
    });
    runs.push(run);
    artifactDirs.push(run.artifactsDir);
    return { run, runId };
  };

  beforeAll(async () => {
    w = await startDeployWorld();
    await w.app("shop-prod", w.shas[2]);
    // shop-prod was last deployed by a workflow: GitHub's deployments know what is live (the preview reads it
    // there when there is no read-only Heroku token).
    w.repo.deployment({
      sha: w.shas[2]!,
      environment: "production",
      productionEnvironment: true,
      statuses: [
        {
          id: 1,
          state: "success",
          description: "",
          environment: "production",
          environmentUrl: "",
          logUrl: "",
          creator: "github-actions[bot]",
          createdAt: new Date(Date.UTC(2026, 0, 1)).toISOString(),
        },
      ],
    });
  });
  afterAll(async () => {
    const results = runs.flatMap((r) => r.order.flatMap((j) => j.steps.map((s) => s.result).filter(Boolean)));
    const summaries = runs.flatMap((r) => r.order.flatMap((j) => j.steps.map((s) => s.summary ?? "")));
    expectNoCanary(w.secrets(), {
      ...Object.fromEntries(results.map((r, i) => [`step${i}`, r])),
      summaries,
      artifacts: runs.flatMap((r) => r.artifacts.map((a) => a.files)),
      rows: await w.auditRows("shop-prod"),
      slack: w.slack.messages,
    });
    for (const d of artifactDirs) rmSync(d, { recursive: true, force: true });
    await w.stop();
  });

  const deployCallers = callersOf("deploy-heroku.yml");
  it.each(deployCallers.map((c, i) => [c.name, c.source, i]))(
    "%s: the deploy key, stored as an environment secret of production, reaches the deploy step and never the preview",
    async (_name, source, i) => {
      // In commit order, each a fast-forward of the one before; the newest commit is left for the spool case.
      const sha = w.shas.at(-1 - deployCallers.length + (i as number))!;
      const { run } = await call(source as CallerSource, {
        inputs: { environment: "production" },
        repositorySecrets: { DATABASE_URL: w.databaseUrl, SLACK_BOT_TOKEN: w.slack.token },
        environment: { HEROKU_API_KEY: w.herokuKey },
        sha,
      });
      expect(run.jobs.preview!.result, why(run)).toBe("success");
      for (const s of stepsOf(run, "preview"))
        expect(JSON.stringify([s.inputs, s.env]), `preview step ${s.id}`).not.toContain(w.herokuKey);
      expect(run.jobs.deploy!.result, why(run)).toBe("success");
      expect(step(run, "deploy", "deploy").inputs).toMatchObject({
        "heroku-api-key": w.herokuKey,
        "database-url": w.databaseUrl,
        "slack-token": w.slack.token,
      });
      expect(w.hk.api.liveCommitOf("shop-prod")).toBe(sha);
      expect(step(run, "deploy", "spool").outputs.found).toBe("false");
      expect(step(run, "deploy", "spool-upload").outcome).toBe("skipped");
      expect(run.artifacts).toEqual([]);
    },
  );

  it("deploy with the audit database refusing the outcome row: uploaded, named in the summary, replayed from the zip once", async () => {
    const [example] = callersOf("deploy-heroku.yml");
    const client = new pg.Client({ connectionString: w.databaseUrl });
    await client.connect();
    await client.query(`CREATE OR REPLACE FUNCTION prodgate_test_refuse_outcome() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.idempotency_key LIKE '%:completed' THEN RAISE EXCEPTION 'no space left on device'; END IF; RETURN NEW; END $$`);
    await client.query(
      "CREATE TRIGGER prodgate_test_refuse_outcome BEFORE INSERT ON console_audit_log FOR EACH ROW EXECUTE FUNCTION prodgate_test_refuse_outcome()",
    );
    let run: CallerRun;
    let runId: number;
    try {
      ({ run, runId } = await call(example!.source, {
        inputs: { environment: "production" },
        repositorySecrets: {
          HEROKU_API_KEY: w.herokuKey,
          DATABASE_URL: w.databaseUrl,
          SLACK_BOT_TOKEN: w.slack.token,
        },
        sha: w.shas.at(-1),
      }));
    } finally {
      await client.query("DROP TRIGGER IF EXISTS prodgate_test_refuse_outcome ON console_audit_log");
      await client.end();
    }
    expect(w.hk.api.liveCommitOf("shop-prod")).toBe(w.shas.at(-1));
    expect(step(run, "deploy", "deploy").outcome).toBe("failure");
    expect(run.jobs.deploy!.result).toBe("failure");
    expect(step(run, "deploy", "spool").outputs.found).toBe("true");
    expect(step(run, "deploy", "spool-upload").outcome, why(run)).toBe("success");
    const name = `prodgate-audit-spool-shop-prod-${runId}-1`;
    expect(run.artifacts.map((a) => a.name)).toEqual([name]);
    const summary = stepsOf(run, "deploy").find((s) => s.name === "Name the kept records in the summary")!;
    expect(summary.summary).toContain(`[\`${name}\`](${run.artifacts[0]!.url})`);

    const outcomeKey = (k: string) => k.startsWith(`run:${runId}:1:`) && k.endsWith(":completed");
    expect((await w.auditRows("shop-prod")).filter((r) => outcomeKey(r.idempotencyKey))).toEqual([]);
    const cwd = mkdtempSync(join(tmpdir(), "prodgate-replay-"));
    try {
      const env = { PATH: process.env.PATH, HOME: cwd, DATABASE_URL: w.databaseUrl };
      const files = Object.keys(run.artifacts[0]!.files).length;
      const first = await runCli(["audit", "replay", "--spool", run.artifacts[0]!.zip, "--json"], {
        cwd,
        env,
      });
      expect(first.status, first.stderr).toBe(0);
      expect(JSON.parse(first.stdout)).toEqual({ written: files, duplicates: 0, invalid: [] });
      const again = await runCli(["audit", "replay", "--spool", run.artifacts[0]!.zip, "--json"], {
        cwd,
        env,
      });
      expect(JSON.parse(again.stdout)).toEqual({ written: 0, duplicates: files, invalid: [] });
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
    const rows = (await w.auditRows("shop-prod")).filter((r) => outcomeKey(r.idempotencyKey));
    expect(rows.map((r) => r.outcome)).toEqual(["success"]);
  });

  const [rollbackCaller] = callersOf("rollback-heroku.yml");
  const rollbackSecrets = () => ({
    HEROKU_API_KEY: w.herokuKey,
    DATABASE_URL: w.databaseUrl,
    SLACK_BOT_TOKEN: w.slack.token,
  });

  it(`${rollbackCaller?.name}: each secret reaches its step; with the database up nothing is uploaded`, async () => {
    w.hk.api.addRelease("shop-prod", { commit: w.shas[4] });
    w.hk.api.addRelease("shop-prod", { commit: w.shas[5] });
    const { run } = await call(rollbackCaller!.source, {
      repositorySecrets: rollbackSecrets(),
      inputs: { release: "" },
    });
    expect(run.jobs.rollback!.result, why(run)).toBe("success");
    expect(w.hk.api.liveCommitOf("shop-prod")).toBe(w.shas[4]);
    expect(step(run, "rollback", "rollback").inputs).toMatchObject({ "heroku-api-key": w.herokuKey });
    expect(step(run, "rollback", "audit").inputs).toMatchObject({ "database-url": w.databaseUrl });
    expect(stepsOf(run, "rollback").find((s) => s.name === "Tell Slack")!.inputs).toMatchObject({
      token: w.slack.token,
    });
    expect(step(run, "rollback", "spool").outputs).toEqual({ count: "0", found: "false" });
    expect(step(run, "rollback", "spool-upload").outcome).toBe("skipped");
    expect(run.artifacts).toEqual([]);
  });

  it("rollback with the audit database down: the record is uploaded as an artifact, named in the summary, and replayed from its zip once", async () => {
    w.hk.api.addRelease("shop-prod", { commit: w.shas[6] });
    const down = "postgres://prodgate:pw@127.0.0.1:9/audit";
    const { run, runId } = await call(rollbackCaller!.source, {
      repositorySecrets: { ...rollbackSecrets(), DATABASE_URL: down },
      inputs: { release: "" },
    });
    // The kill switch worked; the audit step failed, and with it the job.
    expect(step(run, "rollback", "rollback").outcome).toBe("success");
    expect(step(run, "rollback", "audit").outcome).toBe("failure");
    expect(run.jobs.rollback!.result).toBe("failure");
    expect(step(run, "rollback", "spool").outputs).toEqual({ count: "1", found: "true" });
    const upload = step(run, "rollback", "spool-upload");
    expect(upload.outcome, why(run)).toBe("success");
    const name = `prodgate-audit-spool-shop-prod-${runId}-1`;
    expect(run.artifacts.map((a) => a.name)).toEqual([name]);
    const artifact = run.artifacts[0]!;
    expect(Object.keys(artifact.files)).toEqual([
      expect.stringMatching(/^audit-shop-prod-completed-[0-9a-f]{16}\.json$/),
    ]);
    expect(artifact.retentionDays).toBe(90);
    const summary = stepsOf(run, "rollback").find((s) => s.name === "Name the kept records in the summary")!;
    expect(summary.outcome).toBe("success");
    expect(summary.summary).toContain(`[\`${name}\`](${artifact.url})`);
    expect(summary.summary).toContain(`gh run download ${runId} --name ${name}`);
    expect(summary.summary).toContain(`prodgate audit replay --spool ${name}`);

    const key = `run:${runId}:1:rollback.production:shop-prod:completed`;
    const count = async () => (await w.auditRows("shop-prod")).filter((r) => r.idempotencyKey === key).length;
    expect(await count()).toBe(0);
    const cwd = mkdtempSync(join(tmpdir(), "prodgate-replay-"));
    try {
      const env = { PATH: process.env.PATH, HOME: cwd, DATABASE_URL: w.databaseUrl };
      const first = await runCli(["audit", "replay", "--spool", artifact.zip], { cwd, env });
      expect(first.stderr).toContain("1 written, 0 already there (the zip is left as it is)");
      expect(first.status).toBe(0);
      const second = await runCli(["audit", "replay", "--spool", artifact.zip, "--json"], { cwd, env });
      expect(second.status).toBe(0);
      expect(JSON.parse(second.stdout)).toEqual({ written: 0, duplicates: 1, invalid: [] });
      expect(await count()).toBe(1);
      const row = (await w.auditRows("shop-prod")).find((r) => r.idempotencyKey === key)!;
      expect(row).toMatchObject({ action: "rollback.production", outcome: "rolled_back" });
      // Not a zip, not there: a clear error naming the input, nothing written.
      writeFileSync(join(cwd, "notes.txt"), "hello");
      const bad = await runCli(["audit", "replay", "--spool", join(cwd, "notes.txt")], { cwd, env });
      expect(bad.status).toBe(2);
      expect(bad.stderr).toContain("Input 'spool' ");
      expect(bad.stderr).toContain("is neither a spool directory nor a zip of one");
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});

describe("status-sweep.yml as README.md calls it (secrets: inherit, shards)", () => {
  const world = new SweepWorld();
  const repo = mkdtempSync(join(tmpdir(), "prodgate-sweep-caller-"));
  const accessId = canary("access-id");
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let sha = "";
  const runs: CallerRun[] = [];

  beforeAll(async () => {
    await world.start();
    db = await freshDatabase("callers_sweep");
    world.herokuApp("callers-api");
    world.cloudflare.addDeployment(world.account, "callers-www", { status: "success" });
    writeFileSync(
      join(repo, "surfaces.yml"),
      `secret-env: [CF_ACCESS_CLIENT_ID, CF_ACCESS_CLIENT_SECRET]
surfaces:
  - id: api
    hostname: api.example.com
    provider: heroku
    heroku: { app: callers-api }
    health:
      url: ${world.sites.url}/secret
      headers: { X-Access: "\${CF_ACCESS_CLIENT_SECRET}", X-Access-Id: "\${CF_ACCESS_CLIENT_ID}" }
  - id: www
    hostname: www.example.com
    provider: cloudflare_pages
    cloudflare_pages: { account-id: ${world.account}, project: callers-www }
`,
    );
    const git = (...args: string[]) => spawnSync("git", args, { cwd: repo, encoding: "utf8" });
    git("init", "-q", "-b", "main", ".");
    git("add", ".");
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "registry");
    sha = git("rev-parse", "HEAD").stdout.trim();
  });
  afterAll(async () => {
    expectNoCanary([...Object.values(world.tokens), accessId, ...[db.url].map((u) => new URL(u).password)], {
      results: runs.flatMap((r) => r.order.flatMap((j) => j.steps.map((s) => s.result?.log ?? ""))),
      summaries: runs.flatMap((r) => r.order.flatMap((j) => j.steps.map((s) => s.summary ?? ""))),
      artifacts: runs.flatMap((r) => r.artifacts.map((a) => a.files)),
      slack: world.slack.messages,
    });
    for (const r of runs) rmSync(r.artifactsDir, { recursive: true, force: true });
    await db?.drop();
    await world.stop();
    rmSync(repo, { recursive: true, force: true });
  });

  it.each(callersOf("status-sweep.yml").map((c) => [c.name, c.source]))(
    "%s: every secret reaches the probes and the merge, and the surfaces that need them are healthy",
    async (_name, source) => {
      const repositorySecrets = {
        DATABASE_URL: db.url,
        HEROKU_API_KEY: world.tokens.heroku,
        CLOUDFLARE_API_TOKEN: world.tokens.cloudflare,
        SLACK_BOT_TOKEN: world.tokens.slack,
        SLACK_WEBHOOK_URL: world.slack.webhookUrl,
        CF_ACCESS_CLIENT_ID: accessId,
        CF_ACCESS_CLIENT_SECRET: world.tokens.header,
      };
      const { ACCESS_SECRET: _unused, ...env } = world.env as Record<string, string>;
      const run = await runCaller(source as CallerSource, {
        repositorySecrets,
        githubToken: world.tokens.github,
        github: { sha, event_name: "schedule", api_url: world.github.url },
        env: { ...env, GITHUB_REPOSITORY: "acme/shop" },
        checkoutFrom: repo,
      });
      runs.push(run);
      expect(run.inherit).toBe(true);
      const sweepJobs = run.order.filter((j) => j.result !== "skipped").map((j) => j.id);
      const probes = stepsOf(run, "probe").filter((s) => s.uses?.includes("actions/status-sweep"));
      const reports = [...stepsOf(run, "single"), ...stepsOf(run, "merge")].filter((s) => s.id === "sweep");
      expect(reports, why(run)).toHaveLength(1);
      for (const s of [...probes, ...(sweepJobs.includes("single") ? reports : [])]) {
        expect(s.inputs).toMatchObject({
          "heroku-api-key": world.tokens.heroku,
          "cloudflare-api-token": world.tokens.cloudflare,
        });
        expect(s.env).toMatchObject({
          CF_ACCESS_CLIENT_ID: accessId,
          CF_ACCESS_CLIENT_SECRET: world.tokens.header,
        });
      }
      expect(reports[0]!.inputs).toMatchObject({
        "database-url": db.url,
        "slack-bot-token": world.tokens.slack,
        "slack-webhook-url": world.slack.webhookUrl,
      });
      expect(
        run.order.every((j) => j.result !== "failure"),
        why(run),
      ).toBe(true);
      expect(reports[0]!.outputs.degraded, reports[0]!.result?.summary).toBe("false");
    },
  );
});

describe("rotation-sweep.yml as README.md calls it (secrets: inherit)", () => {
  const token = canary("github-token");
  const github = new GitHubApiFake({ token });
  const repo = mkdtempSync(join(tmpdir(), "prodgate-rotation-caller-"));
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let sha = "";

  beforeAll(async () => {
    await github.start();
    db = await freshDatabase("callers_rotation");
    writeFileSync(
      join(repo, "secrets.yml"),
      "secrets:\n  - name: SIGNING_CERT\n    vendor: apple\n    source: static\n    last-rotated-at: 2026-11-01\n    policy: { cadence-days: 365 }\n",
    );
    const git = (...args: string[]) => spawnSync("git", args, { cwd: repo, encoding: "utf8" });
    git("init", "-q", "-b", "main", ".");
    git("add", ".");
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "inventory");
    sha = git("rev-parse", "HEAD").stdout.trim();
  });
  afterAll(async () => {
    await github.stop();
    await db?.drop();
    rmSync(repo, { recursive: true, force: true });
  });

  it.each(callersOf("rotation-sweep.yml").map((c) => [c.name, c.source]))(
    "%s: every secret the README lists reaches the sweep step",
    async (_name, source) => {
      const repositorySecrets = {
        DATABASE_URL: db.url,
        SECRETS_READ_TOKEN: canary("secrets-read"),
        INFISICAL_TOKEN: canary("infisical"),
        CLOUDFLARE_API_TOKEN: canary("cf"),
        HEROKU_API_KEY: canary("heroku"),
        SLACK_BOT_TOKEN: `xoxb-${canary("slack")}`,
        SLACK_WEBHOOK_URL: "http://127.0.0.1:9/services/T0/B0/x",
      };
      const run = await runCaller(source as CallerSource, {
        repositorySecrets,
        githubToken: token,
        github: { sha, event_name: "schedule", api_url: github.url },
        env: { GITHUB_API_URL: github.url, GITHUB_REF_NAME: "main", GITHUB_REPOSITORY: "acme/shop" },
        checkoutFrom: repo,
      });
      rmSync(run.artifactsDir, { recursive: true, force: true });
      const sweep = step(run, "sweep", "sweep");
      expect(sweep.inputs).toMatchObject({
        "database-url": repositorySecrets.DATABASE_URL,
        "github-token": token,
        "github-secrets-token": repositorySecrets.SECRETS_READ_TOKEN,
        "infisical-token": repositorySecrets.INFISICAL_TOKEN,
        "cloudflare-api-token": repositorySecrets.CLOUDFLARE_API_TOKEN,
        "heroku-api-key": repositorySecrets.HEROKU_API_KEY,
        "slack-bot-token": repositorySecrets.SLACK_BOT_TOKEN,
        "slack-webhook-url": repositorySecrets.SLACK_WEBHOOK_URL,
      });
      expect(run.jobs.sweep!.result, why(run)).toBe("success");
      expectNoCanary(Object.values(repositorySecrets).slice(1, 6), { sweep: sweep.result });
    },
  );
});
