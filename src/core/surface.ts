import { InputError } from "./errors.js";
import { sameSha } from "./preview.js";

/**
 * The prod surfaces one gate serves (seed 002 is a universal pattern): a Heroku app, a Cloudflare Pages
 * project (Direct Upload), or any deploy command you give (`command`). Pure: names, how each is rolled back,
 * and the words the summary, Slack and the terminal use for it.
 */

export const SURFACES = ["heroku", "cloudflare-pages", "command"] as const;
export type SurfaceKind = (typeof SURFACES)[number];

export function parseSurface(input: string, raw: string | undefined): SurfaceKind {
  const text = (raw ?? "").trim().toLowerCase() || "heroku";
  if ((SURFACES as readonly string[]).includes(text)) return text as SurfaceKind;
  throw new InputError(input, `must be one of ${SURFACES.join(", ")}; got '${text.slice(0, 60)}'`);
}

/** What `app` names on each surface: the Heroku app, the Pages project, or the name given to a command surface. */
export const TARGET_NOUN: Record<SurfaceKind, string> = {
  heroku: "Heroku app",
  "cloudflare-pages": "Cloudflare Pages project",
  command: "deploy target",
};

/**
 * A name for a command surface: what the audit target, the lock key, the banner and the typed phrase use.
 * Letters, digits, dots, dashes, underscores and slashes, 1-100 characters.
 */
export function parseCommandTarget(input: string, raw: string): string {
  const text = raw.trim();
  if (!text) throw new InputError(input, "is required (a name for what the deploy command ships to)");
  if (!/^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/.test(text))
    throw new InputError(
      input,
      `must be a name of letters, digits, dots, dashes, underscores and slashes (at most 100); got '${text.slice(0, 60)}'`,
    );
  return text;
}

/** How to undo a deploy of a surface: always shown after a deploy (summary, Slack, comment, terminal). */
export interface RollbackHint {
  /** Commands that roll back, the prodgate one first. */
  commands: string[];
  /** One sentence on what the rollback does. */
  how: string;
  /** The reusable workflow that rolls back, when there is one. */
  workflow?: string;
}

export function rollbackHint(surface: SurfaceKind, app: string): RollbackHint {
  switch (surface) {
    case "heroku":
      return {
        commands: [`prodgate rollback --app ${app}`, `heroku releases:rollback --app ${app}`],
        how: "No CI, no rebuild: the Platform API's release rollback, in seconds.",
        workflow: "rollback-heroku.yml",
      };
    case "cloudflare-pages":
      return {
        commands: [`prodgate rollback --surface cloudflare-pages --app ${app}`],
        how: "No build: Pages points production back at the previous successful production deployment, in seconds.",
        workflow: "rollback-cloudflare-pages.yml",
      };
    case "command":
      return {
        commands: [
          `prodgate rollback --surface command --app ${app} --rollback-command '<your rollback-command>' --health-url <url>`,
        ],
        how: "Your rollback-command, from the checkout, with PRODGATE_APP, PRODGATE_ENVIRONMENT, PRODGATE_FROM_SHA (what the newest successful deploy shipped) and PRODGATE_TO_SHA (what was live before it) set, as the deploy runs it after a failed /health; audited as rollback.<environment>.",
      };
  }
}

/**
 * What `prodgate rollback --surface command` goes from and to, from the target's `deploy.<environment>` outcome
 * rows (newest first): it undoes the newest successful deploy (the one that shipped `live`, when what is live
 * is known), from the SHA that deploy shipped back to the one live before it. Nothing found: only `live`.
 */
export function commandRollbackShas(
  rows: readonly { outcome: string | null; context: Record<string, unknown> }[],
  live?: string,
): { from?: string; to?: string } {
  const text = (v: unknown) => (typeof v === "string" && v ? v : undefined);
  const deploy = rows.find((r) => {
    const shipped = text(r.context.to_sha);
    return r.outcome === "success" && shipped && (!live || sameSha(shipped, live));
  });
  return { from: live ?? text(deploy?.context.to_sha), to: text(deploy?.context.from_sha) };
}
