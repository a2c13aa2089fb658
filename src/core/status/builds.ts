import type { BuildConclusion, BuildInfo } from "./shapes.js";

/** Builds (GitHub Actions runs) of a surface, and the shards of a sweep. */

export interface WorkflowRunLike {
  id: number;
  status: string | null;
  conclusion: string | null;
  html_url: string;
  event: string;
  path?: string;
  head_sha: string;
  actor?: { login: string } | null;
  triggering_actor?: { login: string } | null;
  run_started_at?: string | null;
  created_at: string;
}

export function buildInfoFromRun(run: WorkflowRunLike): BuildInfo {
  let conclusion: BuildConclusion;
  if (run.status !== "completed") conclusion = "in_progress";
  else if (run.conclusion === "success") conclusion = "success";
  else if (
    run.conclusion === "failure" ||
    run.conclusion === "timed_out" ||
    run.conclusion === "startup_failure"
  )
    conclusion = "failure";
  else if (run.conclusion === "cancelled") conclusion = "cancelled";
  else conclusion = "unknown";
  return {
    run_id: String(run.id),
    conclusion,
    run_url: run.html_url,
    trigger: run.event,
    author: run.triggering_actor?.login ?? run.actor?.login ?? "unknown",
    started_at: run.run_started_at ?? run.created_at,
  };
}

/** A run's workflow file matches `workflow` (a file name or a .github/workflows/ path). */
export function runMatchesWorkflow(run: WorkflowRunLike, workflow: string): boolean {
  const file = workflow.replace(/^\.github\/workflows\//, "");
  const path = (run.path ?? "").replace(/@.*$/, "");
  return path === `.github/workflows/${file}` || path.endsWith(`/${file}`) || path === file;
}

/** Glob match for source paths: `**` any depth, `*` one segment, `?` one character, `dir/` a prefix. */
export function pathMatches(file: string, glob: string): boolean {
  if (glob.endsWith("/")) return file.startsWith(glob);
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "*" && glob[i + 1] === "*") {
      re += ".*";
      i++;
      if (glob[i + 1] === "/") i++;
    } else if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else re += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`).test(file);
}

// ---- shards ----

/** The surfaces of shard `index` (0-based) of `total`: round-robin in registry order, so shards stay balanced. */
export function shardOf<T>(items: T[], index: number, total: number): T[] {
  return items.filter((_, i) => i % total === index);
}
