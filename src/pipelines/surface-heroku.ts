import { InputError } from "../core/errors.js";
import { label, shortSha } from "../core/heroku.js";
import type { Clock, Reporter } from "../core/ports.js";
import { rollbackHint } from "../core/surface.js";
import { HerokuClient } from "../vendors/heroku.js";
import { HerokuGit, LocalRepo } from "../vendors/heroku-git.js";
import { type DeployMethod, releaseToHeroku } from "./heroku-release.js";
import { runRollback } from "./rollback.js";
import type { DeploySurface, SurfaceShipped } from "./surface.js";

/** The Heroku adapter of the surface port: git push or the Build API, release rollback by the Platform API. */

export interface HerokuSurfaceSettings {
  kind: "heroku";
  apiKey: string;
  method: DeployMethod;
  force: boolean;
  /** HEROKU_API_URL (default: the client's own default, which reads the environment). */
  baseUrl?: string;
}

/** The app's web URL joined with /health. */
export function defaultHealthUrl(webUrl: string | null | undefined): URL {
  if (!webUrl) throw new InputError("health-url", "is required: the app has no web URL to probe /health on");
  return new URL(`${webUrl.replace(/\/+$/, "")}/health`);
}

export function herokuSurface(
  app: string,
  settings: HerokuSurfaceSettings,
  deps: { reporter: Reporter; clock: Clock; cwd: string; heroku?: HerokuClient },
): DeploySurface & { heroku: HerokuClient } {
  const { reporter, clock, cwd } = deps;
  const heroku =
    deps.heroku ??
    new HerokuClient({
      apiKey: settings.apiKey,
      ...(settings.baseUrl ? { baseUrl: settings.baseUrl } : {}),
      onRetry: (m) => reporter.warning(m),
      clock,
    });
  return {
    kind: "heroku",
    target: app,
    method: settings.method,
    heroku,
    auditContext: { method: settings.method, force: settings.force },
    requiresHealthUrl: false,
    async inspect() {
      const [appInfo, live] = await Promise.all([heroku.app(app), heroku.liveCommit(app)]);
      return {
        sha: live.sha ?? undefined,
        label: live.release ? label(live.release) : undefined,
        url: appInfo.web_url ?? undefined,
        healthUrl: appInfo.web_url ? defaultHealthUrl(appInfo.web_url) : undefined,
      };
    },
    async liveSha() {
      return (await heroku.liveCommit(app)).sha ?? undefined;
    },
    async ship(sha) {
      const release = await releaseToHeroku(
        { app, sha, method: settings.method, force: settings.force },
        {
          heroku,
          git: new HerokuGit({ apiKey: settings.apiKey, cwd, onOutput: (line) => reporter.info(line) }),
          repo: new LocalRepo(cwd, (m) => reporter.info(m)),
          reporter,
          clock,
          tempDir: process.env.RUNNER_TEMP,
        },
      );
      const before = release.before;
      const shipped: SurfaceShipped = {
        release: label(release.after.release),
        releaseId: release.after.release.id,
        previousRelease: before ? label(before.release) : undefined,
        previousReleaseId: before?.release.id,
        fromSha: before?.commit ?? undefined,
        url: release.webUrl ?? undefined,
        alreadyLive: release.alreadyLive,
        noRollback: release.alreadyLive
          ? `${app} already ran ${shortSha(sha)} before this deploy: nothing to roll back`
          : !before?.release.slug
            ? `${app} had no release with code before: nothing to roll back to`
            : undefined,
        context: {
          release: label(release.after.release),
          release_id: release.after.release.id,
          previous_release: before ? label(before.release) : undefined,
          already_live: release.alreadyLive,
        },
      };
      return shipped;
    },
    async rollBack(shipped) {
      if (!shipped.previousReleaseId) throw new Error("no release to roll back to");
      const rb = await runRollback(
        { app, release: { kind: "id", id: shipped.previousReleaseId } },
        { heroku, reporter, clock },
      );
      return {
        to: label(rb.target.release),
        toSha: rb.after.commit ?? undefined,
        release: label(rb.after.release),
        releaseId: rb.after.release.id,
        context: { release: label(rb.after.release), release_id: rb.after.release.id },
      };
    },
    rollbackHint: () => rollbackHint("heroku", app),
  };
}
