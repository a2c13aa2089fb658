import { GateError, InputError } from "./errors.js";
import { parseList } from "./inputs.js";

/** The one event that starts a production deploy without a policy naming another (plus the CLI's typed phrase). */
export const PRODUCTION_EVENT = "workflow_dispatch";

/**
 * Events that can never start a production deploy, not even when a policy names them: a push or a pull
 * request (any `pull_request*` event), a schedule, or another workflow's completion deploy by accident.
 */
export function isNeverAllowedEvent(eventName: string): boolean {
  const e = eventName.trim().toLowerCase();
  return e === "push" || e.startsWith("pull_request") || e === "schedule" || e === "workflow_run";
}

/** The one meaning of production: the environment is one of `production-environments` (case-insensitive). */
export function isProduction(environment: string, productionEnvironments: readonly string[]): boolean {
  const env = environment.trim().toLowerCase();
  return productionEnvironments.some((p) => p.trim().toLowerCase() === env);
}

/**
 * The structural guard, an allow-list: production starts only from `workflow_dispatch`, or from an event the
 * policy file names deliberately (`events:`), and never from push, pull_request*, schedule or workflow_run.
 * The refusal quotes the event as GitHub spells it.
 */
export function checkTriggerEvent(
  eventName: string,
  environment: string,
  productionEnvironments: readonly string[],
  allowedEvents: readonly string[] = [],
): void {
  if (!isProduction(environment, productionEnvironments)) return;
  const event = eventName.trim();
  if (event === PRODUCTION_EVENT) return;
  if (!isNeverAllowedEvent(event) && allowedEvents.some((e) => e.trim() === event)) return;
  const extra = allowedEvents.filter((e) => !isNeverAllowedEvent(e));
  const allowed = [PRODUCTION_EVENT, ...extra].join(", ");
  const hint = isNeverAllowedEvent(event)
    ? ` '${event}' can never deploy to production.`
    : ` To deploy from '${event}' deliberately, name it under environments.${environment}.events in .github/prodgate.yml on the default branch.`;
  throw new GateError(
    `refusing to deploy to ${environment}: the run was triggered by '${event}'. Production deploys start only from ${allowed} or the break-glass CLI.${hint}`,
  );
}

/** The parts of GET /repos/{owner}/{repo}/environments/{name} the gate reads. */
export interface EnvironmentProtection {
  name: string;
  protection_rules?: {
    type: string;
    reviewers?: { type: string; reviewer: { login?: string; slug?: string; name?: string; id?: number } }[];
    prevent_self_review?: boolean;
    wait_timer?: number;
  }[];
  deployment_branch_policy?: { protected_branches: boolean; custom_branch_policies: boolean } | null;
}

/** Reviewers of the environment's required_reviewers rule; refuses when there are none and they are required. */
export function requiredReviewers(
  env: EnvironmentProtection | undefined,
  environment: string,
  repository: string,
  require: boolean,
): string[] {
  const rule = env?.protection_rules?.find((r) => r.type === "required_reviewers");
  const reviewers = (rule?.reviewers ?? []).map((r) =>
    r.type === "Team" ? `@${r.reviewer.slug ?? r.reviewer.name ?? "team"}` : (r.reviewer.login ?? "unknown"),
  );
  if (require && reviewers.length === 0) {
    const why = env ? "has no required reviewers" : "does not exist";
    throw new GateError(
      `environment '${environment}' of ${repository} ${why}, so nobody would approve this deploy. Add required reviewers (Settings → Environments → ${environment} → Required reviewers, or \`prodgate env setup --repo ${repository} --environment ${environment} --reviewers LOGIN\`), or use the issue-comment gate (mode: issue) where required reviewers are not available.`,
    );
  }
  return reviewers;
}

/** One entry of GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals. */
export interface RunApproval {
  state: "approved" | "rejected" | "pending";
  comment: string;
  environments: { name?: string }[];
  user: { login: string };
  created_at?: string;
}

// ---- environment as code (prodgate env setup) ----

/** A reviewer as `prodgate env setup --reviewers` takes it: `login` or `@org/team-slug`. */
export type ReviewerRef = { type: "User"; login: string } | { type: "Team"; org: string; slug: string };

/** GitHub allows up to six reviewers (users or teams) on an environment. */
export const MAX_REVIEWERS = 6;

export function reviewerLabel(r: ReviewerRef): string {
  return r.type === "User" ? r.login : `@${r.org}/${r.slug}`;
}

/** `alice,bob,@acme/ops`: users by login, teams as @org/slug; at most six, no duplicates. */
export function parseReviewers(input: string, raw: string): ReviewerRef[] {
  const out: ReviewerRef[] = [];
  for (const part of parseList(raw)) {
    const team = /^@([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9_.-]{1,100})$/.exec(part);
    if (team) out.push({ type: "Team", org: team[1]!, slug: team[2]!.toLowerCase() });
    else if (/^@?[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/.test(part))
      out.push({ type: "User", login: part.replace(/^@/, "") });
    else
      throw new InputError(
        input,
        `has '${part}', which is neither a GitHub login nor a team as @org/team-slug`,
      );
  }
  if (out.length === 0) throw new InputError(input, "must name at least one reviewer (login or @org/team)");
  const labels = out.map((r) => reviewerLabel(r).toLowerCase());
  const dup = labels.find((l, i) => labels.indexOf(l) !== i);
  if (dup) throw new InputError(input, `names ${dup} twice`);
  if (out.length > MAX_REVIEWERS)
    throw new InputError(input, `names ${out.length} reviewers; GitHub allows at most ${MAX_REVIEWERS}`);
  return out;
}

/** Deployment branch names for `--branch`: `main`, `release/*`; fnmatch patterns GitHub takes. */
export function parseBranches(input: string, raw: string): string[] {
  const out = parseList(raw);
  for (const b of out)
    if (b.length > 255 || /[\s~^:?\\\u0000-\u001f\u007f]/.test(b) || b.startsWith("-") || b.includes(".."))
      throw new InputError(input, `has '${b}', which is not a branch name or pattern`);
  return [...new Set(out)];
}

export interface EnvironmentSpec {
  reviewers: ReviewerRef[];
  preventSelfReview: boolean;
  /** Minutes to wait after approval (0-43200); undefined keeps what is there. */
  waitTimer?: number;
  /** Only these branches (patterns) may deploy; undefined keeps the environment's branch policy. */
  branches?: string[];
}

/** The request body of PUT /repos/{owner}/{repo}/environments/{name}. */
export interface EnvironmentPutBody {
  wait_timer?: number;
  prevent_self_review: boolean;
  reviewers: { type: "User" | "Team"; id: number }[];
  deployment_branch_policy?: { protected_branches: boolean; custom_branch_policies: boolean } | null;
}

export interface EnvironmentPlan {
  /** What differs, one line each; empty when the environment already matches the spec. */
  changes: string[];
  /** PUT the body (creates the environment, sets reviewers and rules). */
  put?: EnvironmentPutBody;
  branchesToAdd: string[];
  branchesToRemove: string[];
}

/**
 * What `prodgate env setup` must change so that the environment matches `spec` (environment as code):
 * nothing when it already does, so running it again changes nothing. `ids` maps each reviewer's label to
 * the id GitHub knows it by; `currentBranches` are the names of the environment's branch policies.
 */
export function planEnvironment(
  current: EnvironmentProtection | undefined,
  currentBranches: readonly string[],
  spec: EnvironmentSpec,
  ids: ReadonlyMap<string, number>,
): EnvironmentPlan {
  const changes: string[] = [];
  const rule = current?.protection_rules?.find((r) => r.type === "required_reviewers");
  const have = new Set(
    (rule?.reviewers ?? []).map((r) =>
      r.type === "Team"
        ? `team:${r.reviewer.id ?? r.reviewer.slug}`
        : `user:${r.reviewer.id ?? r.reviewer.login}`,
    ),
  );
  const want = new Set(
    spec.reviewers.map((r) => `${r.type === "Team" ? "team" : "user"}:${ids.get(reviewerLabel(r))}`),
  );
  if (!current) changes.push("create the environment");
  if (have.size !== want.size || [...want].some((w) => !have.has(w)))
    changes.push(`required reviewers → ${spec.reviewers.map(reviewerLabel).join(", ")}`);
  if (Boolean(rule?.prevent_self_review) !== spec.preventSelfReview)
    changes.push(`prevent self-review → ${spec.preventSelfReview}`);
  const timerRule = current?.protection_rules?.find((r) => r.type === "wait_timer");
  if (spec.waitTimer !== undefined && (timerRule?.wait_timer ?? 0) !== spec.waitTimer)
    changes.push(`wait timer → ${spec.waitTimer} min`);
  const policy = current?.deployment_branch_policy ?? null;
  let branchPolicy: EnvironmentPutBody["deployment_branch_policy"];
  if (spec.branches !== undefined) {
    branchPolicy = spec.branches.length ? { protected_branches: false, custom_branch_policies: true } : null;
    const same =
      branchPolicy === null
        ? policy === null
        : Boolean(policy?.custom_branch_policies && !policy.protected_branches);
    if (!same)
      changes.push(
        branchPolicy ? "deployment branches → selected branches only" : "deployment branches → any branch",
      );
  }
  const put =
    changes.length > 0
      ? {
          ...(spec.waitTimer !== undefined
            ? { wait_timer: spec.waitTimer }
            : timerRule?.wait_timer
              ? { wait_timer: timerRule.wait_timer }
              : {}),
          prevent_self_review: spec.preventSelfReview,
          reviewers: spec.reviewers.map((r) => ({ type: r.type, id: ids.get(reviewerLabel(r))! })),
          deployment_branch_policy: branchPolicy === undefined ? policy : branchPolicy,
        }
      : undefined;
  const wanted = spec.branches ?? [];
  const branchesToAdd = spec.branches ? wanted.filter((b) => !currentBranches.includes(b)) : [];
  const branchesToRemove = spec.branches ? currentBranches.filter((b) => !wanted.includes(b)) : [];
  for (const b of branchesToAdd) changes.push(`allow deploys from branch ${b}`);
  for (const b of branchesToRemove) changes.push(`no longer allow deploys from branch ${b}`);
  return { changes, put, branchesToAdd, branchesToRemove };
}
