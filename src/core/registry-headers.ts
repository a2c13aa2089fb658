import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from "yaml";
import { InputError } from "./errors.js";
import type { Surface } from "./registry.js";
import type { Report } from "./yaml-fields.js";

/**
 * Health headers of the surface registry and the only environment they may read: `secret-env:` lists the
 * variables a header value may use as ${NAME}, never prodgate's or the runner's credentials; every reference
 * is checked when the registry is parsed and again when it is expanded, and expanded values are masked.
 */

/**
 * Variables that can never be listed under `secret-env:`: prodgate's own credentials and what the runner puts
 * in the environment (its tokens, the step's inputs). A registry edit must not be able to send them away.
 */
const NEVER_SECRET_ENV = new Set([
  "DATABASE_URL",
  "HEROKU_API_KEY",
  "HEROKU_PREVIEW_TOKEN",
  "CLOUDFLARE_API_TOKEN",
  "GITHUB_TOKEN",
  "GH_TOKEN",
  "GITHUB_SECRETS_TOKEN",
  "SLACK_BOT_TOKEN",
  "SLACK_WEBHOOK_URL",
  "INFISICAL_TOKEN",
]);
const NEVER_SECRET_ENV_PREFIXES = ["GITHUB_", "ACTIONS_", "RUNNER_", "INPUT_", "PRODGATE_"];
const ENV_REF = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** `secret-env:` — a list of environment variable names that header values may use as ${NAME}. */
export function parseSecretEnv(root: YAMLMap, report: Report): string[] {
  const node = root.get("secret-env", true) as Node | undefined;
  if (node === undefined) return [];
  if (!isSeq(node)) {
    report(
      node,
      "secret-env",
      "must be a list of environment variable names (e.g. [CF_ACCESS_CLIENT_SECRET])",
    );
    return [];
  }
  const out: string[] = [];
  (node.items as Node[]).forEach((item, i) => {
    const field = `secret-env[${i}]`;
    const name = isScalar(item) && typeof item.value === "string" ? item.value : undefined;
    if (name === undefined || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
      report(
        item,
        field,
        `must be an environment variable name; got '${isScalar(item) ? String(item.value) : "?"}'`,
      );
    else if (NEVER_SECRET_ENV.has(name) || NEVER_SECRET_ENV_PREFIXES.some((p) => name.startsWith(p)))
      report(
        item,
        field,
        `${name} is a credential of prodgate or the runner; it can never be sent in a health header (store the header's value under a name of its own)`,
      );
    else out.push(name);
  });
  return out;
}

/** Headers as a mapping (Name: value) or a list of "Name: value" strings. */
export function headerLines(
  node: Node,
  path: string,
  report: Report,
  secretEnv: string[],
): string[] | undefined {
  const out: string[] = [];
  /** Every ${NAME} in a header value must be listed under secret-env. */
  const refsListed = (value: Node, name: string, text: string): boolean => {
    const [key] = unlistedRefs(text, secretEnv);
    if (key === undefined) return true;
    report(
      value,
      `${path}.${name}`,
      `uses \${${key}}, which is not listed under secret-env (list the variables a header may send there)`,
    );
    return false;
  };
  if (isMap(node)) {
    for (const pair of node.items as Pair<Node, Node>[]) {
      const name = isScalar(pair.key) ? String(pair.key.value) : "";
      if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
        report(pair.key, `${path}.${name || "?"}`, "is not a valid header name");
        return undefined;
      }
      const value = pair.value;
      if (!isScalar(value) || value.value === null || typeof value.value === "object") {
        report(value ?? pair.key, `${path}.${name}`, "must be a single value");
        return undefined;
      }
      if (!refsListed(value, name, String(value.value))) return undefined;
      out.push(`${name}: ${String(value.value)}`);
    }
    return out;
  }
  if (isSeq(node)) {
    for (const item of node.items as Node[]) {
      if (!isScalar(item) || typeof item.value !== "string" || !/^[^:\s]+:/.test(item.value)) {
        report(item, path, "items must look like 'Name: value'");
        return undefined;
      }
      const name = item.value.slice(0, item.value.indexOf(":"));
      if (!refsListed(item, name, item.value.slice(name.length + 1))) return undefined;
      out.push(item.value);
    }
    return out;
  }
  report(node, path, "must be a mapping of header names to values");
  return undefined;
}

/** The ${NAME} references in `text` that `secretEnv` does not list. */
function unlistedRefs(text: string, secretEnv: readonly string[]): string[] {
  return [...text.matchAll(ENV_REF)].map((m) => m[1]!).filter((key) => !secretEnv.includes(key));
}

/**
 * Resolves `${NAME}` in header values from `env`, for names `secretEnv` (the registry's `secret-env:`) lists;
 * any other name is an error naming the field and the variable, and nothing is expanded. Returns the headers
 * and the values that must be masked.
 */
export function resolveHeaders(
  surface: Surface,
  env: Record<string, string | undefined>,
  secretEnv: readonly string[],
): { headers: Record<string, string>; secrets: string[] } {
  const headers: Record<string, string> = {};
  const secrets: string[] = [];
  for (const [name, template] of Object.entries(surface.health?.headers ?? {})) {
    const unlisted = unlistedRefs(template, secretEnv);
    if (unlisted.length)
      throw new InputError(
        `surfaces.${surface.id}.health.headers.${name}`,
        `uses \${${unlisted[0]}}, which is not listed under secret-env`,
      );
    const value = template.replace(ENV_REF, (_m, key: string) => {
      const v = env[key];
      if (v === undefined || v === "")
        throw new InputError(
          `surfaces.${surface.id}.health.headers.${name}`,
          `needs the environment variable ${key}, which is not set`,
        );
      return v;
    });
    headers[name] = value;
    if (value) secrets.push(value);
  }
  return { headers, secrets };
}
