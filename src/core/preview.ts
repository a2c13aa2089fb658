import { escapeMd } from "./markdown.js";

/**
 * What a deploy will ship: the SHA live now → the SHA to deploy, how they relate, the commits in between and
 * the files they change. Pure: the pipeline fills a Preview from GitHub and Heroku; this module classifies
 * and renders it (job summary, PR/commit comment, log lines), bounded in size for any range.
 */

export type PreviewStatus = "ahead" | "identical" | "behind" | "diverged" | "unknown" | "first-deploy";

export interface PreviewCommit {
  sha: string;
  url?: string;
  /** GitHub login when known, else the git author name. */
  author: string;
  authorUrl?: string;
  /** The whole message; renderers show its first line. */
  message: string;
  /** ISO 8601. */
  date?: string;
}

export interface PreviewFile {
  filename: string;
  status: string;
  additions: number;
  deletions: number;
  changes: number;
}

export interface PreviewEnd {
  sha: string;
  url?: string;
}

export interface Preview {
  repository: string; // owner/name
  serverUrl: string; // https://github.com
  app?: string;
  environment: string;
  /** The environment is one of production-environments (the red banner). */
  production: boolean;
  /**
   * What is live now; absent on a first deploy. `deployment`: GitHub's newest successful deployment of the
   * environment, when the preview holds no Heroku credential (the deploy checks the live SHA again itself).
   */
  from?: PreviewEnd & { source: "heroku" | "input" | "deployment"; release?: string };
  /**
   * False when nothing says what is live (no Heroku credential, no successful deployment on GitHub): the
   * preview is then of the whole history, and the deploy cannot compare what the approvers saw.
   */
  liveKnown?: boolean;
  to: PreviewEnd & { ref: string };
  status: PreviewStatus;
  /** Commits the target has that the live SHA lacks (what ships). */
  ahead: number;
  /** Commits the live SHA has that the target lacks (what a deploy removes). */
  behind: number;
  /** Commits that ship: `ahead`, or the whole history on a first deploy. */
  commitCount: number;
  /** The newest commits that ship, newest first, bounded. */
  commits: PreviewCommit[];
  /** The newest commits a deploy would remove (behind or diverged), newest first, bounded. */
  removed: PreviewCommit[];
  /** Changed files (GitHub lists at most 300 for a comparison). */
  files: PreviewFile[];
  /** Which way `files` go: changes that ship, or changes a rollback reverts. */
  filesDirection: "ship" | "revert";
  compareUrl?: string;
  /** Why the status is `unknown`. */
  note?: string;
  /** ISO time the preview was made (passed in: core reads no clock). */
  generatedAt: string;
  runUrl?: string;
}

export const MAX_PREVIEW_COMMITS = 250;
/** GitHub's comment limit is 65,536 characters; a summary stays well inside 64 KiB as well. */
export const DEFAULT_MAX_BYTES = 60_000;

/**
 * The relation of the live SHA to the target. `compare` is GitHub's status of base=live...head=target, or
 * "unknown" when GitHub does not know the live SHA (or they share no history).
 */
export function classifyPreview(
  fromSha: string | undefined,
  toSha: string,
  compare: "ahead" | "identical" | "behind" | "diverged" | "unknown" | undefined,
): PreviewStatus {
  if (!fromSha) return "first-deploy";
  if (sameSha(fromSha, toSha)) return "identical";
  return compare ?? "unknown";
}

/** Equal SHAs, one possibly abbreviated (at least 7 characters). */
export function sameSha(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x.length < 7 || y.length < 7) return x === y;
  return x.startsWith(y) || y.startsWith(x);
}

export const isRollback = (p: Preview): boolean => p.status === "behind";

/** The action's outputs. */
export function previewOutputs(p: Preview): Record<string, string | number | boolean> {
  return {
    "from-sha": p.from?.sha ?? "",
    // What the deploy compares the live SHA with: the SHA, `none` (nothing was live), or '' (not known).
    "previewed-from": p.from?.sha ?? (p.liveKnown === false ? "" : "none"),
    "to-sha": p.to.sha,
    status: p.status,
    "commit-count": p.commitCount,
    ahead: p.ahead,
    behind: p.behind,
    "is-rollback": isRollback(p),
    "first-deploy": p.status === "first-deploy",
  };
}

/** The key of the one sticky comment per app and environment (shared with the deploy's outcome comment). */
export function stickyKey(app: string | undefined, environment: string): string {
  return `${app ?? "-"}@${environment}`;
}

/** "TARGET: PRODUCTION · my-app" */
export function targetBanner(environment: string, app?: string): string {
  return `TARGET: ${environment.toUpperCase()}${app ? ` · ${app}` : ""}`;
}

export function firstLine(message: string, max = 72): string {
  const line = (message.split(/\r?\n/, 1)[0] ?? "").trim();
  return cut(line, max);
}

/** One plain sentence per status, for the log and the banner. */
export function statusSentence(p: Preview): string {
  const target = p.app ? `${p.app} (${p.environment})` : p.environment;
  const n = (count: number, word: string) =>
    `${count.toLocaleString("en-US")} ${word}${count === 1 ? "" : "s"}`;
  switch (p.status) {
    case "ahead":
      return `${n(p.ahead, "commit")} will ship to ${target}.`;
    case "identical":
      return `Nothing to ship: ${target} already runs ${short(p.to.sha)}.`;
    case "behind":
      return `ROLLBACK: the target is ${n(p.behind, "commit")} BEHIND what ${target} runs now; deploying it removes them.`;
    case "diverged":
      return `DIVERGED: what ${target} runs is not an ancestor of the target (deployed from another branch?): ${n(p.ahead, "commit")} ship and ${n(p.behind, "live commit")} disappear.`;
    case "unknown":
      return `UNKNOWN: the SHA live on ${target} (${short(p.from?.sha ?? "")}) is not in ${p.repository}${p.note ? ` (${p.note})` : ""}; what changes cannot be listed.`;
    case "first-deploy":
      return `First deploy: nothing is live on ${target} yet; ${n(p.commitCount, "commit")} of history up to ${short(p.to.sha)} ship.`;
  }
}

/** Log lines (no markdown). */
export function previewLogLines(p: Preview): string[] {
  const from = p.from
    ? `${short(p.from.sha)}${p.from.release ? ` (live, ${p.from.release})` : ""}`
    : "(nothing live)";
  const ref = p.to.ref && !sameSha(p.to.ref, p.to.sha) ? ` (${p.to.ref})` : "";
  const lines = [targetBanner(p.environment, p.app), `${from} → ${short(p.to.sha)}${ref}`, statusSentence(p)];
  for (const c of p.commits.slice(0, 20))
    lines.push(`  ${short(c.sha)} ${firstLine(c.message)} (${c.author})`);
  if (p.commitCount > Math.min(20, p.commits.length))
    lines.push(`  … and ${(p.commitCount - Math.min(20, p.commits.length)).toLocaleString("en-US")} more`);
  return lines;
}

export interface RenderOptions {
  variant?: "summary" | "comment";
  /** Byte bound of the whole result, `before` and `after` included. Default 60,000. */
  maxBytes?: number;
  /** Markdown placed before/after the preview (the deploy adds its outcome). Trusted, not escaped. */
  before?: string;
  after?: string;
}

/**
 * The preview as markdown: banner, from → to with links, the status (a loud warning for a rollback or a
 * divergence), the commit table, the files table and a footer. Never over `maxBytes`: the tables shrink
 * until it fits, with "and N more" lines that keep the counts right.
 */
export function renderPreviewMarkdown(p: Preview, opts: RenderOptions = {}): string {
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let commitRows = p.commits.length;
  let removedRows = p.removed.length;
  let fileRows = Math.min(10, p.files.length);
  for (let guard = 0; guard < 64; guard++) {
    const text = render(p, opts, commitRows, removedRows, fileRows);
    if (bytes(text) <= max) return text;
    if (commitRows === 0 && removedRows === 0 && fileRows === 0) return cutBytes(text, max);
    // Shrink the biggest table first, by half.
    if (commitRows >= removedRows && commitRows > 0) commitRows = Math.floor(commitRows / 2);
    else if (removedRows > 0) removedRows = Math.floor(removedRows / 2);
    else fileRows = Math.floor(fileRows / 2);
  }
  return cutBytes(render(p, opts, 0, 0, 0), max);
}

function render(
  p: Preview,
  opts: RenderOptions,
  commitRows: number,
  removedRows: number,
  fileRows: number,
): string {
  const out: string[] = [];
  if (opts.before) out.push(opts.before, "");
  const prod = p.production;
  const icon = prod ? "🔴" : "🟡";
  out.push(`## ${icon} ${escapeMd(targetBanner(p.environment, p.app))}`, "");

  const toLink = link(`\`${short(p.to.sha)}\``, p.to.url);
  const ref = p.to.ref && !sameSha(p.to.ref, p.to.sha) ? ` (${code(p.to.ref)})` : "";
  const fromText = p.from
    ? `${link(`\`${short(p.from.sha)}\``, p.from.url)} (live${p.from.release ? `, ${escapeMd(p.from.release)}` : ""})`
    : "_nothing live yet_";
  out.push(`**From** ${fromText} → **to** ${toLink}${ref}`, "");

  const sentence = escapeMd(statusSentence(p));
  const compare = p.compareUrl ? ` · [full comparison](${p.compareUrl})` : "";
  switch (p.status) {
    case "behind":
      out.push("> [!CAUTION]", `> **${sentence}**`, "");
      break;
    case "diverged":
    case "unknown":
      out.push("> [!WARNING]", `> **${sentence}**`, "");
      break;
    case "identical":
      out.push("> [!NOTE]", `> ${sentence}`, "");
      break;
    default:
      out.push(`**Status: ${p.status}** · ${sentence}`, "");
  }
  out.push(
    `| Status | Ships | Removed | Compare |`,
    `| --- | ---: | ---: | --- |`,
    `| ${p.status} | ${fmt(p.commitCount)} | ${fmt(p.behind)} | ${p.compareUrl ? `[${short(p.from?.sha ?? "")}...${short(p.to.sha)}](${p.compareUrl})` : "-"} |`,
    "",
  );

  if (p.commits.length > 0) {
    const title = p.status === "first-deploy" ? "Commits that ship (newest first)" : "Commits that ship";
    out.push(...commitTable(title, p.commits.slice(0, commitRows), p.commitCount, compare, opts.variant));
  }
  if (p.removed.length > 0) {
    out.push(
      ...commitTable(
        "Commits live now that this deploy removes",
        p.removed.slice(0, removedRows),
        p.behind,
        compare,
        opts.variant,
      ),
    );
  }
  if (p.files.length > 0) out.push(...fileSection(p, fileRows));

  const footer = [`prodgate diff-preview`, `generated ${p.generatedAt.replace(/\.\d+Z$/, "Z")}`];
  if (p.runUrl) footer.push(`[workflow run](${p.runUrl})`);
  out.push(`<sub>${footer.join(" · ")}</sub>`);
  if (opts.after) out.push("", opts.after);
  return `${out.join("\n")}\n`;
}

function commitTable(
  title: string,
  commits: PreviewCommit[],
  total: number,
  compare: string,
  variant: RenderOptions["variant"],
): string[] {
  const rows = commits.map((c) => {
    const author = c.authorUrl
      ? `[${escapeMd(cut(c.author, 39))}](${c.authorUrl})`
      : escapeMd(cut(c.author, 39));
    return `| ${link(`\`${short(c.sha)}\``, c.url)} | ${author} | ${safeText(firstLine(c.message))} | ${date(c.date)} |`;
  });
  const out = [`### ${title} (${fmt(total)})`, ""];
  if (rows.length > 0)
    out.push("| Commit | Author | Message | Date (UTC) |", "| --- | --- | --- | --- |", ...rows);
  const more = total - commits.length;
  if (more > 0) out.push("", `_…and ${fmt(more)} more commit${more === 1 ? "" : "s"}${compare}._`);
  out.push("");
  return variant === "comment" && rows.length > 15
    ? [
        `<details><summary>${escapeMd(title)} (${fmt(total)})</summary>`,
        "",
        ...out.slice(2),
        "</details>",
        "",
      ]
    : out;
}

function fileSection(p: Preview, rows: number): string[] {
  const totals = fileTotals(p.files);
  const capped = p.files.length >= 300 ? " (GitHub lists at most 300 files)" : "";
  const verb = p.filesDirection === "revert" ? "Files the rollback changes back" : "Changed files";
  const head = `${verb}: ${fmt(totals.files)}${capped}, +${fmt(totals.additions)} −${fmt(totals.deletions)}`;
  const out = [`### ${head}`, ""];
  const largest = largestFiles(p.files, rows);
  if (largest.length > 0) {
    out.push("| File | Status | + | − |", "| --- | --- | ---: | ---: |");
    for (const f of largest)
      out.push(
        `| ${safeText(cut(f.filename, 120))} | ${escapeMd(f.status)} | ${fmt(f.additions)} | ${fmt(f.deletions)} |`,
      );
    if (p.files.length > largest.length)
      out.push("", `_Largest ${largest.length} of ${fmt(p.files.length)} shown._`);
    out.push("");
  }
  return out;
}

export function fileTotals(files: PreviewFile[]): { files: number; additions: number; deletions: number } {
  let additions = 0;
  let deletions = 0;
  for (const f of files) {
    additions += f.additions;
    deletions += f.deletions;
  }
  return { files: files.length, additions, deletions };
}

/** The `n` files with the most changed lines, largest first (ties by name). */
export function largestFiles(files: PreviewFile[], n: number): PreviewFile[] {
  return [...files]
    .sort((a, b) => b.changes - a.changes || a.filename.localeCompare(b.filename))
    .slice(0, Math.max(0, n));
}

// ---- small helpers ----

export function short(sha: string): string {
  return sha.slice(0, 7);
}

/** Text from a commit: markdown-escaped, and @mentions / #refs defused so a comment pings nobody. */
function safeText(text: string): string {
  return escapeMd(text)
    .replace(/@(?=[A-Za-z0-9])/g, "@\u2060")
    .replace(/#(?=\d)/g, "#\u2060");
}

function code(text: string): string {
  return `\`${cut(text, 100).replace(/`/g, "'")}\``;
}

function link(text: string, url: string | undefined): string {
  return url ? `[${text}](${url})` : text;
}

function date(iso: string | undefined): string {
  if (!iso) return "-";
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  if (!m) return escapeMd(cut(iso, 25));
  // Dates with an offset are shown as given (UTC when they end in Z).
  return iso.endsWith("Z")
    ? `${m[1]} ${m[2]}`
    : `${m[1]} ${m[2]} ${escapeMd(iso.slice(19).replace(/^\.\d+/, ""))}`;
}

function fmt(n: number): string {
  return n.toLocaleString("en-US");
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const encoder = new TextEncoder();
function bytes(text: string): number {
  return encoder.encode(text).length;
}

function cutBytes(text: string, max: number): string {
  const note = "\n\n_…cut to fit._\n";
  let out = text;
  while (bytes(out) + bytes(note) > max) out = out.slice(0, Math.floor(out.length * 0.9));
  return out + note;
}
