import { createReadStream, statSync } from "node:fs";
import { request } from "undici";
import { VendorError } from "../core/errors.js";
import {
  currentRelease,
  type HerokuApp,
  type HerokuBuild,
  type HerokuDyno,
  type HerokuRelease,
  type HerokuSlug,
  type HerokuSource,
  newestFirst,
} from "../core/heroku.js";
import { type Clock, systemClock } from "../core/ports.js";
import { HttpClient, type HttpRequest, type HttpResponse, messageOf } from "./http.js";
import { networkReason } from "./http-probe.js";

export type {
  HerokuApp,
  HerokuBuild,
  HerokuDyno,
  HerokuRelease,
  HerokuSlug,
  HerokuSource,
} from "../core/heroku.js";

export interface HerokuClientOptions {
  apiKey: string;
  /** Default: HEROKU_API_URL, else https://api.heroku.com. */
  baseUrl?: string;
  timeoutMs?: number;
  retries?: number;
  backoffMs?: number;
  clock?: Clock;
  onRetry?: (message: string) => void;
}

const ACCEPT = "application/vnd.heroku+json; version=3";

/** A conditional read's answer: the data and its ETag, or that nothing changed since the ETag sent. */
export type Conditional<T> = { data: T; etag?: string; notModified?: undefined } | { notModified: true };

/**
 * The Heroku Platform API v3: apps, releases, slugs, dynos, builds and their output, sources, rollback.
 * Retries 429/5xx with backoff honouring Retry-After; every error reads clearly and never holds the key.
 */
export class HerokuClient {
  readonly http: HttpClient;
  private readonly apiKey: string;
  private readonly clock: Clock;

  constructor(opts: HerokuClientOptions) {
    this.apiKey = opts.apiKey;
    this.clock = opts.clock ?? systemClock;
    this.http = new HttpClient({
      vendor: "Heroku",
      baseUrl: opts.baseUrl || process.env.HEROKU_API_URL || "https://api.heroku.com",
      headers: {
        accept: ACCEPT,
        authorization: `Bearer ${opts.apiKey}`,
        "user-agent": "prodgate",
      },
      timeoutMs: opts.timeoutMs ?? 15_000,
      retries: opts.retries ?? 3,
      backoffMs: opts.backoffMs,
      clock: this.clock,
      describe: (res, req) => this.describe(res, req),
      onRetry: opts.onRetry
        ? ({ attempt, waitMs, reason, req }) =>
            opts.onRetry?.(
              `Heroku answered ${reason} for ${req.method} ${pathOnly(req.path)}; retry ${attempt} in ${Math.round(waitMs)} ms`,
            )
        : undefined,
    });
  }

  get baseUrl(): string {
    return this.http.baseUrl;
  }

  app(app: string): Promise<HerokuApp> {
    return this.http.json<HerokuApp>("GET", `/apps/${enc(app)}`);
  }

  /** Newest first, at most `max` (default 25; Heroku serves up to 1000), through the Range header. */
  async releases(app: string, opts: { max?: number } = {}): Promise<HerokuRelease[]> {
    const max = Math.max(1, Math.min(opts.max ?? 25, 1000));
    const res = await this.http.send<HerokuRelease[]>({
      method: "GET",
      path: `/apps/${enc(app)}/releases`,
      headers: { range: `version ..; order=desc, max=${max}` },
    });
    return newestFirst(Array.isArray(res.json) ? res.json : []).slice(0, max);
  }

  release(app: string, idOrVersion: string | number): Promise<HerokuRelease> {
    const ref =
      typeof idOrVersion === "number" ? String(idOrVersion) : idOrVersion.replace(/^v(?=\d+$)/i, "");
    return this.http.json<HerokuRelease>("GET", `/apps/${enc(app)}/releases/${enc(ref)}`);
  }

  slug(app: string, slugId: string): Promise<HerokuSlug> {
    return this.http.json<HerokuSlug>("GET", `/apps/${enc(app)}/slugs/${enc(slugId)}`);
  }

  dynos(app: string): Promise<HerokuDyno[]> {
    return this.http.json<HerokuDyno[]>("GET", `/apps/${enc(app)}/dynos`);
  }

  /** The app's dynos as a conditional request: `notModified` when they are still what `etag` names. */
  async dynosIfChanged(app: string, etag?: string): Promise<Conditional<HerokuDyno[]>> {
    const res = await this.http.send<HerokuDyno[]>({
      method: "GET",
      path: `/apps/${enc(app)}/dynos`,
      headers: etag ? { "if-none-match": etag } : {},
    });
    if (res.status === 304) return { notModified: true };
    return { data: Array.isArray(res.json) ? res.json : [], etag: res.headers.etag };
  }

  /** Every app the account sees, through the Range header: 1,000 a page (Heroku's most), Next-Range for more. */
  async apps(): Promise<HerokuApp[]> {
    const all: HerokuApp[] = [];
    let range = "name ..; max=1000";
    for (let page = 0; page < 1000; page++) {
      const res = await this.http.send<HerokuApp[]>({ method: "GET", path: "/apps", headers: { range } });
      if (Array.isArray(res.json)) all.push(...res.json);
      const next = res.headers["next-range"];
      if (res.status !== 206 || !next || next === range) break;
      range = next;
    }
    return all;
  }

  /**
   * Rolls the app back to `releaseId`: a new release with that release's slug and config. Not retried here,
   * since a retry after the request arrived would make two releases; the rollback pipeline checks and retries.
   */
  rollback(app: string, releaseId: string): Promise<HerokuRelease> {
    return this.http.json<HerokuRelease>(
      "POST",
      `/apps/${enc(app)}/releases`,
      { release: releaseId },
      { retry: false },
    );
  }

  /** The commit live on the app: newest release's slug commit; { sha: undefined } when the app has no release with a slug. */
  async liveCommit(app: string): Promise<{ sha?: string; release?: HerokuRelease }> {
    const releases = await this.releases(app, { max: 10 });
    const release = currentRelease(releases);
    if (!release?.slug) return { release };
    const slug = await this.slug(app, release.slug.id);
    return { sha: slug.commit ?? undefined, release };
  }

  /** Upload URLs for a source tarball (PUT it to put_url, build from get_url). */
  createSource(): Promise<HerokuSource> {
    return this.http.json<HerokuSource>("POST", "/sources");
  }

  createBuild(
    app: string,
    source: { url: string; version?: string; versionDescription?: string; checksum?: string },
  ): Promise<HerokuBuild> {
    return this.http.json<HerokuBuild>(
      "POST",
      `/apps/${enc(app)}/builds`,
      {
        source_blob: {
          url: source.url,
          version: source.version,
          version_description: source.versionDescription,
          checksum: source.checksum,
        },
      },
      { retry: false },
    );
  }

  build(app: string, buildId: string): Promise<HerokuBuild> {
    return this.http.json<HerokuBuild>("GET", `/apps/${enc(app)}/builds/${enc(buildId)}`);
  }

  builds(app: string, opts: { max?: number } = {}): Promise<HerokuBuild[]> {
    const max = Math.max(1, Math.min(opts.max ?? 10, 1000));
    return this.http.json<HerokuBuild[]>("GET", `/apps/${enc(app)}/builds`, undefined, {
      headers: { range: `created_at ..; order=desc, max=${max}` },
    });
  }

  /**
   * PUTs a file to a source upload URL. The URL is pre-signed, so no Heroku credential goes with it.
   * Retried on network errors and 5xx: a PUT of the same bytes is idempotent.
   */
  async upload(
    putUrl: string,
    file: string,
    opts: { timeoutMs?: number; retries?: number } = {},
  ): Promise<void> {
    const size = statSync(file).size;
    const retries = opts.retries ?? 3;
    for (let attempt = 0; ; attempt++) {
      let reason: string;
      try {
        const res = await request(putUrl, {
          method: "PUT",
          headers: { "content-length": String(size) },
          body: createReadStream(file),
          signal: AbortSignal.timeout(opts.timeoutMs ?? 300_000),
        });
        await res.body.text();
        if (res.statusCode < 300) return;
        if (res.statusCode < 500)
          throw new VendorError(
            "Heroku",
            `Heroku refused the source upload (${res.statusCode})`,
            res.statusCode,
          );
        reason = String(res.statusCode);
      } catch (err) {
        if (err instanceof VendorError) throw err;
        reason = networkReason(err, opts.timeoutMs ?? 300_000);
      }
      if (attempt >= retries)
        throw new VendorError(
          "Heroku",
          `Source upload failed after ${attempt + 1} attempt(s): ${reason}`,
          undefined,
          true,
        );
      await this.clock.sleep(500 * 2 ** attempt);
    }
  }

  /**
   * Follows a build's (or release's) output stream, calling `onLine` for each line, until the stream ends. The
   * stream URL needs no credential. It may not exist for a moment after the build starts; that is waited out.
   */
  async streamOutput(
    url: string,
    onLine: (line: string) => void,
    opts: { idleTimeoutMs?: number; signal?: AbortSignal; notReadyRetries?: number } = {},
  ): Promise<void> {
    const retries = opts.notReadyRetries ?? 10;
    for (let attempt = 0; ; attempt++) {
      const res = await request(url, {
        method: "GET",
        headersTimeout: 30_000,
        bodyTimeout: opts.idleTimeoutMs ?? 300_000,
        signal: opts.signal,
      });
      if (res.statusCode === 404 || res.statusCode >= 500) {
        await res.body.text();
        if (attempt >= retries) return;
        await this.clock.sleep(Math.min(500 * (attempt + 1), 3_000), opts.signal);
        continue;
      }
      if (res.statusCode >= 400) {
        await res.body.text();
        return;
      }
      let rest = "";
      for await (const chunk of res.body) {
        rest += (chunk as Buffer).toString("utf8");
        const parts = rest.split(/\r?\n/);
        rest = parts.pop() ?? "";
        for (const line of parts) onLine(line);
      }
      if (rest) onLine(rest);
      return;
    }
  }

  private describe(res: HttpResponse, req: HttpRequest): Error {
    const body = (res.json ?? {}) as { id?: string; resource?: string };
    const raw = messageOf(res.json);
    const detail = raw ? `: ${this.redact(raw)}` : "";
    const where = `${req.method} ${pathOnly(req.path)}`;
    const app = /^\/apps\/([^/?]+)/.exec(req.path)?.[1];
    const appName = app ? decodeURIComponent(app) : undefined;
    let message: string;
    switch (res.status) {
      case 401:
        message =
          "Heroku rejected the API key (401 Unauthorized): check that heroku-api-key / HEROKU_API_KEY holds a valid, unexpired key";
        break;
      case 403:
        message = `Heroku refused access (403 Forbidden) to ${where}${appName ? `: the key's account may not have access to app '${appName}'` : ""}${detail}`;
        break;
      case 404:
        if (
          appName &&
          (body.resource === "app" || (!body.resource && /^\/apps\/[^/]+$/.test(pathOnly(req.path))))
        )
          message = `Heroku app '${appName}' not found (or the key's account cannot see it)`;
        else
          message = `Heroku ${body.resource ?? "resource"} not found${appName ? ` on app '${appName}'` : ""} (${where})${detail}`;
        break;
      case 429:
        message = `Heroku rate limit reached (429) for ${where}${detail}`;
        break;
      default:
        message = `Heroku answered ${res.status} for ${where}${detail}`;
    }
    return new VendorError("Heroku", message, res.status, res.status === 429 || res.status >= 500);
  }

  private redact(text: string): string {
    return this.apiKey ? text.split(this.apiKey).join("***") : text;
  }

  // ---- OAuth authorizations (rotation sweep) ----

  /**
   * GET /oauth/authorizations: the key's account's authorizations, as metadata only. Heroku's answer holds
   * the access and refresh tokens themselves; they are dropped here, before anything else sees the list.
   */
  async authorizations(): Promise<HerokuAuthorizationInfo[]> {
    const raw = await this.http.json<unknown>("GET", "/oauth/authorizations");
    if (!Array.isArray(raw))
      throw new VendorError("Heroku", "Heroku answered GET /oauth/authorizations without a list");
    return raw.flatMap((item): HerokuAuthorizationInfo[] => {
      const a = item as Record<string, unknown> | null;
      if (!a || typeof a.id !== "string") return [];
      const token = a.access_token as { expires_in?: unknown } | null | undefined;
      return [
        {
          id: a.id,
          description: typeof a.description === "string" ? a.description : null,
          created_at: String(a.created_at ?? ""),
          updated_at: String(a.updated_at ?? ""),
          expires_in: typeof token?.expires_in === "number" ? token.expires_in : null,
          scope: Array.isArray(a.scope) ? a.scope.filter((x): x is string => typeof x === "string") : [],
        },
      ];
    });
  }
  /**
   * POST /oauth/authorizations: a new authorization with the scope and description given. The answer's
   * access token is the one value handed back; the refresh token is dropped.
   */
  async createAuthorization(opts: {
    scope: string[];
    description: string | null;
    expiresIn?: number | null;
  }): Promise<{ id: string; token: string }> {
    const raw = await this.http.json<Record<string, unknown>>(
      "POST",
      "/oauth/authorizations",
      {
        scope: opts.scope,
        ...(opts.description ? { description: opts.description } : {}),
        ...(typeof opts.expiresIn === "number" ? { expires_in: opts.expiresIn } : {}),
      },
      { retry: "if-unsent" },
    );
    const token = (raw?.access_token as { token?: unknown } | null | undefined)?.token;
    if (typeof raw?.id !== "string" || typeof token !== "string")
      throw new VendorError(
        "Heroku",
        "Heroku answered POST /oauth/authorizations without an id and access token",
      );
    return { id: raw.id, token };
  }

  /** DELETE /oauth/authorizations/{id}: "gone" when Heroku no longer has it (404). */
  async deleteAuthorization(id: string): Promise<"revoked" | "gone"> {
    const res = await this.http.send({
      method: "DELETE",
      path: `/oauth/authorizations/${enc(id)}`,
      accept: [404],
    });
    return res.status === 404 ? "gone" : "revoked";
  }

  /**
   * The id of the authorization whose access token is `token`, compared here so that the list's tokens never
   * leave this client. Undefined when none of the account's authorizations has it (a plain API key).
   */
  async authorizationIdForToken(token: string): Promise<string | undefined> {
    const raw = await this.http.json<unknown>("GET", "/oauth/authorizations");
    if (!Array.isArray(raw)) return undefined;
    const found = raw.find(
      (a) => (a as { access_token?: { token?: unknown } | null })?.access_token?.token === token,
    ) as { id?: unknown } | undefined;
    return typeof found?.id === "string" ? found.id : undefined;
  }

  /** GET /account with this client's key: throws unless Heroku accepts it. */
  async account(): Promise<{ id: string; email: string }> {
    return this.http.json<{ id: string; email: string }>("GET", "/account");
  }

  /** One config var's value (GET /apps/{app}/config-vars), undefined when the app has no such var. */
  async configVar(app: string, name: string): Promise<string | undefined> {
    const vars = await this.http.json<Record<string, unknown>>("GET", `/apps/${enc(app)}/config-vars`);
    const v = vars?.[name];
    return typeof v === "string" ? v : undefined;
  }

  /**
   * PATCH /apps/{app}/config-vars with one var: Heroku makes a release and restarts the dynos. The answer
   * (every var's value) is read for nothing but success.
   */
  async setConfigVar(app: string, name: string, value: string): Promise<void> {
    await this.http.send({ method: "PATCH", path: `/apps/${enc(app)}/config-vars`, body: { [name]: value } });
  }
}

/** An OAuth authorization without its tokens. `expires_in`: seconds the access token has left, null if none. */
export interface HerokuAuthorizationInfo {
  id: string;
  description: string | null;
  created_at: string;
  updated_at: string;
  expires_in: number | null;
  scope: string[];
}

function enc(segment: string): string {
  return encodeURIComponent(segment);
}

function pathOnly(path: string): string {
  return path.split("?")[0] ?? path;
}
