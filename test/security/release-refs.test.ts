import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../support/run-action.js";

/**
 * Attack: a release's reusable workflows call prodgate's own actions by a tag that moves (`@v1`) or a branch
 * (`@main`), so whoever can move that tag or push that branch changes what every caller pinned to the release
 * runs, and the deploy key goes with it. `npm run release -- vX.Y.Z` pins every internal reference of the
 * release to the exact tag. The release is made in a clone of this repository, whose origin is a bare copy:
 * nothing is pushed there, and the working tree and branch are left as they were.
 */
describe("security: a release holds no internal reference that moves", () => {
  const temp = mkdtempSync(join(tmpdir(), "prodgate-release-"));
  const origin = join(temp, "origin.git");
  const work = join(temp, "work");
  const script = join(repoRoot, "scripts/release.mjs");
  const env = {
    PATH: process.env.PATH,
    HOME: temp,
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_AUTHOR_NAME: "Release Manager",
    GIT_AUTHOR_EMAIL: "release@example.com",
    GIT_COMMITTER_NAME: "Release Manager",
    GIT_COMMITTER_EMAIL: "release@example.com",
  };
  const git = (...args: string[]) =>
    execFileSync("git", args, { cwd: work, env, encoding: "utf8", maxBuffer: 64 << 20 }).trimEnd();
  const release = (...args: string[]) => {
    const r = spawnSync(process.execPath, [script, ...args], { cwd: work, env, encoding: "utf8" });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  /** Every `prodgate/prodgate[/path]@ref` in the YAML files of a revision: this test's own reading. */
  const internalRefs = (rev: string) =>
    git("ls-tree", "-r", "--name-only", rev)
      .split("\n")
      .filter((p) => /\.ya?ml$/.test(p) && !/^(node_modules|dist)\//.test(p))
      .flatMap((path) =>
        git("cat-file", "blob", `${rev}:${path}`)
          .split("\n")
          .flatMap((line, i) =>
            [...line.matchAll(/(?<![\w.-])prodgate\/prodgate(?:\/[^\s@"'#]*)?@([^\s"'#,)]+)/g)].map((m) => ({
              where: `${path}:${i + 1}`,
              ref: m[1]!,
            })),
          ),
      );
  /** A branch or a major/minor tag: `@v1`, `@v1.2`, `@main`, `@master`, or anything not an exact version or SHA. */
  const moves = (ref: string) =>
    /^(main|master|v\d+|v\d+\.\d+)$/.test(ref) ||
    !/^(v\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?|[0-9a-f]{40})$/.test(ref);

  let head = "";
  let mainRefs: { where: string; ref: string }[] = [];

  beforeAll(() => {
    execFileSync("git", ["clone", "-q", "--bare", repoRoot, origin], { env });
    execFileSync("git", ["clone", "-q", origin, work], { env });
    head = git("rev-parse", "HEAD");
    mainRefs = internalRefs("HEAD");
  });
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it("main refers to prodgate itself by the major tag, which the check reports as moving", () => {
    expect(mainRefs.length).toBeGreaterThanOrEqual(10);
    expect(mainRefs.every((r) => r.ref === "v1")).toBe(true);
    expect(mainRefs.filter((r) => moves(r.ref))).toHaveLength(mainRefs.length);
    const checked = release("--check");
    expect(checked.status).toBe(1);
    expect(checked.stdout.trim().split("\n")).toHaveLength(mainRefs.length);
    expect(checked.stdout).toContain(
      "prodgate/prodgate/actions/environment-gate@v1 is not pinned to a release",
    );
  });

  it("refuses a tag that is not an exact version, naming it", () => {
    for (const bad of ["v1", "v1.2", "1.2.3", "v01.2.3", "v1.2.3+build.5", "latest"]) {
      const r = release(bad);
      expect(r.status, bad).toBe(2);
      expect(r.stderr).toContain(`must be an exact version like v1.2.3 (or v1.2.3-rc.1); got '${bad}'`);
    }
    expect(git("tag", "-l")).not.toMatch(/^v1\.2/m);
  });

  it("refuses a dirty tree unless told, and then releases HEAD, not the uncommitted change", () => {
    const file = join(work, ".github/workflows/deploy-heroku.yml");
    const original = readFileSync(file, "utf8");
    writeFileSync(file, `${original}# uncommitted\n`);
    try {
      const refused = release("v0.0.1-rc.1");
      expect(refused.status).toBe(2);
      expect(refused.stderr).toContain("the working tree has uncommitted changes");
      const made = release("v0.0.1-rc.1", "--allow-dirty");
      expect(made.status, made.stderr).toBe(0);
      expect(git("cat-file", "blob", "v0.0.1-rc.1:.github/workflows/deploy-heroku.yml")).not.toContain(
        "# uncommitted",
      );
      expect(readFileSync(file, "utf8")).toBe(`${original}# uncommitted\n`); // left as it was
    } finally {
      writeFileSync(file, original);
    }
  });

  it("pins every internal reference to the release tag in one tagged commit off the branch, pushing nothing", () => {
    const r = release("v9.8.7");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`${mainRefs.length} internal reference(s)`);
    expect(r.stdout).toContain("nothing was pushed");

    // An annotated tag on a commit whose parent is HEAD; the branch and the working tree are untouched.
    expect(git("cat-file", "-t", "v9.8.7")).toBe("tag");
    const commit = git("rev-parse", "v9.8.7^{commit}");
    expect(git("rev-parse", `${commit}^`)).toBe(head);
    expect(git("rev-parse", "HEAD")).toBe(head);
    expect(git("status", "--porcelain", "--untracked-files=no")).toBe("");
    expect(internalRefs("HEAD")).toEqual(mainRefs);

    // The release tree: the same references, every one at exactly v9.8.7, and nothing else changed.
    const released = internalRefs("v9.8.7");
    expect(released.map((x) => x.where)).toEqual(mainRefs.map((x) => x.where));
    expect(released.filter((x) => moves(x.ref))).toEqual([]);
    expect(new Set(released.map((x) => x.ref))).toEqual(new Set(["v9.8.7"]));
    const changed = git("diff", "--name-only", head, "v9.8.7").split("\n");
    expect(changed.sort()).toEqual([...new Set(mainRefs.map((x) => x.where.split(":")[0]!))].sort());
    const diff = git("diff", "-U0", head, "v9.8.7");
    const edits = diff.split("\n").filter((l) => /^[-+]/.test(l) && !/^(--- a\/|\+\+\+ b\/)/.test(l));
    expect(edits).toHaveLength(2 * mainRefs.length);

    const checked = release("--check", "v9.8.7");
    expect(checked.status, checked.stdout).toBe(0);

    // Nothing reached the origin.
    expect(execFileSync("git", ["tag", "-l"], { cwd: origin, env, encoding: "utf8" })).not.toContain(
      "v9.8.7",
    );
    expect(execFileSync("git", ["rev-parse", "HEAD"], { cwd: origin, env, encoding: "utf8" }).trim()).toBe(
      head,
    );

    const again = release("v9.8.7");
    expect(again.status).toBe(2);
    expect(again.stderr).toContain("the tag v9.8.7 already exists");
  });

  it("the check fails when a single reference of a release tree is left moving", () => {
    git("checkout", "-q", "--detach", "v9.8.7");
    try {
      const path = ".github/workflows/rollback-heroku.yml";
      const text = readFileSync(join(work, path), "utf8");
      const lines = text.split("\n");
      const at = lines.findIndex((l) => l.includes("prodgate/prodgate/actions/audit-write@v9.8.7"));
      expect(at).toBeGreaterThan(0);
      lines[at] = lines[at]!.replace("@v9.8.7", "@main");
      writeFileSync(join(work, path), lines.join("\n"));
      git("commit", "-q", "-m", "leave one ref moving", "--", path);

      const left = internalRefs("HEAD").filter((x) => moves(x.ref));
      expect(left).toEqual([{ where: `${path}:${at + 1}`, ref: "main" }]);
      const checked = release("--check");
      expect(checked.status).toBe(1);
      expect(checked.stdout.trim()).toBe(
        `${path}:${at + 1}: prodgate/prodgate/actions/audit-write@main is not pinned to a release`,
      );
    } finally {
      git("checkout", "-q", "-");
    }
  });
});
