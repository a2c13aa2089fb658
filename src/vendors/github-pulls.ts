import type { GitHubClient } from "./github.js";
import type { Schema } from "./github-core.js";

/** What prodgate reads of a file a pull request changes (GET /repos/{owner}/{repo}/pulls/{number}/files). */
export type PullRequestFile = Pick<Schema<"diff-entry">, "filename" | "status" | "previous_filename">;

/** GitHub lists at most this many files of a pull request. */
export const PULL_FILES_MAX = 3_000;

/** The files a pull request changes (100 a page, up to GitHub's 3,000), and whether the list may be cut short. */
export async function listPullRequestFiles(
  github: GitHubClient,
  pr: number,
): Promise<{ files: PullRequestFile[]; truncated: boolean }> {
  const files = await github.list<PullRequestFile>(
    "GET /repos/{owner}/{repo}/pulls/{pull_number}/files",
    { ...github.ownerRepo, pull_number: pr },
    {
      maxItems: PULL_FILES_MAX,
      what: `list the files of pull request #${pr}`,
      hints: { 404: `#${pr} is not a pull request of ${github.fullName}` },
    },
  );
  return {
    files: files.map((f) => ({
      filename: f.filename,
      status: f.status,
      ...(f.previous_filename ? { previous_filename: f.previous_filename } : {}),
    })),
    truncated: files.length >= PULL_FILES_MAX,
  };
}
