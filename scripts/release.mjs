#!/usr/bin/env node
// Makes a release: `npm run release -- vX.Y.Z [--allow-dirty] [--dry-run]`.
//
// On main, the reusable workflows (and the examples) refer to prodgate's own actions and workflows by the major
// tag: `prodgate/prodgate/actions/<name>@v1`, `prodgate/prodgate@v1`. A tag moves, so a release must not: this
// script takes HEAD, rewrites every such reference in the YAML files to the exact release tag, writes that as
// one release commit whose parent is HEAD (off any branch: main keeps @v1, the working tree is not touched),
// and tags it with an annotated tag. It never pushes; it prints the commands that publish the release.
//
// `npm run release -- --check [REV]` lists every internal reference in REV's YAML files (default HEAD) that is
// not pinned to an exact release tag or a full commit SHA, and exits 1 when there is one.
//
// Exit codes: 0 done, 1 a check or git failed, 2 bad usage (a malformed or existing tag, a dirty tree).
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** vMAJOR.MINOR.PATCH with an optional pre-release (semver.org's grammar), no build metadata. */
const SEMVER_TAG =
  /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?$/;
/** A reference to prodgate's own repository: `prodgate/prodgate[/path]@ref`. */
const INTERNAL_REF = /(?<![\w.-])(prodgate\/prodgate(?:\/[^\s@"'#]*)?)@([^\s"'#,)]+)/g;
const FULL_SHA = /^[0-9a-f]{40}$/;
const YAML_FILE = /\.ya?ml$/;
const SKIP_DIR = /^(node_modules|dist|\.build)\//;

class UsageError extends Error {}

/** Runs git; its output without the trailing newline (`raw` keeps it exactly, for file contents). */
function git(args, opts = {}) {
  const { raw, ...rest } = opts;
  const out = execFileSync("git", args, {
    encoding: "utf8",
    stdio: ["pipe", "pipe", "pipe"],
    maxBuffer: 64 * 1024 * 1024,
    ...rest,
  });
  return raw ? out : out.trimEnd();
}

/** The YAML files of a revision and their text. */
function yamlFilesAt(rev) {
  const listing = git(["ls-tree", "-r", "-z", rev]).split("\0").filter(Boolean);
  const files = [];
  for (const entry of listing) {
    const [meta, path] = entry.split("\t");
    const [mode, type] = meta.split(" ");
    if (type !== "blob" || !YAML_FILE.test(path) || SKIP_DIR.test(path)) continue;
    files.push({ path, mode, text: git(["cat-file", "blob", `${rev}:${path}`], { raw: true }) });
  }
  return files;
}

/** Every internal reference that is not an exact release tag or a full SHA: `{ path, line, target, ref }`. */
function movingRefs(files) {
  const out = [];
  for (const { path, text } of files) {
    text.split("\n").forEach((line, i) => {
      for (const m of line.matchAll(INTERNAL_REF)) {
        const ref = m[2];
        if (!SEMVER_TAG.test(ref) && !FULL_SHA.test(ref)) out.push({ path, line: i + 1, target: m[1], ref });
      }
    });
  }
  return out;
}

/** The text with every internal reference pointing at `tag`, and how many were rewritten. */
function pin(text, tag) {
  let count = 0;
  const pinned = text.replace(INTERNAL_REF, (_m, target, ref) => {
    if (ref !== tag) count++;
    return `${target}@${tag}`;
  });
  return { text: pinned, count };
}

function check(rev) {
  const moving = movingRefs(yamlFilesAt(rev));
  for (const m of moving) console.log(`${m.path}:${m.line}: ${m.target}@${m.ref} is not pinned to a release`);
  if (moving.length) {
    console.error(`${moving.length} internal reference(s) at ${rev} move (a branch or a major/minor tag)`);
    return 1;
  }
  console.log(`every internal reference at ${rev} is pinned`);
  return 0;
}

function release(tag, { allowDirty, dryRun }) {
  if (!SEMVER_TAG.test(tag))
    throw new UsageError(
      `the release tag must be an exact version like v1.2.3 (or v1.2.3-rc.1); got '${tag}'`,
    );
  const exists = (() => {
    try {
      git(["rev-parse", "-q", "--verify", `refs/tags/${tag}`]);
      return true;
    } catch {
      return false;
    }
  })();
  if (exists) throw new UsageError(`the tag ${tag} already exists; a release tag is never moved`);
  if (!allowDirty) {
    const dirty = git(["status", "--porcelain", "--untracked-files=no"]);
    if (dirty)
      throw new UsageError(
        `the working tree has uncommitted changes (${dirty.split("\n").length} file(s)); commit them, or pass --allow-dirty (the release is made from HEAD either way)`,
      );
  }

  const head = git(["rev-parse", "HEAD"]);
  const files = yamlFilesAt("HEAD");
  const changed = [];
  let total = 0;
  const majors = new Set();
  for (const f of files) {
    for (const m of f.text.matchAll(INTERNAL_REF)) majors.add(m[2]);
    const { text, count } = pin(f.text, tag);
    if (count) {
      changed.push({ ...f, text, count });
      total += count;
    }
  }
  if (!total) throw new Error("no internal prodgate/prodgate@ reference found at HEAD: nothing to pin");
  const major = `v${SEMVER_TAG.exec(tag)[1]}`;
  if (![...majors].includes(major))
    console.warn(
      `note: main refers to ${[...majors].join(", ")}, not ${major}; the release pins ${tag} anyway`,
    );

  const released = files.map((f) => changed.find((c) => c.path === f.path) ?? f);
  const left = movingRefs(released);
  if (left.length)
    throw new Error(`references left unpinned: ${left.map((m) => `${m.path}:${m.line}`).join(", ")}`);

  for (const c of changed) console.log(`${c.path}: ${c.count} ref(s) -> ${tag}`);
  if (dryRun) {
    console.log(`dry run: ${total} reference(s) in ${changed.length} file(s) would be pinned to ${tag}`);
    return 0;
  }

  // The release commit is built in a temporary index: HEAD's tree with the pinned files, nothing else.
  const scratch = mkdtempSync(join(tmpdir(), "prodgate-release-"));
  try {
    const env = { ...process.env, GIT_INDEX_FILE: join(scratch, "index") };
    git(["read-tree", head], { env });
    for (const c of changed) {
      const blob = git(["hash-object", "-w", "--stdin", "--path", c.path], { input: c.text });
      git(["update-index", "--cacheinfo", `${c.mode},${blob},${c.path}`], { env });
    }
    const tree = git(["write-tree"], { env });
    const commit = git([
      "commit-tree",
      tree,
      "-p",
      head,
      "-m",
      `Release ${tag}: pin internal uses: to ${tag}`,
    ]);
    git(["tag", "-a", tag, commit, "-m", `prodgate ${tag}`]);
    console.log(`release commit ${commit} (parent ${head.slice(0, 12)}), annotated tag ${tag}`);
    console.log(
      `${total} internal reference(s) in ${changed.length} file(s) pinned to ${tag}; nothing was pushed.`,
    );
    console.log("To publish it:");
    console.log(`  git push origin refs/tags/${tag}`);
    console.log(
      `  git tag -f -a ${major} -m "prodgate ${major} (${tag})" ${tag}^{commit} && git push -f origin refs/tags/${major}`,
    );
    return 0;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function main(argv) {
  const flags = new Set(argv.filter((a) => a.startsWith("--")));
  const positional = argv.filter((a) => !a.startsWith("--"));
  const known = new Set(["--allow-dirty", "--dry-run", "--check", "--help"]);
  for (const f of flags) if (!known.has(f)) throw new UsageError(`unknown option ${f}`);
  if (flags.has("--help")) {
    console.log(
      "usage: npm run release -- vX.Y.Z [--allow-dirty] [--dry-run]\n       npm run release -- --check [REV]",
    );
    return 0;
  }
  // Work in the repository the command runs in (npm runs scripts at the package root).
  process.chdir(git(["rev-parse", "--show-toplevel"]));
  if (flags.has("--check")) {
    if (positional.length > 1) throw new UsageError("--check takes at most one revision");
    return check(positional[0] ?? "HEAD");
  }
  if (positional.length !== 1)
    throw new UsageError("give exactly one release tag, e.g. npm run release -- v1.2.3");
  return release(positional[0], { allowDirty: flags.has("--allow-dirty"), dryRun: flags.has("--dry-run") });
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  const stderr = err?.stderr ? String(err.stderr).trim() : "";
  console.error(
    `release: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}${stderr ? ` (${stderr})` : ""}`,
  );
  process.exitCode = err instanceof UsageError ? 2 : 1;
}
