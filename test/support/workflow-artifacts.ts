import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";

/**
 * Stand-ins for actions/upload-artifact and actions/download-artifact (v4 and later) in the data-flow runner.
 * They keep the artifacts of one workflow run in a directory on disk and follow the real actions' rules that
 * a workflow can trip over: names are unique in a run (409 unless `overwrite`), some characters are refused,
 * `if-no-files-found` decides what an empty path does, hidden files are left out unless
 * `include-hidden-files`, a directory's files sit at the artifact's root, and what a person downloads from
 * the run page is a zip of those files (made here with Info-ZIP `zip`).
 */

export interface Artifact {
  id: string;
  name: string;
  /** The job that uploaded it. */
  job: string;
  /** Path inside the artifact → content. */
  files: Record<string, string>;
  /** The artifact as the run page serves it for download: a zip of its files. */
  zip: string;
  url: string;
  digest: string;
  retentionDays?: number;
}

export interface ArtifactStore {
  dir: string;
  list: Artifact[];
  /** The id the next artifact gets. */
  nextId: number;
}

export interface StandInResult {
  outcome: "success" | "failure";
  outputs: Record<string, string>;
  stdout: string;
  stderr: string;
}

/** Characters upload-artifact refuses in a name (and in file paths). */
const BAD_NAME = /["\\:<>|*?\r\n/]/;

function walk(root: string, dir: string, hidden: boolean, out: Map<string, string>): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!hidden && entry.name.startsWith(".")) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(root, full, hidden, out);
    else if (entry.isFile()) out.set(relative(root, full).split(sep).join("/"), full);
  }
}

function commonAncestor(paths: string[]): string {
  const split = paths.map((p) => p.split(sep));
  const first = split[0] ?? [];
  let n = first.length;
  for (const parts of split) {
    let i = 0;
    while (i < n && parts[i] === first[i]) i++;
    n = i;
  }
  return first.slice(0, n).join(sep) || sep;
}

/** The artifact as the run page serves it: a zip of its staging directory, and that zip's sha256. */
function zipStaging(store: ArtifactStore, id: string, name: string): { zip: string; digest: string } {
  const zip = join(store.dir, `${id}-${name}.zip`);
  rmSync(zip, { force: true });
  const z = spawnSync("zip", ["-q", "-r", "-X", zip, "."], {
    cwd: join(store.dir, `${id}-${name}`),
    encoding: "utf8",
  });
  if (z.status !== 0) throw new Error(`zip (Debian package zip) failed: ${z.error?.message ?? z.stderr}`);
  return { zip, digest: createHash("sha256").update(readFileSync(zip)).digest("hex") };
}

/**
 * What a test can do to a run's artifacts between two jobs, as someone with write access to them could (a
 * token with `actions: write`, a compromised job of the same run): change what an artifact holds while the
 * outputs of the job that uploaded it (the sha256 the approvers saw, ...) stay as they were.
 */
export interface RunArtifacts {
  readonly list: readonly Artifact[];
  /**
   * Hands `edit` a directory holding the named artifact's files; what the directory holds afterwards is the
   * artifact from then on (its files, its zip and digest). Throws for an artifact the run does not have.
   */
  replace(name: string, edit: (dir: string) => void): Artifact;
}

export function runArtifacts(store: ArtifactStore): RunArtifacts {
  return {
    list: store.list,
    replace(name, edit) {
      const artifact = store.list.find((a) => a.name === name);
      if (!artifact)
        throw new Error(
          `no artifact ${name} in this run (it has: ${store.list.map((a) => a.name).join(", ")})`,
        );
      const staging = join(store.dir, `${artifact.id}-${artifact.name}`);
      edit(staging);
      const found = new Map<string, string>();
      walk(staging, staging, true, found);
      artifact.files = Object.fromEntries([...found].map(([rel, full]) => [rel, readFileSync(full, "utf8")]));
      Object.assign(artifact, zipStaging(store, artifact.id, artifact.name));
      return artifact;
    },
  };
}

/** actions/upload-artifact: `name`, `path` (files and directories, one per line), `if-no-files-found`, ... */
export function uploadArtifact(
  inputs: Record<string, string>,
  at: { workspace: string; job: string; store: ArtifactStore; github: Record<string, string> },
): StandInResult {
  const name = inputs.name || "artifact";
  const fail = (message: string): StandInResult => ({
    outcome: "failure",
    outputs: {},
    stdout: `::error::${message}\n`,
    stderr: "",
  });
  if (BAD_NAME.test(name))
    return fail(
      `The artifact name is not valid: ${name}. Contains the following character: one of " : < > | * ? \\ / \\r \\n`,
    );
  const paths = (inputs.path ?? "")
    .split("\n")
    .map((p) => p.trim())
    .filter(Boolean);
  if (paths.length === 0) return fail("Input required and not supplied: path");
  if (paths.some((p) => p.startsWith("!") || /[*?[]/.test(p)))
    return fail(
      `the runner's upload-artifact stand-in takes files and directories only, not patterns: ${paths.join(", ")}`,
    );
  const hidden = inputs["include-hidden-files"] === "true";
  const found = new Map<string, string>();
  const roots: string[] = [];
  for (const p of paths) {
    const abs = isAbsolute(p) ? p : resolve(at.workspace, p);
    if (!existsSync(abs)) continue;
    if (statSync(abs).isDirectory()) {
      roots.push(abs);
      const inDir = new Map<string, string>();
      walk(abs, abs, hidden, inDir);
      for (const full of inDir.values()) found.set(full, full);
    } else {
      roots.push(dirname(abs));
      found.set(abs, abs);
    }
  }
  if (found.size === 0) {
    const mode = inputs["if-no-files-found"] || "warn";
    const message = `No files were found with the provided path: ${paths.join("\n")}. No artifacts will be uploaded.`;
    if (mode === "error") return fail(message);
    return {
      outcome: "success",
      outputs: {},
      stdout: mode === "warn" ? `::warning::${message}\n` : "",
      stderr: "",
    };
  }
  const existing = at.store.list.findIndex((a) => a.name === name);
  if (existing >= 0) {
    if (inputs.overwrite !== "true")
      return fail(
        `Failed to CreateArtifact: Received non-retryable error: Failed request: (409) Conflict: an artifact with this name already exists on the workflow run`,
      );
    at.store.list.splice(existing, 1);
  }
  // One directory: its files sit at the artifact's root; several paths: relative to what they share.
  const root = roots.length === 1 && statSync(roots[0]!).isDirectory() ? roots[0]! : commonAncestor(roots);
  const id = String(at.store.nextId++);
  mkdirSync(at.store.dir, { recursive: true, mode: 0o700 });
  const staging = join(at.store.dir, `${id}-${name}`);
  const files: Record<string, string> = {};
  for (const full of found.values()) {
    const rel = relative(root, full).split(sep).join("/");
    mkdirSync(dirname(join(staging, rel)), { recursive: true });
    cpSync(full, join(staging, rel));
    files[rel] = readFileSync(full, "utf8");
  }
  const { zip, digest } = zipStaging(at.store, id, name);
  const url = `${at.github.server_url ?? "https://github.com"}/${at.github.repository ?? "acme/shop"}/actions/runs/${at.github.run_id ?? "4242"}/artifacts/${id}`;
  const retention = inputs["retention-days"] ? Number(inputs["retention-days"]) : undefined;
  at.store.list.push({ id, name, job: at.job, files, zip, url, digest, retentionDays: retention });
  return {
    outcome: "success",
    outputs: { "artifact-id": id, "artifact-url": url, "artifact-digest": digest },
    stdout: `Artifact ${name} has been successfully uploaded! Final size is ${statSync(zip).size} bytes. Artifact ID is ${id}\n`,
    stderr: "",
  };
}

function globToRegExp(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${body}$`);
}

/** actions/download-artifact: `name` or `pattern`, `path`, `merge-multiple`; artifacts of this run only. */
export function downloadArtifact(
  inputs: Record<string, string>,
  at: { workspace: string; store: ArtifactStore },
): StandInResult {
  const target = inputs.path
    ? isAbsolute(inputs.path)
      ? inputs.path
      : resolve(at.workspace, inputs.path)
    : at.workspace;
  let chosen: Artifact[];
  if (inputs.name) {
    const one = at.store.list.find((a) => a.name === inputs.name);
    if (!one)
      return {
        outcome: "failure",
        outputs: {},
        stdout: `::error::Unable to download artifact(s): Artifact not found for name: ${inputs.name}\n`,
        stderr: "",
      };
    chosen = [one];
  } else {
    const pattern = inputs.pattern ? globToRegExp(inputs.pattern) : /^/;
    chosen = at.store.list.filter((a) => pattern.test(a.name));
  }
  const intoOwnDir = !inputs.name && inputs["merge-multiple"] !== "true";
  for (const artifact of chosen) {
    const base = intoOwnDir ? join(target, artifact.name) : target;
    for (const [rel, content] of Object.entries(artifact.files)) {
      mkdirSync(dirname(join(base, rel)), { recursive: true });
      writeFileSync(join(base, rel), content);
    }
  }
  return {
    outcome: "success",
    outputs: { "download-path": target },
    stdout: `Total of ${chosen.length} artifact(s) downloaded\n`,
    stderr: "",
  };
}
