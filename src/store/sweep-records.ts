import type { IssueRecord } from "../core/console/model.js";
import type { BuildInfo, DeployInfo, SiteStatus } from "../core/status.js";
import type { Queryable } from "./poll-log.js";

const DAY_MS = 86_400_000;

/**
 * What the status sweep records beside the poll log for the console: the incident issues it opened and
 * closed, and the deploys and CI runs it saw on each surface.
 */

/** Incident issues the sweep opened or closed. */
export async function recordIssues(
  db: Queryable,
  actions: { id: string; issue: number; url?: string; action: "opened" | "closed" }[],
  at: Date,
): Promise<void> {
  for (const a of actions) {
    if (a.action === "opened")
      await db.query(
        `INSERT INTO prodgate_console_issues (surface_id, issue, url, opened_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (surface_id, issue) DO NOTHING`,
        [a.id, a.issue, a.url ?? null, at],
      );
    else
      await db.query(
        `INSERT INTO prodgate_console_issues (surface_id, issue, opened_at, closed_at) VALUES ($1, $2, $3, $3)
         ON CONFLICT (surface_id, issue) DO UPDATE SET closed_at = EXCLUDED.closed_at`,
        [a.id, a.issue, at],
      );
  }
}

export async function loadIssues(db: Queryable, ids: string[], from: Date): Promise<IssueRecord[]> {
  const res = await db.query<{
    surface_id: string;
    issue: number;
    url: string | null;
    opened_at: Date;
    closed_at: Date | null;
  }>(
    `SELECT surface_id, issue, url, opened_at, closed_at FROM prodgate_console_issues
      WHERE surface_id = ANY($1) AND (closed_at IS NULL OR closed_at >= $2)`,
    [ids, from],
  );
  return res.rows.map((r) => ({
    surface: r.surface_id,
    issue: r.issue,
    url: r.url,
    opened_at: r.opened_at.toISOString(),
    closed_at: r.closed_at?.toISOString() ?? null,
  }));
}

/** The deploy and the CI run each surface showed this sweep (one row each, however often seen). */
export async function recordSeen(db: Queryable, sites: SiteStatus[], at: Date): Promise<void> {
  const deploys = sites.filter((s) => s.last_deploy).map((s) => ({ id: s.id, d: s.last_deploy! }));
  const builds = sites.filter((s) => s.build_status).map((s) => ({ id: s.id, b: s.build_status! }));
  if (deploys.length)
    await db.query(
      `INSERT INTO prodgate_console_deploys (surface_id, deploy_id, deployed_at, author, status, seen_at)
       SELECT *, $6::timestamptz FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::text[])
       ON CONFLICT (surface_id, deploy_id) DO UPDATE SET status = EXCLUDED.status, seen_at = EXCLUDED.seen_at`,
      [
        deploys.map((x) => x.id),
        deploys.map((x) => x.d.deploy_id),
        deploys.map((x) => x.d.deployed_at),
        deploys.map((x) => x.d.author.slice(0, 200)),
        deploys.map((x) => x.d.status),
        at,
      ],
    );
  if (builds.length)
    await db.query(
      `INSERT INTO prodgate_console_builds (surface_id, run_id, conclusion, run_url, trigger, author, started_at, seen_at)
       SELECT *, $8::timestamptz FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
         $7::timestamptz[])
       ON CONFLICT (surface_id, run_id) DO UPDATE SET conclusion = EXCLUDED.conclusion, seen_at = EXCLUDED.seen_at`,
      [
        builds.map((x) => x.id),
        builds.map((x) => x.b.run_id),
        builds.map((x) => x.b.conclusion),
        builds.map((x) => x.b.run_url),
        builds.map((x) => x.b.trigger),
        builds.map((x) => x.b.author.slice(0, 200)),
        builds.map((x) => x.b.started_at),
        at,
      ],
    );
}

/** The `limit` newest deploys and CI runs of each surface. */
export async function recentSeen(
  db: Queryable,
  ids: string[],
  now: Date,
  limit = 5,
): Promise<{ deploys: Map<string, DeployInfo[]>; builds: Map<string, BuildInfo[]> }> {
  const d = await db.query<{
    surface_id: string;
    deploy_id: string;
    deployed_at: Date;
    author: string;
    status: string;
  }>(
    `SELECT i.id AS surface_id, x.* FROM unnest($1::text[]) AS i(id) CROSS JOIN LATERAL (
       SELECT deploy_id, deployed_at, author, status FROM prodgate_console_deploys
        WHERE surface_id = i.id ORDER BY deployed_at DESC LIMIT $2) x`,
    [ids, limit],
  );
  const b = await db.query<{
    surface_id: string;
    run_id: string;
    conclusion: BuildInfo["conclusion"];
    run_url: string;
    trigger: string;
    author: string;
    started_at: Date;
  }>(
    `SELECT i.id AS surface_id, x.* FROM unnest($1::text[]) AS i(id) CROSS JOIN LATERAL (
       SELECT run_id, conclusion, run_url, trigger, author, started_at FROM prodgate_console_builds
        WHERE surface_id = i.id ORDER BY started_at DESC LIMIT $2) x`,
    [ids, limit],
  );
  const deploys = new Map<string, DeployInfo[]>(ids.map((id) => [id, []]));
  const builds = new Map<string, BuildInfo[]>(ids.map((id) => [id, []]));
  for (const r of d.rows)
    deploys.get(r.surface_id)?.push({
      deploy_id: r.deploy_id,
      deployed_at: r.deployed_at.toISOString(),
      author: r.author,
      status: r.status as DeployInfo["status"],
      age_days: Math.round(((now.getTime() - r.deployed_at.getTime()) / DAY_MS) * 100) / 100,
    });
  for (const r of b.rows)
    builds.get(r.surface_id)?.push({
      run_id: r.run_id,
      conclusion: r.conclusion,
      run_url: r.run_url,
      trigger: r.trigger,
      author: r.author,
      started_at: r.started_at.toISOString(),
    });
  return { deploys, builds };
}
