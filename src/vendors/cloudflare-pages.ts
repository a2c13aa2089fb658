import type { DeploymentLike } from "../core/pages.js";
import type { Clock } from "../core/ports.js";
import {
  type CloudflareEnvelope,
  CloudflareError,
  DEFAULT_CLOUDFLARE_API_URL,
  describeCloudflare,
  PAGES_DEPLOYMENTS_MAX_PER_PAGE,
  type PagesDeployment,
  unwrap,
} from "./cloudflare.js";
import { HttpClient, type HttpResponse } from "./http.js";

/**
 * Cloudflare Pages Direct Upload (CLOUDFLARE_API_URL): the upload token, the content-addressed asset store
 * (check-missing, upload, upsert-hashes; authorised by the upload token, not the API token), creating a
 * deployment from a manifest, reading deployments and rolling production back. Only the API token and the
 * upload token are sent; neither ever appears in an error.
 */

export interface PagesProject {
  id: string;
  name: string;
  subdomain: string;
  domains: string[];
  production_branch: string;
  source?: { type: string } | null;
  canonical_deployment: PagesDeployment | null;
  latest_deployment: PagesDeployment | null;
}

/** One file in an upload request, in the KV bulk-write shape Pages takes. */
export interface AssetUpload {
  key: string;
  value: string; // base64
  metadata: { contentType: string };
  base64: true;
}

export interface CreateDeploymentForm {
  /** `/name` → hash for every asset. */
  manifest: Record<string, string>;
  branch: string;
  commitHash?: string;
  commitMessage?: string;
  commitDirty?: boolean;
  /** The build directory's `_headers` and `_redirects` files, sent as files as wrangler sends them. */
  headers?: string;
  redirects?: string;
}

export interface CloudflarePagesOptions {
  apiToken: string;
  accountId: string;
  baseUrl?: string;
  timeoutMs?: number;
  /** Per upload request (a bucket of up to 40 MiB); default 120 s. */
  uploadTimeoutMs?: number;
  retries?: number;
  backoffMs?: number;
  maxRetryAfterMs?: number;
  clock?: Clock;
  onRetry?: (message: string) => void;
}

export type { PagesDeployment };

export class CloudflarePagesClient {
  private readonly http: HttpClient;
  readonly accountId: string;
  private readonly uploadTimeoutMs: number;

  constructor(opts: CloudflarePagesOptions) {
    if (!opts.apiToken) throw new CloudflareError("Cloudflare API token is empty", []);
    if (!opts.accountId) throw new CloudflareError("Cloudflare account ID is empty", []);
    this.accountId = opts.accountId;
    this.uploadTimeoutMs = opts.uploadTimeoutMs ?? 120_000;
    this.http = new HttpClient({
      vendor: "Cloudflare",
      baseUrl: opts.baseUrl || DEFAULT_CLOUDFLARE_API_URL,
      headers: {
        authorization: `Bearer ${opts.apiToken}`,
        accept: "application/json",
        "user-agent": "prodgate",
      },
      timeoutMs: opts.timeoutMs,
      retries: opts.retries,
      backoffMs: opts.backoffMs,
      maxRetryAfterMs: opts.maxRetryAfterMs,
      clock: opts.clock,
      describe: describeCloudflare,
      onRetry: opts.onRetry
        ? ({ attempt, waitMs, reason, req }) =>
            opts.onRetry?.(
              `Cloudflare ${req.method} ${shortPath(req.path)} answered ${reason}; retry ${attempt} in ${waitMs} ms`,
            )
        : undefined,
    });
  }

  get baseUrl(): string {
    return this.http.baseUrl;
  }

  private projectPath(project: string, rest = ""): string {
    return `/accounts/${encodeURIComponent(this.accountId)}/pages/projects/${encodeURIComponent(project)}${rest}`;
  }

  private async call<T>(
    method: string,
    path: string,
    what: string,
    extra: {
      body?: unknown;
      headers?: Record<string, string>;
      retry?: boolean;
      timeoutMs?: number;
      query?: Record<string, string | number | undefined>;
    } = {},
  ): Promise<CloudflareEnvelope<T>> {
    const res: HttpResponse<CloudflareEnvelope<T>> = await this.http.send<CloudflareEnvelope<T>>({
      method,
      path,
      ...extra,
    });
    return unwrap(res, method, what);
  }

  /** GET /accounts/{id}/pages/projects/{project}. */
  async project(project: string): Promise<PagesProject> {
    return (await this.call<PagesProject>("GET", this.projectPath(project), `project ${project}`)).result;
  }

  /** GET .../upload-token: the JWT the asset endpoints take (it says how many files a deployment may hold). */
  async uploadToken(project: string): Promise<string> {
    const r = await this.call<{ jwt: string }>(
      "GET",
      this.projectPath(project, "/upload-token"),
      `upload token of ${project}`,
    );
    if (!r.result || typeof r.result.jwt !== "string" || !r.result.jwt)
      throw new CloudflareError("Cloudflare answered the upload-token request without a token", []);
    return r.result.jwt;
  }

  /** POST /pages/assets/check-missing: which of these hashes the asset store does not hold. */
  async checkMissing(jwt: string, hashes: string[]): Promise<string[]> {
    const r = await this.call<string[]>("POST", "/pages/assets/check-missing", "check-missing", {
      body: { hashes },
      headers: { authorization: `Bearer ${jwt}` },
    });
    return Array.isArray(r.result) ? r.result : [];
  }

  /** POST /pages/assets/upload: one bucket of files. Content-addressed, so a retry is harmless. */
  async uploadAssets(jwt: string, files: AssetUpload[]): Promise<void> {
    await this.call<unknown>("POST", "/pages/assets/upload", "upload", {
      body: files,
      headers: { authorization: `Bearer ${jwt}` },
      timeoutMs: this.uploadTimeoutMs,
    });
  }

  /** POST /pages/assets/upsert-hashes: marks the hashes as recently used, so later deploys skip them. */
  async upsertHashes(jwt: string, hashes: string[]): Promise<void> {
    await this.call<unknown>("POST", "/pages/assets/upsert-hashes", "upsert-hashes", {
      body: { hashes },
      headers: { authorization: `Bearer ${jwt}` },
    });
  }

  /**
   * POST .../deployments as multipart/form-data (manifest, branch, commit_hash, ...). Never retried here: the
   * caller checks whether a lost answer made a deployment before trying again.
   */
  async createDeployment(project: string, form: CreateDeploymentForm): Promise<PagesDeployment> {
    const data = new FormData();
    data.append("manifest", JSON.stringify(form.manifest));
    data.append("branch", form.branch);
    if (form.commitHash) data.append("commit_hash", form.commitHash);
    if (form.commitMessage) data.append("commit_message", form.commitMessage);
    if (form.commitDirty !== undefined) data.append("commit_dirty", String(form.commitDirty));
    if (form.headers !== undefined) data.append("_headers", new File([form.headers], "_headers"));
    if (form.redirects !== undefined) data.append("_redirects", new File([form.redirects], "_redirects"));
    const encoded = new Response(data);
    const body = Buffer.from(await encoded.arrayBuffer());
    const r = await this.call<PagesDeployment>(
      "POST",
      this.projectPath(project, "/deployments"),
      `create deployment of ${project}`,
      {
        body,
        headers: { "content-type": encoded.headers.get("content-type") ?? "multipart/form-data" },
        retry: false,
        timeoutMs: this.uploadTimeoutMs,
      },
    );
    return r.result;
  }

  /** One page (from 1) of deployments, newest first, 25 per page (Cloudflare's maximum). */
  async deployments(
    project: string,
    opts: { env?: "production" | "preview"; page?: number; perPage?: number } = {},
  ): Promise<{ deployments: PagesDeployment[]; totalPages: number | undefined }> {
    const r = await this.call<PagesDeployment[]>(
      "GET",
      this.projectPath(project, "/deployments"),
      `deployments of ${project}`,
      {
        query: {
          env: opts.env,
          page: Math.max(1, opts.page ?? 1),
          per_page: Math.min(
            PAGES_DEPLOYMENTS_MAX_PER_PAGE,
            Math.max(1, opts.perPage ?? PAGES_DEPLOYMENTS_MAX_PER_PAGE),
          ),
        },
      },
    );
    const list = [...(r.result ?? [])].sort(byNewest);
    const info = r.result_info;
    const totalPages =
      info?.total_pages ??
      (info?.total_count !== undefined && info.per_page
        ? Math.ceil(info.total_count / info.per_page)
        : undefined);
    return { deployments: list, totalPages };
  }

  /** Deployments, newest first, page after page until `max` are read or the list ends. */
  async recentDeployments(
    project: string,
    opts: { env?: "production" | "preview"; max?: number } = {},
  ): Promise<PagesDeployment[]> {
    const max = opts.max ?? 100;
    const out: PagesDeployment[] = [];
    for (let page = 1; out.length < max; page++) {
      const { deployments, totalPages } = await this.deployments(project, { env: opts.env, page });
      out.push(...deployments);
      if (
        deployments.length < PAGES_DEPLOYMENTS_MAX_PER_PAGE ||
        (totalPages !== undefined && page >= totalPages)
      )
        break;
    }
    return out.slice(0, max);
  }

  /** GET .../deployments/{id}: one deployment with its stages. */
  async deployment(project: string, id: string): Promise<PagesDeployment> {
    return (
      await this.call<PagesDeployment>(
        "GET",
        this.projectPath(project, `/deployments/${encodeURIComponent(id)}`),
        `deployment ${id} of ${project}`,
      )
    ).result;
  }

  /** POST .../deployments/{id}/rollback: production serves that deployment again (no build). */
  async rollback(project: string, id: string): Promise<PagesDeployment> {
    return (
      await this.call<PagesDeployment>(
        "POST",
        this.projectPath(project, `/deployments/${encodeURIComponent(id)}/rollback`),
        `rollback of ${project} to ${id}`,
        { retry: false },
      )
    ).result;
  }
}

function byNewest(a: DeploymentLike, b: DeploymentLike): number {
  return a.created_on < b.created_on ? 1 : a.created_on > b.created_on ? -1 : 0;
}

function shortPath(path: string): string {
  return path.split("?")[0]!.replace(/^\/accounts\/[^/]+/, "/accounts/…");
}
