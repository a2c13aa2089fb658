import { InputError } from "../core/errors.js";
import { isProduction } from "../core/gate.js";
import { type Clock, type Reporter, systemClock } from "../core/ports.js";
import {
  classifyPreview,
  type Preview,
  type PreviewCommit,
  type PreviewFile,
  previewLogLines,
  renderPreviewMarkdown,
  stickyKey,
} from "../core/preview.js";
import {
  type CommentTarget,
  type DiffEntry,
  type GitHubClient,
  type GitHubCommit,
  GitHubError,
  type StickyResult,
  shortSha,
} from "../vendors/github.js";
import { newestSuccessfulDeployment } from "../vendors/github-gate.js";

export type { Preview };
export { renderPreviewMarkdown };

/** Where the live SHA comes from: HerokuClient fits this shape. */
export interface LiveCommitSource {
  liveCommit(app: string): Promise<{ sha?: string; release?: { version?: number; id?: string } }>;
}

export interface PreviewRequest {
  /** The Heroku app (for the live SHA, the banner and the sticky comment key). */
  app?: string;
  environment: string;
  /** Environments that count as production (the banner); default `production`. */
  productionEnvironments?: readonly string[];
  /** Branch, tag or SHA to deploy. */
  ref: string;
  /** The live SHA when known (skips Heroku). */
  fromSha?: string;
  /** Without a Heroku credential: take the live SHA from GitHub's newest successful deployment. */
  liveFromDeployments?: boolean;
  /** At most this many commits listed (the counts stay exact). */
  maxCommits: number;
  serverUrl?: string;
  runUrl?: string;
}

export interface PreviewPorts {
  github: GitHubClient;
  /** Needed unless `fromSha` is given. */
  heroku?: LiveCommitSource;
  reporter: Reporter;
  clock?: Clock;
}

/**
 * What a deploy of `ref` to `app` would ship. Used by the diff-preview action, the deploy pipeline, the
 * issue-comment approval gate and `prodgate preview`.
 */
export async function computePreview(req: PreviewRequest, ports: PreviewPorts): Promise<Preview> {
  const { github, reporter } = ports;
  const clock = ports.clock ?? systemClock;
  const serverUrl = (req.serverUrl ?? "https://github.com").replace(/\/+$/, "");
  const max = Math.max(0, req.maxCommits);

  const target = await github.findCommit(req.ref);
  if (!target)
    throw new InputError(
      "ref",
      `'${req.ref}' names no branch, tag or commit in ${github.fullName}: push it, or check the name`,
    );
  const toSha = target.sha;

  let from: Preview["from"];
  let liveKnown: boolean | undefined;
  if (req.fromSha) from = { sha: req.fromSha, source: "input" };
  else if (!ports.heroku && req.liveFromDeployments) {
    const d = await newestSuccessfulDeployment(github, req.environment);
    if (d) from = { sha: d.sha, source: "deployment" };
    else liveKnown = false;
    reporter.info(
      d
        ? `Live SHA from GitHub's newest successful deployment to ${req.environment} (#${d.deploymentId}): ${d.sha.slice(0, 7)}; the deploy reads the live SHA again with the deploy key`
        : `No successful deployment to ${req.environment} on GitHub: previewing as a first deploy`,
    );
  } else {
    if (!req.app || !ports.heroku)
      throw new InputError(
        "from-sha",
        "is required when no Heroku app and API key are given to read the live release",
      );
    const live = await ports.heroku.liveCommit(req.app);
    if (live.sha)
      from = {
        sha: live.sha,
        source: "heroku",
        release: live.release?.version !== undefined ? `release v${live.release.version}` : undefined,
      };
  }

  const base = {
    repository: github.fullName,
    serverUrl,
    app: req.app,
    environment: req.environment,
    production: isProduction(req.environment, req.productionEnvironments ?? ["production"]),
    ...(liveKnown === false ? { liveKnown } : {}),
    to: { sha: toSha, url: target.html_url, ref: req.ref },
    generatedAt: clock.now().toISOString(),
    runUrl: req.runUrl,
  };

  if (!from) {
    const [count, history] = await Promise.all([github.countCommits(toSha), github.listCommits(toSha, max)]);
    const preview: Preview = {
      ...base,
      status: "first-deploy",
      ahead: count,
      behind: 0,
      commitCount: count,
      commits: history.map(toPreviewCommit),
      removed: [],
      files: [],
      filesDirection: "ship",
    };
    log(reporter, preview);
    return preview;
  }

  const fromSha = from.sha;
  if (classifyPreview(fromSha, toSha, undefined) === "identical") {
    const preview: Preview = {
      ...base,
      from: { ...from, sha: toSha.startsWith(fromSha.toLowerCase()) ? toSha : fromSha, url: target.html_url },
      status: "identical",
      ahead: 0,
      behind: 0,
      commitCount: 0,
      commits: [],
      removed: [],
      files: [],
      filesDirection: "ship",
    };
    log(reporter, preview);
    return preview;
  }

  let forward: Awaited<ReturnType<GitHubClient["compare"]>>;
  try {
    forward = await github.compare(fromSha, toSha, { newest: max });
  } catch (err) {
    if (!(err instanceof GitHubError && err.status === 404)) throw err;
    const preview: Preview = {
      ...base,
      from,
      status: "unknown",
      ahead: 0,
      behind: 0,
      commitCount: 0,
      commits: [],
      removed: [],
      files: [],
      filesDirection: "ship",
      note: err.apiMessage && err.apiMessage !== "Not Found" ? err.apiMessage : "GitHub: Not Found",
    };
    log(reporter, preview);
    return preview;
  }

  const status = classifyPreview(fromSha, toSha, forward.status);
  let removed: PreviewCommit[] = [];
  let files: PreviewFile[] = forward.files.map(toPreviewFile);
  let filesDirection: Preview["filesDirection"] = "ship";
  if (forward.behindBy > 0) {
    // What is live but not in the target: the commits this deploy takes away.
    const reverse = await github.compare(toSha, fromSha, { newest: max });
    removed = reverse.commits.map(toPreviewCommit);
    if (status === "behind") {
      files = reverse.files.map(toPreviewFile);
      filesDirection = "revert";
    }
  }
  const preview: Preview = {
    ...base,
    from: { ...from, sha: forward.baseCommit.sha, url: forward.baseCommit.html_url },
    status,
    ahead: forward.aheadBy,
    behind: forward.behindBy,
    commitCount: forward.aheadBy,
    commits: forward.commits.map(toPreviewCommit),
    removed,
    files,
    filesDirection,
    compareUrl: `${serverUrl}/${github.fullName}/compare/${forward.baseCommit.sha}...${toSha}`,
  };
  log(reporter, preview);
  return preview;
}

export type CommentMode = "auto" | "pr" | "commit" | "none";

/**
 * Where reviewers look for `sha`: `auto` → the pull request whose head is the SHA (an open one first), else
 * the commit; `pr` → that pull request only; `commit` → the commit; `none` → nowhere.
 */
export async function findCommentTarget(
  github: GitHubClient,
  sha: string,
  mode: CommentMode,
): Promise<CommentTarget | undefined> {
  if (mode === "none") return undefined;
  if (mode === "commit") return { commit: sha };
  const pulls = (await github.pullsForCommit(sha)).filter((p) => p.head.sha === sha);
  const pr = pulls.find((p) => p.state === "open") ?? pulls[0];
  if (pr) return { pr: pr.number };
  return mode === "auto" ? { commit: sha } : undefined;
}

export interface PublishedComment extends StickyResult {
  target: CommentTarget;
}

/** Posts or updates the one sticky preview comment for the app and environment. */
export async function publishPreviewComment(
  preview: Preview,
  opts: { github: GitHubClient; mode: CommentMode; reporter: Reporter; body?: string },
): Promise<PublishedComment | undefined> {
  const target = await findCommentTarget(opts.github, preview.to.sha, opts.mode);
  if (!target) {
    if (opts.mode === "pr")
      opts.reporter.warning(
        `No pull request has ${shortSha(preview.to.sha)} as its head: no comment posted (comment: pr)`,
      );
    return undefined;
  }
  const body = opts.body ?? renderPreviewMarkdown(preview, { variant: "comment" });
  const result = await opts.github.upsertStickyComment({
    target,
    key: stickyKey(preview.app, preview.environment),
    body,
  });
  const where = "pr" in target ? `pull request #${target.pr}` : `commit ${shortSha(target.commit)}`;
  opts.reporter.info(`Preview comment ${result.action} on ${where}: ${result.comment.html_url}`);
  return { ...result, target };
}

function log(reporter: Reporter, preview: Preview): void {
  for (const line of previewLogLines(preview)) reporter.info(line);
}

export function toPreviewCommit(c: GitHubCommit): PreviewCommit {
  const user = c.author && "login" in c.author ? c.author : undefined;
  return {
    sha: c.sha,
    url: c.html_url,
    author: user?.login ?? c.commit.author?.name ?? "unknown",
    authorUrl: user?.html_url,
    message: c.commit.message,
    date: c.commit.author?.date ?? c.commit.committer?.date,
  };
}

function toPreviewFile(f: DiffEntry): PreviewFile {
  return {
    filename: f.filename,
    status: f.status,
    additions: f.additions,
    deletions: f.deletions,
    changes: f.changes,
  };
}
