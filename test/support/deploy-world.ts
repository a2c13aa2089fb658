import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { FakeServer } from "../../src/sandbox/fake-server.js";
import {
  environmentState,
  type FakeRepo,
  fakeEnvironment,
  GitHubApiFake,
  importCommits,
  reviewRun,
} from "../../src/sandbox/github-api.js";
import { SlackFake } from "../../src/sandbox/slack-api.js";
import { AuditStore, type StoredAuditRow } from "../../src/store/audit.js";
import { databaseUrlSecrets } from "../../src/store/db.js";
import { git, type HerokuSandbox, makeRepo, removeDir, seedHeroku, startHeroku, tempDir } from "./heroku.js";

/**
 * Everything a gated deploy talks to, on loopback: the Heroku Platform API and git endpoint, GitHub (with the
 * commits of a real git repository mirrored into it, environments and run reviews), Slack, per-app health
 * endpoints, and a fresh Postgres database. Shared by the deploy tests, the workflow test and the benchmark.
 */
export interface DeployWorld {
  herokuKey: string;
  /** A read-only Heroku OAuth token (scope read): it reads releases and can change nothing. */
  herokuPreviewToken: string;
  githubToken: string;
  slack: SlackFake;
  hk: HerokuSandbox;
  github: GitHubApiFake;
  repo: FakeRepo;
  health: FakeServer;
  /** Status each app's /health answers (default 200). */
  healthStatus: Map<string, number>;
  databaseUrl: string;
  dir: string;
  /** The real git repository; its commits are in the GitHub fake too. */
  src: string;
  shas: string[];
  /** GITHUB_API_URL, HEROKU_API_URL, HEROKU_GIT_URL, SLACK_API_URL of the fakes. */
  env: Record<string, string>;
  /** A Heroku app whose web URL serves /health from `health`, running `sha` (pushed by git). */
  app(name: string, sha?: string): Promise<void>;
  /** A full clone of the repository checked out at `sha` (what actions/checkout with fetch-depth 0 makes). */
  checkout(sha: string): string;
  /** The production environment with reviewers, and an approval of run `runId` by `reviewer`. */
  approve(runId: number, environment?: string, reviewer?: string): void;
  auditRows(target: string): Promise<StoredAuditRow[]>;
  /** Every secret planted: tokens, keys and the database password. */
  secrets(): string[];
  stop(): Promise<void>;
}

/** Like test/support/canary.ts's, without importing vitest (the benchmark uses this world too). */
function canary(label: string): string {
  return `canary-${label}-${randomBytes(12).toString("hex")}`;
}

/** `databaseUrl`: use that database (the benchmark's) instead of a fresh clone of the test template. */
export async function startDeployWorld(
  opts: { commits?: number; reviewers?: string[]; databaseUrl?: string } = {},
): Promise<DeployWorld> {
  const herokuKey = canary("heroku-key");
  const githubToken = canary("github-token");
  const slack = await new SlackFake({ token: `xoxb-${canary("slack")}` }).start();
  const hk = await startHeroku(herokuKey);
  const herokuPreviewToken = canary("heroku-read");
  hk.api.readTokens.add(herokuPreviewToken);
  const github = await new GitHubApiFake({ token: githubToken }).start();
  const healthStatus = new Map<string, number>();
  const health = new FakeServer("health");
  health.route("GET", "/:app/health", (req) => {
    const status = healthStatus.get(req.params.app ?? "") ?? 200;
    return { status, body: status === 200 ? { status: "ok" } : { status: "down" } };
  });
  await health.start();
  const db = opts.databaseUrl
    ? { url: opts.databaseUrl, drop: async () => {} }
    : await (await import("./db.js")).freshDatabase("deploy");
  const dir = tempDir("deploy-world");
  const src = join(dir, "src");
  const shas = makeRepo(src, opts.commits ?? 12);
  const repo = github.repo("acme/shop");
  const log = git(src, "log", "--reverse", "--format=%H%x01%P%x01%s", "main").split("\n");
  importCommits(
    repo,
    log.map((line) => {
      const [sha, parents, subject] = line.split("\x01");
      return {
        sha: sha!,
        parents: parents ? parents.split(" ") : [],
        message: subject ?? "",
        author: "alice",
      };
    }),
  );
  fakeEnvironment(repo, "production", {
    reviewers: opts.reviewers ?? ["alice", "@acme/ops"],
    branches: ["main"],
  });
  github.team("acme", "ops", ["carol"]);
  const stores: AuditStore[] = [];
  let checkouts = 0;
  const world: DeployWorld = {
    herokuKey,
    herokuPreviewToken,
    githubToken,
    slack,
    hk,
    github,
    repo,
    health,
    healthStatus,
    databaseUrl: db.url,
    dir,
    src,
    shas,
    env: {
      GITHUB_API_URL: github.url,
      SLACK_API_URL: slack.apiUrl,
      ...hk.env,
    },
    async app(name, sha) {
      hk.api.createApp(name, { webUrl: `${health.url}/${name}/` });
      if (sha) await seedHeroku(hk.gitServer, herokuKey, src, name, sha);
    },
    checkout(sha) {
      const work = join(dir, `checkout-${++checkouts}`);
      git(dir, "clone", "--quiet", src, work);
      git(work, "checkout", "--quiet", "--detach", sha);
      return work;
    },
    approve(runId, environment = "production", reviewer = "alice") {
      if (!environmentState(repo).environments.has(environment.toLowerCase()))
        fakeEnvironment(repo, environment, { reviewers: [reviewer], branches: ["main"] });
      reviewRun(repo, runId, environment, reviewer, { comment: "ship it", headSha: shas.at(-1) });
    },
    async auditRows(target) {
      const store = await AuditStore.open(db.url, { migrate: false });
      stores.push(store);
      return (await store.read({ target })).reverse();
    },
    secrets() {
      const password = new URL(db.url).password;
      return [
        herokuKey,
        herokuPreviewToken,
        githubToken,
        slack.token,
        ...databaseUrlSecrets(db.url),
        decodeURIComponent(password),
      ];
    },
    async stop() {
      for (const s of stores) await s.close();
      await Promise.all([slack.stop(), hk.stop(), github.stop(), health.stop()]);
      await db.drop();
      removeDir(dir);
    },
  };
  return world;
}
