import { InputError } from "../core/errors.js";
import type { Surface } from "../core/registry.js";
import {
  buildInfoFromRun,
  pathMatches,
  runMatchesWorkflow,
  type SurfaceProbe,
  type WorkflowRunLike,
} from "../core/status.js";
import type { GitHubClient } from "../vendors/github.js";

/**
 * The status sweep's build reads (GitHub Actions): the newest run on a surface's branch that belongs to it, by
 * workflow file and/or a commit touching its paths. One repository-wide run listing serves every surface of a
 * repository per sweep (a conditional request, with the ETag an earlier sweep kept); a workflow missing from it
 * is looked up by its own endpoint; a commit's files are read once a sweep.
 */

export interface BuildsPort {
  /** Runs on `branch`, newest first; of one workflow file when `workflow` is given. */
  listRuns(q: { branch: string; workflow?: string; perPage: number }): Promise<WorkflowRunLike[]>;
  /** Files changed by a commit. */
  commitFiles(sha: string): Promise<string[]>;
}

export class BuildReads {
  private readonly runs = new Map<string, Promise<WorkflowRunLike[]>>();
  private readonly files = new Map<string, Promise<string[]>>();

  constructor(
    private readonly port: (repo: string) => BuildsPort,
    private readonly defaultRepo: string | undefined,
    private readonly retry: <T>(fn: () => Promise<T>) => Promise<T>,
  ) {}

  async find(surface: Surface): Promise<SurfaceProbe["build"]> {
    const b = surface.builds!;
    const repo = b.repo ?? this.defaultRepo;
    if (!repo)
      throw new InputError("repository", `is needed for the builds of ${surface.id} (or set builds.repo)`);
    const port = this.port(repo);
    const all = await this.once(this.runs, `${repo}@${b.branch}`, () =>
      port.listRuns({ branch: b.branch, perPage: 100 }),
    );
    let candidates = b.workflow ? all.filter((r) => runMatchesWorkflow(r, b.workflow!)) : all;
    if (b.workflow && candidates.length === 0)
      candidates = await this.once(this.runs, `${repo}@${b.branch}#${b.workflow}`, () =>
        port.listRuns({
          branch: b.branch,
          workflow: b.workflow!.replace(/^\.github\/workflows\//, ""),
          perPage: 10,
        }),
      );
    if (b.paths.length === 0) return candidates[0] ? buildInfoFromRun(candidates[0]) : null;
    for (const run of candidates.slice(0, 10)) {
      const files = await this.once(this.files, `${repo}@${run.head_sha}`, () =>
        port.commitFiles(run.head_sha),
      );
      if (files.some((f) => b.paths.some((g) => pathMatches(f, g)))) return buildInfoFromRun(run);
    }
    return null;
  }

  private once<T>(map: Map<string, Promise<T>>, key: string, fn: () => Promise<T>): Promise<T> {
    let p = map.get(key);
    if (!p) {
      p = this.retry(fn);
      map.set(key, p);
    }
    return p;
  }
}

/** Builds ports over GitHub clients, one client per repository. */
export function githubBuildsPort(client: (repository: string) => GitHubClient): (repo: string) => BuildsPort {
  const clients = new Map<string, BuildsPort>();
  return (repo) => {
    let port = clients.get(repo);
    if (!port) {
      const c = client(repo);
      port = {
        listRuns: (q) => c.listWorkflowRuns(q),
        commitFiles: async (sha) => ((await c.findCommit(sha))?.files ?? []).map((f) => f.filename),
      };
      clients.set(repo, port);
    }
    return port;
  };
}
