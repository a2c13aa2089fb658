import { fitComment } from "./github-comments.js";
import type { GitHubCore, Schema } from "./github-core.js";

/** Issues (the status sweep's incidents, the issue-comment gate's approval issue) and team members. */

export type Issue = Schema<"issue">;
/** An issue as GET /repos/{owner}/{repo}/issues/{number} returns it: with who closed it and when. */
export type IssueDetails = Issue;

const ISSUES_WRITE_HINT = "The token needs `issues: write`: add `permissions: issues: write` to the job";

/** Issues (not pull requests) with every one of `labels`, open by default. */
export async function listIssues(
  gh: GitHubCore,
  opts: { labels?: string[]; state?: "open" | "closed" | "all"; maxItems?: number } = {},
): Promise<Issue[]> {
  const items = await gh.list<Issue>(
    "GET /repos/{owner}/{repo}/issues",
    { ...gh.ownerRepo, labels: opts.labels?.join(","), state: opts.state ?? "open" },
    { maxItems: opts.maxItems ?? 500, what: "list issues" },
  );
  return items.filter((i) => !i.pull_request);
}

export function createIssue(
  gh: GitHubCore,
  issue: { title: string; body: string; labels?: string[] },
): Promise<Issue> {
  return gh.data<Issue>(
    "POST /repos/{owner}/{repo}/issues",
    { ...gh.ownerRepo, title: issue.title, body: fitComment(issue.body), labels: issue.labels },
    { retry: false, what: "open an issue", hints: { 403: ISSUES_WRITE_HINT } },
  );
}

export function updateIssue(
  gh: GitHubCore,
  number: number,
  patch: {
    state?: "open" | "closed";
    state_reason?: "completed" | "not_planned" | "reopened";
    body?: string;
  },
): Promise<Issue> {
  return gh.data<Issue>(
    "PATCH /repos/{owner}/{repo}/issues/{issue_number}",
    { ...gh.ownerRepo, issue_number: number, ...patch },
    { what: `update issue #${number}`, hints: { 403: ISSUES_WRITE_HINT } },
  );
}

/** One issue; undefined when it is gone (404, or 410 for a deleted issue). */
export async function getIssue(gh: GitHubCore, number: number): Promise<IssueDetails | undefined> {
  const res = await gh.call<IssueDetails>(
    "GET /repos/{owner}/{repo}/issues/{issue_number}",
    { ...gh.ownerRepo, issue_number: number },
    { accept: [404, 410], what: `read issue #${number}` },
  );
  return res.ok ? res.data : undefined;
}

/**
 * Assigns users to an issue (GitHub keeps at most 10 and silently skips users who cannot be assigned, such
 * as people without access to the repository).
 */
export function addIssueAssignees(gh: GitHubCore, number: number, logins: string[]): Promise<IssueDetails> {
  return gh.data<IssueDetails>(
    "POST /repos/{owner}/{repo}/issues/{issue_number}/assignees",
    { ...gh.ownerRepo, issue_number: number, assignees: logins.slice(0, 10) },
    { what: `assign #${number}`, hints: { 403: ISSUES_WRITE_HINT } },
  );
}

/** Logins of a team's members (child teams included, as GitHub lists them), every page. */
export async function listTeamMembers(gh: GitHubCore, org: string, slug: string): Promise<string[]> {
  const users = await gh.list<Schema<"simple-user">>(
    "GET /orgs/{org}/teams/{team_slug}/members",
    { org, team_slug: slug },
    {
      what: `list the members of team @${org}/${slug}`,
      hints: {
        403: "Reading team members needs a token with organization members read permission (a GitHub App token with `Members: read`, or a token with the `read:org` scope); the job's GITHUB_TOKEN cannot have it: pass such a token in 'github-token', or list the approvers by login",
        404: `@${org}/${slug} is not a team of ${org}, or the token cannot see it (a GitHub App token needs \`Members: read\`, a classic token \`read:org\`)`,
      },
    },
  );
  return users.map((u) => u.login).filter((l): l is string => typeof l === "string" && l !== "");
}
