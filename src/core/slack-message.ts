/**
 * The Slack message for a deploy: one Block Kit message per deploy, posted when it starts and updated in place
 * with the outcome. Pure: the caller supplies every fact, nothing here reads a clock or the environment.
 */

import { rollbackCommands } from "./deploy.js";
import { rollbackHint, type SurfaceKind } from "./surface.js";

export { rollbackCommands };

export const DEPLOY_STATUSES = ["started", "success", "failure", "rolled_back", "rejected"] as const;
export type DeployStatus = (typeof DEPLOY_STATUSES)[number];

/** What a deploy notification says. Every field is shown as given; none of them may be a secret. */
export interface DeployNotice {
  status: DeployStatus;
  app: string;
  environment: string;
  /** The environment is one of production-environments (the siren and the red colour). */
  production: boolean;
  fromSha?: string;
  toSha?: string;
  actor?: string;
  approvedBy?: string;
  runUrl?: string;
  /** owner/name on GitHub, for commit links. */
  repository?: string;
  /** https://github.com unless GitHub Enterprise Server. */
  serverUrl?: string;
  /** One more line of context: the reason of a failure, the release number, ... */
  detail?: string;
  /** Where it shipped (default heroku): the rollback the failure message offers. */
  surface?: SurfaceKind;
}

/** A Block Kit block as Slack takes it (only the shapes this module builds are spelled out). */
export type SlackText =
  | { type: "plain_text"; text: string; emoji?: boolean }
  | { type: "mrkdwn"; text: string };
export type SlackBlock =
  | { type: "header"; text: { type: "plain_text"; text: string; emoji?: boolean } }
  | { type: "section"; text?: SlackText; fields?: SlackText[] }
  | { type: "context"; elements: SlackText[] }
  | { type: "divider" };

/** The body of chat.postMessage / chat.update / an incoming webhook, without channel and ts. */
export interface SlackMessage {
  /** Plain fallback: notifications, screen readers, clients that cannot draw blocks. */
  text: string;
  blocks: SlackBlock[];
}

/** Slack's documented limits, applied so that a long value never makes Slack refuse the whole message. */
export const SLACK_LIMITS = {
  headerText: 150,
  sectionText: 3000,
  fieldText: 2000,
  fields: 10,
  contextElements: 10,
  blocks: 50,
  /** Slack accepts 40,000; a notification needs far less. */
  text: 3000,
} as const;

interface StatusLook {
  marker: string;
  outcome: string;
  headline: (app: string, env: string) => string;
}

const LOOKS: Record<DeployStatus, StatusLook> = {
  started: { marker: "🚀", outcome: "Deploying", headline: (a, e) => `Deploying ${a} to ${e}` },
  success: { marker: "✅", outcome: "Deployed", headline: (a, e) => `Deployed ${a} to ${e}` },
  failure: { marker: "❌", outcome: "Deploy failed", headline: (a, e) => `Deploy of ${a} to ${e} failed` },
  rolled_back: { marker: "↩️", outcome: "Rolled back", headline: (a, e) => `Rolled back ${a} on ${e}` },
  rejected: { marker: "⛔", outcome: "Rejected", headline: (a, e) => `Deploy of ${a} to ${e} rejected` },
};

/** The marker and word for a status: `✅ Deployed`. */
export function statusLabel(status: DeployStatus): string {
  const look = LOOKS[status];
  return `${look.marker} ${look.outcome}`;
}

/** The environment as every message shows it: upper case, with a siren when it is production. */
export function environmentBadge(environment: string, production: boolean): string {
  const name = environment.trim().toUpperCase() || "UNKNOWN ENVIRONMENT";
  return production ? `🚨 ${name}` : name;
}

/** Builds the message. */
export function buildDeployMessage(notice: DeployNotice): SlackMessage {
  const look = LOOKS[notice.status];
  const prod = notice.production;
  const badge = environmentBadge(notice.environment, prod);
  const app = notice.app.trim();
  const links = commitLinks(notice);
  const runUrl = safeUrl(notice.runUrl);

  const header = truncate(`${look.marker} ${look.headline(app, badge)}`, SLACK_LIMITS.headerText);
  const blocks: SlackBlock[] = [{ type: "header", text: { type: "plain_text", text: header, emoji: true } }];

  const who = notice.status === "rejected" ? "Rejected by" : "Approved by";
  const fields: SlackText[] = [
    mrkdwn(`*Environment*\n${prod ? `*${escapeText(badge)}*` : escapeText(badge)}`),
    mrkdwn(`*App*\n\`${escapeText(app)}\``),
    mrkdwn(`*Change*\n${links.mrkdwn}`),
    mrkdwn(`*Outcome*\n${statusLabel(notice.status)}`),
    mrkdwn(`*Triggered by*\n${person(notice.actor)}`),
    mrkdwn(`*${who}*\n${person(notice.approvedBy)}`),
  ];
  blocks.push({
    type: "section",
    fields: fields.map((f) => ({ ...f, text: truncate(f.text, SLACK_LIMITS.fieldText) })),
  });

  if (notice.detail?.trim()) {
    blocks.push({
      type: "section",
      text: mrkdwn(truncate(escapeText(notice.detail.trim()), SLACK_LIMITS.sectionText)),
    });
  }

  if (notice.status === "failure") {
    const cmd = rollbackCommands(app);
    const hint = rollbackHint(notice.surface ?? "heroku", app);
    const text =
      (notice.surface ?? "heroku") === "heroku"
        ? `*Roll back now* (no CI, no rebuild):\n\`\`\`${escapeText(cmd.prodgate)}\`\`\`\n` +
          `or the \`rollback-heroku\` workflow, or \`${escapeText(cmd.heroku)}\` ` +
          "(the Platform API's release rollback)."
        : `*Roll back now*:\n\`\`\`${escapeText(hint.commands[0] ?? "")}\`\`\`\n${escapeText(hint.how)}` +
          (hint.workflow ? ` Or the \`${escapeText(hint.workflow.replace(/\.yml$/, ""))}\` workflow.` : "");
    blocks.push({ type: "section", text: mrkdwn(truncate(text, SLACK_LIMITS.sectionText)) });
  }

  const context: SlackText[] = [];
  if (runUrl) context.push(mrkdwn(`<${runUrl}|View the workflow run>`));
  if (links.compare) context.push(mrkdwn(`<${links.compare}|Compare the commits>`));
  context.push(mrkdwn(prod ? "prodgate · *target: PRODUCTION*" : "prodgate"));
  blocks.push({ type: "context", elements: context.slice(0, SLACK_LIMITS.contextElements) });

  return { text: fallbackText(notice, badge, links.plain, runUrl), blocks };
}

function fallbackText(notice: DeployNotice, badge: string, change: string, runUrl?: string): string {
  const look = LOOKS[notice.status];
  const app = notice.app.trim();
  const parts = [`${look.marker} ${look.headline(app, badge)}: ${change}`];
  if (notice.actor?.trim()) parts.push(`by ${notice.actor.trim()}`);
  if (notice.approvedBy?.trim())
    parts.push(`${notice.status === "rejected" ? "rejected" : "approved"} by ${notice.approvedBy.trim()}`);
  const sentences = [parts.join(", ")];
  if (notice.detail?.trim()) sentences.push(notice.detail.trim().replace(/\s+/g, " "));
  if (notice.status === "failure")
    sentences.push(`Roll back: ${rollbackHint(notice.surface ?? "heroku", app).commands[0]}`);
  if (runUrl) sentences.push(`Run: ${runUrl}`);
  const text = sentences.join(" · ");
  return truncate(escapeText(text), SLACK_LIMITS.text);
}

interface CommitLinks {
  mrkdwn: string;
  plain: string;
  compare?: string;
}

function commitLinks(notice: DeployNotice): CommitLinks {
  const base = repoBase(notice);
  const one = (sha: string | undefined): { md: string; plain: string } => {
    const value = sha?.trim() ?? "";
    if (!value) return { md: "_none live_", plain: "none live" };
    const hex = /^[0-9a-f]{7,40}$/i.test(value);
    const short = hex ? value.slice(0, 7).toLowerCase() : value;
    if (hex && base) return { md: `<${base}/commit/${value.toLowerCase()}|\`${short}\`>`, plain: short };
    return { md: `\`${escapeText(short)}\``, plain: short };
  };
  const from = one(notice.fromSha);
  const to = one(notice.toSha);
  if (!notice.toSha?.trim() && !notice.fromSha?.trim()) return { mrkdwn: "—", plain: "no commits given" };
  const hex = (s?: string) => /^[0-9a-f]{7,40}$/i.test(s?.trim() ?? "");
  const compare =
    base && hex(notice.fromSha) && hex(notice.toSha) && notice.fromSha?.trim() !== notice.toSha?.trim()
      ? `${base}/compare/${notice.fromSha!.trim().toLowerCase()}...${notice.toSha!.trim().toLowerCase()}`
      : undefined;
  return { mrkdwn: `${from.md} → ${to.md}`, plain: `${from.plain} → ${to.plain}`, compare };
}

function repoBase(notice: DeployNotice): string | undefined {
  const repo = notice.repository?.trim() ?? "";
  if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repo)) return undefined;
  const server = safeUrl(notice.serverUrl?.trim() || "https://github.com");
  return server ? `${server.replace(/\/+$/, "")}/${repo}` : undefined;
}

/** An http(s) URL without userinfo, safe inside `<url|label>`; undefined for anything else. */
export function safeUrl(raw: string | undefined): string | undefined {
  if (!raw?.trim()) return undefined;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return undefined;
  url.username = "";
  url.password = "";
  return url.toString().replace(/\|/g, "%7C").replace(/>/g, "%3E").replace(/</g, "%3C");
}

/** Escapes the three characters Slack's mrkdwn gives meaning to (links, mentions, `<!channel>`). */
export function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function person(name: string | undefined): string {
  const v = name?.trim();
  return v ? escapeText(v) : "—";
}

function mrkdwn(text: string): SlackText {
  return { type: "mrkdwn", text };
}

/** Cuts to at most `max` UTF-16 units (what Slack counts) without splitting a character. */
function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = "";
  for (const ch of text) {
    if (out.length + ch.length > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}
