import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeRepo, GitHubApiFake } from "../../src/sandbox/github-api.js";
import { HerokuApiFake } from "../../src/sandbox/heroku-api.js";
import { canary, expectNoCanary } from "../support/canary.js";
import { type ActionResult, runAction } from "../support/run-action.js";

describe("diff-preview action (dist bundle under Node 24)", () => {
  const token = canary("github-token");
  const apiKey = canary("heroku-key");
  const github = new GitHubApiFake({ token });
  const heroku = new HerokuApiFake({ apiKey });
  let repo: FakeRepo;
  let main: string[];
  let hotfix: string[];

  const preview = (
    inputs: Record<string, string | number | boolean | undefined>,
    env: Record<string, string> = {},
  ) =>
    runAction("diff-preview", {
      inputs: { "github-token": token, "heroku-api-key": apiKey, ...inputs },
      env: {
        GITHUB_API_URL: github.url,
        HEROKU_API_URL: heroku.url,
        GITHUB_SHA: main.at(-1)!,
        ...env,
      },
    });

  /** An app whose live release runs `sha`. */
  const app = (name: string, sha?: string) => {
    heroku.createApp(name);
    if (sha) heroku.addRelease(name, { commit: sha });
    return name;
  };

  const noSecrets = (r: ActionResult) => {
    expect(r.masks).toEqual(expect.arrayContaining([token, apiKey]));
    const comments = [...repo.issueComments, ...repo.commitComments].map((c) => c.body);
    expectNoCanary([token, apiKey], { run: r, comments });
  };

  beforeAll(async () => {
    await Promise.all([github.start(), heroku.start()]);
    repo = github.repo("acme/shop");
    main = repo.chain(3_040, {
      message: (i) => (i % 7 === 0 ? `Refactor module ${i} | with a pipe\n\nDetails` : `Change ${i}`),
    });
    hotfix = repo.chain(2, { branch: "hotfix", from: main[3_030]!, author: "bob" });
  });
  afterAll(() => Promise.all([github.stop(), heroku.stop()]));

  it("ahead: outputs, a bounded summary with banner and links, and a PR comment", async () => {
    const name = app("shop-ahead", main[3_025]!);
    const pr = repo.pull({ headRef: "release", headSha: main.at(-1)! });
    const r = await preview({ app: name, ref: "main" });
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs).toEqual({
      "from-sha": main[3_025],
      "previewed-from": main[3_025],
      "to-sha": main.at(-1),
      status: "ahead",
      "commit-count": "14",
      ahead: "14",
      behind: "0",
      "is-rollback": "false",
      "first-deploy": "false",
    });
    expect(r.summary).toMatch(/^## 🔴 TARGET: PRODUCTION · shop-ahead$/m);
    expect(r.summary).toContain(
      `**From** [\`${main[3_025]!.slice(0, 7)}\`](https://github.com/acme/shop/commit/${main[3_025]}) (live, release v2) → **to** [\`${main.at(-1)!.slice(0, 7)}\`](https://github.com/acme/shop/commit/${main.at(-1)}) (\`main\`)`,
    );
    expect(r.summary).toContain("### Commits that ship (14)");
    expect(r.summary).toContain("Refactor module 3031 \\| with a pipe");
    expect(r.summary).toMatch(/### Changed files: \d+, \+[\d,]+ −[\d,]+/);
    expect(r.log).toContain("14 commits will ship to shop-ahead (production).");
    const comments = repo.issueComments.filter((c) => c.issue === pr.number);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toMatch(
      /^<!-- prodgate:sticky shop-ahead@production -->\n## 🔴 TARGET: PRODUCTION/,
    );
    noSecrets(r);
  });

  it("updates the same sticky comment on a second run, never a duplicate", async () => {
    const name = app("shop-sticky", main[3_020]!);
    const pr = repo.pull({ headRef: "sticky", headSha: main[3_035]! });
    const first = await preview({ app: name, ref: main[3_035]!, comment: "pr" });
    expect(first.code, first.stdout).toBe(0);
    const [created] = repo.issueComments.filter((c) => c.issue === pr.number);
    heroku.addRelease(name, { commit: main[3_030]! });
    const second = await preview({ app: name, ref: main[3_035]!, comment: "pr" });
    expect(second.code).toBe(0);
    expect(second.log).toMatch(/Preview comment updated on pull request #\d+/);
    const after = repo.issueComments.filter((c) => c.issue === pr.number);
    expect(after).toHaveLength(1);
    expect(after[0]!.id).toBe(created!.id);
    expect(after[0]!.body).toContain("### Commits that ship (5)");
    expect(after[0]!.body).toContain("(live, release v3)");
  });

  it("identical: says there is nothing to ship, and fails only with fail-on-empty", async () => {
    const name = app("shop-same", main[3_010]!);
    const ok = await preview({ app: name, ref: main[3_010]!, comment: "none" });
    expect(ok.code).toBe(0);
    expect(ok.outputs).toMatchObject({ status: "identical", "commit-count": "0", ahead: "0", behind: "0" });
    expect(ok.summary).toMatch(/> \[!NOTE\]\n> Nothing to ship: shop-same \(production\) already runs/);
    const strict = await preview({ app: name, ref: main[3_010]!, comment: "none", "fail-on-empty": true });
    expect(strict.code).toBe(1);
    expect(strict.errors).toEqual([
      `Nothing to ship: shop-same (production) already runs ${main[3_010]!.slice(0, 7)}. (fail-on-empty is true)`,
    ]);
    expect(strict.outputs.status).toBe("identical");
  });

  it("behind: a loud rollback warning, the commits it removes, a commit comment when no PR has the SHA", async () => {
    const name = app("shop-back", main[3_039]!);
    const r = await preview({ app: name, ref: main[3_030]!, environment: "staging" });
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({
      status: "behind",
      "is-rollback": "true",
      ahead: "0",
      behind: "9",
      "commit-count": "0",
    });
    expect(r.warnings.join("\n")).toContain(
      "ROLLBACK: the target is 9 commits BEHIND what shop-back (staging) runs now; deploying it removes them.",
    );
    expect(r.summary).toMatch(/^## 🟡 TARGET: STAGING · shop-back$/m);
    expect(r.summary).toContain("> [!CAUTION]");
    expect(r.summary).toContain("### Commits live now that this deploy removes (9)");
    const onCommit = repo.commitComments.filter((c) => c.commit === main[3_030]);
    expect(onCommit).toHaveLength(1);
    expect(onCommit[0]!.body).toMatch(/^<!-- prodgate:sticky shop-back@staging -->/);
  });

  it("diverged: live came from another branch", async () => {
    const name = app("shop-fork", hotfix.at(-1)!);
    const r = await preview({ app: name, ref: main.at(-1)!, comment: "none" });
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ status: "diverged", ahead: "9", behind: "2", "is-rollback": "false" });
    expect(r.warnings.join("\n")).toMatch(/DIVERGED: .* 9 commits ship and 2 live commits disappear/);
    expect(r.summary).toContain("### Commits live now that this deploy removes (2)");
  });

  it("unknown: a live SHA the repository does not have is named, not a crash", async () => {
    const stranger = "0123456789abcdef0123456789abcdef01234567";
    const name = app("shop-alien", stranger);
    const r = await preview({ app: name, ref: "main", comment: "none" });
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ status: "unknown", "from-sha": stranger, "commit-count": "0" });
    expect(r.warnings.join("\n")).toContain(
      "UNKNOWN: the SHA live on shop-alien (production) (0123456) is not in acme/shop (GitHub: Not Found); what changes cannot be listed.",
    );
  });

  it("first deploy: nothing live yet, the history counted exactly", async () => {
    const name = app("shop-new");
    const r = await preview({ app: name, ref: main[1_999]!, comment: "none", "max-commits": 5 });
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs).toMatchObject({
      status: "first-deploy",
      "first-deploy": "true",
      "from-sha": "",
      "commit-count": "2000",
    });
    expect(r.summary).toContain("**From** _nothing live yet_");
    expect(r.summary).toContain("_…and 1,995 more commits._");
  });

  it("a 3,000-commit range: counted right, preview bounded", async () => {
    const compares = () => github.server.requestsTo("GET", "/repos/:owner/:repo/compare/:basehead").length;
    const before = compares();
    const r = await preview({ "from-sha": main[39]!, ref: "main", app: "shop-big", comment: "commit" });
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs).toMatchObject({ status: "ahead", "commit-count": "3000", ahead: "3000" });
    const rows = r.summary.split("\n").filter((l) => l.startsWith("| [`"));
    expect(rows).toHaveLength(50);
    expect(rows[0]).toContain(main.at(-1)!.slice(0, 7));
    expect(r.summary).toContain("_…and 2,950 more commits · [full comparison]");
    expect(Buffer.byteLength(r.summary)).toBeLessThan(64 * 1024);
    const comment = repo.commitComments.find((c) => c.commit === main.at(-1) && c.body.includes("shop-big"));
    expect(comment?.body.length).toBeLessThan(64 * 1024);
    // Only the first and last pages of the comparison were read, not every page between.
    expect(compares() - before).toBeLessThanOrEqual(2);
  });

  it("from-sha alone needs no Heroku key", async () => {
    const r = await preview({
      "from-sha": main[3_000]!.slice(0, 10),
      ref: "main",
      "heroku-api-key": "",
      comment: "none",
    });
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs).toMatchObject({ status: "ahead", "from-sha": main[3_000], ahead: "39" });
  });

  it("without a Heroku credential, the live SHA is GitHub's newest successful deployment, and the deploy is told so", async () => {
    const none = await preview({ app: "shop-nokey", ref: "main", "heroku-api-key": "", comment: "none" });
    expect(none.code, none.stdout).toBe(0);
    // Nothing says what is live: a first-deploy preview whose from-SHA the deploy cannot compare.
    expect(none.outputs).toMatchObject({ status: "first-deploy", "from-sha": "", "previewed-from": "" });
    const d = repo.deployment({ sha: main[3_010]!, environment: "production" });
    d.statuses.push({
      id: 1,
      state: "success",
      description: "",
      environment: "production",
      environmentUrl: "",
      logUrl: "",
      creator: "github-actions[bot]",
      createdAt: "2026-01-01T00:00:00Z",
    });
    const r = await preview({ app: "shop-nokey", ref: "main", "heroku-api-key": "", comment: "none" });
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs).toMatchObject({
      status: "ahead",
      "from-sha": main[3_010],
      "previewed-from": main[3_010],
    });
    expect(r.log).toContain("Live SHA from GitHub's newest successful deployment to production");
  });

  it("a 403 on the comment names the permission; the summary is still written", async () => {
    const weak = canary("weak-token");
    github.addToken(weak).setPermission(weak, "contents", "read");
    const r = await preview({
      "github-token": weak,
      "from-sha": main[3_000]!,
      ref: main[3_001]!,
      comment: "commit",
    });
    expect(r.code).toBe(1);
    expect(r.errors.join("\n")).toContain(
      "GitHub answered 403: Resource not accessible by integration. The token needs `contents: write` to comment on commits",
    );
    expect(r.summary).toContain("### Commits that ship (1)");
    expect(r.outputs.status).toBe("ahead");
    expectNoCanary([weak, apiKey], { run: r });
  });

  it("a ref the repository does not have is named", async () => {
    const r = await preview({ "from-sha": main[1]!, ref: "no-such-branch", comment: "none" });
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([
      "Input 'ref' 'no-such-branch' names no branch, tag or commit in acme/shop: push it, or check the name",
    ]);
  });

  it("a Heroku key that does not work fails clearly without echoing it", async () => {
    const wrong = canary("wrong-key");
    const r = await preview({ app: "shop-ahead", "heroku-api-key": wrong, comment: "none" });
    expect(r.code).toBe(1);
    expect(r.errors.join("\n")).toMatch(/Heroku/);
    expectNoCanary([wrong, token], { run: r });
  });

  it.each([
    [
      { app: "", "from-sha": "" },
      "Input 'app' is required to read the live release, unless from-sha is given",
    ],
    [{ "from-sha": "xyz" }, "Input 'from-sha' must be a git commit SHA; got 'xyz'"],
    [{ "from-sha": "abcdef1", "max-commits": 500 }, "Input 'max-commits' must be from 0 to 250; got 500"],
    [
      { "from-sha": "abcdef1", comment: "slack" },
      "Input 'comment' must be one of auto, pr, commit, none; got 'slack'",
    ],
    [{ "from-sha": "abcdef1", ref: "a..b" }, "Input 'ref' must be a branch, tag or commit SHA; got 'a..b'"],
    [
      { "from-sha": "abcdef1", "fail-on-empty": "maybe" },
      "Input 'fail-on-empty' must be true or false; got 'maybe'",
    ],
  ])("rejects bad input %j at once", async (inputs, message) => {
    const r = await preview(inputs);
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([message]);
    expect(r.outputs).toEqual({});
  });
});
