import { VendorError } from "../core/errors.js";
import type { Clock } from "../core/ports.js";
import { HttpClient, type HttpRequest, type HttpResponse } from "./http.js";

/** Cloudflare API v4 (CLOUDFLARE_API_URL). Every answer is the `{success, errors, messages, result, result_info}` envelope. */
export const DEFAULT_CLOUDFLARE_API_URL = "https://api.cloudflare.com/client/v4";

export interface CloudflareMessage {
  code: number;
  message: string;
}

export interface CloudflareEnvelope<T> {
  success: boolean;
  errors: CloudflareMessage[];
  messages: CloudflareMessage[];
  result: T;
  result_info?: { page: number; per_page: number; count: number; total_count: number; total_pages?: number };
}

export type PagesStageStatus = "success" | "idle" | "active" | "failure" | "canceled" | "skipped";

export interface PagesStage {
  name: string; // queued, initialize, clone_repo, build, deploy
  status: PagesStageStatus;
  started_on: string | null;
  ended_on: string | null;
}

export interface PagesDeployment {
  id: string;
  short_id: string;
  project_id: string;
  project_name: string;
  environment: "production" | "preview";
  url: string;
  created_on: string;
  modified_on: string;
  aliases: string[] | null;
  deployment_trigger: {
    type: string; // github:push, ad_hoc, deploy_hook
    metadata: { branch: string; commit_hash: string; commit_message: string; commit_dirty?: boolean };
  };
  latest_stage: PagesStage;
  stages: PagesStage[];
  is_skipped?: boolean;
}

/** Cloudflare said no: `codes` are Cloudflare's error codes (10000 authentication, 8000007 project not found, ...). */
export class CloudflareError extends VendorError {
  override name = "CloudflareError";
  constructor(
    message: string,
    readonly codes: number[],
    status?: number,
    retryable = false,
  ) {
    super("Cloudflare", message, status, retryable);
  }
}

const HINTS: Record<number, string> = {
  10000:
    "the API token is not valid or lacks the Pages permission for this account (Read to watch, Edit to deploy or roll back)",
  8000024: "Pages deployment lists take a page from 1 and at most 25 per page",
  8000013: "the Pages upload token is not valid or has expired",
  9109: "the API token is not valid",
  6003: "the Authorization header is malformed: pass an API token, not a Global API key",
  8000007: "no Pages project has that name in this account",
  1000: "the API token is not valid: it was revoked, has expired or is mistyped",
};

/** The most deployments one page of a Pages deployment list may hold. */
export const PAGES_DEPLOYMENTS_MAX_PER_PAGE = 25;

export interface CloudflareClientOptions {
  apiToken: string;
  /** API base (CLOUDFLARE_API_URL), default https://api.cloudflare.com/client/v4. */
  baseUrl?: string;
  timeoutMs?: number;
  retries?: number;
  backoffMs?: number;
  maxRetryAfterMs?: number;
  clock?: Clock;
}

export interface DeploymentPage {
  deployments: PagesDeployment[];
  total: number | undefined;
  /** Requests left in the current rate-limit window, when Cloudflare says. */
  rateLimitRemaining: number | undefined;
}

export class CloudflareClient {
  private readonly http: HttpClient;

  constructor(opts: CloudflareClientOptions) {
    if (!opts.apiToken) throw new CloudflareError("Cloudflare API token is empty", [], undefined);
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
    });
  }

  get baseUrl(): string {
    return this.http.baseUrl;
  }

  /**
   * One page of a Pages project's deployments, newest first (GET /accounts/{id}/pages/projects/{name}/deployments).
   * Cloudflare gives at most 25 per page and refuses a larger `per_page` (400, code 8000024), so larger asks
   * are cut to 25; `page` counts from 1.
   */
  async pagesDeployments(
    accountId: string,
    project: string,
    opts: { env?: "production" | "preview"; page?: number; perPage?: number; timeoutMs?: number } = {},
  ): Promise<DeploymentPage> {
    const res = await this.http.send<CloudflareEnvelope<PagesDeployment[]>>({
      method: "GET",
      path: `/accounts/${encodeURIComponent(accountId)}/pages/projects/${encodeURIComponent(project)}/deployments`,
      query: {
        env: opts.env,
        page: opts.page === undefined ? undefined : Math.max(1, Math.floor(opts.page)),
        per_page:
          opts.perPage === undefined
            ? undefined
            : Math.min(PAGES_DEPLOYMENTS_MAX_PER_PAGE, Math.max(1, Math.floor(opts.perPage))),
      },
      timeoutMs: opts.timeoutMs,
    });
    const body = unwrap(res, "GET", "deployments");
    const deployments = [...(body.result ?? [])].sort((a, b) =>
      a.created_on < b.created_on ? 1 : a.created_on > b.created_on ? -1 : 0,
    );
    return {
      deployments,
      total: body.result_info?.total_count,
      rateLimitRemaining: remaining(res.headers),
    };
  }

  /** The newest deployment of the environment (production by default), or undefined when there is none. */
  async latestPagesDeployment(
    accountId: string,
    project: string,
    env: "production" | "preview" = "production",
    timeoutMs?: number,
  ): Promise<{ deployment: PagesDeployment | undefined; rateLimitRemaining: number | undefined }> {
    const page = await this.pagesDeployments(accountId, project, { env, perPage: 5, timeoutMs });
    return {
      deployment: page.deployments.find((d) => d.environment === env),
      rateLimitRemaining: page.rateLimitRemaining,
    };
  }

  // ---- API token verification (rotation sweep) ----

  /**
   * The state of the client's own token (active, disabled, expired) and its expiry: GET /user/tokens/verify for
   * a user token, GET /accounts/{accountId}/tokens/verify for a token the account owns (Cloudflare only
   * verifies an account-owned token there). The answer carries the token's id and dates, never its value.
   */
  async verifyToken(accountId?: string): Promise<TokenVerification> {
    const path = accountId
      ? `/accounts/${encodeURIComponent(accountId)}/tokens/verify`
      : "/user/tokens/verify";
    const what = accountId ? "/accounts/…/tokens/verify" : path;
    const res = await this.http.send<CloudflareEnvelope<TokenVerification>>({ method: "GET", path });
    const r = unwrap(res, "GET", what).result;
    if (!r || typeof r.status !== "string")
      throw new CloudflareError(`Cloudflare answered GET ${what} without a token status`, [], res.status);
    return {
      id: String(r.id ?? ""),
      status: r.status,
      ...(typeof r.expires_on === "string" ? { expires_on: r.expires_on } : {}),
      ...(typeof r.not_before === "string" ? { not_before: r.not_before } : {}),
    };
  }

  // ---- API token lifecycle (rotation executor) ----

  private tokensPath(accountId: string | undefined, rest = ""): string {
    return `${accountId ? `/accounts/${encodeURIComponent(accountId)}` : "/user"}/tokens${rest}`;
  }

  /** GET .../tokens/{id}: a token's settings (name, policies, condition, dates), never its value. */
  async getToken(id: string, accountId?: string): Promise<ApiTokenSettings> {
    const res = await this.http.send<CloudflareEnvelope<ApiTokenSettings>>({
      method: "GET",
      path: this.tokensPath(accountId, `/${encodeURIComponent(id)}`),
    });
    const r = unwrap(res, "GET", "…/tokens/{id}").result;
    if (!r || typeof r.id !== "string")
      throw new CloudflareError("Cloudflare answered GET …/tokens/{id} without a token", [], res.status);
    return tokenSettings(r);
  }

  /** GET .../tokens: every token's settings (one page of up to 50 at a time), never a value. */
  async listTokens(accountId?: string): Promise<ApiTokenSettings[]> {
    const out: ApiTokenSettings[] = [];
    for (let page = 1; page <= 20; page++) {
      const res = await this.http.send<CloudflareEnvelope<ApiTokenSettings[]>>({
        method: "GET",
        path: this.tokensPath(accountId),
        query: { page, per_page: 50 },
      });
      const body = unwrap(res, "GET", "…/tokens");
      const list = body.result ?? [];
      out.push(...list.map(tokenSettings));
      const total = body.result_info?.total_pages ?? 1;
      if (list.length === 0 || page >= total) break;
    }
    return out;
  }

  /**
   * POST .../tokens: a new token with the settings given. The answer's `value` is the one secret handed back;
   * not retried once it may have arrived (a second call would make a second token).
   */
  async createToken(settings: NewApiToken, accountId?: string): Promise<{ id: string; value: string }> {
    const res = await this.http.send<CloudflareEnvelope<{ id?: string; value?: string }>>({
      method: "POST",
      path: this.tokensPath(accountId),
      body: settings,
      retry: "if-unsent",
    });
    const r = unwrap(res, "POST", "…/tokens").result;
    if (!r || typeof r.id !== "string" || typeof r.value !== "string")
      throw new CloudflareError("Cloudflare answered POST …/tokens without the new token", [], res.status);
    return { id: r.id, value: r.value };
  }

  /** PUT .../tokens/{id}/value: a new value for the token; the old value stops working at once. */
  async rollToken(id: string, accountId?: string): Promise<string> {
    const res = await this.http.send<CloudflareEnvelope<string>>({
      method: "PUT",
      path: this.tokensPath(accountId, `/${encodeURIComponent(id)}/value`),
      body: {},
      retry: "if-unsent",
    });
    const value = unwrap(res, "PUT", "…/tokens/{id}/value").result;
    if (typeof value !== "string")
      throw new CloudflareError(
        "Cloudflare answered PUT …/tokens/{id}/value without a value",
        [],
        res.status,
      );
    return value;
  }

  /** DELETE .../tokens/{id}: "gone" when Cloudflare no longer has it. */
  async deleteToken(id: string, accountId?: string): Promise<"revoked" | "gone"> {
    const res = await this.http.send<CloudflareEnvelope<unknown>>({
      method: "DELETE",
      path: this.tokensPath(accountId, `/${encodeURIComponent(id)}`),
      accept: [404],
    });
    if (res.status === 404) return "gone";
    unwrap(res, "DELETE", "…/tokens/{id}");
    return "revoked";
  }
}

/** A token's settings as Cloudflare describes it (no value). */
export interface ApiTokenSettings {
  id: string;
  name: string;
  status: string;
  issued_on?: string;
  modified_on?: string;
  not_before?: string | null;
  expires_on?: string | null;
  policies: unknown[];
  condition?: unknown;
}

export interface NewApiToken {
  name: string;
  policies: unknown[];
  condition?: unknown;
  not_before?: string;
  expires_on?: string;
}

function tokenSettings(r: ApiTokenSettings): ApiTokenSettings {
  return {
    id: String(r.id),
    name: String(r.name ?? ""),
    status: String(r.status ?? ""),
    ...(typeof r.issued_on === "string" ? { issued_on: r.issued_on } : {}),
    ...(typeof r.modified_on === "string" ? { modified_on: r.modified_on } : {}),
    ...(typeof r.not_before === "string" ? { not_before: r.not_before } : {}),
    ...(typeof r.expires_on === "string" ? { expires_on: r.expires_on } : {}),
    policies: Array.isArray(r.policies) ? r.policies : [],
    ...(r.condition && typeof r.condition === "object" ? { condition: r.condition } : {}),
  };
}

/** What the token verify endpoints say about a token. */
export interface TokenVerification {
  id: string;
  /** active, disabled or expired. */
  status: string;
  expires_on?: string;
  not_before?: string;
}

export function unwrap<T>(
  res: HttpResponse<CloudflareEnvelope<T>>,
  method: string,
  what: string,
): CloudflareEnvelope<T> {
  const body = res.json;
  if (!body || typeof body !== "object" || !("success" in body))
    throw new CloudflareError(
      `Cloudflare answered ${res.status} for ${method} ${what} without a JSON envelope`,
      [],
      res.status,
    );
  if (!body.success) throw envelopeError(body, res.status, `${method} ${what}`);
  return body;
}

function envelopeError(
  body: Partial<CloudflareEnvelope<unknown>>,
  status: number,
  what: string,
): CloudflareError {
  const errors = Array.isArray(body.errors) ? body.errors : [];
  const codes = errors.map((e) => e.code);
  const first = errors[0];
  const hint = first ? HINTS[first.code] : undefined;
  const detail = first ? `${first.message.slice(0, 200)} (code ${first.code})` : "no error detail";
  const rateLimited = status === 429 || codes.includes(971) || codes.includes(10429);
  return new CloudflareError(
    `${rateLimited ? "rate limited: " : ""}Cloudflare answered ${status} for ${what}: ${detail}${hint ? `: ${hint}` : ""}`,
    codes,
    status,
    status === 429 || status >= 500,
  );
}

export function describeCloudflare(res: HttpResponse, req: HttpRequest): Error {
  const what = `${req.method} ${req.path.split("?")[0]?.replace(/^\/accounts\/[^/]+/, "/accounts/…")}`;
  return envelopeError((res.json ?? {}) as Partial<CloudflareEnvelope<unknown>>, res.status, what);
}

export function remaining(headers: Record<string, string>): number | undefined {
  const raw = headers["x-ratelimit-remaining"] ?? headers["ratelimit-remaining"];
  if (raw !== undefined && /^\d+$/.test(raw.trim())) return Number(raw.trim());
  // IETF draft form: `ratelimit: "default";r=0;t=30` (or limit=..., remaining=..., reset=...)
  const m = /(?:^|[;,\s])(?:r|remaining)=(\d+)/.exec(headers.ratelimit ?? "");
  return m ? Number(m[1]) : undefined;
}
