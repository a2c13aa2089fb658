import type { GitHubApiFake } from "./github-api.js";
import { fail } from "./github-api.js";

/**
 * The files of a pull request as GitHub lists them (GET /repos/{owner}/{repo}/pulls/{number}/files): the diff
 * from the merge base of its base branch to its head, 30 a page by default and 100 at most, paginated by Link
 * headers; a number that is not a pull request is 404. (The fake's diff entries stop at 300 files.)
 */
export function registerPullFilesRoute(fake: GitHubApiFake): void {
  const doc = "pulls/pulls#list-pull-requests-files";
  fake.on("GET", "/repos/:owner/:repo/pulls/:number/files", (req, { repo }) => {
    const pull = repo.pulls.find((p) => String(p.number) === req.params.number);
    if (!pull) fail(404, "Not Found", doc);
    const head = repo.resolve(pull.headSha);
    const base = repo.resolve(pull.baseRef);
    if (!head || !base) fail(404, "Not Found", doc);
    const { ahead } = repo.compare(base, head);
    const page = fake.page(req, fake.diffEntries(repo, head.sha, ahead));
    return { ...page, body: page.items };
  });
}
