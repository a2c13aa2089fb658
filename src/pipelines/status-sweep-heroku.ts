import { createHash } from "node:crypto";
import type { HerokuApp, HerokuDyno, HerokuRelease } from "../core/heroku.js";
import type { Clock } from "../core/ports.js";
import type { DynoSummary, RawDeploy } from "../core/status.js";
import type { StoredETag } from "../store/etags.js";
import type { Conditional } from "../vendors/heroku.js";

/**
 * The status sweep's Heroku reads, kept inside Heroku's rate limit (4,500 requests an hour per account, a token
 * bucket) however many apps the registry has. A sweep with a memory (Postgres) makes:
 *
 * - one listing of the account's apps (`GET /apps`, 1,000 a page), whose `released_at` says which apps released
 *   since the sweep last looked;
 * - a release read only for an app that released since (or that has none remembered, or whose newest release
 *   was still pending);
 * - a dyno read (a conditional request, with the ETag of the last answer) once per dyno interval per app,
 *   spread evenly over the sweeps of an interval, and at once for an app that released since or whose dynos
 *   were not all up. The HTTP /health probe still runs every sweep.
 *
 * The interval is `auto` by default: every sweep for a small fleet, longer as the fleet grows so that dyno
 * reads take at most a third of Heroku's hourly budget (the rest is for deploys, rollbacks and people). Without
 * a memory, or when the listing fails, every app's dynos and newest release are read every sweep.
 */

export interface HerokuPort {
  readonly baseUrl: string;
  apps(): Promise<HerokuApp[]>;
  dynosIfChanged(app: string, etag?: string): Promise<Conditional<HerokuDyno[]>>;
  releases(app: string, opts: { max?: number }): Promise<HerokuRelease[]>;
}

/** Reads remembered between sweeps (in the sweep's Postgres memory, beside its ETags). */
export interface SweepReads {
  recall(key: string): StoredETag | undefined;
  remember(key: string, entry: StoredETag): void;
}

const HEROKU_HOURLY_LIMIT = 4_500;
/** The share of Heroku's hourly budget `auto` pacing gives the sweep's dyno reads. */
const HEROKU_DYNO_SHARE = 1 / 3;
/** GitHub's shortest schedule: what `auto` assumes when the sweep's interval is not given. */
const DEFAULT_SWEEP_EVERY_MS = 5 * 60_000;

/** How often each app's dynos are read: `auto` paces a fleet of `apps` into its share of the hourly budget. */
export function dynoIntervalMs(apps: number, setting: number | "auto", sweepEveryMs?: number): number {
  if (setting !== "auto") return Math.max(0, setting);
  const every = sweepEveryMs && sweepEveryMs > 0 ? sweepEveryMs : DEFAULT_SWEEP_EVERY_MS;
  const listingsPerHour = Math.ceil(3_600_000 / every);
  const readsPerHour = Math.max(1, HEROKU_HOURLY_LIMIT * HEROKU_DYNO_SHARE - listingsPerHour);
  const paced = Math.ceil((apps * 3_600_000) / readsPerHour);
  return paced <= every ? 0 : paced;
}

export function summarizeDynos(dynos: HerokuDyno[]): DynoSummary {
  const web = dynos.filter((d) => d.type === "web");
  const counted = web.length ? web : dynos;
  const states: Record<string, number> = {};
  for (const d of counted) states[d.state] = (states[d.state] ?? 0) + 1;
  return { total: counted.length, up: states.up ?? 0, states };
}

export function herokuDeploy(release: HerokuRelease): RawDeploy {
  return {
    deploy_id: `v${release.version}`,
    deployed_at: release.created_at,
    author: release.user?.email ?? "unknown",
    status:
      release.status === "succeeded" ? "succeeded" : release.status === "pending" ? "building" : "failed",
    detail: release.status === "expired" ? "expired" : undefined,
  };
}

interface DynoMemory {
  readAt: string;
  releasedAt: string | null;
  summary: DynoSummary;
}

interface ReleaseMemory {
  readAt: string;
  releasedAt: string;
  deploy: RawDeploy | null;
}

/** An answer, and when it was read if it came from the memory instead of a call. */
export interface Read<T> {
  value: T;
  rememberedAt?: string;
}

export interface HerokuReadCounts {
  listings: number;
  dynoReads: number;
  dynoNotModified: number;
  dynosRemembered: number;
  releaseReads: number;
  releasesRemembered: number;
}

export class HerokuReads {
  private listed?: Map<string, HerokuApp>;
  readonly counts: HerokuReadCounts = {
    listings: 0,
    dynoReads: 0,
    dynoNotModified: 0,
    dynosRemembered: 0,
    releaseReads: 0,
    releasesRemembered: 0,
  };

  constructor(
    private readonly port: HerokuPort,
    private readonly opts: {
      clock: Clock;
      intervalMs: number;
      reads?: SweepReads;
      /** Wraps each call (one more try on a network error or 5xx). */
      retry: <T>(fn: () => Promise<T>) => Promise<T>;
    },
  ) {}

  /** The sweep's one listing of the account's apps; only with a memory to compare it with. Throws as the API does. */
  async list(): Promise<void> {
    if (!this.opts.reads) return;
    this.counts.listings++;
    const apps = await this.opts.retry(() => this.port.apps());
    this.listed = new Map(apps.map((a) => [a.name, a]));
  }

  async dynos(app: string): Promise<Read<DynoSummary>> {
    const key = this.key("dynos", app);
    const stored = this.opts.reads?.recall(key);
    const mem = stored?.data as DynoMemory | undefined;
    const listed = this.listed?.get(app);
    const releasedAt = listed?.released_at ?? null;
    const now = this.opts.clock.now();
    if (mem?.summary && listed && !this.due(app, mem, releasedAt, now)) {
      this.counts.dynosRemembered++;
      return { value: mem.summary, rememberedAt: mem.readAt };
    }
    const etag = mem?.summary && stored?.etag ? stored.etag : undefined;
    this.counts.dynoReads++;
    const answer = await this.opts.retry(() => this.port.dynosIfChanged(app, etag));
    if (answer.notModified) this.counts.dynoNotModified++;
    // A 304 can only answer the ETag of a remembered summary (no other is sent).
    const [summary, nextEtag] = answer.notModified
      ? [mem!.summary, etag]
      : [summarizeDynos(answer.data), answer.etag];
    const next: DynoMemory = { readAt: now.toISOString(), releasedAt, summary };
    this.opts.reads?.remember(key, { etag: nextEtag ?? "", data: next });
    return { value: summary };
  }

  async newestRelease(app: string): Promise<Read<RawDeploy | null>> {
    const key = this.key("release", app);
    const mem = this.opts.reads?.recall(key)?.data as ReleaseMemory | undefined;
    const releasedAt = this.listed?.get(app)?.released_at;
    if (mem && releasedAt && mem.releasedAt === releasedAt) {
      this.counts.releasesRemembered++;
      return { value: mem.deploy, rememberedAt: mem.readAt };
    }
    this.counts.releaseReads++;
    const [newest] = await this.opts.retry(() => this.port.releases(app, { max: 1 }));
    const deploy = newest ? herokuDeploy(newest) : null;
    // A pending release is read again next sweep: its outcome does not move released_at.
    if (releasedAt && deploy?.status !== "building") {
      const next: ReleaseMemory = { readAt: this.opts.clock.now().toISOString(), releasedAt, deploy };
      this.opts.reads?.remember(key, { etag: "", data: next });
    }
    return { value: deploy };
  }

  /** Whether an app's dynos are read this sweep. */
  private due(app: string, mem: DynoMemory, releasedAt: string | null, now: Date): boolean {
    const interval = this.opts.intervalMs;
    if (interval <= 0) return true;
    if (mem.summary.total === 0 || mem.summary.up < mem.summary.total) return true;
    if (mem.releasedAt !== releasedAt) return true;
    const readAt = Date.parse(mem.readAt);
    const t = now.getTime();
    if (!Number.isFinite(readAt) || t < readAt || t - readAt >= interval) return true;
    // Each app has its own phase in the interval, so a fleet's reads spread evenly over the sweeps.
    const phase = Number.parseInt(createHash("sha256").update(app).digest("hex").slice(0, 8), 16) % interval;
    return Math.floor((t + phase) / interval) !== Math.floor((readAt + phase) / interval);
  }

  private key(kind: "dynos" | "release", app: string): string {
    return `heroku ${this.port.baseUrl} ${kind} ${app}`;
  }
}
