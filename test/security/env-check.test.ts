import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionsState, type FakeRepo, fakeEnvironment, GitHubApiFake } from "../../src/sandbox/github-api.js";
import { putRepoFile, repoFiles } from "../../src/sandbox/github-gate-fake.js";
import { canary, expectNoCanary } from "../support/canary.js";
import { repoRoot, runCli } from "../support/run-action.js";

/**
 * `prodgate env check` (the CLI bundle under Node 24) against the GitHub fake: every weakness of a deploy
 * environment that GitHub shows is reported, and the exit code is 1 while any remains.
 */
describe("security: prodgate env check", () => {
  const token = canary("admin-token");
  const github = new GitHubApiFake();
  const outputs: string[] = [];
  let repo: FakeRepo;

  const check = async (environment: string) => {
    const r = await runCli(["env", "check", "--repo", "acme/shop", "--environment", environment, "--json"], {
      cwd: repoRoot,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        GITHUB_TOKEN: token,
        GITHUB_API_URL: github.url,
      },
    });
    outputs.push(r.stdout, r.stderr);
    return { ...r, ids: (JSON.parse(r.stdout || "{}").findings ?? []).map((f: { id: string }) => f.id) };
  };

  const secret = (name: string) => ({
    name,
    createdAt: "2026-01-01T00:00:00Z",
    updatedAt: "2026-01-01T00:00:00Z",
  });

  beforeAll(async () => {
    github.addToken(token, { login: "octo-admin" });
    await github.start();
    repo = github.repo("acme/shop");
    repo.chain(1);
  });
  afterAll(async () => {
    expectNoCanary([token], { outputs: outputs.join("\n") });
    await github.stop();
  });

  it("reports each weakness an attacker with write access would use, and exits 1", async () => {
    fakeEnvironment(repo, "production", { reviewers: ["alice"] });
    actionsState(repo).secrets.push(secret("HEROKU_API_KEY"));
    const r = await check("production");
    expect(r.status).toBe(1);
    expect(r.ids).toEqual([
      "self-review",
      "any-branch",
      "key-in-repository",
      "key-not-in-environment",
      "no-policy",
    ]);
    expect(r.stderr).toContain(
      "HEROKU_API_KEY is a repository secret, so any workflow on any branch can read it",
    );
    expect(r.stderr).toContain("any branch may deploy to 'production'");
    expect(r.stderr).toContain("5 weaknesses");
  });

  it("a missing environment, and one with no reviewers, say how to fix them", async () => {
    expect((await check("prod-eu")).ids).toContain("no-environment");
    fakeEnvironment(repo, "open", { branches: ["main"] });
    expect((await check("open")).ids).toContain("no-reviewers");
  });

  it("an invalid policy file is a weakness, not a pass", async () => {
    putRepoFile(repo, ".github/prodgate.yml", "environments:\n  production:\n    approvres: [alice]\n");
    try {
      const r = await check("production");
      expect(r.ids).toContain("bad-policy");
      expect(r.stderr).toContain("approvres: is not a known field");
    } finally {
      repoFiles(repo).delete(".github/prodgate.yml");
    }
  });

  it("exits 0 once the environment is as strong as GitHub allows", async () => {
    fakeEnvironment(repo, "production", {
      reviewers: ["alice"],
      preventSelfReview: true,
      branches: ["main"],
    });
    const state = actionsState(repo);
    state.secrets = state.secrets.filter((s) => s.name !== "HEROKU_API_KEY");
    state.environments.set("production", [secret("HEROKU_API_KEY")]);
    putRepoFile(repo, ".github/prodgate.yml", "environments:\n  production:\n    approvers: [alice]\n");
    const r = await check("production");
    expect(r.ids).toEqual([]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("no weakness found");
  });
});
