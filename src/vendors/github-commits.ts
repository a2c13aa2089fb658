import type { GitHubCore, Schema } from "./github-core.js";
import { GitHubError, linkRel, pageOf, shortSha } from "./github-core.js";

/** Commits, refs and comparisons, and the pull requests of a commit. */

export type GitHubCommit = Schema<"commit">;
export type DiffEntry = Schema<"diff-entry">;
export type GitRef = Schema<"git-ref">;
export type PullRequest = Schema<"pull-request-simple">;
export type CompareStatus = Schema<"commit-comparison">["status"];

export interface Comparison {
  status: CompareStatus;
  aheadBy: number;
  behindBy: number;
  totalCommits: number;
  htmlUrl: string;
  baseCommit: GitHubCommit;
  mergeBaseCommit: GitHubCommit;
  /** The newest commits of the range, newest first, at most `newest` of them. */
  commits: GitHubCommit[];
  /** Changed files, from the first page (GitHub lists at most 300 for a comparison). */
  files: DiffEntry[];
  pagesFetched: number;
}

/** Like getCommit, but undefined when the repository has no such commit (404 or 422). */
export async function findCommit(gh: GitHubCore, ref: string): Promise<GitHubCommit | undefined> {
  const res = await gh.call<GitHubCommit>(
    "GET /repos/{owner}/{repo}/commits/{ref}",
    { ...gh.ownerRepo, ref },
    { accept: [404, 422], what: `read commit ${ref}` },
  );
  return res.ok ? res.data : undefined;
}

/** The commit a branch, tag or SHA names. Throws a 404 GitHubError when the repository has none. */
export async function getCommit(gh: GitHubCore, ref: string): Promise<GitHubCommit> {
  const commit = await findCommit(gh, ref);
  if (!commit)
    throw new GitHubError(
      `'${ref}' names no branch, tag or commit in ${gh.fullName}: push it, or check the name`,
      404,
    );
  return commit;
}

/** A git ref such as `heads/main` or `tags/v1.2.0`; undefined when it does not exist. */
export async function getRef(gh: GitHubCore, ref: string): Promise<GitRef | undefined> {
  const clean = ref.replace(/^refs\//, "");
  const res = await gh.call<GitRef>(
    "GET /repos/{owner}/{repo}/git/ref/{+ref}",
    { ...gh.ownerRepo, ref: clean.split("/").map(encodeURIComponent).join("/") },
    { accept: [404], what: `read ref ${clean}` },
  );
  return res.ok ? res.data : undefined;
}

/** The newest commits reachable from `sha`, newest first. */
export async function listCommits(gh: GitHubCore, sha: string, max: number): Promise<GitHubCommit[]> {
  if (max <= 0) return [];
  return gh.list<GitHubCommit>(
    "GET /repos/{owner}/{repo}/commits",
    { ...gh.ownerRepo, sha, per_page: Math.min(100, max) },
    { maxItems: max, what: `list the commits of ${shortSha(sha)}` },
  );
}

/** How many commits are reachable from `sha` (one request: per_page=1 and the Link rel="last" page). */
export async function countCommits(gh: GitHubCore, sha: string): Promise<number> {
  const res = await gh.call<GitHubCommit[]>(
    "GET /repos/{owner}/{repo}/commits",
    { ...gh.ownerRepo, sha, per_page: 1 },
    { what: `count the commits of ${shortSha(sha)}` },
  );
  const link = typeof res.headers.link === "string" ? res.headers.link : undefined;
  return pageOf(linkRel(link, "last")) ?? (Array.isArray(res.data) ? res.data.length : 0);
}

/**
 * Compares base...head. The counts come from GitHub (right for any size); the commits are the newest
 * `newest` of the range, newest first, read from the last pages only, so a range of thousands of commits
 * costs a few requests. A 404 (a SHA not in the repository, or no common ancestor) throws a GitHubError
 * with status 404.
 */
export async function compare(
  gh: GitHubCore,
  base: string,
  head: string,
  opts: { newest?: number; pageSize?: number } = {},
): Promise<Comparison> {
  const newest = Math.max(0, opts.newest ?? 50);
  const perPage = Math.min(100, Math.max(1, opts.pageSize ?? 100));
  const call = (page: number) =>
    gh.data<Schema<"commit-comparison">>(
      "GET /repos/{owner}/{repo}/compare/{basehead}",
      { ...gh.ownerRepo, basehead: `${base}...${head}`, per_page: perPage, page },
      {
        what: `compare ${shortSha(base)}...${shortSha(head)}`,
        hints: {
          404: `a SHA is not in ${gh.fullName} (or the two share no history): push the commit, or check from-sha and ref`,
        },
      },
    );
  const first = await call(1);
  const total = first.total_commits;
  const lastPage = Math.max(1, Math.ceil(total / perPage));
  const pages = new Map<number, GitHubCommit[]>([[1, first.commits]]);
  let fetched = 1;
  // Walk back from the last page until `newest` commits are in hand.
  const walked: number[] = [];
  let have = 0;
  for (let page = lastPage; page >= 1 && have < newest; page--) {
    let commits = pages.get(page);
    if (!commits) {
      commits = (await call(page)).commits;
      pages.set(page, commits);
      fetched++;
    }
    walked.unshift(page);
    have += commits.length;
  }
  const chronological = walked.flatMap((page) => pages.get(page) ?? []);
  return {
    status: first.status,
    aheadBy: first.ahead_by,
    behindBy: first.behind_by,
    totalCommits: total,
    htmlUrl: first.html_url,
    baseCommit: first.base_commit,
    mergeBaseCommit: first.merge_base_commit,
    commits: chronological.slice(Math.max(0, chronological.length - newest)).reverse(),
    files: first.files ?? [],
    pagesFetched: fetched,
  };
}

/** Pull requests GitHub associates with a commit (its head, or the merge that produced it). */
export function pullsForCommit(gh: GitHubCore, sha: string): Promise<PullRequest[]> {
  return gh.list<PullRequest>(
    "GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls",
    { ...gh.ownerRepo, commit_sha: sha },
    { maxItems: 100, what: `list the pull requests of ${shortSha(sha)}` },
  );
}
