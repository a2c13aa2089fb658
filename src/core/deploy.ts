/**
 * The deploy state machine of seed 002 §5, as data: the states a gated deploy passes through, the transitions
 * allowed between them, and renderers for the path a deploy took. Pure: the pipeline drives it.
 */

import { formatDuration } from "./duration.js";
import { type HealthReport, renderHealthSummary } from "./health.js";
import { shortSha } from "./heroku.js";
import { redactUrl } from "./inputs.js";
import { escapeMd } from "./markdown.js";
import { rollbackHint, type SurfaceKind } from "./surface.js";

export type DeployState =
  | "triggered"
  | "gate_checks"
  | "refused"
  | "locked"
  | "audit_started"
  | "audit_refused"
  | "deploying"
  | "deploy_failed"
  | "health_check"
  | "healthy"
  | "health_failed"
  | "rolling_back"
  | "rolled_back"
  | "rollback_failed"
  | "audited"
  | "done";

export type DeployOutcome = "success" | "deploy_failed" | "health_check_failed" | "rolled_back" | "rejected";

const TRANSITIONS: Record<DeployState, DeployState[]> = {
  triggered: ["gate_checks"],
  gate_checks: ["locked", "refused"],
  refused: ["done"],
  // Under the lock, the live SHA is read again: one that moved since the preview refuses the deploy.
  locked: ["audit_started", "audit_refused", "refused"],
  audit_refused: ["done"],
  audit_started: ["deploying"],
  deploying: ["health_check", "deploy_failed"],
  deploy_failed: ["audited"],
  health_check: ["healthy", "health_failed"],
  healthy: ["audited"],
  health_failed: ["rolling_back", "audited"],
  rolling_back: ["rolled_back", "rollback_failed"],
  rolled_back: ["audited"],
  rollback_failed: ["audited"],
  audited: ["done"],
  done: [],
};

const LABELS: Record<DeployState, string> = {
  triggered: "Triggered",
  gate_checks: "Gate checks",
  refused: "Refused",
  locked: "Deploy lock held",
  audit_started: "Audit: started",
  audit_refused: "Audit unreachable: refused",
  deploying: "Deploying",
  deploy_failed: "Deploy failed",
  health_check: "Health check",
  healthy: "Healthy",
  health_failed: "Health check failed",
  rolling_back: "Rolling back",
  rolled_back: "Rolled back",
  rollback_failed: "Rollback failed",
  audited: "Audit: outcome",
  done: "Done",
};

/** The path a deploy takes; refuses transitions the state machine does not have. */
export class DeployPath {
  readonly states: DeployState[] = ["triggered"];

  get current(): DeployState {
    return this.states[this.states.length - 1]!;
  }

  go(next: DeployState): void {
    if (!TRANSITIONS[this.current].includes(next)) {
      throw new Error(`deploy state machine: no transition ${this.current} → ${next}`);
    }
    this.states.push(next);
  }

  has(state: DeployState): boolean {
    return this.states.includes(state);
  }
}

/** A Mermaid state diagram of the whole machine with the path taken marked (GitHub renders it in summaries). */
export function renderStateDiagram(path: readonly DeployState[]): string {
  const lines = ["```mermaid", "stateDiagram-v2", "  direction LR"];
  for (const [state, label] of Object.entries(LABELS)) lines.push(`  ${state}: ${label}`);
  lines.push("  [*] --> triggered");
  const taken = new Set<string>();
  for (let i = 1; i < path.length; i++) taken.add(`${path[i - 1]}>${path[i]}`);
  for (const [from, tos] of Object.entries(TRANSITIONS)) {
    for (const to of tos) lines.push(`  ${from} --> ${to}${taken.has(`${from}>${to}`) ? ": taken" : ""}`);
  }
  lines.push("  done --> [*]");
  lines.push("  classDef taken fill:#1f883d,color:#ffffff,stroke:#1a7f37");
  lines.push("  classDef failed fill:#cf222e,color:#ffffff,stroke:#a40e26");
  const failedStates = new Set<DeployState>([
    "refused",
    "audit_refused",
    "deploy_failed",
    "health_failed",
    "rollback_failed",
  ]);
  const okTaken = [...new Set(path)].filter((s) => !failedStates.has(s));
  const badTaken = [...new Set(path)].filter((s) => failedStates.has(s));
  if (okTaken.length) lines.push(`  class ${okTaken.join(",")} taken`);
  if (badTaken.length) lines.push(`  class ${badTaken.join(",")} failed`);
  lines.push("```");
  return lines.join("\n");
}

export function describePath(path: readonly DeployState[]): string {
  return path.map((s) => LABELS[s]).join(" → ");
}

/** The command that rolls the app back; always shown after a deploy. */
export function rollbackCommands(app: string): { prodgate: string; heroku: string } {
  return { prodgate: `prodgate rollback --app ${app}`, heroku: `heroku releases:rollback --app ${app}` };
}

/** The phrase a person types at the break-glass prompt: it names the target, never a generic "yes". */
export function confirmationPhrase(app: string, environment: string): string {
  return `deploy ${app} to ${environment}`;
}

/** What the summary of a gated deploy needs to know about its settings. */
export interface DeploySummarySettings {
  app: string;
  environment: string;
  actor: string;
  trigger: string;
  method: string;
  runUrl?: string;
  /** Default heroku. */
  surface?: SurfaceKind;
}

/** What the summary of a gated deploy shows of its result. */
export interface DeploySummaryFacts {
  outcome: DeployOutcome;
  path: readonly DeployState[];
  auditIds: { started?: string; completed?: string; rollback?: string };
  auditSpooled?: boolean;
  fromSha?: string;
  toSha: string;
  release?: string;
  previousRelease?: string;
  rolledBackTo?: string;
  approvedBy?: string;
  appUrl?: string;
  reason?: string;
  interrupted?: boolean;
  durationMs: number;
  health?: HealthReport;
}

export const DEPLOY_HEADLINES: Record<DeployOutcome, string> = {
  success: "✅ Deployed",
  deploy_failed: "❌ Deploy failed",
  health_check_failed: "❌ Health check failed",
  rolled_back: "↩️ Health check failed: rolled back",
  rejected: "⛔ Deploy refused",
};

/** The job summary of a deploy. Pure. */
export function renderGatedDeploySummary(
  settings: DeploySummarySettings,
  result: DeploySummaryFacts,
  extra: { notices: readonly string[]; spoolSummaries: readonly string[] } = {
    notices: [],
    spoolSummaries: [],
  },
): string {
  const hint = rollbackHint(settings.surface ?? "heroku", settings.app);
  const cell = escapeMd;
  const rows: [string, string | undefined][] = [
    ["Outcome", `\`${result.outcome}\``],
    ["App", cell(settings.app)],
    ["Environment", cell(settings.environment)],
    [
      "From → to",
      `${result.fromSha ? `\`${shortSha(result.fromSha)}\`` : "_nothing live_"} → \`${shortSha(result.toSha)}\``,
    ],
    [
      "Release",
      result.release
        ? `${result.release}${result.previousRelease ? ` (was ${result.previousRelease})` : ""}`
        : undefined,
    ],
    ["Rolled back to", result.rolledBackTo],
    ["Method", `\`${settings.method}\``],
    ["Actor", cell(settings.actor)],
    ["Approved by", result.approvedBy ? cell(result.approvedBy) : undefined],
    ["Trigger", settings.trigger],
    [
      "Audit",
      [
        result.auditIds.started ? `started #${result.auditIds.started}` : "",
        result.auditIds.completed ? `outcome #${result.auditIds.completed}` : "",
        result.auditIds.rollback ? `rollback #${result.auditIds.rollback}` : "",
        result.auditSpooled ? "⚠️ outcome spooled (below)" : "",
      ]
        .filter(Boolean)
        .join(", ") || "no row written",
    ],
    ["App URL", result.appUrl ? cell(redactUrl(result.appUrl)) : undefined],
  ];
  const lines = [
    `## ${DEPLOY_HEADLINES[result.outcome]}: ${cell(settings.app)} (${cell(settings.environment)})`,
    "",
  ];
  if (result.reason)
    lines.push(`> [!${result.outcome === "success" ? "NOTE" : "CAUTION"}]`, `> ${cell(result.reason)}`, "");
  if (result.interrupted)
    lines.push("> [!WARNING]", "> Interrupted: the outcome was recorded and the lock released.", "");
  lines.push("| | |", "| --- | --- |", ...rows.filter(([, v]) => v).map(([k, v]) => `| ${k} | ${v} |`), "");
  for (const n of extra.notices) lines.push("> [!WARNING]", `> ${cell(n)}`, "");
  lines.push("### Path", "", describePath(result.path), "", renderStateDiagram(result.path), "");
  if (result.health) lines.push(renderHealthSummary(result.health));
  lines.push("### Roll back", "", hint.how, "", "```sh", ...hint.commands, "```", "");
  if (hint.workflow) lines.push(`Or run the \`${hint.workflow}\` workflow.`, "");
  for (const s of extra.spoolSummaries) lines.push(s);
  const took = `Took ${formatDuration(result.durationMs)}.`;
  lines.push(settings.runUrl ? `${took} [The workflow run](${settings.runUrl})` : took, "");
  return `${lines.join("\n")}\n`;
}
