import { ProdgateError, VendorError } from "../core/errors.js";
import {
  commitOf,
  deploymentState,
  failedStage,
  PAGES_UPLOAD_CONCURRENCY,
  pagesManifest,
  productionDomain,
  uploadBuckets,
  uploadTokenClaims,
} from "../core/pages.js";
import { type Clock, type Reporter, systemClock } from "../core/ports.js";
import type { CloudflarePagesClient, PagesDeployment, PagesProject } from "../vendors/cloudflare-pages.js";
import {
  assetBase64,
  checkBuildDirectory,
  hasWorkerScript,
  type LocalAsset,
  readBuildDirectory,
  readConfigFiles,
} from "../vendors/pages-files.js";
import { runPool } from "./pool.js";

/**
 * Ships a built directory to a Cloudflare Pages project through Direct Upload, the way `wrangler pages deploy`
 * does (same hashes, same manifest, only the files the asset store lacks are uploaded), then waits for the new
 * deployment's stages and, on the production branch, checks that it is the one serving production.
 */

export interface PagesReleaseSettings {
  project: string;
  directory: string;
  /** Default: the project's production branch (a production deployment). */
  branch?: string;
  /** The commit shipped (recorded on the deployment; what the live version reads back). */
  commitHash?: string;
  commitMessage?: string;
  /** Upload requests in flight at once (default 3, as wrangler). */
  concurrency?: number;
  /** How long to wait for the deployment's stages (default 5 min). */
  stageTimeoutMs?: number;
}

export interface PagesReleasePorts {
  pages: CloudflarePagesClient;
  reporter: Reporter;
  clock?: Clock;
}

export interface PagesReleaseResult {
  project: string;
  deployment: PagesDeployment;
  /** What served production before (undefined for a project's first deployment). */
  previous: PagesDeployment | undefined;
  production: boolean;
  branch: string;
  /** The production domain (project.pages.dev or the first custom domain). */
  domain: string;
  files: number;
  uploaded: { files: number; bytes: number; requests: number };
  manifest: Record<string, string>;
  durationMs: number;
}

/** What is live on a Pages project: the deployment serving production and its commit. */
export interface PagesLive {
  deployment: PagesDeployment | undefined;
  commit: string | undefined;
}

/**
 * The live version: the deployment serving production (Cloudflare's canonical deployment, which is the newest
 * successful production deployment unless production was rolled back) and the commit it was made from.
 */
export async function pagesLiveVersion(pages: CloudflarePagesClient, project: string): Promise<PagesLive> {
  const p = await pages.project(project);
  const deployment = p.canonical_deployment ?? undefined;
  return { deployment, commit: commitOf(deployment) };
}

export async function releaseToPages(
  settings: PagesReleaseSettings,
  ports: PagesReleasePorts,
): Promise<PagesReleaseResult> {
  const clock = ports.clock ?? systemClock;
  const started = clock.now().getTime();
  const { pages, reporter } = ports;
  const { project, directory } = settings;

  await checkBuildDirectory(directory);
  if (hasWorkerScript(directory))
    throw new ProdgateError(
      `${directory} holds _worker.js (Pages Functions in advanced mode): it must be bundled, which prodgate does not do. Deploy it with wrangler, or remove it.`,
    );
  const proj = await pages.project(project);
  const branch = settings.branch || proj.production_branch;
  const production = branch === proj.production_branch;
  const previous = proj.canonical_deployment ?? undefined;

  let jwt = await pages.uploadToken(project);
  reporter.secret(jwt);
  const { maxFileCount } = uploadTokenClaims(jwt);
  const refresh = async () => {
    jwt = await pages.uploadToken(project);
    reporter.secret(jwt);
  };
  const assets = await readBuildDirectory(directory, { maxFiles: maxFileCount, label: directory });
  const bytes = assets.reduce((n, a) => n + a.sizeInBytes, 0);
  reporter.info(`${directory}: ${assets.length} files, ${formatBytes(bytes)}`);

  /**
   * Runs an asset-store call with a live upload token: a new one is fetched when it expires within a minute,
   * and once more when Cloudflare refuses it (401).
   */
  const withToken = async <T>(call: (token: string) => Promise<T>): Promise<T> => {
    const expires = uploadTokenClaims(jwt).expiresAt;
    if (expires && expires.getTime() - clock.now().getTime() < 60_000) await refresh();
    try {
      return await call(jwt);
    } catch (err) {
      if (!(err instanceof VendorError) || err.status !== 401) throw err;
      reporter.info("Cloudflare refused the upload token; fetching a new one");
      await refresh();
      return call(jwt);
    }
  };

  const hashes = [...new Set(assets.map((a) => a.hash))];
  const missing = new Set(await withToken((t) => pages.checkMissing(t, hashes)));
  const toUpload = uniqueByHash(assets.filter((a) => missing.has(a.hash)));
  const buckets = uploadBuckets(toUpload) as LocalAsset[][];
  const uploaded = { files: 0, bytes: 0, requests: 0 };
  if (toUpload.length)
    reporter.info(
      `Uploading ${toUpload.length} new files (${formatBytes(toUpload.reduce((n, a) => n + a.sizeInBytes, 0))}) in ${buckets.length} request${buckets.length === 1 ? "" : "s"}; ${assets.length - toUpload.length} already on Cloudflare`,
    );
  else reporter.info(`All ${assets.length} files are already on Cloudflare; nothing to upload`);
  const outcomes = await runPool(
    buckets,
    { concurrency: settings.concurrency ?? PAGES_UPLOAD_CONCURRENCY },
    async (bucket) => {
      const payload = await Promise.all(
        bucket.map(async (a) => ({
          key: a.hash,
          value: await assetBase64(a),
          metadata: { contentType: a.contentType },
          base64: true as const,
        })),
      );
      await withToken((t) => pages.uploadAssets(t, payload));
      uploaded.requests++;
      uploaded.files += bucket.length;
      uploaded.bytes += bucket.reduce((n, a) => n + a.sizeInBytes, 0);
    },
  );
  const failed = outcomes.find((o) => o.status === "rejected");
  if (failed && failed.status === "rejected")
    throw new ProdgateError(
      `Uploading files to Cloudflare Pages failed: ${(failed.reason as Error)?.message ?? String(failed.reason)}`,
    );
  try {
    await withToken((t) => pages.upsertHashes(t, hashes));
  } catch (err) {
    reporter.warning(
      `Cloudflare did not record the file hashes (${(err as Error).message}); the deploy goes on, the next one may upload files again`,
    );
  }

  const manifest = pagesManifest(assets);
  const form = {
    manifest,
    branch,
    ...(settings.commitHash ? { commitHash: settings.commitHash } : {}),
    ...(settings.commitMessage ? { commitMessage: settings.commitMessage } : {}),
    ...readConfigFiles(directory),
  };
  let deployment = await createOnce(pages, project, form, proj, reporter, clock);
  reporter.info(`Created deployment ${deployment.id} (${deployment.environment}): ${deployment.url}`);
  deployment = await waitForStages(
    pages,
    project,
    deployment,
    reporter,
    clock,
    settings.stageTimeoutMs ?? 300_000,
  );
  if (deploymentState(deployment) === "failure")
    throw new ProdgateError(
      `Cloudflare Pages deployment ${deployment.id} of ${project} failed at ${failedStage(deployment)}; production still serves ${previous ? previous.id : "nothing"}.`,
    );
  if (production) {
    const now = await pages.project(project);
    const serving = now.canonical_deployment;
    if (serving?.id !== deployment.id)
      throw new ProdgateError(
        `Cloudflare Pages deployment ${deployment.id} of ${project} succeeded, but production serves ${serving?.id ?? "nothing"}: it did not become the production deployment.`,
      );
  }
  return {
    project,
    deployment,
    previous,
    production,
    branch,
    domain: productionDomain(proj),
    files: assets.length,
    uploaded,
    manifest,
    durationMs: clock.now().getTime() - started,
  };
}

function uniqueByHash(assets: LocalAsset[]): LocalAsset[] {
  const seen = new Set<string>();
  return assets.filter((a) => {
    if (seen.has(a.hash)) return false;
    seen.add(a.hash);
    return true;
  });
}

/**
 * Creates the deployment. A create is not repeated blindly: after an answer that may have been lost, the
 * newest deployments are read first, and one made from this commit on this branch since the attempt began
 * is taken as the result.
 */
async function createOnce(
  pages: CloudflarePagesClient,
  project: string,
  form: Parameters<CloudflarePagesClient["createDeployment"]>[1],
  proj: PagesProject,
  reporter: Reporter,
  clock: Clock,
): Promise<PagesDeployment> {
  const known = new Set([proj.latest_deployment?.id].filter(Boolean));
  const attempts = 4;
  for (let attempt = 1; ; attempt++) {
    try {
      return await pages.createDeployment(project, form);
    } catch (err) {
      const ambiguous = err instanceof VendorError && (err.retryable || err.status === 429);
      if (!ambiguous || attempt >= attempts) throw err;
      const waitMs = err.status === 429 ? 2_000 * attempt : 1_000 * attempt;
      reporter.warning(
        `Creating the deployment got no clear answer (${err.message}); checking again in ${waitMs} ms`,
      );
      await clock.sleep(waitMs);
      const recent = await pages
        .deployments(project, { page: 1, perPage: 5 })
        .then((r) => r.deployments)
        .catch(() => []);
      const made = recent.find(
        (d) =>
          !known.has(d.id) &&
          d.deployment_trigger?.metadata?.branch === form.branch &&
          (form.commitHash ? d.deployment_trigger?.metadata?.commit_hash === form.commitHash : true),
      );
      if (made) {
        reporter.info(`The deployment was created after all: ${made.id}`);
        return made;
      }
    }
  }
}

/** Reads the deployment until its stages finish: 0.5 s, 1 s, 2 s, ... apart (10 s at most), up to `timeoutMs`. */
export async function waitForStages(
  pages: CloudflarePagesClient,
  project: string,
  deployment: PagesDeployment,
  reporter: Reporter,
  clock: Clock,
  timeoutMs: number,
): Promise<PagesDeployment> {
  let current = deployment;
  const deadline = clock.now().getTime() + timeoutMs;
  for (let i = 0; deploymentState(current) === "pending"; i++) {
    if (clock.now().getTime() > deadline)
      throw new ProdgateError(
        `Cloudflare Pages deployment ${current.id} of ${project} is still at ${current.latest_stage.name} (${current.latest_stage.status}) after ${Math.round(timeoutMs / 1000)} s`,
      );
    if (i > 0)
      reporter.info(
        `Deployment ${current.id}: ${current.latest_stage.name} (${current.latest_stage.status})`,
      );
    await clock.sleep(Math.min(10_000, 500 * 2 ** Math.min(i, 5)));
    current = await pages.deployment(project, current.id);
  }
  return current;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
