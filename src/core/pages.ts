import { InputError, ProdgateError } from "./errors.js";

/**
 * Cloudflare Pages Direct Upload, the pure parts: which files of a build directory are assets (wrangler's
 * ignore list), the limits Pages enforces, the manifest a deployment is created with, how missing files are
 * packed into upload requests (wrangler's buckets), the upload token's claims, and reading deployments
 * (stages, production, rollback targets). Hashing and the directory walk live in vendors/pages-files.ts.
 */

/** Pages serves no file larger than this (wrangler's MAX_ASSET_SIZE). */
export const PAGES_MAX_FILE_BYTES = 25 * 1024 * 1024;
/** Files one deployment may hold when the upload token does not say otherwise (MAX_ASSET_COUNT_DEFAULT). */
export const PAGES_MAX_FILES = 20_000;
/** One upload request carries at most this many bytes of files (before base64) and this many files. */
export const PAGES_BUCKET_BYTES = 40 * 1024 * 1024;
export const PAGES_BUCKET_FILES = 2_000;
/** Upload requests in flight at once (wrangler's BULK_UPLOAD_CONCURRENCY). */
export const PAGES_UPLOAD_CONCURRENCY = 3;

/** Top-level names wrangler never uploads as assets: configuration files, Functions, its own state. */
const TOP_LEVEL_IGNORED = new Set([
  "_worker.js",
  "_redirects",
  "_headers",
  "_routes.json",
  "functions",
  ".wrangler",
]);
/** Names ignored at any depth (wrangler's `**\/name` patterns). */
const ANY_DEPTH_IGNORED = new Set([".DS_Store", "node_modules", ".git"]);

/**
 * Whether wrangler leaves this entry (a path relative to the build directory, `/`-separated, a file or a
 * folder) out of a deployment. Wrangler matches minimatch patterns without `dot`, so a `**` never crosses a
 * folder whose name starts with a dot: `.well-known/.git` is uploaded, `docs/.git` is not.
 */
export function pagesIgnored(relPath: string): boolean {
  const parts = relPath.split("/");
  if (parts.length === 1 && TOP_LEVEL_IGNORED.has(relPath)) return true;
  const last = parts[parts.length - 1] ?? "";
  if (!ANY_DEPTH_IGNORED.has(last)) return false;
  return parts.slice(0, -1).every((p) => !p.startsWith("."));
}

/** One asset of a deployment. `name` is relative to the build directory, `/`-separated, no leading slash. */
export interface PagesAsset {
  name: string;
  hash: string;
  sizeInBytes: number;
  contentType: string;
}

/** A file is over Pages' size limit, or a directory over its file-count limit. */
export class PagesLimitError extends ProdgateError {
  override name = "PagesLimitError";
}

export function fileTooLarge(name: string, size: number): PagesLimitError {
  return new PagesLimitError(
    `${name} is ${size.toLocaleString("en-US")} bytes: Cloudflare Pages serves files up to 25 MiB ` +
      `(${PAGES_MAX_FILE_BYTES.toLocaleString("en-US")} bytes). Split it, compress it, or serve it from R2.`,
  );
}

export function tooManyFiles(count: number, limit: number, directory: string): PagesLimitError {
  return new PagesLimitError(
    `${directory} holds ${count.toLocaleString("en-US")} files: Cloudflare Pages takes up to ` +
      `${limit.toLocaleString("en-US")} in one deployment on this plan. Check that 'directory' is the build output.`,
  );
}

/** The deployment manifest: `/name` → hash for every asset, in name order (what wrangler sends). */
export function pagesManifest(assets: readonly PagesAsset[]): Record<string, string> {
  const sorted = [...assets].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return Object.fromEntries(sorted.map((a) => [`/${a.name}`, a.hash]));
}

/**
 * Packs the files to upload into requests the way wrangler does: largest first, spread round-robin over
 * `PAGES_UPLOAD_CONCURRENCY` buckets of at most `PAGES_BUCKET_BYTES` and `PAGES_BUCKET_FILES`, a new bucket
 * when none has room. Empty buckets are dropped.
 */
export function uploadBuckets(files: readonly PagesAsset[]): PagesAsset[][] {
  const sorted = [...files].sort((a, b) => b.sizeInBytes - a.sizeInBytes);
  const buckets = Array.from({ length: PAGES_UPLOAD_CONCURRENCY }, () => ({
    files: [] as PagesAsset[],
    room: PAGES_BUCKET_BYTES,
  }));
  let offset = 0;
  for (const file of sorted) {
    let placed = false;
    for (let i = 0; i < buckets.length; i++) {
      const bucket = buckets[(i + offset) % buckets.length]!;
      if (bucket.room >= file.sizeInBytes && bucket.files.length < PAGES_BUCKET_FILES) {
        bucket.files.push(file);
        bucket.room -= file.sizeInBytes;
        placed = true;
        break;
      }
    }
    if (!placed) buckets.push({ files: [file], room: PAGES_BUCKET_BYTES - file.sizeInBytes });
    offset++;
  }
  return buckets.filter((b) => b.files.length > 0).map((b) => b.files);
}

/** The claims of an upload token (a JWT): when it expires and how many files it allows. */
export interface UploadTokenClaims {
  expiresAt?: Date;
  maxFileCount: number;
}

export function uploadTokenClaims(jwt: string): UploadTokenClaims {
  const part = jwt.split(".")[1];
  let claims: Record<string, unknown> = {};
  try {
    if (part) {
      const binary = atob(part.replace(/-/g, "+").replace(/_/g, "/"));
      const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
      claims = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
    }
  } catch {
    throw new ProdgateError("Cloudflare sent an upload token that is not a JWT");
  }
  const max = claims.max_file_count_allowed;
  return {
    ...(typeof claims.exp === "number" ? { expiresAt: new Date(claims.exp * 1000) } : {}),
    maxFileCount: typeof max === "number" && max > 0 ? max : PAGES_MAX_FILES,
  };
}

// ---- deployments ----

export type StageStatus = "success" | "idle" | "active" | "failure" | "canceled" | "skipped";

export interface DeploymentLike {
  id: string;
  environment: "production" | "preview";
  url: string;
  created_on: string;
  latest_stage: { name: string; status: StageStatus | string };
  stages?: { name: string; status: StageStatus | string }[];
  deployment_trigger?: { type?: string; metadata?: { branch?: string; commit_hash?: string } };
}

/** Done (deploy stage succeeded), failed (a stage failed or was canceled), or still going. */
export function deploymentState(d: DeploymentLike): "success" | "failure" | "pending" {
  const stages = d.stages?.length ? d.stages : [d.latest_stage];
  if (stages.some((s) => s.status === "failure" || s.status === "canceled")) return "failure";
  if (d.latest_stage.name === "deploy" && d.latest_stage.status === "success") return "success";
  return "pending";
}

/** The stage that failed, for messages: `build (failure)`. */
export function failedStage(d: DeploymentLike): string {
  const stages = d.stages?.length ? d.stages : [d.latest_stage];
  const bad = stages.find((s) => s.status === "failure" || s.status === "canceled") ?? d.latest_stage;
  return `${bad.name} (${bad.status})`;
}

export function commitOf(d: DeploymentLike | undefined | null): string | undefined {
  const sha = d?.deployment_trigger?.metadata?.commit_hash;
  return sha ? sha : undefined;
}

const newestFirst = <T extends DeploymentLike>(list: readonly T[]): T[] =>
  [...list].sort((a, b) => (a.created_on < b.created_on ? 1 : a.created_on > b.created_on ? -1 : 0));

/**
 * The rollback target: the newest successful production deployment older than the one serving production
 * (`live`). Undefined when there is none in `list`.
 */
export function previousProductionDeployment<T extends DeploymentLike>(
  list: readonly T[],
  live: DeploymentLike,
): T | undefined {
  return newestFirst(list).find(
    (d) =>
      d.id !== live.id &&
      d.environment === "production" &&
      d.created_on <= live.created_on &&
      deploymentState(d) === "success",
  );
}

/** Why a deployment cannot be rolled back to, or undefined when it can (Pages' own rules). */
export function rollbackRefusal(d: DeploymentLike): string | undefined {
  if (d.environment !== "production")
    return "it is a preview deployment (only production deployments can be rolled back to)";
  if (deploymentState(d) !== "success") return `it did not finish successfully (${failedStage(d)})`;
  return undefined;
}

/** The domain production answers on: the first custom domain, else `<project>.pages.dev`. */
export function productionDomain(project: { domains?: string[] | null; subdomain: string }): string {
  return project.domains?.find((d) => !d.endsWith(".pages.dev")) ?? project.subdomain;
}

/** The default health URL of a Pages project: `/health` on its production domain. */
export function pagesHealthUrl(project: { domains?: string[] | null; subdomain: string }): string {
  return `https://${productionDomain(project)}/health`;
}

/** How to undo a Pages deploy: what to roll back to, for the summary, Slack and the deploy comment. */
export function pagesRollbackHint(project: string, previous: DeploymentLike | undefined): string {
  if (!previous)
    return `${project} had no production deployment before this one: there is nothing to roll back to.`;
  const sha = commitOf(previous);
  return `Roll ${project} back to ${previous.id}${sha ? ` (${sha.slice(0, 7)})` : ""}: cloudflare-pages-rollback with \`deployment: ${previous.id}\`, or \`prodgate rollback --surface cloudflare-pages --app ${project}\`.`;
}

/** A deployment named by the user: its full id (a UUID) or the 8-character short id. */
export function parseDeploymentRef(input: string, raw: string): string | undefined {
  const text = raw.trim();
  if (!text) return undefined;
  if (/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i.test(text) || /^[0-9a-f]{8}$/i.test(text))
    return text.toLowerCase();
  throw new InputError(
    input,
    `must be a Pages deployment id (a UUID or its first 8 characters); got '${text.slice(0, 60)}'`,
  );
}

/** A Pages project name: lowercase letters, digits and dashes, 1-58 characters, not starting or ending with a dash. */
export function parsePagesProject(input: string, raw: string): string {
  const text = raw.trim();
  if (!text) throw new InputError(input, "is required (the Pages project name)");
  if (!/^[a-z0-9]([a-z0-9-]{0,56}[a-z0-9])?$/.test(text))
    throw new InputError(
      input,
      `must be a Pages project name (lowercase letters, digits and dashes); got '${text.slice(0, 60)}'`,
    );
  return text;
}

/** A Cloudflare account ID: 32 hex digits. */
export function parseAccountId(input: string, raw: string): string {
  const text = raw.trim();
  if (!text) throw new InputError(input, "is required (the Cloudflare account ID)");
  if (!/^[0-9a-f]{32}$/i.test(text))
    throw new InputError(
      input,
      `must be a Cloudflare account ID (32 hex digits); got '${text.slice(0, 40)}'`,
    );
  return text.toLowerCase();
}
