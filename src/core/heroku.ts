import { InputError } from "./errors.js";

/**
 * Heroku Platform API v3 shapes (the fields prodgate reads; the API returns more), and the pure rules of
 * releases: which release is live, which one a rollback goes back to, how results read in a job summary.
 */

export interface HerokuRef {
  id: string;
  name?: string;
}

export interface HerokuApp {
  id: string;
  name: string;
  web_url: string | null;
  git_url?: string;
  created_at?: string;
  updated_at?: string;
  released_at?: string | null;
  maintenance?: boolean;
  region?: HerokuRef;
  stack?: HerokuRef;
  build_stack?: HerokuRef;
  owner?: { id: string; email: string };
  [field: string]: unknown;
}

export type HerokuReleaseStatus = "succeeded" | "failed" | "pending" | "expired";

export interface HerokuRelease {
  id: string;
  version: number;
  description: string;
  status: HerokuReleaseStatus;
  current: boolean;
  slug: { id: string } | null;
  app: { id: string; name: string };
  user: { id: string; email: string };
  created_at: string;
  updated_at: string;
  addon_plan_names?: string[];
  artifacts?: { type: string; id: string }[];
  output_stream_url?: string | null;
  eligible_for_rollback?: boolean;
  [field: string]: unknown;
}

export interface HerokuSlug {
  id: string;
  commit: string | null;
  commit_description: string | null;
  checksum?: string | null;
  size?: number | null;
  process_types?: Record<string, string>;
  buildpack_provided_description?: string | null;
  stack?: HerokuRef;
  created_at?: string;
  updated_at?: string;
  [field: string]: unknown;
}

export type HerokuBuildStatus = "pending" | "succeeded" | "failed";

export interface HerokuBuild {
  id: string;
  status: HerokuBuildStatus;
  app: { id: string };
  output_stream_url: string | null;
  source_blob: {
    url: string;
    version: string | null;
    checksum?: string | null;
    version_description?: string | null;
  };
  release: { id: string } | null;
  slug: { id: string } | null;
  buildpacks?: { url: string; name?: string }[] | null;
  stack?: string;
  user?: { id: string; email: string };
  created_at?: string;
  updated_at?: string;
  [field: string]: unknown;
}

export interface HerokuSource {
  source_blob: { get_url: string; put_url: string };
}

export interface HerokuDyno {
  id: string;
  name: string;
  type: string;
  state: string;
  size: string;
  command: string;
  release: { id: string; version: number };
  app: { id: string; name: string };
  created_at: string;
  updated_at: string;
  [field: string]: unknown;
}

/** What the `release` input of a rollback names: nothing (the previous one), a version, or a release id. */
export type ReleaseRef =
  | { kind: "previous" }
  | { kind: "version"; version: number }
  | { kind: "id"; id: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `v41`, `41`, a release id (UUID), or empty for the release before the current one. */
export function parseReleaseRef(input: string, raw: string): ReleaseRef {
  const text = raw.trim();
  if (!text || text.toLowerCase() === "previous") return { kind: "previous" };
  const version = /^v?(\d{1,9})$/i.exec(text);
  if (version) {
    const n = Number(version[1]);
    if (n < 1) throw new InputError(input, `must be a release version of 1 or more; got '${raw}'`);
    return { kind: "version", version: n };
  }
  if (UUID.test(text)) return { kind: "id", id: text.toLowerCase() };
  throw new InputError(
    input,
    `must be a release version like v41 or 41, a release id (UUID), or empty for the previous release; got '${raw}'`,
  );
}

/** A git revision as a user writes it (SHA, branch, tag); never something git would read as an option. */
export function parseGitRef(input: string, raw: string): string {
  const ref = raw.trim();
  if (!/^[A-Za-z0-9._/@{}^~-]+$/.test(ref) || ref.startsWith("-") || ref.includes(".."))
    throw new InputError(input, `must be a commit SHA, branch or tag name; got '${raw}'`);
  return ref;
}

export function describeReleaseRef(ref: ReleaseRef): string {
  if (ref.kind === "version") return `v${ref.version}`;
  if (ref.kind === "id") return `release ${ref.id}`;
  return "the previous release";
}

export const label = (r: Pick<HerokuRelease, "version">): string => `v${r.version}`;

export const shortSha = (sha: string | null | undefined): string => (sha ? sha.slice(0, 7) : "-");

/** Newest first, whatever order they came in. */
export function newestFirst(releases: readonly HerokuRelease[]): HerokuRelease[] {
  return [...releases].sort((a, b) => b.version - a.version);
}

/** The live release: the one Heroku marks current, else the newest that succeeded. */
export function currentRelease(releases: readonly HerokuRelease[]): HerokuRelease | undefined {
  const sorted = newestFirst(releases);
  return sorted.find((r) => r.current) ?? sorted.find((r) => r.status === "succeeded");
}

/** Whether Heroku would roll back to this release, and if not, why. */
export function rollbackRefusal(r: HerokuRelease): string | undefined {
  if (r.status === "failed") return `${label(r)} failed, so there is nothing of it to go back to`;
  if (r.status === "pending") return `${label(r)} is still pending`;
  if (r.status === "expired" || r.eligible_for_rollback === false)
    return `${label(r)} is no longer eligible for rollback (expired)`;
  return undefined;
}

/**
 * The release a plain rollback goes back to: the newest release older than the current one that succeeded,
 * is still eligible, and carries code (a slug). Releases made before the first deploy carry none. When the
 * current release is itself "Rollback to vN", the count starts from vN, so a second rollback goes one step
 * further back instead of bringing back the release just rolled away from.
 */
export function previousRelease(
  releases: readonly HerokuRelease[],
  current: HerokuRelease,
): HerokuRelease | undefined {
  return newestFirst(releases).find(
    (r) => r.version < codeVersion(releases, current) && r.slug !== null && rollbackRefusal(r) === undefined,
  );
}

/** The version whose code a release runs: a "Rollback to vN" release runs vN's (followed through chains). */
export function codeVersion(releases: readonly HerokuRelease[], release: HerokuRelease): number {
  let version = release.version;
  let description = release.description;
  for (let hops = 0; hops < 20; hops++) {
    const m = /^Rollback to v(\d+)\b/.exec(description);
    const to = m ? Number(m[1]) : undefined;
    if (to === undefined || to >= version) break;
    version = to;
    const next = releases.find((r) => r.version === to);
    if (!next) break;
    description = next.description;
  }
  return version;
}

/** The message when nothing older can be rolled back to. */
export function nothingToRollBackTo(app: string, current: HerokuRelease, count: number): string {
  const only =
    count <= 1
      ? `${app} has a single release (${label(current)})`
      : `${app} has no release before ${label(current)} with code that can be rolled back to`;
  return `Nothing to roll back to: ${only}. Deploy a fixed commit instead, or name a release with the 'release' input.`;
}

// ---------------------------------------------------------------------------------------------------------
// git push output

export type PushFailureKind =
  | "non-fast-forward"
  | "rejected-build"
  | "auth"
  | "not-found"
  | "shallow"
  | "unreachable"
  | "other";

/** Classifies the lines a failed `git push` to Heroku wrote. */
export function classifyPushFailure(lines: readonly string[]): PushFailureKind {
  const text = lines.join("\n");
  if (/\[rejected\].*\((non-fast-forward|fetch first)\)/.test(text)) return "non-fast-forward";
  if (/shallow update not allowed/.test(text)) return "shallow";
  if (/Push rejected|pre-receive hook declined|\[remote rejected\]/.test(text)) return "rejected-build";
  if (
    /Authentication failed|could not read (Username|Password)|\b401\b|Invalid credentials|terminal prompts disabled/.test(
      text,
    )
  )
    return "auth";
  if (/not found|No such app|does not appear to be a git repository|\b404\b/i.test(text)) return "not-found";
  if (/Could not resolve host|Failed to connect|Connection refused|timed out|Couldn't connect/i.test(text))
    return "unreachable";
  return "other";
}

/** The build's own lines out of a push's output: `remote:` prefixes removed, git's chatter and blanks dropped. */
export function buildLines(lines: readonly string[], max = 15): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const m = /^remote:\s?(.*)$/.exec(line);
    if (!m) continue;
    const text = (m[1] ?? "").replace(/\s+$/, "");
    if (text.trim()) out.push(text);
  }
  return out.slice(-max);
}

// ---------------------------------------------------------------------------------------------------------
// summaries

export interface ReleaseLine {
  release: HerokuRelease;
  commit?: string | null;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

function cell(r: ReleaseLine): string {
  const desc = r.release.description.replace(/\|/g, "\\|");
  return `**${label(r.release)}** · \`${shortSha(r.commit)}\` · ${desc}`;
}

export interface RollbackSummaryInput {
  app: string;
  before: ReleaseLine;
  target: ReleaseLine;
  after: ReleaseLine;
  noop?: boolean;
  durationMs?: number;
}

export function renderRollbackSummary(s: RollbackSummaryInput): string {
  const head = s.noop
    ? `### ↩️ Heroku rollback: ${s.app} already runs ${label(s.target.release)}\n\nNothing was changed.\n`
    : `### ↩️ Heroku rollback: ${s.app} rolled back to ${label(s.target.release)}\n`;
  const rows = [
    "| | Release |",
    "|---|---|",
    `| Was current | ${cell(s.before)} |`,
    `| Rolled back to | ${cell(s.target)} |`,
    `| Now current | ${cell(s.after)} |`,
  ];
  const took = s.durationMs !== undefined ? `\nDone in ${seconds(s.durationMs)}.\n` : "";
  const undo = s.noop
    ? ""
    : `\nTo undo, roll back to ${label(s.before.release)} (input \`release: ${label(s.before.release)}\`).\n`;
  return `${head}\n${rows.join("\n")}\n${took}${undo}`;
}

export interface DeploySummaryInput {
  app: string;
  method: "git" | "build";
  sha: string;
  before?: ReleaseLine;
  after: ReleaseLine;
  alreadyLive?: boolean;
  forced?: boolean;
  webUrl?: string | null;
  buildTail?: string[];
  durationMs?: number;
}

export function renderDeploySummary(s: DeploySummaryInput): string {
  const head = s.alreadyLive
    ? `### 🚀 Heroku deploy: ${s.app} already runs \`${shortSha(s.sha)}\`\n\nNo new release was made.\n`
    : `### 🚀 Heroku deploy: ${s.app} now runs \`${shortSha(s.sha)}\` (${label(s.after.release)})\n`;
  const rows = ["| | Release |", "|---|---|"];
  rows.push(`| Before | ${s.before ? cell(s.before) : "_no release with code_"} |`);
  rows.push(`| Now | ${cell(s.after)} |`);
  const facts = [
    `- Method: \`${s.method}\`${s.forced ? " (forced)" : ""}`,
    `- Commit: \`${s.sha}\` (verified against the release's slug)`,
  ];
  if (s.webUrl) facts.push(`- App: ${s.webUrl}`);
  if (s.durationMs !== undefined) facts.push(`- Took: ${seconds(s.durationMs)}`);
  if (s.before && !s.alreadyLive)
    facts.push(`- Roll back with the heroku-rollback action (\`release: ${label(s.before.release)}\`).`);
  return `${head}\n${rows.join("\n")}\n\n${facts.join("\n")}\n`;
}
