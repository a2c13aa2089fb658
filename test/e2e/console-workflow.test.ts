import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../support/db.js";
import { SweepWorld } from "../support/status-sweep-world.js";
import { type CallerRun, runCaller } from "../support/workflow-runner.js";

/**
 * The reusable status-sweep workflow with `console: true`, run by GitHub's parser and expression engine
 * against loopback fakes: the single job and the merge job of a sharded sweep each build the console and keep
 * it as the `console` artifact; the Pages upload stays off unless `pages: true`.
 */
describe("status-sweep.yml with console: true", () => {
  const world = new SweepWorld();
  const repo = mkdtempSync(join(tmpdir(), "prodgate-console-caller-"));
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let sha = "";
  const runs: CallerRun[] = [];

  beforeAll(async () => {
    await world.start();
    db = await freshDatabase("console_wf");
    writeFileSync(
      join(repo, "surfaces.yml"),
      `surfaces:
  - { id: api, hostname: api.example.com, provider: http, health: { url: "${world.sites.url}/ok" } }
  - { id: docs, hostname: docs.example.com, provider: http, health: { url: "${world.sites.url}/ok" } }
`,
    );
    const git = (...args: string[]) => spawnSync("git", args, { cwd: repo, encoding: "utf8" });
    git("init", "-q", "-b", "main", ".");
    git("add", ".");
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "registry");
    sha = git("rev-parse", "HEAD").stdout.trim();
  });
  afterAll(async () => {
    for (const r of runs) rmSync(r.artifactsDir, { recursive: true, force: true });
    await db?.drop();
    await world.stop();
    rmSync(repo, { recursive: true, force: true });
  });

  it.each([1, 2])("keeps the console as an artifact (shards: %i)", async (shards) => {
    const yaml = `on: { schedule: [{ cron: "*/5 * * * *" }] }
jobs:
  sweep:
    uses: prodgate/prodgate/.github/workflows/status-sweep.yml@v1
    permissions: { contents: read, actions: read, issues: write }
    with: { registry: surfaces.yml, expected-interval: 5m, shards: ${shards}, console: true, issues: false }
    secrets: inherit
`;
    const run = await runCaller(
      { name: `console-${shards}`, yaml },
      {
        repositorySecrets: { DATABASE_URL: db.url },
        githubToken: world.tokens.github,
        github: { sha, event_name: "schedule", api_url: world.github.url },
        env: { ...(world.env as Record<string, string>), GITHUB_REPOSITORY: "acme/shop" },
        checkoutFrom: repo,
      },
    );
    runs.push(run);
    const failed = run.order.filter((j) => j.result === "failure").map((j) => `${j.id}: ${j.error ?? ""}`);
    expect(failed).toEqual([]);
    const job = shards > 1 ? "merge" : "single";
    const steps = run.order.filter((j) => j.id === job).flatMap((j) => j.steps);
    expect(steps.find((s) => s.id === "sweep")?.outputs["console-dir"]).toMatch(/console$/);
    expect(steps.find((s) => s.id === "pages")?.outcome).toBe("skipped");
    const artifact = run.artifacts.find((a) => a.name === "console");
    expect(artifact, run.artifacts.map((a) => a.name).join(", ")).toBeDefined();
    const names = Object.keys(artifact!.files).sort();
    expect(names).toEqual(
      expect.arrayContaining(["index.html", "sites/api.html", "sites/docs.html", "feed.xml"]),
    );
    expect(artifact!.files["index.html"]).toContain('data-surface="docs" data-state="healthy"');
  });
});
