import type { Approver } from "../core/approval.js";
import type { AuditTrigger } from "../core/audit.js";
import type { DeployOutcome, DeployPath, DeployState } from "../core/deploy.js";
import type { HealthAttempt, HealthReport, HealthSettings } from "../core/health.js";
import type { Clock, Reporter } from "../core/ports.js";
import type { SurfaceKind } from "../core/surface.js";
import type { GitHubClient } from "../vendors/github.js";
import type { HerokuClient } from "../vendors/heroku.js";
import type { DeployMethod } from "./heroku-release.js";
import type { SlackTarget } from "./notify.js";
import type { CommentMode } from "./preview.js";
import type { DeploySurface } from "./surface.js";
import type { CommandSurfaceSettings } from "./surface-command.js";
import type { HerokuSurfaceSettings } from "./surface-heroku.js";
import type { PagesSurfaceSettings } from "./surface-pages.js";

/** The gated deploy's settings, ports and result (deploy.ts runs it; deploy-settings.ts builds the settings). */

/** The surface a deploy ships to, with its credentials: Heroku, Cloudflare Pages or a deploy command. */
export type SurfaceSettings = HerokuSurfaceSettings | PagesSurfaceSettings | CommandSurfaceSettings;

export type { DeployMethod };

export type DeployApproval =
  | { mode: "environment" }
  | {
      mode: "issue";
      /** The approval issue's number (environment-gate's issue-number output): only where to look. */
      issue?: number;
      approvers?: Approver[];
      minimumApprovals?: number;
      allowSelfApproval?: boolean;
    };

/** Health settings whose URL may be left out: the app's web URL joined with /health is probed then. */
export type DeployHealthSettings = Omit<HealthSettings, "url" | "expectBody" | "expectJson"> & {
  url?: URL;
  expectBody?: string;
  expectJson?: HealthSettings["expectJson"];
};

export interface DeployAuditSettings {
  databaseUrl: string;
  /** Default console_audit_log. */
  table?: string;
  /** Where an outcome record goes when it cannot be written. */
  spoolDir: string;
  /** Apply pending migrations first (default true). */
  migrate?: boolean;
  /** The Ed25519 key (`audit-signing-key`) that signs a checkpoint after each outcome row; unset: not signed. */
  signingKey?: string;
}

export interface DeploySettings {
  app: string;
  environment: string;
  productionEnvironments: readonly string[];
  /** A SHA, branch or tag resolvable in the local checkout `cwd`. */
  ref: string;
  /** Where it ships, and how (the surface's own settings and credentials). */
  surface: SurfaceSettings;
  trigger: AuditTrigger;
  /** Who triggered this attempt (github.triggering_actor, else github.actor; the operator's email in the CLI). */
  actor: string;
  /** Who started the run, when someone else re-ran it (github.actor): recorded, and bound by self-approval. */
  runActor?: string;
  /**
   * How a `ci` deploy's approval is verified, by this pipeline, from GitHub: the environment's required
   * reviewers (default), or the approval issue read back and decided again. Never an approver's name.
   */
  approval?: DeployApproval;
  /** The CLI only (trigger `local`): the operator who typed the confirmation phrase. */
  confirmedBy?: string;
  /**
   * The SHA the preview showed as live (what the approvers saw a diff from). Under the lock, before anything
   * is written, the live SHA is read again with the deploy key; when it differs, nothing is pushed.
   */
  previewedFromSha?: string;
  /** The event that started the run (GITHUB_EVENT_NAME). A `ci` deploy to production with none is refused. */
  eventName?: string;
  /** Ask for required reviewers even outside production (it can only add to the policy and the default). */
  requireReviewers?: boolean;
  repository?: string;
  serverUrl?: string;
  /** Keys the audit rows (run id + attempt + phase); default a fresh `local-<uuid>`. */
  runId?: string;
  runAttempt?: number;
  runUrl?: string;
  health: DeployHealthSettings;
  rollbackOnFailure: boolean;
  audit: DeployAuditSettings;
  /** How long to wait for another deploy of the app to release its lock. */
  lockWaitMs: number;
  slack?: SlackTarget;
  /** Deployment status and the sticky comment; optional (the CLI runs without GitHub). */
  github?: { token: string; repository: string; baseUrl?: string; teamsToken?: string };
  /** Where the outcome comment goes (default auto: the PR whose head is the SHA, else the commit). */
  commentMode?: CommentMode;
  cwd: string;
}

export interface DeployPorts {
  reporter: Reporter;
  clock?: Clock;
  /** Aborts the health wait (Ctrl-C): the outcome row is still written and the lock released. */
  signal?: AbortSignal;
  onHealthAttempt?: (attempt: HealthAttempt, total: number) => void;
  /** Each state of the path as it is entered. */
  onState?: (state: DeployState) => void;
  /** Stand-ins for tests and the benchmark. */
  heroku?: HerokuClient;
  /** The surface, already opened (the CLI opens it for its preview first). */
  surface?: DeploySurface;
}

export interface DeployResult {
  outcome: DeployOutcome;
  /** Where it shipped (undefined: heroku). */
  surface?: SurfaceKind;
  path: DeployState[];
  auditIds: { started?: string; completed?: string; rollback?: string };
  /** The outcome record, saved here because the database could not take it (the step must fail). */
  spoolFile?: string;
  /** True when an outcome record could not be written to the database (spooled, or lost to the summary). */
  auditSpooled: boolean;
  fromSha?: string;
  toSha: string;
  /** The release made (`v42`), and its id. */
  release?: string;
  releaseId?: string;
  /** What was current before (`v41`). */
  previousRelease?: string;
  previousReleaseId?: string;
  /** The release rolled back to after a failed health check (`v41`). */
  rolledBackTo?: string;
  health?: HealthReport;
  approvedBy?: string;
  appUrl?: string;
  /** Why the deploy did not succeed: the refusal, the push error, the health check's last reason. */
  reason?: string;
  /** The signal aborted the health wait. */
  interrupted: boolean;
  /** From the start of the pipeline to its end, waits included. */
  durationMs: number;
  /** The Slack message; `unknown`: the started post got no answer and was not found (it was not re-posted). */
  slack?: { ts?: string; channel?: string; unknown?: boolean };
  deploymentId?: number;
  commentUrl?: string;
  /** Job-summary markdown: outcome, path (Mermaid), audit, health, and always the rollback command. */
  summary: string;
}

/** `deploy.production`, `rollback.prod-eu`: the audit action of an environment. */
export function auditAction(kind: "deploy" | "rollback", environment: string): string {
  const env =
    environment
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9._:-]+/g, "-")
      .replace(/^-+|-+$/g, "") || "unknown";
  return `${kind}.${env}`;
}

export interface RunState {
  /** The push (or build) has begun: from here a lost lock no longer stops the deploy. */
  pushed?: boolean;
  /** Review entries of the environment this attempt saw (recorded so a re-run cannot reuse an approval). */
  approvalEntries?: number;
  path: DeployPath;
  result: Omit<DeployResult, "summary" | "path">;
  notices: string[];
  spoolSummaries: string[];
}

/** One run of the pipeline: its settings, ports, the surface and what happened so far. */
export interface Ctx {
  /** Aborts when the app lock's connection is lost. */
  lockSignal?: AbortSignal;
  settings: DeploySettings;
  ports: DeployPorts;
  clock: Clock;
  startedAt: number;
  secrets: string[];
  runId: string;
  runAttempt: number;
  production: boolean;
  /** When the SHA shipped was committed: the console's lead time for changes reads it from the audit rows. */
  committedAt?: string;
  github?: GitHubClient;
  surface: DeploySurface;
  state: RunState;
  go: (s: DeployState) => void;
}
