import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { Command } from "commander";
import { InputError } from "../../core/errors.js";
import { isProduction } from "../../core/gate.js";
import { parseHerokuApp, parseInteger, parseList } from "../../core/inputs.js";
import { type Clock, systemClock } from "../../core/ports.js";
import {
  classifyPreview,
  fileTotals,
  largestFiles,
  MAX_PREVIEW_COMMITS,
  type Preview,
  type PreviewCommit,
  type PreviewFile,
  previewLogLines,
  renderPreviewMarkdown,
} from "../../core/preview.js";
import type { LiveCommitSource } from "../../pipelines/preview.js";
import { HerokuClient } from "../../vendors/heroku.js";
import { type CliContext, envSecret } from "../context.js";
import { targetBanner } from "../prompt.js";
import { paint } from "../terminal.js";

const execFileAsync = promisify(execFile);

/**
 * What a deploy from this checkout would ship, from local git alone (GitHub may be down): the SHA live on the
 * app (Platform API) → the local ref, the commits in between (`git log`) and the files they change. Same
 * Preview shape, classification and renderers as the diff-preview action.
 */

export interface LocalPreviewRequest {
  /** The environment is one of the production environments (the banner). */
  production: boolean;
  app: string;
  environment: string;
  /** Branch, tag or SHA in the checkout (default HEAD). */
  ref: string;
  /** The checkout. */
  cwd: string;
  maxCommits: number;
}

async function git(cwd: string, args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await execFileAsync("git", args, { cwd, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout };
  } catch (err) {
    const e = err as { code?: number | string; stdout?: string };
    return { code: typeof e.code === "number" ? e.code : 1, stdout: e.stdout ?? "" };
  }
}

/** The full SHA `ref` names in the checkout at `cwd`; the error says what to do. */
export async function resolveLocalRef(cwd: string, ref: string): Promise<string> {
  const inside = await git(cwd, ["rev-parse", "--is-inside-work-tree"]);
  if (inside.code !== 0 || inside.stdout.trim() !== "true")
    throw new InputError(
      "--ref",
      `needs a git checkout, but ${cwd} is not one: run prodgate from your app's repository`,
    );
  const r = await git(cwd, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  const sha = r.stdout.trim();
  if (r.code !== 0 || !/^[0-9a-f]{40}$/.test(sha))
    throw new InputError(
      "--ref",
      `'${ref}' is not a commit in the checkout at ${cwd}: fetch it, or check the name`,
    );
  return sha;
}

async function hasCommit(cwd: string, sha: string): Promise<boolean> {
  return (await git(cwd, ["cat-file", "-e", `${sha}^{commit}`])).code === 0;
}

async function count(cwd: string, range: string): Promise<number> {
  return Number((await git(cwd, ["rev-list", "--count", range])).stdout.trim()) || 0;
}

async function commitsIn(cwd: string, range: string, max: number): Promise<PreviewCommit[]> {
  if (max <= 0) return [];
  const r = await git(cwd, ["log", `--max-count=${max}`, "--format=%H%x1f%an%x1f%aI%x1f%B%x1e", range]);
  return r.stdout
    .split("\x1e")
    .map((rec) => rec.replace(/^\n/, ""))
    .filter((rec) => rec.includes("\x1f"))
    .map((rec) => {
      const [sha = "", author = "", date = "", message = ""] = rec.split("\x1f");
      return { sha, author, date: toUtc(date), message: message.trim() };
    });
}

function toUtc(iso: string): string | undefined {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString().replace(/\.\d+Z$/, "Z");
}

const STATUS: Record<string, string> = { A: "added", D: "removed", M: "modified", T: "changed" };

/** The files that change from `base` to `head` (three-dot: from their merge base), as GitHub lists them. */
async function filesBetween(cwd: string, base: string, head: string): Promise<PreviewFile[]> {
  const [numstat, names] = await Promise.all([
    git(cwd, ["diff", "--numstat", "--no-renames", `${base}...${head}`]),
    git(cwd, ["diff", "--name-status", "--no-renames", `${base}...${head}`]),
  ]);
  const status = new Map<string, string>();
  for (const line of names.stdout.split("\n")) {
    const [code = "", name] = line.split("\t");
    if (name) status.set(name, STATUS[code[0] ?? ""] ?? "modified");
  }
  const files: PreviewFile[] = [];
  for (const line of numstat.stdout.split("\n")) {
    const [add = "", del = "", name] = line.split("\t");
    if (!name) continue;
    const additions = Number(add) || 0;
    const deletions = Number(del) || 0;
    files.push({
      filename: name,
      status: status.get(name) ?? "modified",
      additions,
      deletions,
      changes: additions + deletions,
    });
  }
  return files;
}

export async function localPreview(
  req: LocalPreviewRequest,
  ports: { heroku: LiveCommitSource; clock?: Clock },
): Promise<Preview> {
  const clock = ports.clock ?? systemClock;
  const { cwd } = req;
  const max = Math.max(0, Math.min(req.maxCommits, MAX_PREVIEW_COMMITS));
  const toSha = await resolveLocalRef(cwd, req.ref);
  const top = (await git(cwd, ["rev-parse", "--show-toplevel"])).stdout.trim() || cwd;
  const live = await ports.heroku.liveCommit(req.app);
  const base = {
    repository: top,
    serverUrl: "",
    app: req.app,
    environment: req.environment,
    production: req.production,
    to: { sha: toSha, ref: req.ref },
    generatedAt: clock.now().toISOString(),
  };
  const empty = {
    ahead: 0,
    behind: 0,
    commitCount: 0,
    commits: [],
    removed: [],
    files: [],
    filesDirection: "ship" as const,
  };
  if (!live.sha) {
    const total = await count(cwd, toSha);
    return {
      ...base,
      ...empty,
      status: "first-deploy",
      ahead: total,
      commitCount: total,
      commits: await commitsIn(cwd, toSha, max),
    };
  }
  const from: Preview["from"] = {
    sha: live.sha,
    source: "heroku",
    release: live.release?.version !== undefined ? `release v${live.release.version}` : undefined,
  };
  if (classifyPreview(live.sha, toSha, undefined) === "identical")
    return { ...base, ...empty, from, status: "identical" };
  if (!(await hasCommit(cwd, live.sha)))
    return {
      ...base,
      ...empty,
      from,
      status: "unknown",
      note: "not in the local checkout: git fetch, then look again",
    };
  const [ahead, behind] = await Promise.all([
    count(cwd, `${live.sha}..${toSha}`),
    count(cwd, `${toSha}..${live.sha}`),
  ]);
  const relation =
    ahead > 0 && behind > 0 ? "diverged" : behind > 0 ? "behind" : ahead > 0 ? "ahead" : "identical";
  const status = classifyPreview(live.sha, toSha, relation);
  const [commits, removed] = await Promise.all([
    commitsIn(cwd, `${live.sha}..${toSha}`, max),
    behind > 0 ? commitsIn(cwd, `${toSha}..${live.sha}`, max) : Promise.resolve([]),
  ]);
  const revert = status === "behind";
  const files = revert ? await filesBetween(cwd, toSha, live.sha) : await filesBetween(cwd, live.sha, toSha);
  return {
    ...base,
    from,
    status,
    ahead,
    behind,
    commitCount: ahead,
    commits,
    removed,
    files,
    filesDirection: revert ? "revert" : "ship",
  };
}

/** The preview for a terminal: from → to, the status sentence (loud when it removes commits), commits, files. */
export function previewTerminalLines(p: Preview): string[] {
  const [, fromTo = "", sentence = "", ...commits] = previewLogLines(p);
  const loud = p.status === "behind" || p.status === "diverged" || p.status === "unknown";
  const lines = [
    paint(fromTo, "bold"),
    loud ? paint(sentence, "yellow", "bold") : p.status === "identical" ? paint(sentence, "gray") : sentence,
  ];
  for (const c of commits)
    lines.push(
      c.replace(/^( {2})([0-9a-f]{7})/, (_m, sp: string, sha: string) => `${sp}${paint(sha, "yellow")}`),
    );
  if (p.removed.length) {
    lines.push(paint(`Live commits this deploy removes (${p.behind}):`, "yellow", "bold"));
    for (const c of p.removed.slice(0, 10))
      lines.push(`  ${paint(c.sha.slice(0, 7), "yellow")} ${c.message.split("\n")[0] ?? ""} (${c.author})`);
  }
  if (p.files.length) {
    const t = fileTotals(p.files);
    const verb = p.filesDirection === "revert" ? "Files changed back" : "Files";
    lines.push(
      `${verb}: ${t.files} changed, ${paint(`+${t.additions}`, "green")} ${paint(`−${t.deletions}`, "red")}`,
    );
    for (const f of largestFiles(p.files, 10))
      lines.push(`  ${f.filename} (${f.status}, +${f.additions} −${f.deletions})`);
    if (p.files.length > 10) lines.push(`  … and ${p.files.length - 10} more`);
  }
  return lines;
}

export function registerPreview(program: Command, ctx: CliContext): void {
  program
    .command("preview")
    .description(
      "Show what a deploy of a local ref would ship: the SHA live on the app → the ref, from local git",
    )
    .requiredOption("--app <name>", "the Heroku app")
    .option("--ref <ref>", "branch, tag or SHA in this checkout", "HEAD")
    .option("--environment <name>", "the environment the app serves", "production")
    .option("--production-environments <list>", "environments that count as production", "production")
    .option("--max-commits <n>", "list at most this many commits (counts stay exact)", "20")
    .option("--markdown", "print the preview as markdown on stdout (as the diff-preview action renders it)")
    .option("--json", "print the preview as JSON on stdout")
    .addHelpText(
      "after",
      `
Read-only: it writes nothing and needs no GitHub (the commits come from this checkout).
Environment: HEROKU_API_KEY (required), HEROKU_API_URL (optional base URL).
Exit codes: 0 shown, 1 Heroku or git failed, 2 bad usage (unknown ref, no checkout, no HEROKU_API_KEY).`,
    )
    .action(
      async (opts: {
        app: string;
        ref: string;
        environment: string;
        productionEnvironments: string;
        maxCommits: string;
        markdown?: boolean;
        json?: boolean;
      }) => {
        const app = parseHerokuApp("--app", opts.app);
        const maxCommits = parseInteger("--max-commits", opts.maxCommits, 0, MAX_PREVIEW_COMMITS);
        const apiKey = envSecret(ctx, "HEROKU_API_KEY", true) ?? "";
        const heroku = new HerokuClient({
          apiKey,
          baseUrl: ctx.env.HEROKU_API_URL,
          onRetry: (m) => ctx.reporter.warning(m),
        });
        const production = isProduction(opts.environment, parseList(opts.productionEnvironments));
        const preview = await localPreview(
          { app, environment: opts.environment, production, ref: opts.ref, cwd: process.cwd(), maxCommits },
          { heroku },
        );
        ctx.reporter.info(targetBanner(app, opts.environment, production));
        for (const line of previewTerminalLines(preview)) ctx.reporter.info(line);
        if (opts.json) ctx.json(preview);
        else if (opts.markdown) process.stdout.write(renderPreviewMarkdown(preview));
      },
    );
}
