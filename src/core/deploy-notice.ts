import { matchesGlob } from "node:path";
import { isMap, isScalar, isSeq, type Node, parseDocument, type YAMLMap } from "yaml";
import { InputError } from "./errors.js";
import { escapeMd } from "./markdown.js";

/**
 * deploy-notice, the pure parts: the `projects` input (which paths deploy which project to which domain), the
 * projects a pull request's changed files affect, and the sticky comment that says so. For projects that
 * deploy themselves on merge (git-integrated Cloudflare Pages): visibility, not a gate.
 */

export interface NoticeProject {
  project: string;
  domain: string;
  /** Globs over repository paths (`docs/**`, `*.md`, `console/static/**`); `!glob` excludes. */
  paths: string[];
}

export interface AffectedProject extends NoticeProject {
  /** Changed files that matched, in the pull request's order. */
  files: string[];
}

/**
 * Reads the `projects` input: a YAML list of `{project, domain, paths}` (paths a list or one glob). Every
 * problem names the input and the entry.
 */
export function parseNoticeProjects(input: string, text: string): NoticeProject[] {
  if (!text.trim()) throw new InputError(input, "is required: a list of {project, domain, paths}");
  const doc = parseDocument(text);
  if (doc.errors.length)
    throw new InputError(input, `is not valid YAML: ${doc.errors[0]!.message.split("\n")[0]}`);
  const root = doc.contents as Node | null;
  if (!isSeq(root)) throw new InputError(input, "must be a YAML list of {project, domain, paths}");
  const out: NoticeProject[] = [];
  root.items.forEach((item, i) => {
    const where = `entry ${i + 1}`;
    if (!isMap(item))
      throw new InputError(input, `${where} must be a mapping with project, domain and paths`);
    const map = item as YAMLMap;
    for (const pair of map.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : "";
      if (!["project", "domain", "paths"].includes(key))
        throw new InputError(input, `${where} has an unknown field '${key}' (project, domain, paths)`);
    }
    const project = scalar(map, "project");
    const domain = scalar(map, "domain");
    if (!project) throw new InputError(input, `${where} needs a project`);
    if (!domain) throw new InputError(input, `${where} (${project}) needs a domain`);
    if (!/^[a-z0-9.-]+(:\d+)?$/i.test(domain) || domain.includes(".."))
      throw new InputError(
        input,
        `${where} (${project}): domain must be a host name like docs.example.com; got '${domain}'`,
      );
    const pathsNode = map.get("paths", true) as Node | undefined;
    const paths = isSeq(pathsNode)
      ? pathsNode.items.map((p) => (isScalar(p) ? String(p.value ?? "").trim() : ""))
      : isScalar(pathsNode)
        ? [String(pathsNode.value ?? "").trim()]
        : [];
    if (!paths.length || paths.some((p) => !p))
      throw new InputError(input, `${where} (${project}) needs paths: a list of globs such as docs/**`);
    if (paths.every((p) => p.startsWith("!")))
      throw new InputError(input, `${where} (${project}): paths only exclude; add a glob that includes`);
    out.push({ project, domain, paths });
  });
  if (!out.length) throw new InputError(input, "lists no project");
  return out;
}

function scalar(map: YAMLMap, key: string): string {
  const v = map.get(key, true) as Node | undefined;
  return isScalar(v) && v.value !== null ? String(v.value).trim() : "";
}

/** Whether a path matches a project's globs: any including glob, and no `!` glob. */
export function matchesPaths(path: string, globs: readonly string[]): boolean {
  const clean = path.replace(/^\/+/, "");
  let hit = false;
  for (const g of globs) {
    if (g.startsWith("!")) {
      if (matchesGlob(clean, g.slice(1))) return false;
    } else if (!hit && matchesGlob(clean, g)) hit = true;
  }
  return hit;
}

/**
 * The projects the changed files affect, in the order the input lists them. A renamed file counts by its
 * old path too: moving a file out of `docs/` changes what docs deploys.
 */
export function affectedProjects(
  files: readonly { filename: string; previous_filename?: string }[],
  projects: readonly NoticeProject[],
): AffectedProject[] {
  const out: AffectedProject[] = [];
  for (const p of projects) {
    const hits = files
      .filter(
        (f) =>
          matchesPaths(f.filename, p.paths) ||
          (f.previous_filename ? matchesPaths(f.previous_filename, p.paths) : false),
      )
      .map((f) => f.filename);
    if (hits.length) out.push({ ...p, files: hits });
  }
  return out;
}

/** A path as code in a table cell: GitHub keeps `\|` inside a code span as `|`; a backtick would end it. */
function codeCell(path: string): string {
  return `\`${path.replace(/`/g, "'").replace(/\|/g, "\\|").replace(/\r?\n/g, " ")}\``;
}

/** At most this many matching files are named per project. */
const FILES_SHOWN = 10;

/**
 * The comment: "Will deploy to <domain> on merge" with each affected project and the files that put it there;
 * when a later push leaves no project affected, the comment says so instead of vanishing.
 */
export function renderDeployNotice(
  affected: readonly AffectedProject[],
  opts: { baseBranch: string; truncated?: boolean },
): string {
  if (!affected.length)
    return `### Deploy notice\n\nThis pull request no longer touches the paths of any project that deploys on merge to \`${escapeMd(opts.baseBranch)}\`.\n`;
  const domains = [...new Set(affected.map((a) => a.domain))];
  const lines = [
    `### 🚀 Will deploy to ${domains.map((d) => `**${escapeMd(d)}**`).join(", ")} on merge`,
    "",
    `Merging into \`${escapeMd(opts.baseBranch)}\` deploys these projects automatically (no approval step):`,
    "",
    "| project | domain | changed files |",
    "| --- | --- | --- |",
  ];
  for (const a of affected) {
    const shown = a.files.slice(0, FILES_SHOWN).map(codeCell);
    const more = a.files.length > FILES_SHOWN ? ` and ${a.files.length - FILES_SHOWN} more` : "";
    lines.push(
      `| ${escapeMd(a.project)} | ${escapeMd(a.domain)} | ${a.files.length}: ${shown.join(", ")}${more} |`,
    );
  }
  if (opts.truncated)
    lines.push(
      "",
      "_GitHub lists at most 3,000 changed files of a pull request; files past that were not checked._",
    );
  lines.push("", "This is a notice, not a gate: review the change with its production domain in mind.", "");
  return lines.join("\n");
}
