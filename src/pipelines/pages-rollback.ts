import { ProdgateError, VendorError } from "../core/errors.js";
import { previousProductionDeployment, rollbackRefusal } from "../core/pages.js";
import { type Clock, type Reporter, systemClock } from "../core/ports.js";
import type { CloudflarePagesClient, PagesDeployment } from "../vendors/cloudflare-pages.js";

/**
 * Rolls a Cloudflare Pages project's production back to an earlier deployment in seconds, with no build:
 * POST .../deployments/{id}/rollback, then a check that production serves it. The default target is the
 * newest successful production deployment older than the one serving production now.
 */

export interface PagesRollbackSettings {
  project: string;
  /** A deployment id or short id; undefined for the previous successful production deployment. */
  deployment?: string;
  /** How many production deployments to look back through for the default target (default 100). */
  lookBack?: number;
}

export interface PagesRollbackPorts {
  pages: CloudflarePagesClient;
  reporter: Reporter;
  clock?: Clock;
}

export interface PagesRollbackResult {
  project: string;
  /** What served production before. */
  before: PagesDeployment;
  /** The deployment rolled back to; it serves production now. */
  target: PagesDeployment;
  /** The target was already serving production: nothing was changed. */
  noop: boolean;
  durationMs: number;
}

export async function rollbackPages(
  settings: PagesRollbackSettings,
  ports: PagesRollbackPorts,
): Promise<PagesRollbackResult> {
  const clock = ports.clock ?? systemClock;
  const started = clock.now().getTime();
  const { pages, reporter } = ports;
  const { project } = settings;

  const proj = await pages.project(project);
  const before = proj.canonical_deployment;
  if (!before)
    throw new ProdgateError(`Nothing to roll back: ${project} has no production deployment serving yet.`);

  let target: PagesDeployment | undefined;
  if (settings.deployment) {
    target = await findDeployment(pages, project, settings.deployment);
    const refusal = rollbackRefusal(target);
    if (refusal) throw new ProdgateError(`Cannot roll ${project} back to ${target.id}: ${refusal}.`);
  } else {
    const list = await pages.recentDeployments(project, { env: "production", max: settings.lookBack ?? 100 });
    target = previousProductionDeployment(list, before);
    if (!target)
      throw new ProdgateError(
        `Nothing to roll back to: ${project} has no successful production deployment before ${before.id} (looked at ${list.length}).`,
      );
  }

  if (target.id === before.id) {
    reporter.info(`${project}: ${target.id} already serves production; nothing to do.`);
    return { project, before, target, noop: true, durationMs: clock.now().getTime() - started };
  }

  reporter.info(`Rolling back ${project} production from ${before.id} to ${target.id} (${describe(target)})`);
  await rollbackOnce(pages, project, target, reporter, clock);
  const now = await pages.project(project);
  if (now.canonical_deployment?.id !== target.id)
    throw new ProdgateError(
      `Cloudflare accepted the rollback of ${project} to ${target.id}, but production serves ${now.canonical_deployment?.id ?? "nothing"}.`,
    );
  reporter.info(`${project} production now serves ${target.id}`);
  return { project, before, target, noop: false, durationMs: clock.now().getTime() - started };
}

async function findDeployment(
  pages: CloudflarePagesClient,
  project: string,
  ref: string,
): Promise<PagesDeployment> {
  if (/^[0-9a-f]{8}$/.test(ref)) {
    // A short id: found in the listing (the deployment endpoint is addressed by full id).
    const found = (await pages.recentDeployments(project, { max: 250 })).find((d) => d.short_id === ref);
    if (!found) throw new ProdgateError(`${project} has no deployment ${ref} among its last 250.`);
    return found;
  }
  try {
    return await pages.deployment(project, ref);
  } catch (err) {
    if (err instanceof VendorError && err.status === 404 && !/8000007/.test(err.message))
      throw new ProdgateError(`${project} has no deployment ${ref}.`);
    throw err;
  }
}

/** POSTs the rollback; after an answer that may have been lost, checks whether production moved before retrying. */
async function rollbackOnce(
  pages: CloudflarePagesClient,
  project: string,
  target: PagesDeployment,
  reporter: Reporter,
  clock: Clock,
): Promise<void> {
  const attempts = 4;
  for (let attempt = 1; ; attempt++) {
    try {
      await pages.rollback(project, target.id);
      return;
    } catch (err) {
      const ambiguous = err instanceof VendorError && (err.retryable || err.status === 429);
      if (!ambiguous || attempt >= attempts) throw err;
      const waitMs = err.status === 429 ? 2_000 * attempt : 1_000 * attempt;
      reporter.warning(
        `Rollback of ${project} got no clear answer (${err.message}); checking again in ${waitMs} ms`,
      );
      await clock.sleep(waitMs);
      const serving = await pages
        .project(project)
        .then((p) => p.canonical_deployment?.id)
        .catch(() => undefined);
      if (serving === target.id) {
        reporter.info("The rollback went through after all");
        return;
      }
    }
  }
}

function describe(d: PagesDeployment): string {
  const sha = d.deployment_trigger?.metadata?.commit_hash;
  return [sha ? sha.slice(0, 7) : undefined, d.created_on].filter(Boolean).join(", ");
}
