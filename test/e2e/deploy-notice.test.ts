import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakePull, type FakeRepo, GitHubApiFake } from "../../src/sandbox/github-api.js";
import { registerPullFilesRoute } from "../../src/sandbox/github-pulls-fake.js";
import { canary, expectNoCanary } from "../support/canary.js";
import { type ActionResult, runAction } from "../support/run-action.js";

const PROJECTS = `
- project: docs
  domain: docs.raxx.app
  paths: [docs/**, "*.md", "!docs/drafts/**"]
- project: console-static
  domain: console.raxx.app
  paths: console/static/**
- project: marketing
  domain: raxx.app
  paths: [marketing/**]
`;

describe("deploy-notice action (dist bundle under Node 24)", () => {
  const token = canary("github-token");
  const github = new GitHubApiFake({ token });
  registerPullFilesRoute(github);
  const runs: ActionResult[] = [];
  let repo: FakeRepo;
  let touching: FakePull;
  let elsewhere: FakePull;
  let draftsOnly: FakePull;

  const notice = async (inputs: Record<string, string>, event: unknown = {}, eventName = "pull_request") => {
    const r = await runAction("deploy-notice", {
      inputs: { "github-token": token, projects: PROJECTS, ...inputs },
      env: { GITHUB_API_URL: github.url },
      event,
      eventName,
    });
    runs.push(r);
    return r;
  };
  const commentsOn = (pr: FakePull) => repo.issueComments.filter((c) => c.issue === pr.number);
  const branch = (name: string, files: string[]) => {
    const from = repo.branches.get("main")!;
    repo.branches.set(name, from);
    let sha = from;
    for (const f of files)
      sha = repo.commit({ files: [{ filename: f, status: "modified", additions: 1 }] }, name);
    return sha;
  };

  beforeAll(async () => {
    await github.start();
    repo = github.repo("acme/shop");
    repo.chain(3);
    touching = repo.pull({
      headRef: "docs-and-styles",
      headSha: branch("docs-and-styles", [
        "docs/guide/intro.md",
        "README.md",
        "console/static/app.css",
        "src/app.ts",
      ]),
    });
    elsewhere = repo.pull({
      headRef: "api-only",
      headSha: branch("api-only", ["src/api.ts", "test/api.test.ts"]),
    });
    draftsOnly = repo.pull({ headRef: "drafts", headSha: branch("drafts", ["docs/drafts/next.html"]) });
  });
  afterAll(async () => {
    await github.stop();
    expectNoCanary([token], {
      ...Object.fromEntries(runs.map((r, i) => [`run${i}`, r])),
      comments: repo.issueComments.map((c) => c.body),
    });
  });

  it("puts one comment on a pull request touching configured paths, naming each project and domain", async () => {
    const r = await notice({}, { pull_request: { number: touching.number, base: { ref: "main" } } });
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.masks).toContain(token);
    expect(r.outputs).toMatchObject({
      affected: "true",
      projects: "docs,console-static",
      domains: "docs.raxx.app,console.raxx.app",
    });
    const comments = commentsOn(touching);
    expect(comments).toHaveLength(1);
    expect(r.outputs["comment-url"]).toContain(`#issuecomment-${comments[0]!.id}`);
    const body = comments[0]!.body;
    expect(body).toContain("### 🚀 Will deploy to **docs.raxx.app**, **console.raxx.app** on merge");
    expect(body).toContain("| docs | docs.raxx.app | 2: `docs/guide/intro.md`, `README.md` |");
    expect(body).toContain("| console-static | console.raxx.app | 1: `console/static/app.css` |");
    expect(body).not.toContain("marketing");
    expect(body).toContain("This is a notice, not a gate");
  });

  it("a second run leaves the one comment as it is", async () => {
    const before = commentsOn(touching).map((c) => [c.id, c.body]);
    const r = await notice({ "pull-request": String(touching.number) }, {}, "workflow_dispatch");
    expect(r.errors).toEqual([]);
    expect(commentsOn(touching).map((c) => [c.id, c.body])).toEqual(before);
    expect(r.log).toContain("Deploy notice unchanged");
  });

  it("never edits a comment someone else wrote, even one that carries the notice's marker", async () => {
    const copied = commentsOn(touching)[0]!.body;
    const forged = repo.comment(touching.number, "mallory", copied);
    const r = await notice({
      "pull-request": String(touching.number),
      projects: PROJECTS.replace("raxx.app\n  paths: [marketing", "raxx.app\n  paths: [src"),
    });
    expect(r.errors).toEqual([]);
    expect(repo.issueComments.find((c) => c.id === forged.id)?.body).toBe(copied);
    const mine = commentsOn(touching).filter((c) => c.user === "github-actions[bot]");
    expect(mine).toHaveLength(1);
    expect(mine[0]!.body).toContain("| marketing | raxx.app | 1: `src/app.ts` |");
  });

  it("a pull request touching no project gets no comment; excluded paths do not count", async () => {
    for (const pr of [elsewhere, draftsOnly]) {
      const r = await notice({ "pull-request": String(pr.number) });
      expect(r.errors).toEqual([]);
      expect(r.outputs).toMatchObject({ affected: "false", projects: "", domains: "", "comment-url": "" });
      expect(commentsOn(pr)).toHaveLength(0);
    }
  });

  it("when a notice no longer applies, the comment says so instead of staying wrong", async () => {
    const r = await notice({
      "pull-request": String(touching.number),
      projects: "- {project: blog, domain: blog.raxx.app, paths: [blog/**]}",
    });
    expect(r.errors).toEqual([]);
    const mine = commentsOn(touching).filter((c) => c.user === "github-actions[bot]");
    expect(mine).toHaveLength(1);
    expect(mine[0]!.body).toContain(
      "no longer touches the paths of any project that deploys on merge to `main`",
    );
  });

  it.each([
    [{ projects: "" }, "Input 'projects' is required: a list of {project, domain, paths}"],
    [{ projects: "docs: docs/**" }, "Input 'projects' must be a YAML list of {project, domain, paths}"],
    [{ projects: "- {project: docs, paths: [docs/**]}" }, "Input 'projects' entry 1 (docs) needs a domain"],
    [
      { projects: "- {project: docs, domain: 'https://docs.x'}" },
      "Input 'projects' entry 1 (docs): domain must be a host name like docs.example.com; got 'https://docs.x'",
    ],
    [
      { projects: "- {project: docs, domain: docs.x, path: docs/**}" },
      "Input 'projects' entry 1 has an unknown field 'path' (project, domain, paths)",
    ],
    [{ "pull-request": "abc" }, "Input 'pull-request' must be a pull request number; got 'abc'"],
    [{}, "Input 'pull-request' is required outside pull_request events (this run is push)"],
  ])("refuses bad input %j before calling GitHub", async (inputs, message) => {
    const before = github.server.requests.length;
    const r = await notice(inputs as Record<string, string>, {}, "push");
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([message]);
    expect(github.server.requests.length).toBe(before);
  });

  it("names a number that is not a pull request", async () => {
    const r = await notice({ "pull-request": "999" });
    expect(r.code).toBe(1);
    expect(r.errors[0]).toMatch(/#999 is not a pull request of acme\/shop/);
  });
});
