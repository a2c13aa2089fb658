import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from "yaml";
import { bool, checkKeys, int, keyNode, type Report, str, suggest } from "./yaml-fields.js";

/**
 * The `rotate:` block of an inventory secret (issue 18): how a new value is made, every place it is written,
 * which surfaces must stay healthy afterwards and who is told. Pure: the inventory parser hands in the node.
 */

export const GENERATORS = ["random", "heroku-authorization", "cloudflare-token"] as const;
export type Generator = (typeof GENERATORS)[number];

export const CONSUMER_KINDS = ["github-actions", "github-environment", "heroku-config", "infisical"] as const;
export type ConsumerKind = (typeof CONSUMER_KINDS)[number];

export type Consumer =
  | { kind: "github-actions"; id: string; repository: string; name: string }
  | { kind: "github-environment"; id: string; repository: string; environment: string; name: string }
  | { kind: "heroku-config"; id: string; app: string; var: string }
  | { kind: "infisical"; id: string; project: string; environment: string; path: string; key: string };

export interface RotateSpec {
  generate: Generator;
  /** random: bytes of entropy (default 32), written base64url. */
  length: number;
  consumers: Consumer[];
  /** Surface ids (from the registry) whose /health must pass after the consumers hold the new value. */
  smoke: string[];
  /** Webhooks told about the rotation (signed with HMAC-SHA256). */
  notify: string[];
  /** The current value is known to be compromised: every rotation revokes it as soon as the smoke passes. */
  compromised: boolean;
}

export const DEFAULT_RANDOM_BYTES = 32;
const ROTATE_KEYS = ["generate", "length", "consumers", "smoke", "notify", "compromised"];
const CONSUMER_KEYS: Record<ConsumerKind, string[]> = {
  "github-actions": ["repository", "name"],
  "github-environment": ["repository", "environment", "name"],
  "heroku-config": ["app", "var"],
  infisical: ["project", "environment", "path", "key"],
};
/** The source a vendor generator needs: it reads the current credential's id and settings there. */
const GENERATOR_SOURCE: Partial<Record<Generator, string>> = {
  "heroku-authorization": "heroku-authorization",
  "cloudflare-token": "cloudflare-token",
};

/** What the rotate block needs to know of its secret. */
export interface RotateContext {
  name: string;
  source?: string;
  affectedSites: string[];
}

export function parseRotateBlock(
  node: Node | null | undefined,
  path: string,
  secret: RotateContext,
  report: Report,
): RotateSpec | undefined {
  if (!isMap(node)) {
    report(node, path, `must be a mapping (${ROTATE_KEYS.join(", ")})`);
    return undefined;
  }
  checkKeys(node, ROTATE_KEYS, path, report);
  const raw = str(node, "generate", path, report, true);
  let generate: Generator | undefined;
  if (raw !== undefined) {
    if ((GENERATORS as readonly string[]).includes(raw)) generate = raw as Generator;
    else
      report(
        node.get("generate", true) as Node,
        `${path}.generate`,
        `must be one of ${GENERATORS.join(", ")}; got '${raw}'${suggest(raw, GENERATORS)}`,
      );
  }
  const needs = generate ? GENERATOR_SOURCE[generate] : undefined;
  if (needs && secret.source !== undefined && secret.source !== needs)
    report(
      node.get("generate", true) as Node,
      `${path}.generate`,
      `${generate} needs the secret's source to be ${needs} (it reads the current credential there); source is ${secret.source}`,
    );
  const length = int(node, "length", path, report, 16, 512);
  if (length !== undefined && generate && generate !== "random")
    report(keyNode(node, "length"), `${path}.length`, `applies to generate: random only (not ${generate})`);
  const consumers = parseConsumers(node, path, secret.name, report);
  const smoke = node.has("smoke") ? idList(node, "smoke", path, report) : [...secret.affectedSites];
  const notify = node.has("notify") ? urlList(node, "notify", path, report) : [];
  const compromised = bool(node, "compromised", path, report) ?? false;
  if (!generate || !consumers) return undefined;
  return { generate, length: length ?? DEFAULT_RANDOM_BYTES, consumers, smoke, notify, compromised };
}

function parseConsumers(map: YAMLMap, path: string, secretName: string, report: Report) {
  const node = map.get("consumers", true) as Node | undefined;
  const where = `${path}.consumers`;
  if (!isSeq(node) || node.items.length === 0) {
    report(node ?? map, where, "is required: a list of places the new value is written (at least one)");
    return undefined;
  }
  const out: Consumer[] = [];
  const seen = new Set<string>();
  (node.items as Node[]).forEach((item, i) => {
    const at = `${where}[${i}]`;
    if (!isMap(item) || item.items.length !== 1) {
      report(
        item,
        at,
        `must be one of ${CONSUMER_KINDS.join(", ")} with its settings, e.g. github-actions: { repository: acme/api }`,
      );
      return;
    }
    const pair = item.items[0] as Pair<Node, Node>;
    const kindRaw = isScalar(pair.key) ? String(pair.key.value) : "";
    if (!(CONSUMER_KINDS as readonly string[]).includes(kindRaw)) {
      report(
        pair.key,
        at,
        `'${kindRaw}' is not a consumer: use one of ${CONSUMER_KINDS.join(", ")}${suggest(kindRaw, CONSUMER_KINDS)}`,
      );
      return;
    }
    const kind = kindRaw as ConsumerKind;
    const settings = pair.value;
    const inner = `${at}.${kind}`;
    if (!isMap(settings)) {
      report(settings ?? pair.key, inner, `must be a mapping (${CONSUMER_KEYS[kind].join(", ")})`);
      return;
    }
    checkKeys(settings, CONSUMER_KEYS[kind], inner, report);
    const consumer = parseConsumer(kind, settings, inner, secretName, report);
    if (!consumer) return;
    if (seen.has(consumer.id)) report(item, at, `duplicates consumer ${consumer.id}`);
    seen.add(consumer.id);
    out.push(consumer);
  });
  return out;
}

const REPO = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
const SECRET_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,199}$/;
/** GitHub refuses secret names starting with GITHUB_. */
const GITHUB_RESERVED = /^GITHUB_/i;

function parseConsumer(
  kind: ConsumerKind,
  m: YAMLMap,
  at: string,
  secretName: string,
  report: Report,
): Consumer | undefined {
  const field = (key: string, required: boolean, pattern?: RegExp, what?: string) => {
    const v = str(m, key, at, report, required);
    if (v !== undefined && pattern && !pattern.test(v)) {
      report(m.get(key, true) as Node, `${at}.${key}`, `must be ${what}; got '${v}'`);
      return undefined;
    }
    return v;
  };
  switch (kind) {
    case "github-actions":
    case "github-environment": {
      const repository = field("repository", true, REPO, "owner/name");
      const environment = kind === "github-environment" ? field("environment", true) : undefined;
      const name = field("name", false, SECRET_NAME, "a secret name (letters, digits, _)") ?? secretName;
      if (GITHUB_RESERVED.test(name))
        report(m, `${at}.name`, `GitHub refuses secret names starting with GITHUB_ (${name}): set name:`);
      if (!repository || (kind === "github-environment" && !environment)) return undefined;
      return kind === "github-actions"
        ? { kind, id: `github-actions:${repository}:${name}`, repository, name }
        : {
            kind,
            id: `github-environment:${repository}:${environment}:${name}`,
            repository,
            environment: environment!,
            name,
          };
    }
    case "heroku-config": {
      const app = field("app", true, /^[a-z][a-z0-9-]{1,29}$/, "a Heroku app name");
      const v = field("var", false, /^[A-Za-z_][A-Za-z0-9_]*$/, "a config var name") ?? secretName;
      if (!app) return undefined;
      return { kind, id: `heroku-config:${app}:${v}`, app, var: v };
    }
    case "infisical": {
      const project = field("project", true);
      const environment = field("environment", false) ?? "prod";
      const path = field("path", false, /^\//, "a folder path starting with /") ?? "/";
      const key = field("key", false, SECRET_NAME, "a secret key") ?? secretName;
      if (!project) return undefined;
      return {
        kind,
        id: `infisical:${project}:${environment}:${path}:${key}`,
        project,
        environment,
        path,
        key,
      };
    }
  }
}

function idList(map: YAMLMap, key: string, path: string, report: Report): string[] {
  const node = map.get(key, true) as Node | undefined;
  if (!isSeq(node)) {
    report(node, `${path}.${key}`, "must be a list of surface ids");
    return [];
  }
  const out: string[] = [];
  for (const item of node.items as Node[]) {
    if (isScalar(item) && typeof item.value === "string" && item.value.trim()) out.push(item.value.trim());
    else report(item, `${path}.${key}`, "must be a list of surface ids");
  }
  return out;
}

function urlList(map: YAMLMap, key: string, path: string, report: Report): string[] {
  const node = map.get(key, true) as Node | undefined;
  if (!isSeq(node)) {
    report(node, `${path}.${key}`, "must be a list of webhook URLs");
    return [];
  }
  const out: string[] = [];
  for (const item of node.items as Node[]) {
    const text = isScalar(item) && typeof item.value === "string" ? item.value.trim() : "";
    const problem = webhookUrlProblem(text);
    if (problem) report(item, `${path}.${key}`, problem);
    else out.push(text);
  }
  return out;
}

/** Webhooks go over https; plain http only to this machine (a local receiver). */
export function webhookUrlProblem(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `must be a webhook URL (https://...); got '${text.slice(0, 80)}'`;
  }
  if (url.username || url.password)
    return "must not carry credentials in the URL (the body is signed instead)";
  const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
  if (url.protocol === "https:" || (url.protocol === "http:" && loopback)) return undefined;
  return `must be an https:// URL (http only to localhost); got '${url.protocol}//${url.host}'`;
}
