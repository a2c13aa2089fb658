import { shortSha } from "./heroku.js";
import { escapeMd } from "./markdown.js";
import { commitOf, type DeploymentLike } from "./pages.js";

/** Job-summary Markdown for the Pages deploy and rollback actions. Pure. */

export interface PagesDeploySummary {
  project: string;
  domain: string;
  branch: string;
  production: boolean;
  deployment: DeploymentLike;
  previous: DeploymentLike | undefined;
  files: number;
  uploaded: { files: number; bytes: number; requests: number };
  durationMs: number;
}

function line(d: DeploymentLike | undefined): string {
  if (!d) return "_nothing_";
  return `\`${escapeMd(d.id)}\` · \`${shortSha(commitOf(d))}\` · ${escapeMd(d.created_on)}`;
}

export function renderPagesDeploySummary(s: PagesDeploySummary): string {
  const where = s.production ? `production (${escapeMd(s.domain)})` : `preview branch ${escapeMd(s.branch)}`;
  const rows = [
    `| Deployment | ${line(s.deployment)} |`,
    `| URL | ${escapeMd(s.deployment.url)} |`,
    ...(s.production ? [`| Was serving | ${line(s.previous)} |`] : []),
    `| Files | ${s.files} (${s.uploaded.files} uploaded in ${s.uploaded.requests} request${s.uploaded.requests === 1 ? "" : "s"}, ${s.files - s.uploaded.files} already on Cloudflare) |`,
    `| Took | ${(s.durationMs / 1000).toFixed(1)} s |`,
  ];
  const undo =
    s.production && s.previous
      ? `\nTo undo, roll back to \`${escapeMd(s.previous.id)}\` (cloudflare-pages-rollback, input \`deployment: ${escapeMd(s.previous.id)}\`).\n`
      : "";
  return `### ✅ Cloudflare Pages: ${escapeMd(s.project)} deployed to ${where}\n\n| | |\n|---|---|\n${rows.join("\n")}\n${undo}`;
}

export interface PagesRollbackSummary {
  project: string;
  before: DeploymentLike;
  target: DeploymentLike;
  noop: boolean;
  durationMs: number;
}

export function renderPagesRollbackSummary(s: PagesRollbackSummary): string {
  if (s.noop)
    return `### ↩️ Cloudflare Pages: ${escapeMd(s.project)} already serves \`${escapeMd(s.target.id)}\`\n\nNothing was changed.\n`;
  return [
    `### ↩️ Cloudflare Pages: ${escapeMd(s.project)} rolled back to \`${escapeMd(s.target.id)}\``,
    "",
    "| | |",
    "|---|---|",
    `| Was serving | ${line(s.before)} |`,
    `| Now serving | ${line(s.target)} |`,
    `| Took | ${(s.durationMs / 1000).toFixed(1)} s |`,
    "",
    `To undo, roll back to \`${escapeMd(s.before.id)}\` (input \`deployment: ${escapeMd(s.before.id)}\`).`,
    "",
  ].join("\n");
}
