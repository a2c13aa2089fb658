import {
  type AffectedProject,
  affectedProjects,
  type NoticeProject,
  renderDeployNotice,
} from "../core/deploy-notice.js";
import type { Reporter } from "../core/ports.js";
import { type GitHubClient, type StickyResult, stickyMarker } from "../vendors/github.js";
import { listPullRequestFiles } from "../vendors/github-pulls.js";

/**
 * One sticky comment on a pull request that touches the paths of projects which deploy themselves on merge
 * (git-integrated Cloudflare Pages): "Will deploy to <domain> on merge", each affected project listed. A pull
 * request that touches none gets no comment; one whose earlier comment no longer applies has it updated to
 * say so. Only a comment written by the token's own identity is ever updated.
 */

export interface DeployNoticeSettings {
  pr: number;
  baseBranch: string;
  projects: NoticeProject[];
  /** Names the sticky comment, so that two notices on one pull request do not overwrite each other. */
  key?: string;
}

export interface DeployNoticeResult {
  affected: AffectedProject[];
  filesChecked: number;
  /** What happened to the comment: none when nothing is affected and there was no comment to correct. */
  comment: StickyResult | undefined;
}

export async function runDeployNotice(
  settings: DeployNoticeSettings,
  ports: { github: GitHubClient; reporter: Reporter },
): Promise<DeployNoticeResult> {
  const { github, reporter } = ports;
  const { files, truncated } = await listPullRequestFiles(github, settings.pr);
  const affected = affectedProjects(files, settings.projects);
  const key = `deploy-notice${settings.key ? `:${settings.key}` : ""}`;
  const body = renderDeployNotice(affected, { baseBranch: settings.baseBranch, truncated });
  if (affected.length)
    reporter.info(
      `#${settings.pr} touches ${affected.map((a) => `${a.project} (${a.domain}, ${a.files.length} files)`).join(", ")}`,
    );
  else
    reporter.info(`#${settings.pr} touches no project that deploys on merge (${files.length} files checked)`);

  let comment: StickyResult | undefined;
  if (affected.length) comment = await github.upsertStickyComment({ target: { pr: settings.pr }, key, body });
  else if (await hasOwnNotice(github, settings.pr, key))
    comment = await github.upsertStickyComment({ target: { pr: settings.pr }, key, body });
  if (comment) reporter.info(`Deploy notice ${comment.action}: ${comment.comment.html_url}`);
  return { affected, filesChecked: files.length, comment };
}

/** Whether this token already left a notice with this key on the pull request (so it must be corrected). */
async function hasOwnNotice(github: GitHubClient, pr: number, key: string): Promise<boolean> {
  const marker = stickyMarker(key);
  const self = (await github.identity()).toLowerCase();
  return (await github.listIssueComments(pr)).some(
    (c) => (c.user?.login ?? "").toLowerCase() === self && (c.body ?? "").includes(marker),
  );
}
