import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ACTIONS_BOT,
  environmentState,
  type FakeRepo,
  GitHubApiFake,
  missingUsers,
} from "../../src/sandbox/github-api.js";
import { canary, expectNoCanary } from "../support/canary.js";
import { repoRoot, runCli } from "../support/run-action.js";

/** `prodgate env setup` (the CLI bundle) against the GitHub fake: environment protection as code. */
describe("prodgate env setup", () => {
  const admin = canary("admin-token");
  const runToken = canary("run-token");
  const github = new GitHubApiFake();
  const outputs: string[] = [];
  let repo: FakeRepo;

  const setup = async (args: string[], token = admin) => {
    const r = await runCli(["env", "setup", "--repo", "acme/shop", ...args], {
      cwd: repoRoot,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        GITHUB_TOKEN: token,
        GITHUB_API_URL: github.url,
      },
    });
    outputs.push(r.stdout, r.stderr);
    return r;
  };
  const env = (name: string) => environmentState(repo).environments.get(name)!;

  beforeAll(async () => {
    github.addToken(admin, { login: "octo-admin" });
    github.addToken(runToken, { login: ACTIONS_BOT });
    await github.start();
    repo = github.repo("acme/shop");
    repo.chain(1);
    github.team("acme", "ops", ["carol"]);
  });
  afterAll(async () => {
    expectNoCanary([admin, runToken], { outputs });
    await github.stop();
  });

  it("creates the environment with reviewers, self-review prevented and one deploy branch", async () => {
    const r = await setup([
      "--environment",
      "production",
      "--reviewers",
      "alice,@acme/ops",
      "--prevent-self-review",
      "--branch",
      "main",
      "--json",
    ]);
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ environment: "production", repository: "acme/shop", changed: true });
    expect(out.changes).toEqual([
      "create the environment",
      "required reviewers → alice, @acme/ops",
      "prevent self-review → true",
      "deployment branches → selected branches only",
      "allow deploys from branch main",
    ]);
    expect(env("production")).toMatchObject({
      reviewers: [
        { type: "User", login: "alice" },
        { type: "Team", org: "acme", slug: "ops" },
      ],
      preventSelfReview: true,
      branchPolicy: { protected_branches: false, custom_branch_policies: true },
    });
    expect(env("production").branchPolicies.map((p) => p.name)).toEqual(["main"]);
  });

  it("running it again changes nothing (idempotent)", async () => {
    const before = JSON.stringify(env("production"));
    const puts = github.server.requests.filter((q) => q.method !== "GET").length;
    const r = await setup([
      "--environment",
      "production",
      "--reviewers",
      "alice,@acme/ops",
      "--prevent-self-review",
      "--branch",
      "main",
    ]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("already matches: nothing to change");
    expect(github.server.requests.filter((q) => q.method !== "GET").length).toBe(puts);
    expect(JSON.stringify(env("production"))).toBe(before);
  });

  it("changes only what differs: reviewers and the branch set", async () => {
    const dry = await setup([
      "--environment",
      "production",
      "--reviewers",
      "bob",
      "--branch",
      "release/*",
      "--dry-run",
    ]);
    expect(dry.status).toBe(0);
    expect(dry.stderr).toContain("would required reviewers → bob");
    expect(env("production").reviewers).toHaveLength(2);
    const r = await setup([
      "--environment",
      "production",
      "--reviewers",
      "bob",
      "--branch",
      "release/*",
      "--json",
    ]);
    expect(JSON.parse(r.stdout).changes).toEqual([
      "required reviewers → bob",
      "prevent self-review → false",
      "allow deploys from branch release/*",
      "no longer allow deploys from branch main",
    ]);
    expect(env("production").reviewers).toEqual([{ type: "User", login: "bob" }]);
    expect(env("production").branchPolicies.map((p) => p.name)).toEqual(["release/*"]);
  });

  it("refuses a login GitHub does not know, too many reviewers, and a run's GITHUB_TOKEN, saying why", async () => {
    missingUsers(github).add("nobody-here");
    const unknown = await setup(["--environment", "staging", "--reviewers", "nobody-here"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain(
      "Input '--reviewers' names nobody-here, but GitHub has no user by that login",
    );
    const many = await setup(["--environment", "staging", "--reviewers", "a1,a2,a3,a4,a5,a6,a7"]);
    expect(many.status).toBe(2);
    expect(many.stderr).toContain("names 7 reviewers; GitHub allows at most 6");
    const denied = await setup(["--environment", "staging", "--reviewers", "alice"], runToken);
    expect(denied.status).toBe(1);
    expect(denied.stderr).toContain("needs a token that administers the repository");
    expect(environmentState(repo).environments.has("staging")).toBe(false);
  });
});
