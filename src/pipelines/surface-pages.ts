import { resolve } from "node:path";
import { commitOf, pagesHealthUrl, productionDomain } from "../core/pages.js";
import type { Clock, Reporter } from "../core/ports.js";
import { rollbackHint } from "../core/surface.js";
import { CloudflarePagesClient } from "../vendors/cloudflare-pages.js";
import { releaseToPages } from "./pages-release.js";
import { rollbackPages } from "./pages-rollback.js";
import type { DeploySurface } from "./surface.js";

/**
 * The Cloudflare Pages adapter of the surface port (Direct Upload projects): a built directory shipped on the
 * production branch with `commit_hash` = the SHA shipped; what is live is the deployment serving production;
 * a failed /health points production back at the previous successful production deployment, with no build.
 */

export interface PagesSurfaceSettings {
  kind: "cloudflare-pages";
  apiToken: string;
  accountId: string;
  /** The built directory, relative to the checkout (or absolute). */
  directory: string;
  /** CLOUDFLARE_API_URL. */
  baseUrl?: string;
}

export function pagesSurface(
  project: string,
  settings: PagesSurfaceSettings,
  deps: { reporter: Reporter; clock: Clock; cwd: string; pages?: CloudflarePagesClient },
): DeploySurface {
  const { reporter, clock } = deps;
  const pages =
    deps.pages ??
    new CloudflarePagesClient({
      apiToken: settings.apiToken,
      accountId: settings.accountId,
      baseUrl: settings.baseUrl,
      clock,
      onRetry: (m) => reporter.warning(m),
    });
  const directory = resolve(deps.cwd, settings.directory);
  return {
    kind: "cloudflare-pages",
    target: project,
    method: "direct-upload",
    auditContext: { surface: "cloudflare-pages", method: "direct-upload" },
    requiresHealthUrl: false,
    async inspect() {
      const proj = await pages.project(project);
      const live = proj.canonical_deployment ?? undefined;
      return {
        sha: commitOf(live),
        label: live?.short_id,
        url: `https://${productionDomain(proj)}`,
        healthUrl: new URL(pagesHealthUrl(proj)),
      };
    },
    async liveSha() {
      return commitOf((await pages.project(project)).canonical_deployment);
    },
    async ship(sha) {
      const r = await releaseToPages({ project, directory, commitHash: sha }, { pages, reporter, clock });
      return {
        release: r.deployment.short_id,
        releaseId: r.deployment.id,
        previousRelease: r.previous?.short_id,
        previousReleaseId: r.previous?.id,
        fromSha: commitOf(r.previous),
        url: `https://${r.domain}`,
        alreadyLive: false,
        noRollback: r.previous
          ? undefined
          : `${project} had no production deployment before this one: nothing to roll back to`,
        context: {
          deployment_id: r.deployment.id,
          deployment_url: r.deployment.url,
          previous_deployment_id: r.previous?.id,
          files: r.files,
          uploaded_files: r.uploaded.files,
          uploaded_bytes: r.uploaded.bytes,
        },
      };
    },
    async rollBack(shipped) {
      const rb = await rollbackPages(
        { project, deployment: shipped.previousReleaseId },
        { pages, reporter, clock },
      );
      return {
        to: rb.target.short_id,
        toSha: commitOf(rb.target),
        context: { deployment_id: rb.target.id, rolled_back_from: rb.before.id },
      };
    },
    rollbackHint: () => rollbackHint("cloudflare-pages", project),
  };
}
