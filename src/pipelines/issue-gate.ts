import {
  APPROVAL_LABEL,
  type ApprovalComment,
  type Approver,
  approvalIssueTitle,
  approvalMarker,
  describeDecision,
  eligibleApprovers,
  formatApprover,
  type GateDecision,
  type RejectionCause,
  renderApprovalIssueBody,
  renderDecisionComment,
  selfLogins,
  type Tally,
  tallyApprovals,
} from "../core/approval.js";
import { formatDuration } from "../core/duration.js";
import { describeError, GateError, VendorError } from "../core/errors.js";
import { checkTriggerEvent } from "../core/gate.js";
import { type Clock, type Reporter, systemClock } from "../core/ports.js";
import type { Preview } from "../core/preview.js";
import {
  addIssueAssignees,
  type Comment,
  type GitHubClient,
  getIssue,
  type Issue,
  type IssueDetails,
  listAllIssueComments,
} from "../vendors/github.js";
import { resolveApproverLogins } from "./approvers.js";
import { computePreview, type LiveCommitSource } from "./preview.js";

/**
 * The issue-comment approval gate (environment-gate `mode: issue`), for repositories whose plan has no
 * required reviewers on environments: open (or, on a re-run, find again) an issue that shows what will ship,
 * poll every page of its comments until approvers approve, one denies, the issue is closed or the timeout
 * passes, then say so on the issue and close it. A failed poll (GitHub 5xx, a dropped connection) is
 * skipped, never taken for a rejection.
 */

export interface IssueGateSettings {
  /** The Heroku app (or surface) named in the title; the repository stands in when absent. */
  app?: string;
  environment: string;
  approvers: readonly Approver[];
  /** With a policy file: the workflow's own approver list, which can only narrow `approvers`. */
  narrowTo?: readonly Approver[];
  /** Events besides workflow_dispatch the policy allows for production. */
  allowedEvents?: readonly string[];
  minimumApprovals: number;
  allowSelfApproval: boolean;
  /** Who started the run (github.actor). */
  dispatcher: string;
  /** Who re-ran it (github.triggering_actor), when not the dispatcher: bound by the same rule. */
  rerunBy?: string;
  pollIntervalMs: number;
  timeoutMs: number;
  /** The run whose deploy waits; a re-run of it reuses its open issue. */
  runId: string;
  runUrl?: string;
  /** The triggering event: production is refused from push, schedule, ... as in every mode. */
  eventName?: string;
  productionEnvironments?: readonly string[];
  /** What ships (the issue body shows it); computed from `ref` when absent. */
  preview?: Preview;
  /** Why there is no preview. */
  previewNote?: string;
  /** The branch, tag or SHA to deploy. */
  ref?: string;
  /** The SHA live now, when known (else read from Heroku through `ports.heroku`). */
  fromSha?: string;
  /** Commits listed in the preview (default 50). */
  maxCommits?: number;
  serverUrl?: string;
  /** Comments read per page (GitHub's maximum, 100, by default). */
  commentsPerPage?: number;
}

export interface IssueGatePorts {
  github: GitHubClient;
  /** Reads team members (org Members: read), which the job's token cannot; default `github`. */
  teams?: GitHubClient;
  /** Reads the SHA live on the app for the preview (HerokuClient). */
  heroku?: LiveCommitSource;
  reporter: Reporter;
  clock?: Clock;
  /** Aborts the wait between polls. */
  signal?: AbortSignal;
}

export interface IssueGateResult {
  decision: "approved" | "rejected";
  /** Approvers whose approval counted, in the order they approved. */
  approvedBy: string[];
  /** When the approval that met the minimum was posted (ISO 8601). */
  approvedAt?: string;
  /** Why a rejection happened. */
  cause?: RejectionCause;
  reason: string;
  issueNumber: number;
  issueUrl: string;
  /** The comment that decided (approval or denial), cut to 1,000 characters. */
  decisiveComment?: string;
  /** True when a re-run found its open issue again. */
  reused: boolean;
  polls: number;
}

export async function runIssueGate(
  settings: IssueGateSettings,
  ports: IssueGatePorts,
): Promise<IssueGateResult> {
  const { github, reporter } = ports;
  const clock = ports.clock ?? systemClock;
  if (settings.eventName !== undefined)
    checkTriggerEvent(
      settings.eventName,
      settings.environment,
      settings.productionEnvironments ?? ["production"],
      settings.allowedEvents,
    );

  const approvers = await resolveApproverLogins(
    ports.teams ?? github,
    { approvers: [...settings.approvers], narrowTo: settings.narrowTo ? [...settings.narrowTo] : undefined },
    reporter,
  );
  const self = selfLogins(settings);
  const eligible = eligibleApprovers({
    approvers,
    dispatcher: settings.dispatcher,
    rerunBy: settings.rerunBy,
    allowSelfApproval: settings.allowSelfApproval,
  });
  if (eligible.length < settings.minimumApprovals) {
    const blocked = approvers.filter((a) => self.has(a.toLowerCase()));
    const why =
      !settings.allowSelfApproval && blocked.length > 0
        ? `; ${blocked.map((l) => `@${l}`).join(" and ")} started this run and cannot approve it unless allow-self-approval is true`
        : "";
    throw new GateError(
      `minimum-approvals is ${settings.minimumApprovals} but only ${eligible.length} approver${eligible.length === 1 ? "" : "s"} could approve (${eligible.map((l) => `@${l}`).join(", ") || "none"}${why}): add approvers or lower minimum-approvals`,
    );
  }

  const target = {
    repository: github.fullName,
    app: settings.app,
    environment: settings.environment,
    runId: settings.runId,
  };
  const marker = approvalMarker(target);
  const { preview, previewNote } = await previewFor(settings, ports);
  const deadlineMs = clock.now().getTime() + settings.timeoutMs;
  const body = renderApprovalIssueBody({
    target,
    marker,
    approvers: settings.approvers,
    minimumApprovals: settings.minimumApprovals,
    dispatcher: settings.dispatcher,
    rerunBy: settings.rerunBy,
    allowSelfApproval: settings.allowSelfApproval,
    timeoutMs: settings.timeoutMs,
    deadline: new Date(deadlineMs).toISOString(),
    runUrl: settings.runUrl,
    preview,
    previewNote,
    ref: settings.ref,
  });
  const { issue, reused } = await openIssue(github, reporter, {
    marker,
    title: approvalIssueTitle(target),
    body,
  });
  const number = issue.number;
  const assignees = settings.approvers
    .filter((a): a is Extract<Approver, { kind: "user" }> => a.kind === "user")
    .map((a) => a.login)
    .filter((l) => eligible.some((e) => e.toLowerCase() === l.toLowerCase()));
  if (assignees.length > 0)
    await addIssueAssignees(github, number, assignees).catch((err: unknown) =>
      reporter.warning(`Could not assign #${number} to the approvers: ${describeError(err)}`),
    );
  reporter.info(
    `Waiting up to ${formatDuration(settings.timeoutMs)} for ${settings.minimumApprovals} approval${settings.minimumApprovals === 1 ? "" : "s"} from ${settings.approvers.map(formatApprover).join(", ")} on ${issue.html_url}`,
  );

  const policy = {
    approvers,
    minimumApprovals: settings.minimumApprovals,
    dispatcher: settings.dispatcher,
    rerunBy: settings.rerunBy,
    allowSelfApproval: settings.allowSelfApproval,
    marker,
  };
  const logged = new Set<number>();
  let lastCount = -1;
  let polls = 0;
  let decided: { decision: GateDecision; comment?: ApprovalComment; closedAlready: boolean } | undefined;
  let tally: Tally = { state: "pending", approvedBy: [], ignored: [] };

  while (!decided) {
    polls++;
    const seen = await poll(github, number, settings.commentsPerPage).catch((err: unknown) => {
      if (!transient(err)) throw err;
      reporter.warning(
        `Poll ${polls} of #${number} failed, trying again at the next one: ${describeError(err)}`,
      );
      return null;
    });
    if (seen === undefined) {
      decided = {
        decision: describeDecision({
          tally,
          minimumApprovals: settings.minimumApprovals,
          cause: "deleted",
          issueNumber: number,
        }),
        closedAlready: true,
      };
      break;
    }
    if (seen) {
      tally = tallyApprovals(seen.comments, policy);
      for (const i of tally.ignored) {
        if (logged.has(i.id)) continue;
        logged.add(i.id);
        reporter.info(`Ignored a comment by @${i.user}: ${i.why}`);
      }
      if (tally.approvedBy.length !== lastCount) {
        lastCount = tally.approvedBy.length;
        if (tally.state === "pending" && lastCount > 0)
          reporter.info(
            `Approvals: ${lastCount} of ${settings.minimumApprovals} (${tally.approvedBy.map((l) => `@${l}`).join(", ")})`,
          );
      }
      const closed = seen.issue.state === "closed";
      const decidedAt = tally.approvedAt ?? tally.deniedAt;
      const closedFirst =
        closed && (!decidedAt || (seen.issue.closed_at != null && seen.issue.closed_at < decidedAt));
      if (tally.state !== "pending" && !closedFirst) {
        decided = {
          decision: describeDecision({ tally, minimumApprovals: settings.minimumApprovals }),
          comment: tally.decisiveComment,
          closedAlready: closed,
        };
        break;
      }
      if (closed) {
        const pendingTally: Tally = { ...tally, state: "pending" };
        decided = {
          decision: describeDecision({
            tally: pendingTally,
            minimumApprovals: settings.minimumApprovals,
            cause: "closed",
            by: seen.issue.closed_by?.login,
            issueNumber: number,
          }),
          closedAlready: true,
        };
        break;
      }
    }
    const now = clock.now().getTime();
    if (now >= deadlineMs) {
      decided = {
        decision: describeDecision({
          tally,
          minimumApprovals: settings.minimumApprovals,
          cause: "timeout",
          timeoutMs: settings.timeoutMs,
        }),
        closedAlready: false,
      };
      break;
    }
    await clock.sleep(Math.min(settings.pollIntervalMs, deadlineMs - now), ports.signal);
  }

  const { decision } = decided;
  if (decision.cause !== "deleted") {
    await github
      .createIssueComment(
        number,
        renderDecisionComment(decision, { marker, runUrl: settings.runUrl, ignored: tally.ignored }),
      )
      .catch((err: unknown) =>
        reporter.warning(`Could not comment the decision on #${number}: ${describeError(err)}`),
      );
    if (!decided.closedAlready)
      await github
        .updateIssue(number, {
          state: "closed",
          state_reason: decision.decision === "approved" ? "completed" : "not_planned",
        })
        .catch((err: unknown) => reporter.warning(`Could not close #${number}: ${describeError(err)}`));
  }
  reporter.info(`Deploy ${decision.decision} on #${number}: ${decision.reason}`);
  return {
    decision: decision.decision,
    approvedBy: decision.decision === "approved" ? decision.approvedBy : [],
    approvedAt: decision.approvedAt,
    cause: decision.cause,
    reason: decision.reason,
    issueNumber: number,
    issueUrl: issue.html_url,
    decisiveComment: decided.comment?.body.slice(0, 1000),
    reused,
    polls,
  };
}

/** The preview the settings carry, else one computed now; a preview that fails is a warning, not a stop. */
async function previewFor(
  settings: IssueGateSettings,
  ports: IssueGatePorts,
): Promise<{ preview?: Preview; previewNote?: string }> {
  if (settings.preview || settings.previewNote || !settings.ref)
    return { preview: settings.preview, previewNote: settings.previewNote };
  if (!settings.fromSha && !(settings.app && ports.heroku))
    return {
      previewNote:
        "no from-sha (the SHA live now) was given, so no commit list; the workflow run linked here shows what ships",
    };
  try {
    const preview = await computePreview(
      {
        app: settings.app,
        environment: settings.environment,
        productionEnvironments: settings.productionEnvironments,
        ref: settings.ref,
        fromSha: settings.fromSha,
        maxCommits: settings.maxCommits ?? 50,
        serverUrl: settings.serverUrl,
        runUrl: settings.runUrl,
      },
      { github: ports.github, heroku: ports.heroku, reporter: ports.reporter, clock: ports.clock },
    );
    return { preview };
  } catch (err) {
    const note = describeError(err);
    ports.reporter.warning(`No diff preview for the approval issue: ${note}`);
    return { previewNote: note };
  }
}

/** The open issue of this run (a re-run), else a new one. A create that fails midway is checked before retrying. */
async function openIssue(
  github: GitHubClient,
  reporter: Reporter,
  want: { marker: string; title: string; body: string },
): Promise<{ issue: Issue; reused: boolean }> {
  // Only an issue the gate itself opened: anyone can open one that carries the marker and the label.
  const self = (await github.identity()).toLowerCase();
  const find = async () =>
    (await github.listIssues({ labels: [APPROVAL_LABEL], state: "open" })).find(
      (i) => (i.user?.login ?? "").toLowerCase() === self && (i.body ?? "").includes(want.marker),
    );
  const existing = await find();
  if (existing) {
    reporter.info(`Re-run: reusing the open approval issue #${existing.number} (${existing.html_url})`);
    await github
      .updateIssue(existing.number, { body: want.body })
      .catch((err: unknown) =>
        reporter.warning(`Could not refresh #${existing.number}: ${describeError(err)}`),
      );
    return { issue: existing, reused: true };
  }
  const create = () => github.createIssue({ title: want.title, body: want.body, labels: [APPROVAL_LABEL] });
  try {
    const issue = await create();
    reporter.info(`Opened approval issue #${issue.number}: ${issue.html_url}`);
    return { issue, reused: false };
  } catch (err) {
    if (!transient(err)) throw err;
    // The issue may exist although the answer was lost: look before opening a second one.
    const again = await find();
    if (again) return { issue: again, reused: false };
    const issue = await create();
    reporter.info(`Opened approval issue #${issue.number}: ${issue.html_url}`);
    return { issue, reused: false };
  }
}

/** One look at the issue: its state and every comment. undefined when the issue is gone. */
async function poll(
  github: GitHubClient,
  number: number,
  perPage: number | undefined,
): Promise<{ issue: IssueDetails; comments: ApprovalComment[] } | undefined> {
  const issue = await getIssue(github, number);
  if (!issue) return undefined;
  const comments = await listAllIssueComments(github, number, { perPage });
  return { issue, comments: comments.filter((c) => c.user?.login).map(toApprovalComment) };
}

function toApprovalComment(c: Comment): ApprovalComment {
  return {
    id: c.id,
    user: c.user?.login ?? "",
    body: c.body ?? "",
    createdAt: c.created_at,
    updatedAt: c.updated_at,
  };
}

/** Errors worth another poll: GitHub unreachable, 5xx, rate limits. */
function transient(err: unknown): boolean {
  return err instanceof VendorError && (err.retryable || err.status === undefined || err.status >= 500);
}
