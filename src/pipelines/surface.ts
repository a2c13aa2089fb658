import type { RollbackHint, SurfaceKind } from "../core/surface.js";

/**
 * The surface port: everything the gated deploy needs to know about where it ships. The gate (lock, audit,
 * approval, /health, notifications) is one pipeline over this port; Heroku, Cloudflare Pages and `command` are
 * its adapters (surface-heroku.ts, surface-pages.ts, surface-command.ts).
 */

/** What runs on the surface now, and where it answers. */
export interface SurfaceLive {
  /** The commit live now, when the surface knows one (undefined: nothing live, or not a commit). */
  sha?: string;
  /** What is live in the surface's own words (`v41`, a deployment id, what live-version-command printed). */
  label?: string;
  /** Where the surface answers (the app's web URL, the production domain). */
  url?: string;
  /** The default /health URL; undefined when the surface has none (then health-url is required). */
  healthUrl?: URL;
}

/** A version shipped and proven to be the one serving. */
export interface SurfaceShipped {
  /** The release or deployment made (`v42`, a Pages short id); undefined when the surface names none. */
  release?: string;
  releaseId?: string;
  /** What served before. */
  previousRelease?: string;
  previousReleaseId?: string;
  /** The commit that served before, as the surface read it at the push. */
  fromSha?: string;
  /** Where the surface answers now. */
  url?: string;
  /** The version was already live: nothing new was made. */
  alreadyLive: boolean;
  /** Why a failed /health cannot be rolled back (undefined: it can). */
  noRollback?: string;
  /** Recorded in the outcome row. */
  context: Record<string, unknown>;
}

/** A rollback after a failed /health. */
export interface SurfaceRolledBack {
  /** What was rolled back to, in the surface's words (`v41`, a deployment id, a SHA). */
  to: string;
  /** The commit serving now, when known. */
  toSha?: string;
  /** The release the rollback made, when the surface makes one (`v43`). */
  release?: string;
  releaseId?: string;
  context: Record<string, unknown>;
}

export interface DeploySurface {
  readonly kind: SurfaceKind;
  /** `app`: the Heroku app, the Pages project, or the name of a command surface. */
  readonly target: string;
  /** How it ships, for the summary and the audit rows (`git`, `build`, `direct-upload`, `command`). */
  readonly method: string;
  /** Extra fields every audit row of this surface carries. */
  readonly auditContext: Record<string, unknown>;
  /** No default health URL: the deploy is refused before the surface is touched when none is given. */
  readonly requiresHealthUrl: boolean;
  /** What is live, where it answers, its default health URL. */
  inspect(): Promise<SurfaceLive>;
  /** The commit live now (read again under the lock, before anything is written). */
  liveSha(): Promise<string | undefined>;
  /**
   * Ships the commit and verifies it: the version serving afterwards is the one shipped (Heroku: the new
   * release's slug commit; Pages: the deployment's stages succeeded and it serves production; command:
   * live-version-command prints it). Throws when either fails: `deploy_failed`.
   */
  ship(sha: string, io: { signal?: AbortSignal }): Promise<SurfaceShipped>;
  /** Rolls back what `ship` made (a failed /health). */
  rollBack(shipped: SurfaceShipped, io: { sha: string; reason: string }): Promise<SurfaceRolledBack>;
  /** How to undo a deploy by hand. */
  rollbackHint(): RollbackHint;
}
