import { isMap, isScalar, isSeq, type Node, type YAMLMap } from "yaml";
import { type MaintenanceWindow, parseMaintenanceList, unknownSurfaces } from "./console/maintenance.js";
import { InputError } from "./errors.js";
import type { HealthSettings } from "./health.js";
import { parseHerokuApp } from "./inputs.js";
import { headerLines, parseSecretEnv } from "./registry-headers.js";
import {
  type At,
  bool,
  checkKeys,
  type FieldProblem,
  keyNode,
  num,
  parseYamlFields,
  type Report,
  str,
  suggest,
  YamlFileError,
} from "./yaml-fields.js";

export { resolveHeaders } from "./registry-headers.js";

/**
 * The surface registry (examples/surfaces.yml): a top-level `surfaces:` list, kebab-case field names, one
 * block per provider named like the provider value. Parsing is pure: the caller reads the file and hands in
 * the health-settings parser (the health-check action's), so `health:` means what the action's inputs mean.
 * Every problem names the file, line, column and field.
 */

export const PROVIDERS = ["heroku", "cloudflare_pages", "http"] as const;
export type Provider = (typeof PROVIDERS)[number];

export interface HerokuTarget {
  app: string;
  maxDeployAgeDays: number;
}

export interface CloudflarePagesTarget {
  accountId: string;
  project: string;
  environment: "production" | "preview";
  maxDeployAgeDays?: number;
}

export interface BuildsFilter {
  /** Workflow file name (deploy.yml) or path (.github/workflows/deploy.yml). */
  workflow?: string;
  /** Source path globs (backend/**); a run belongs to the surface when its commit touched one. */
  paths: string[];
  /** Branch whose runs count; default: main. */
  branch: string;
  /** owner/name; default: the repository running the sweep. */
  repo?: string;
}

export interface Surface {
  id: string;
  hostname: string;
  provider: Provider;
  /** Liveness probe; header values may reference the environment as ${NAME}. */
  health?: HealthSettings;
  heroku?: HerokuTarget;
  cloudflarePages?: CloudflarePagesTarget;
  builds?: BuildsFilter;
  /** Maintenance windows of this surface alone (the registry's list holds them too). */
  maintenance?: MaintenanceWindow[];
  /** Registered, but neither probed nor shown. */
  latent: boolean;
  /** Line of the surface in the registry (1-based). */
  line: number;
}

export interface Registry {
  file: string;
  /** Every surface, latent ones included, in file order. */
  surfaces: Surface[];
  /** Every maintenance window: the top-level ones and each surface's own. */
  maintenance?: MaintenanceWindow[];
  /** The environment variables a health header may send as ${NAME} (top-level `secret-env:`). */
  secretEnv: string[];
}

/** The surfaces a sweep probes and shows. */
export function activeSurfaces(registry: Registry): Surface[] {
  return registry.surfaces.filter((s) => !s.latent);
}

export type RegistryProblem = FieldProblem;

/** A registry that does not validate. The message lists every problem as `file:line:col: field: problem`. */
export class RegistryError extends YamlFileError {
  override name = "RegistryError";
  constructor(file: string, problems: RegistryProblem[]) {
    super("registry", "Registry", file, problems);
  }
}

/** Parses health settings from `get(field)`, throwing InputError naming the field (parseHealthInputs). */
export type HealthParser = (get: (name: string) => string) => HealthSettings;

export interface RegistryOptions {
  file: string;
  parseHealth: HealthParser;
  /** Values used when a surface's health block leaves a field out (attempts, interval, timeout). */
  healthDefaults?: Record<string, string>;
}

const TOP_KEYS = ["surfaces", "secret-env", "maintenance"];

const SURFACE_KEYS = [
  "id",
  "hostname",
  "provider",
  "health",
  "heroku",
  "cloudflare_pages",
  "builds",
  "latent",
  "description",
  "maintenance",
];
const HEALTH_KEYS = [
  "url",
  "expect-status",
  "expect-body",
  "expect-json",
  "headers",
  "method",
  "follow-redirects",
  "timeout",
  "attempts",
  "interval",
];
const HEROKU_KEYS = ["app", "max-deploy-age-days"];
const CLOUDFLARE_KEYS = ["account-id", "project", "environment", "max-deploy-age-days"];
const BUILDS_KEYS = ["workflow", "paths", "branch", "repo"];
const PROVIDER_BLOCKS: Record<string, Provider> = { heroku: "heroku", cloudflare_pages: "cloudflare_pages" };

export function parseRegistry(text: string, options: RegistryOptions): Registry {
  const { doc, problems, report, at } = parseYamlFields(text);
  if (problems.length) throw new RegistryError(options.file, problems);

  const root = doc.contents;
  if (!isMap(root)) {
    report(root, "(top level)", "must be a mapping with a `surfaces:` list");
    throw new RegistryError(options.file, problems);
  }
  checkKeys(root, TOP_KEYS, "", report);
  const list = root.get("surfaces", true) as Node | undefined;
  if (!isSeq(list)) {
    report(
      list ?? root,
      "surfaces",
      list ? "must be a list of surfaces" : "is required (a list of surfaces)",
    );
    throw new RegistryError(options.file, problems);
  }
  if (list.items.length === 0) report(list, "surfaces", "is empty: register at least one surface");
  const secretEnv = parseSecretEnv(root, report);

  const surfaces: Surface[] = [];
  const seen = new Map<string, number>();
  list.items.forEach((item, i) => {
    const path = `surfaces[${i}]`;
    if (!isMap(item)) {
      report(item as Node, path, "must be a mapping (id, hostname, provider, ...)");
      return;
    }
    const surface = parseSurface(item, path, { ...options, secretEnv }, report, at, () => problems.length);
    if (!surface) return;
    const first = seen.get(surface.id);
    if (first !== undefined)
      report(
        item.get("id", true) as Node,
        `${path}.id`,
        `duplicates '${surface.id}' (first on line ${first})`,
      );
    else seen.set(surface.id, surface.line);
    surfaces.push(surface);
  });
  const maintenanceNode = root.get("maintenance", true) as Node | undefined;
  const maintenance = [
    ...parseMaintenanceList(maintenanceNode, "maintenance", report, at),
    ...surfaces.flatMap((s) => s.maintenance ?? []),
  ];
  const unknown = unknownSurfaces(maintenance, seen);
  if (unknown.length) report(maintenanceNode, "maintenance", `names unknown surfaces: ${unknown.join(", ")}`);
  if (problems.length) throw new RegistryError(options.file, problems);
  return { file: options.file, surfaces, secretEnv, maintenance };
}

function parseSurface(
  map: YAMLMap,
  path: string,
  options: RegistryOptions & { secretEnv: string[] },
  report: Report,
  at: At,
  count: () => number,
): Surface | undefined {
  const before = count();
  checkKeys(map, SURFACE_KEYS, path, report);
  const latent = bool(map, "latent", path, report) ?? false;
  const id = str(map, "id", path, report, true);
  if (id !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/.test(id))
    report(
      map.get("id", true) as Node,
      `${path}.id`,
      `must be 1-63 letters, digits, dots, dashes or underscores; got '${id}'`,
    );
  const where = id ? `${path} (${id})` : path;
  const hostname = str(map, "hostname", where, report, true);
  if (hostname !== undefined && !/^[A-Za-z0-9.-]+(:\d+)?$/.test(hostname))
    report(map.get("hostname", true) as Node, `${where}.hostname`, `must be a host name; got '${hostname}'`);
  const providerRaw = str(map, "provider", where, report, !latent);
  let provider: Provider | undefined;
  if (providerRaw !== undefined) {
    if ((PROVIDERS as readonly string[]).includes(providerRaw)) provider = providerRaw as Provider;
    else
      report(
        map.get("provider", true) as Node,
        `${where}.provider`,
        `must be one of ${PROVIDERS.join(", ")}; got '${providerRaw}'${suggest(providerRaw, [...PROVIDERS])}`,
      );
  }

  for (const [block, owner] of Object.entries(PROVIDER_BLOCKS)) {
    const node = map.get(block, true) as Node | undefined;
    if (node && provider && provider !== owner)
      report(keyNode(map, block), `${where}.${block}`, `is given, but provider is '${provider}'`);
  }

  const health = parseHealthBlock(map, where, options, report);
  const heroku = parseHeroku(map, where, report);
  const cloudflarePages = parseCloudflare(map, where, report);
  const builds = parseBuilds(map, where, report);
  const maintenance = id
    ? parseMaintenanceList(
        map.get("maintenance", true) as Node | undefined,
        `${where}.maintenance`,
        report,
        at,
        id,
      )
    : [];

  if (!latent && provider) {
    if (provider === "heroku" && !heroku && !map.has("heroku"))
      report(map, `${where}.heroku`, "is required for provider heroku (app: <heroku app name>)");
    if (provider === "cloudflare_pages" && !cloudflarePages && !map.has("cloudflare_pages"))
      report(
        map,
        `${where}.cloudflare_pages`,
        "is required for provider cloudflare_pages (account-id, project)",
      );
    if (provider === "http" && !health && !map.has("health"))
      report(map, `${where}.health`, "is required for provider http (url: <health URL>)");
  }
  if (count() > before || !id || !hostname) return undefined;
  return {
    id,
    hostname,
    provider: provider ?? "http",
    health,
    heroku,
    cloudflarePages,
    builds,
    latent,
    ...(maintenance.length ? { maintenance } : {}),
    line: at(map).line,
  };
}

function parseHealthBlock(
  map: YAMLMap,
  where: string,
  options: RegistryOptions & { secretEnv: string[] },
  report: Report,
): HealthSettings | undefined {
  const node = map.get("health", true) as Node | undefined;
  if (node === undefined) return undefined;
  const path = `${where}.health`;
  if (!isMap(node)) {
    report(node, path, "must be a mapping (url, expect-status, headers, ...)");
    return undefined;
  }
  checkKeys(node, HEALTH_KEYS, path, report);
  const values: Record<string, string> = {};
  for (const key of HEALTH_KEYS) {
    if (key === "headers") continue;
    const v = node.get(key, true) as Node | undefined;
    if (v === undefined) continue;
    if (!isScalar(v) || v.value === null || typeof v.value === "object") {
      report(v, `${path}.${key}`, "must be a single value");
      continue;
    }
    values[key] = String(v.value);
  }
  const headersNode = node.get("headers", true) as Node | undefined;
  if (headersNode !== undefined) {
    const lines = headerLines(headersNode, `${path}.headers`, report, options.secretEnv);
    if (lines === undefined) return undefined;
    values.headers = lines.join("\n");
  }
  try {
    return options.parseHealth((name) => values[name] ?? options.healthDefaults?.[name] ?? "");
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    const field = err.input;
    const target = (node.get(field, true) as Node | undefined) ?? keyNode(map, "health");
    const problem = err.message.replace(/^Input '[^']*' /, "");
    report(target, `${path}.${field}`, problem);
    return undefined;
  }
}

function parseHeroku(map: YAMLMap, where: string, report: Report): HerokuTarget | undefined {
  const node = map.get("heroku", true) as Node | undefined;
  if (node === undefined) return undefined;
  const path = `${where}.heroku`;
  if (!isMap(node)) {
    report(node, path, "must be a mapping (app, max-deploy-age-days)");
    return undefined;
  }
  checkKeys(node, HEROKU_KEYS, path, report);
  const appRaw = str(node, "app", path, report, true);
  let app: string | undefined;
  if (appRaw !== undefined) {
    try {
      app = parseHerokuApp("app", appRaw);
    } catch (err) {
      report(
        node.get("app", true) as Node,
        `${path}.app`,
        (err as Error).message.replace(/^Input '[^']*' /, ""),
      );
    }
  }
  const maxDeployAgeDays = num(node, "max-deploy-age-days", path, report, 0.01, 3650) ?? 7;
  return app ? { app, maxDeployAgeDays } : undefined;
}

function parseCloudflare(map: YAMLMap, where: string, report: Report): CloudflarePagesTarget | undefined {
  const node = map.get("cloudflare_pages", true) as Node | undefined;
  if (node === undefined) return undefined;
  const path = `${where}.cloudflare_pages`;
  if (!isMap(node)) {
    report(node, path, "must be a mapping (account-id, project)");
    return undefined;
  }
  checkKeys(node, CLOUDFLARE_KEYS, path, report);
  const accountId = str(node, "account-id", path, report, true);
  if (accountId !== undefined && !/^[A-Za-z0-9]{1,32}$/.test(accountId))
    report(
      node.get("account-id", true) as Node,
      `${path}.account-id`,
      "must be a Cloudflare account ID (up to 32 letters and digits)",
    );
  const project = str(node, "project", path, report, true);
  if (project !== undefined && !/^[a-z0-9][a-z0-9-]{0,62}$/.test(project))
    report(
      node.get("project", true) as Node,
      `${path}.project`,
      `must be a Pages project name (lowercase letters, digits, dashes); got '${project}'`,
    );
  const envRaw = str(node, "environment", path, report) ?? "production";
  if (envRaw !== "production" && envRaw !== "preview")
    report(
      node.get("environment", true) as Node,
      `${path}.environment`,
      `must be production or preview; got '${envRaw}'`,
    );
  const maxDeployAgeDays = num(node, "max-deploy-age-days", path, report, 0.01, 3650);
  if (!accountId || !project) return undefined;
  return {
    accountId,
    project,
    environment: envRaw === "preview" ? "preview" : "production",
    ...(maxDeployAgeDays !== undefined ? { maxDeployAgeDays } : {}),
  };
}

function parseBuilds(map: YAMLMap, where: string, report: Report): BuildsFilter | undefined {
  const node = map.get("builds", true) as Node | undefined;
  if (node === undefined) return undefined;
  const path = `${where}.builds`;
  if (!isMap(node)) {
    report(node, path, "must be a mapping (workflow, paths, branch, repo)");
    return undefined;
  }
  checkKeys(node, BUILDS_KEYS, path, report);
  const workflow = str(node, "workflow", path, report);
  if (workflow !== undefined && !/^(\.github\/workflows\/)?[A-Za-z0-9._-]+\.ya?ml$/.test(workflow))
    report(
      node.get("workflow", true) as Node,
      `${path}.workflow`,
      `must be a workflow file name like deploy.yml; got '${workflow}'`,
    );
  const paths: string[] = [];
  const pathsNode = node.get("paths", true) as Node | undefined;
  if (pathsNode !== undefined) {
    const items = isSeq(pathsNode) ? (pathsNode.items as Node[]) : [pathsNode];
    for (const item of items) {
      if (isScalar(item) && typeof item.value === "string" && item.value.trim())
        paths.push(item.value.trim());
      else report(item, `${path}.paths`, "must be a list of path globs like backend/**");
    }
  }
  const branch = str(node, "branch", path, report) ?? "main";
  const repo = str(node, "repo", path, report);
  if (repo !== undefined && !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repo))
    report(node.get("repo", true) as Node, `${path}.repo`, `must be owner/name; got '${repo}'`);
  if (workflow === undefined && paths.length === 0) report(node, path, "needs a workflow, paths, or both");
  return { workflow, paths, branch, ...(repo ? { repo } : {}) };
}
