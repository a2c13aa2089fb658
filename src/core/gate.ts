import { GateError } from "./errors.js";

/** Events that must never deploy to production: only a deliberate dispatch (or the break-glass CLI) may. */
export const FORBIDDEN_PRODUCTION_EVENTS = [
  "push",
  "pull_request",
  "pull_request_target",
  "schedule",
  "workflow_run",
] as const;

export function isProduction(environment: string, productionEnvironments: readonly string[]): boolean {
  const env = environment.trim().toLowerCase();
  return productionEnvironments.some((p) => p.trim().toLowerCase() === env);
}

/** The structural guard: a production deploy from an automated event is refused, naming the event. */
export function checkTriggerEvent(
  eventName: string,
  environment: string,
  productionEnvironments: readonly string[],
): void {
  if (!isProduction(environment, productionEnvironments)) return;
  if ((FORBIDDEN_PRODUCTION_EVENTS as readonly string[]).includes(eventName)) {
    throw new GateError(
      `refusing to deploy to ${environment}: the run was triggered by '${eventName}'. Production deploys start only from a deliberate dispatch (workflow_dispatch) or the break-glass CLI.`,
    );
  }
}

/** The parts of GET /repos/{owner}/{repo}/environments/{name} the gate reads. */
export interface EnvironmentProtection {
  name: string;
  protection_rules?: {
    type: string;
    reviewers?: { type: string; reviewer: { login?: string; slug?: string; name?: string } }[];
    prevent_self_review?: boolean;
  }[];
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
  state: "approved" | "rejected";
  comment: string;
  environments: { name?: string }[];
  user: { login: string };
  created_at?: string;
}

export interface Approval {
  approvedBy: string;
  approvedAt?: string;
  comment: string;
}

/** The approval of this run for `environment`: the newest approved one. */
export function findApproval(approvals: readonly RunApproval[], environment: string): Approval | undefined {
  const env = environment.toLowerCase();
  const matching = approvals.filter(
    (a) => a.state === "approved" && a.environments.some((e) => (e.name ?? "").toLowerCase() === env),
  );
  const newest = matching.sort((a, b) => (b.created_at ?? "").localeCompare(a.created_at ?? ""))[0];
  return newest
    ? { approvedBy: newest.user.login, approvedAt: newest.created_at, comment: newest.comment ?? "" }
    : undefined;
}
