import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from "yaml";
import { durationMs, parseDurationSpec } from "./duration.js";
import { parseRotateBlock, type RotateSpec } from "./rotate-spec.js";
import { DAY_MS, HOUR_MS, type RotationPolicy } from "./rotation.js";
import {
  bool,
  checkKeys,
  type FieldProblem,
  int,
  keyNode,
  parseYamlFields,
  type Report,
  scalarText,
  str,
  suggest,
  YamlFileError,
} from "./yaml-fields.js";

/**
 * The secret inventory (examples/secrets.yml): a top-level `secrets:` list and an optional `policies:` map of
 * per-vendor policy defaults, kebab-case field names. A secret's policy is the built-in defaults, then its
 * vendor's `policies:` entry, then its own `policy:` block. Parsing is pure (the caller reads the file); every
 * problem names the file, line, column and field. The inventory holds names and dates, never values.
 */

export const SOURCES = [
  "static",
  "github-actions",
  "github-environment",
  "infisical",
  "cloudflare-token",
  "heroku-authorization",
] as const;
export type SecretSource = (typeof SOURCES)[number];

export interface InventorySecret {
  name: string;
  vendor: string;
  affectedSites: string[];
  source: SecretSource;
  policy: RotationPolicy;
  /** Name of the secret at its source (GitHub secret, Infisical key); default: `name`. */
  key: string;
  /** Dates written in the inventory (static source; a fallback for the others). */
  lastRotatedAt?: Date;
  expiresAt?: Date;
  /** github-*: owner/name; default the repository the sweep runs in. Also where rotation-workflow lives. */
  repository?: string;
  /** github-environment: the GitHub environment; infisical: the environment slug (default prod). */
  environment?: string;
  /** infisical: project (workspace) ID and folder path. */
  project?: string;
  path?: string;
  /** heroku-authorization: the authorization's ID or description; default: `name`. */
  authorization?: string;
  /** cloudflare-token: the account that owns the token (account-owned tokens verify under the account). */
  accountId?: string;
  /** How prodgate rotates it itself (the rotate: block); absent when it does not. */
  rotate?: RotateSpec;
  line: number;
}

export interface Inventory {
  file: string;
  secrets: InventorySecret[];
}

export type InventoryProblem = FieldProblem;

/** An inventory that does not validate. The message lists every problem as `file:line:col: field: problem`. */
export class InventoryError extends YamlFileError {
  override name = "InventoryError";
  constructor(file: string, problems: InventoryProblem[]) {
    super("inventory", "Inventory", file, problems);
  }
}

export const POLICY_DEFAULTS: RotationPolicy = {
  rotateBeforeMs: 14 * DAY_MS,
  cadenceDays: 90,
  revokeOld: true,
  maxOverlapMs: 24 * HOUR_MS,
  failureStrategy: "retry",
  retryBackoffMs: HOUR_MS,
  maxAttempts: 3,
};
/** Cloudflare tokens get a 30-day cadence (seed 000 §4.3: the May 2026 expiry incident). */
export const CLOUDFLARE_CADENCE_DAYS = 30;

const TOP_KEYS = ["secrets", "policies"];
const SECRET_KEYS = [
  "name",
  "vendor",
  "affected-sites",
  "source",
  "policy",
  "key",
  "last-rotated-at",
  "expires-at",
  "repository",
  "environment",
  "project",
  "path",
  "authorization",
  "account-id",
  "description",
  "rotate",
];
const POLICY_KEYS = [
  "ttl",
  "rotate-before",
  "cadence-days",
  "revoke-old",
  "max-overlap",
  "failure-strategy",
  "rotation-workflow",
  "retry-backoff",
  "max-attempts",
];
/** Fields that only mean something for some sources. */
const SOURCE_FIELDS: Record<string, readonly SecretSource[]> = {
  repository: ["github-actions", "github-environment"],
  environment: ["github-environment", "infisical"],
  project: ["infisical"],
  path: ["infisical"],
  authorization: ["heroku-authorization"],
  "account-id": ["cloudflare-token"],
  key: ["github-actions", "github-environment", "infisical"],
};
type PolicyPatch = Partial<RotationPolicy>;

export function parseInventory(text: string, file: string): Inventory {
  const { doc, problems, report, at } = parseYamlFields(text);
  if (problems.length) throw new InventoryError(file, problems);

  const root = doc.contents;
  if (!isMap(root)) {
    report(root, "(top level)", "must be a mapping with a `secrets:` list");
    throw new InventoryError(file, problems);
  }
  checkKeys(root, TOP_KEYS, "", report);

  const vendorPolicies = new Map<string, PolicyPatch>();
  const policiesNode = root.get("policies", true) as Node | undefined;
  if (policiesNode !== undefined) {
    if (!isMap(policiesNode)) report(policiesNode, "policies", "must map vendor names to policies");
    else {
      for (const pair of policiesNode.items as Pair<Node, Node>[]) {
        const vendor = isScalar(pair.key) ? String(pair.key.value) : "";
        if (!/^[a-z][a-z0-9_-]{0,39}$/.test(vendor)) {
          report(
            pair.key,
            `policies.${vendor || "?"}`,
            "must be a vendor name (lowercase letters, digits, -)",
          );
          continue;
        }
        const patch = parsePolicy(pair.value, `policies.${vendor}`, report);
        if (patch) vendorPolicies.set(vendor, patch);
      }
    }
  }

  const list = root.get("secrets", true) as Node | undefined;
  if (!isSeq(list)) {
    report(list ?? root, "secrets", list ? "must be a list of secrets" : "is required (a list of secrets)");
    throw new InventoryError(file, problems);
  }
  if (list.items.length === 0) report(list, "secrets", "is empty: list at least one secret");

  const secrets: InventorySecret[] = [];
  const seen = new Map<string, number>();
  list.items.forEach((item, i) => {
    const path = `secrets[${i}]`;
    if (!isMap(item)) {
      report(item as Node, path, "must be a mapping (name, vendor, source, ...)");
      return;
    }
    const before = problems.length;
    const secret = parseSecret(item, path, vendorPolicies, report, at(item).line);
    if (!secret || problems.length > before) return;
    const first = seen.get(secret.name);
    if (first !== undefined)
      report(
        item.get("name", true) as Node,
        `${path}.name`,
        `duplicates '${secret.name}' (first on line ${first})`,
      );
    else seen.set(secret.name, secret.line);
    secrets.push(secret);
  });
  if (problems.length) throw new InventoryError(file, problems);
  return { file, secrets };
}

function parseSecret(
  map: YAMLMap,
  path: string,
  vendorPolicies: Map<string, PolicyPatch>,
  report: Report,
  line: number,
): InventorySecret | undefined {
  checkKeys(map, SECRET_KEYS, path, report);
  const name = str(map, "name", path, report, true);
  if (name !== undefined && !/^[A-Za-z_][A-Za-z0-9_]{0,199}$/.test(name))
    report(
      map.get("name", true) as Node,
      `${path}.name`,
      `must be a secret name (letters, digits, _); got '${name}'`,
    );
  const where = name ? `${path} (${name})` : path;
  const vendor = str(map, "vendor", where, report, true);
  if (vendor !== undefined && !/^[a-z][a-z0-9_-]{0,39}$/.test(vendor))
    report(
      map.get("vendor", true) as Node,
      `${where}.vendor`,
      `must be a lowercase vendor name; got '${vendor}'`,
    );
  const sourceRaw = str(map, "source", where, report, true);
  let source: SecretSource | undefined;
  if (sourceRaw !== undefined) {
    if ((SOURCES as readonly string[]).includes(sourceRaw)) source = sourceRaw as SecretSource;
    else
      report(
        map.get("source", true) as Node,
        `${where}.source`,
        `must be one of ${SOURCES.join(", ")}; got '${sourceRaw}'${suggest(sourceRaw, SOURCES)}`,
      );
  }
  const affectedSites = strList(map, "affected-sites", where, report);
  const key = str(map, "key", where, report);
  const lastRotatedAt = instant(map, "last-rotated-at", where, report);
  const expiresAt = instant(map, "expires-at", where, report);
  const repository = str(map, "repository", where, report);
  if (repository !== undefined && !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository))
    report(
      map.get("repository", true) as Node,
      `${where}.repository`,
      `must be owner/name; got '${repository}'`,
    );
  const environment = str(map, "environment", where, report);
  const project = str(map, "project", where, report);
  const secretPath = str(map, "path", where, report);
  if (secretPath !== undefined && !secretPath.startsWith("/"))
    report(
      map.get("path", true) as Node,
      `${where}.path`,
      `must be a folder path starting with /; got '${secretPath}'`,
    );
  const authorization = str(map, "authorization", where, report);
  const accountId = str(map, "account-id", where, report);
  if (accountId !== undefined && !/^[0-9a-f]{32}$/.test(accountId))
    report(
      map.get("account-id", true) as Node,
      `${where}.account-id`,
      `must be a Cloudflare account ID (32 hex digits); got '${accountId}'`,
    );
  const rotate = map.has("rotate")
    ? parseRotateBlock(
        map.get("rotate", true) as Node,
        `${where}.rotate`,
        { name: name ?? "", source: source ?? sourceRaw, affectedSites },
        report,
      )
    : undefined;
  const own = map.has("policy")
    ? parsePolicy(map.get("policy", true) as Node, `${where}.policy`, report)
    : {};

  if (source) {
    for (const [field, sources] of Object.entries(SOURCE_FIELDS)) {
      if (map.has(field) && !sources.includes(source))
        report(
          keyNode(map, field),
          `${where}.${field}`,
          `does not apply to source ${source} (only ${sources.join(", ")})`,
        );
    }
    if (source === "github-environment" && environment === undefined && !map.has("environment"))
      report(
        map,
        `${where}.environment`,
        "is required for source github-environment (the GitHub environment name)",
      );
    if (source === "infisical" && project === undefined && !map.has("project"))
      report(map, `${where}.project`, "is required for source infisical (the Infisical project ID)");
  }
  if (!name || !vendor || !source || !own) return undefined;

  const cadenceDefault =
    vendor === "cloudflare" || source === "cloudflare-token"
      ? CLOUDFLARE_CADENCE_DAYS
      : POLICY_DEFAULTS.cadenceDays;
  const policy: RotationPolicy = {
    ...POLICY_DEFAULTS,
    cadenceDays: cadenceDefault,
    ...vendorPolicies.get(vendor),
    ...own,
  };
  if (
    policy.maxOverlapMs > policy.rotateBeforeMs &&
    policy.rotateBeforeMs > 0 &&
    own.maxOverlapMs !== undefined
  )
    report(
      map.get("policy", true) as Node,
      `${where}.policy.max-overlap`,
      "is longer than rotate-before: the old credential would outlive its own expiry window",
    );
  return {
    name,
    vendor,
    affectedSites,
    source,
    policy,
    key: key ?? name,
    ...(lastRotatedAt ? { lastRotatedAt } : {}),
    ...(expiresAt ? { expiresAt } : {}),
    ...(repository ? { repository } : {}),
    ...(environment ? { environment } : source === "infisical" ? { environment: "prod" } : {}),
    ...(project ? { project } : {}),
    ...(source === "infisical" ? { path: secretPath ?? "/" } : {}),
    ...(source === "heroku-authorization" ? { authorization: authorization ?? name } : {}),
    ...(accountId ? { accountId } : {}),
    ...(rotate ? { rotate } : {}),
    line,
  };
}

/** A policy block; undefined when it is not a mapping. Unknown or malformed fields are reported. */
function parsePolicy(node: Node | null | undefined, path: string, report: Report): PolicyPatch | undefined {
  if (!isMap(node)) {
    report(node, path, `must be a mapping (${POLICY_KEYS.join(", ")})`);
    return undefined;
  }
  checkKeys(node, POLICY_KEYS, path, report);
  const patch: PolicyPatch = {};
  const ttl = duration(node, "ttl", path, report);
  if (ttl !== undefined) patch.ttlMs = ttl;
  const rotateBefore = duration(node, "rotate-before", path, report);
  if (rotateBefore !== undefined) patch.rotateBeforeMs = rotateBefore;
  const cadence = int(node, "cadence-days", path, report, 1, 3650);
  if (cadence !== undefined) patch.cadenceDays = cadence;
  const revokeOld = bool(node, "revoke-old", path, report);
  if (revokeOld !== undefined) patch.revokeOld = revokeOld;
  const overlap = duration(node, "max-overlap", path, report);
  if (overlap !== undefined) patch.maxOverlapMs = overlap;
  const strategy = str(node, "failure-strategy", path, report);
  if (strategy !== undefined) {
    if (strategy === "retry" || strategy === "alert") patch.failureStrategy = strategy;
    else
      report(
        node.get("failure-strategy", true) as Node,
        `${path}.failure-strategy`,
        `must be retry or alert; got '${strategy}'`,
      );
  }
  const workflow = str(node, "rotation-workflow", path, report);
  if (workflow !== undefined) {
    const file = workflow.replace(/^\.github\/workflows\//, "");
    if (/^[A-Za-z0-9._-]+\.ya?ml$/.test(file)) patch.rotationWorkflow = file;
    else
      report(
        node.get("rotation-workflow", true) as Node,
        `${path}.rotation-workflow`,
        `must be a workflow file name like rotate-heroku.yml; got '${workflow}'`,
      );
  }
  const backoff = duration(node, "retry-backoff", path, report);
  if (backoff !== undefined) patch.retryBackoffMs = backoff;
  const attempts = int(node, "max-attempts", path, report, 1, 20);
  if (attempts !== undefined) patch.maxAttempts = attempts;
  if (ttl !== undefined && rotateBefore !== undefined && rotateBefore >= ttl)
    report(node.get("rotate-before", true) as Node, `${path}.rotate-before`, "must be shorter than ttl");
  return patch;
}

/**
 * An instant from ISO 8601: a date (`2026-05-01`, midnight UTC) or a date-time with a zone (`Z`, `+02:00`).
 * A date-time without a zone is refused: it would mean a different instant on every runner.
 */
export function parseInstant(text: string): { ok: true; date: Date } | { ok: false; problem: string } {
  const t = text.trim();
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (dateOnly) {
    const [y, m, d] = [Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3])];
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
      return { ok: false, problem: `is not a calendar date: '${t}'` };
    return { ok: true, date };
  }
  const full =
    /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|z|[+-]\d{2}:?\d{2})?$/.exec(t);
  if (!full)
    return {
      ok: false,
      problem: `must be an ISO 8601 date or date-time (2026-05-01, 2026-05-01T12:00:00Z); got '${t}'`,
    };
  if (!full[8])
    return { ok: false, problem: `has no time zone: add Z (UTC) or an offset like +02:00; got '${t}'` };
  const zone = full[8].toUpperCase() === "Z" ? "Z" : full[8].replace(/^([+-]\d{2}):?(\d{2})$/, "$1:$2");
  const [y, mo, d, h, mi] = [1, 2, 3, 4, 5].map((i) => Number(full[i]));
  if (mo! < 1 || mo! > 12 || d! < 1 || d! > 31 || h! > 23 || mi! > 59 || Number(full[6] ?? 0) > 59)
    return { ok: false, problem: `is not a valid date-time: '${t}'` };
  const ms = Date.parse(
    `${full[1]}-${full[2]}-${full[3]}T${full[4]}:${full[5]}:${full[6] ?? "00"}${(full[7] ?? "").slice(0, 4)}${zone}`,
  );
  const probe = new Date(Date.UTC(y!, mo! - 1, d!));
  if (Number.isNaN(ms) || probe.getUTCDate() !== d)
    return { ok: false, problem: `is not a valid date-time: '${t}'` };
  return { ok: true, date: new Date(ms) };
}

/**
 * A policy duration in the one duration grammar (core/duration.ts), where a bare number is days: `14d`, `36h`,
 * `90m`, `2w`, `30`. Months and years are refused (they have no fixed length). Undefined when it is not one.
 */
export function parsePolicyDuration(text: string): number | undefined {
  try {
    return durationMs(
      "policy",
      parseDurationSpec("policy", text, { bare: "d", expected: "a duration" }),
      text,
    );
  } catch {
    return undefined;
  }
}

function strList(map: YAMLMap, key: string, path: string, report: Report): string[] {
  const node = map.get(key, true) as Node | undefined;
  if (node === undefined) return [];
  const items = isSeq(node) ? (node.items as Node[]) : [node];
  const out: string[] = [];
  for (const item of items) {
    if (
      isScalar(item) &&
      (typeof item.value === "string" || typeof item.value === "number") &&
      String(item.value).trim()
    )
      out.push(String(item.value).trim());
    else report(item, `${path}.${key}`, "must be a list of surface ids");
  }
  return out;
}

function instant(map: YAMLMap, key: string, path: string, report: Report): Date | undefined {
  const text = scalarText(map, key, path, report);
  if (text === undefined) return undefined;
  const r = parseInstant(text);
  if (r.ok) return r.date;
  report(map.get(key, true) as Node, `${path}.${key}`, r.problem);
  return undefined;
}

function duration(map: YAMLMap, key: string, path: string, report: Report): number | undefined {
  const text = scalarText(map, key, path, report);
  if (text === undefined) return undefined;
  const ms = parsePolicyDuration(text);
  if (ms === undefined) {
    report(
      map.get(key, true) as Node,
      `${path}.${key}`,
      `must be a duration like 14d, 36h or 90m (a bare number is days); got '${text}'`,
    );
    return undefined;
  }
  return ms;
}
