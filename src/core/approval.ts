import { formatDuration } from "./duration.js";
import { InputError } from "./errors.js";
import { escapeMd } from "./health.js";
import { parseInteger } from "./inputs.js";
import { type Preview, renderPreviewMarkdown, short } from "./preview.js";

/**
 * The issue-comment approval gate, pure: who may approve (`approvers: LOGIN1,@ORG/TEAM`), what a comment
 * says, the tally of a comment thread into a decision, and the issue and comment texts.
 *
 * How a comment is read: its first word decides. The first line that is not empty and not a quote
 * (`> ...`, as GitHub's "Quote reply" writes) is taken, its first word stripped of surrounding markdown and
 * punctuation (`**LGTM**!`, `Approved.`), and compared case-insensitively with the whole words
 * `approve`, `approved`, `lgtm` (an approval) and `deny`, `denied`, `reject`, `rejected` (a denial).
 * Anything else is conversation: "I would not approve this yet" approves nothing, "approve-ish" is not
 * a word of the list. Comments that carry the gate's own marker are never read.
 */

export type Approver = { kind: "user"; login: string } | { kind: "team"; org: string; slug: string };

export type Verdict = "approve" | "deny";

/** The label every approval issue carries. */
export const APPROVAL_LABEL = "prodgate:approval";
export const APPROVE_WORDS = ["approve", "approved", "lgtm"] as const;
export const DENY_WORDS = ["deny", "denied", "reject", "rejected"] as const;

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const ORG = LOGIN;
const TEAM_SLUG = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,98}[A-Za-z0-9_])?$/;

/**
 * `LOGIN1, @ORG/TEAM` (commas, newlines or spaces between entries; a user may be written `@login`).
 * Duplicates are dropped (logins compare case-insensitively). Empty or malformed → InputError naming `input`.
 */
export function parseApprovers(input: string, raw: string): Approver[] {
  const entries = raw
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.length === 0)
    throw new InputError(
      input,
      "is required in issue mode: list who may approve, as logins and/or teams (e.g. 'alice, @acme/deployers')",
    );
  const out: Approver[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    const bare = entry.replace(/^@/, "");
    let approver: Approver;
    if (bare.includes("/")) {
      const [org = "", slug = "", ...rest] = bare.split("/");
      if (rest.length > 0 || !ORG.test(org) || !TEAM_SLUG.test(slug))
        throw new InputError(
          input,
          `has a malformed team '${entry.slice(0, 80)}': write a team as @ORG/TEAM-SLUG (e.g. @acme/deployers)`,
        );
      approver = { kind: "team", org, slug: slug.toLowerCase() };
    } else {
      if (!LOGIN.test(bare))
        throw new InputError(
          input,
          `has '${entry.slice(0, 80)}', which is not a GitHub login (letters, digits and single hyphens, at most 39) nor a team (@ORG/TEAM)`,
        );
      approver = { kind: "user", login: bare };
    }
    const key = approverKey(approver);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(approver);
  }
  return out;
}

/** `minimum-approvals`: a whole number of at least 1 (default 1). */
export function parseMinimumApprovals(input: string, raw: string): number {
  return parseInteger(input, raw.trim() || "1", 1, 100);
}

export function approverKey(a: Approver): string {
  return a.kind === "user" ? a.login.toLowerCase() : `@${a.org.toLowerCase()}/${a.slug.toLowerCase()}`;
}

/** `alice`, `@acme/deployers`: as written in a mention. */
export function formatApprover(a: Approver): string {
  return a.kind === "user" ? `@${a.login}` : `@${a.org}/${a.slug}`;
}

/** What a comment says: an approval, a denial, or nothing (see the module comment for the rule). */
export function verdictOf(body: string): Verdict | undefined {
  const line = body
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l !== "" && !l.startsWith(">"));
  if (!line) return undefined;
  const word = (line.split(/\s+/, 1)[0] ?? "")
    .replace(/^[^A-Za-z0-9]+/, "")
    .replace(/[^A-Za-z0-9]+$/, "")
    .toLowerCase();
  if ((APPROVE_WORDS as readonly string[]).includes(word)) return "approve";
  if ((DENY_WORDS as readonly string[]).includes(word)) return "deny";
  return undefined;
}

export interface ApprovalComment {
  id: number;
  /** The author's login. */
  user: string;
  body: string;
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601; differs from createdAt once anyone (anyone with write access can) edited the comment. */
  updatedAt?: string;
}

/** A comment someone edited after it was posted: an edited approval never counts (its author may not have written it). */
export function wasEdited(c: Pick<ApprovalComment, "createdAt" | "updatedAt">): boolean {
  return c.updatedAt !== undefined && c.updatedAt !== c.createdAt;
}

export interface ApprovalPolicy {
  /** Logins allowed to approve or deny (team members already resolved). */
  approvers: readonly string[];
  minimumApprovals: number;
  /** Who started the run: they cannot approve unless `allowSelfApproval`. They may always deny. */
  dispatcher: string;
  /** Who re-ran it, when someone else did: bound by the same rule. */
  rerunBy?: string;
  allowSelfApproval: boolean;
  /** Comments that contain it are the gate's own and are skipped. */
  marker: string;
}

export interface IgnoredComment {
  id: number;
  user: string;
  why: "not an approver" | "self-approval" | "already approved" | "edited after it was posted";
}

export interface Tally {
  state: "pending" | "approved" | "rejected";
  /** Approvers whose approval counted, in the order they approved (each once). */
  approvedBy: string[];
  /** When the approval that met the minimum was posted. */
  approvedAt?: string;
  deniedBy?: string;
  deniedAt?: string;
  /** The comment that decided. */
  decisiveComment?: ApprovalComment;
  /** Approve/deny words that did not count, and why. */
  ignored: IgnoredComment[];
}

/**
 * Reads a comment thread in the order it was written: each approver's approval counts once; the tally is
 * approved as soon as `minimumApprovals` distinct approvers have approved, and rejected as soon as any
 * approver denies before that. Words from anyone else are ignored, and so is the dispatcher's own approval
 * unless self-approval is allowed.
 */
export function tallyApprovals(comments: readonly ApprovalComment[], policy: ApprovalPolicy): Tally {
  const allowed = new Set(policy.approvers.map((l) => l.toLowerCase()));
  const self = selfLogins(policy);
  const ordered = [...comments].sort((a, b) =>
    a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id - b.id,
  );
  const approvedBy: string[] = [];
  const counted = new Set<string>();
  const ignored: IgnoredComment[] = [];
  for (const c of ordered) {
    if (policy.marker && c.body.includes(policy.marker)) continue;
    const verdict = verdictOf(c.body);
    if (!verdict) continue;
    const who = c.user.toLowerCase();
    if (!allowed.has(who)) {
      ignored.push({ id: c.id, user: c.user, why: "not an approver" });
      continue;
    }
    // A deny stands even when edited (whoever edited it cannot un-say it); an edited approval never counts.
    if (verdict === "approve" && wasEdited(c)) {
      ignored.push({ id: c.id, user: c.user, why: "edited after it was posted" });
      continue;
    }
    if (verdict === "deny")
      return {
        state: "rejected",
        approvedBy,
        deniedBy: c.user,
        deniedAt: c.createdAt,
        decisiveComment: c,
        ignored,
      };
    if (self.has(who) && !policy.allowSelfApproval) {
      ignored.push({ id: c.id, user: c.user, why: "self-approval" });
      continue;
    }
    if (counted.has(who)) {
      ignored.push({ id: c.id, user: c.user, why: "already approved" });
      continue;
    }
    counted.add(who);
    approvedBy.push(c.user);
    if (approvedBy.length >= policy.minimumApprovals)
      return { state: "approved", approvedBy, approvedAt: c.createdAt, decisiveComment: c, ignored };
  }
  return { state: "pending", approvedBy, ignored };
}

/** Approvers who could approve at all (who started or re-ran the run left out unless self-approval is allowed). */
export function eligibleApprovers(policy: Omit<ApprovalPolicy, "marker" | "minimumApprovals">): string[] {
  const self = selfLogins(policy);
  return policy.approvers.filter((l) => policy.allowSelfApproval || !self.has(l.toLowerCase()));
}

/** The dispatcher and whoever re-ran the run, lower case. */
export function selfLogins(policy: Pick<ApprovalPolicy, "dispatcher" | "rerunBy">): Set<string> {
  return new Set([policy.dispatcher, policy.rerunBy ?? ""].filter(Boolean).map((l) => l.toLowerCase()));
}

// ---- texts ----

export interface ApprovalTarget {
  repository: string;
  /** The Heroku app (or other surface); the repository stands in when absent. */
  app?: string;
  environment: string;
  runId: string;
}

/** The hidden marker of the approval issue of one run, app and environment (re-runs find it again). */
export function approvalMarker(t: ApprovalTarget): string {
  const key = `${t.repository}#${t.runId}:${t.app ?? "-"}@${t.environment}`
    .replace(/[^A-Za-z0-9._:/@#+-]/g, "_")
    .replace(/-{2,}/g, "-")
    .slice(0, 300);
  return `<!-- prodgate:approval ${key} -->`;
}

/** "Approve deploy of shop-api to production" */
export function approvalIssueTitle(t: Pick<ApprovalTarget, "app" | "environment" | "repository">): string {
  return `Approve deploy of ${t.app ?? t.repository} to ${t.environment}`.slice(0, 256);
}

export interface ApprovalIssueBody {
  target: ApprovalTarget;
  marker: string;
  approvers: readonly Approver[];
  minimumApprovals: number;
  dispatcher: string;
  rerunBy?: string;
  allowSelfApproval: boolean;
  timeoutMs: number;
  /** ISO time after which the gate rejects. */
  deadline: string;
  runUrl?: string;
  /** What ships; its markdown follows the instructions. */
  preview?: Preview;
  /** The ref to deploy, shown when no preview is at hand. */
  ref?: string;
  /** Why the preview is missing. */
  previewNote?: string;
  /** Byte bound of the whole body (GitHub: 65,536 characters). */
  maxBytes?: number;
}

/** The issue body: marker, what to do, who may do it, until when, then the diff preview and the run link. */
export function renderApprovalIssueBody(b: ApprovalIssueBody): string {
  const target = `${b.target.app ? `**${escapeMd(b.target.app)}**` : escapeMd(b.target.repository)} to **${escapeMd(b.target.environment)}**`;
  const what = b.preview
    ? ` \`${short(b.preview.to.sha)}\`${b.preview.from ? ` (live now: \`${short(b.preview.from.sha)}\`)` : ""}`
    : b.ref
      ? ` \`${escapeMd(b.ref)}\``
      : "";
  const run = b.runUrl ? ` in [workflow run ${escapeMd(b.target.runId)}](${b.runUrl})` : "";
  const need = b.minimumApprovals === 1 ? "one approval" : `${b.minimumApprovals} approvals`;
  const rerun = b.rerunBy && b.rerunBy.toLowerCase() !== b.dispatcher.toLowerCase() ? b.rerunBy : undefined;
  const self = b.allowSelfApproval
    ? ""
    : rerun
      ? ` @${escapeMd(b.dispatcher)} started this run and @${escapeMd(rerun)} re-ran it: neither can approve it.`
      : ` @${escapeMd(b.dispatcher)} started this run and cannot approve it.`;
  const header = [
    b.marker,
    `@${escapeMd(b.dispatcher)} asked to deploy${what} of ${target}${run}.`,
    "",
    `**To approve**, comment \`approve\`, \`approved\` or \`lgtm\` as the first word of a comment. **To stop it**, comment \`deny\`, \`denied\` or \`reject\`. Other comments are conversation; only approvers count.`,
    "",
    `**Approvers:** ${b.approvers.map((a) => escapeMd(formatApprover(a))).join(", ")} · **needed:** ${need}.${self}`,
    "",
    `The gate waits ${formatDuration(b.timeoutMs)}, until ${b.deadline.replace(/\.\d+Z$/, "Z")}; then the deploy is rejected. Closing this issue rejects it too.`,
    "",
    "---",
  ];
  if (b.previewNote) header.push("", `> [!WARNING]`, `> No diff preview: ${escapeMd(b.previewNote)}`);
  const before = header.join("\n");
  const maxBytes = b.maxBytes ?? 60_000;
  if (b.preview) return renderPreviewMarkdown(b.preview, { variant: "comment", before, maxBytes });
  const footer = b.runUrl ? `\n\n<sub>prodgate environment-gate · [workflow run](${b.runUrl})</sub>\n` : "\n";
  return `${before}${footer}`;
}

export type RejectionCause = "denied" | "timeout" | "closed" | "deleted";

export interface GateDecision {
  decision: "approved" | "rejected";
  approvedBy: string[];
  approvedAt?: string;
  cause?: RejectionCause;
  /** The approver who denied, or who closed the issue. */
  by?: string;
  /** One sentence for logs, outputs and the decision comment. */
  reason: string;
}

/** The decision and its sentence. */
export function describeDecision(d: {
  tally: Tally;
  minimumApprovals: number;
  cause?: RejectionCause;
  by?: string;
  timeoutMs?: number;
  issueNumber?: number;
}): GateDecision {
  const list = (logins: readonly string[]) => logins.map((l) => `@${l}`).join(", ");
  const { tally } = d;
  if (!d.cause && tally.state === "approved")
    return {
      decision: "approved",
      approvedBy: tally.approvedBy,
      approvedAt: tally.approvedAt,
      reason: `approved by ${list(tally.approvedBy)}`,
    };
  const cause: RejectionCause = d.cause ?? "denied";
  const partial =
    tally.approvedBy.length > 0
      ? ` with ${tally.approvedBy.length} of ${d.minimumApprovals} approvals (${list(tally.approvedBy)})`
      : ` with 0 of ${d.minimumApprovals} approvals`;
  const by = d.by ?? tally.deniedBy;
  const issue = d.issueNumber !== undefined ? ` #${d.issueNumber}` : "";
  const reason =
    cause === "denied"
      ? `denied by @${by ?? "an approver"}`
      : cause === "timeout"
        ? `rejected by timeout: no decision within ${formatDuration(d.timeoutMs ?? 0)}${partial}`
        : cause === "closed"
          ? `rejected: the approval issue${issue} was closed${by ? ` by @${by}` : ""} before it was approved`
          : `rejected: the approval issue${issue} was deleted`;
  return { decision: "rejected", approvedBy: tally.approvedBy, cause, by, reason };
}

/** The hidden line of a decision comment that the deploy step reads back (only from the gate's own, unedited comments). */
export function decisionMarker(decision: "approved" | "rejected"): string {
  return `<!-- prodgate:decision ${decision} -->`;
}

/** The decision a comment of the gate records, if it is one. */
export function recordedDecision(body: string): "approved" | "rejected" | undefined {
  const m = /<!-- prodgate:decision (approved|rejected) -->/.exec(body);
  return m ? (m[1] as "approved" | "rejected") : undefined;
}

/** The comment the gate posts when it decides (it carries the marker, so the gate never reads it). */
export function renderDecisionComment(
  d: GateDecision,
  opts: { marker: string; runUrl?: string; ignored?: readonly IgnoredComment[] },
): string {
  const run = opts.runUrl ? ` · [workflow run](${opts.runUrl})` : "";
  const sentence = escapeMd(d.reason.charAt(0).toUpperCase() + d.reason.slice(1));
  const head =
    d.decision === "approved"
      ? `✅ **${sentence}.** The deploy goes ahead.`
      : `⛔ **${sentence}.** Nothing is deployed.`;
  const when = d.approvedAt ? `\n\nApproved at ${d.approvedAt}.` : "";
  const edited = (opts.ignored ?? []).filter((i) => i.why === "edited after it was posted");
  const editedNote = edited.length
    ? `\n\nNot counted: ${edited.map((i) => `the approval by @${escapeMd(i.user)} (comment ${i.id})`).join(", ")}, edited after it was posted. Anyone with write access can edit a comment, so an edited approval never counts: approve again in a new comment.`
    : "";
  return `${opts.marker}\n${decisionMarker(d.decision)}\n${head}${when}${editedNote}\n\n<sub>prodgate environment-gate${run}</sub>\n`;
}
