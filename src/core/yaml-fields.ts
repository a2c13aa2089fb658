import {
  type Document,
  isScalar,
  LineCounter,
  type Node,
  type Pair,
  parseDocument,
  type YAMLMap,
} from "yaml";
import { InputError } from "./errors.js";

/**
 * Validation helpers shared by the YAML files users write (the surface registry, the secret inventory):
 * every problem is collected with its line, column and field, so one run reports all of them at once.
 * Pure: the caller reads the file and hands in its text.
 */

export interface FieldProblem {
  line: number;
  column: number;
  field: string;
  message: string;
}

/** Records a problem at a node (its line and column), under a dotted field path. */
export type Report = (node: Node | null | undefined, field: string, message: string) => void;
/** The 1-based line and column of a node (1:1 when it has no position). */
export type At = (node: Node | null | undefined) => { line: number; column: number };

/** A YAML file that does not validate. The message lists every problem as `file:line:col: field: problem`. */
export class YamlFileError extends InputError {
  override name = "YamlFileError";
  constructor(
    input: string,
    label: string,
    readonly file: string,
    readonly problems: FieldProblem[],
  ) {
    super(input, "is invalid");
    const lines = problems.map((p) => `${file}:${p.line}:${p.column}: ${p.field}: ${p.message}`);
    this.message =
      lines.length === 1
        ? `${label} ${lines[0]}`
        : `${label} ${file} has ${lines.length} problems:\n${lines.map((l) => `  ${l}`).join("\n")}`;
  }
}

const MAX_PROBLEMS = 25;

export interface YamlFields {
  doc: Document.Parsed;
  /** YAML syntax errors first (field `(yaml)`), then what `report` collected (at most 25 of those). */
  problems: FieldProblem[];
  report: Report;
  at: At;
}

/** Parses `text` (duplicate keys refused) and sets up problem collection with positions. */
export function parseYamlFields(text: string): YamlFields {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true });
  const problems: FieldProblem[] = [];
  const at: At = (node) => {
    const offset = node?.range?.[0];
    if (offset === undefined) return { line: 1, column: 1 };
    const pos = lc.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const report: Report = (node, field, message) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ ...at(node), field, message });
  };
  for (const err of doc.errors) {
    const pos = err.linePos?.[0];
    problems.push({
      line: pos?.line ?? 1,
      column: pos?.col ?? 1,
      field: "(yaml)",
      message: (err.message.split("\n")[0] ?? "invalid YAML").replace(/ at line \d+, column \d+:?$/, ""),
    });
  }
  return { doc, problems, report, at };
}

/** The key node of `key` in `map` (to point at the key itself rather than its value). */
export function keyNode(map: YAMLMap, key: string): Node | undefined {
  const pair = (map.items as Pair<Node, Node>[]).find((p) => isScalar(p.key) && p.key.value === key);
  return pair?.key ?? undefined;
}

/** Reports every key of `map` not in `known`, with a did-you-mean for near misses. */
export function checkKeys(map: YAMLMap, known: string[], path: string, report: Report): void {
  for (const pair of map.items as Pair<Node, Node>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key === undefined) {
      report(pair.key, path || "(top level)", "keys must be plain names");
      continue;
    }
    if (!known.includes(key))
      report(
        pair.key,
        path ? `${path}.${key}` : key,
        `is not a known field${suggest(key, known)} (known: ${known.join(", ")})`,
      );
  }
}

/** A present scalar as trimmed text; reports a non-scalar or an empty value. Undefined when absent. */
export function scalarText(map: YAMLMap, key: string, path: string, report: Report): string | undefined {
  const node = map.get(key, true) as Node | undefined;
  if (node === undefined) return undefined;
  if (!isScalar(node) || node.value === null || typeof node.value === "object") {
    report(node, `${path}.${key}`, "must be a single value");
    return undefined;
  }
  const text = String(node.value).trim();
  if (!text) {
    report(node, `${path}.${key}`, "must not be empty");
    return undefined;
  }
  return text;
}

/** Like scalarText, and reports a missing value when `required`. */
export function str(
  map: YAMLMap,
  key: string,
  path: string,
  report: Report,
  required = false,
): string | undefined {
  if (map.get(key, true) === undefined) {
    if (required) report(map, `${path}.${key}`, "is required");
    return undefined;
  }
  return scalarText(map, key, path, report);
}

/** A number field from `min` to `max`; undefined (and a report) when it is present but not one. */
export type NumberField = (
  map: YAMLMap,
  key: string,
  path: string,
  report: Report,
  min: number,
  max: number,
) => number | undefined;

/** A number from `min` to `max` (fractions allowed; a numeric string counts). */
export const num: NumberField = (map, key, path, report, min, max) =>
  ranged(map, key, path, report, `must be a number from ${min} to ${max}`, (node) => {
    const value = isScalar(node) ? Number(node.value) : Number.NaN;
    const ok = isScalar(node) && typeof node.value !== "boolean" && Number.isFinite(value);
    return ok && value >= min && value <= max ? value : undefined;
  });

/** A whole number from `min` to `max`, written as a YAML number. */
export const int: NumberField = (map, key, path, report, min, max) =>
  ranged(map, key, path, report, `must be a whole number from ${min} to ${max}`, (node) => {
    const value = isScalar(node) ? node.value : undefined;
    return typeof value === "number" && Number.isInteger(value) && value >= min && value <= max
      ? value
      : undefined;
  });

/** The number `accept` makes of a present value; reports `problem` when it makes none. */
function ranged(
  map: YAMLMap,
  key: string,
  path: string,
  report: Report,
  problem: string,
  accept: (node: Node) => number | undefined,
): number | undefined {
  const node = map.get(key, true) as Node | undefined;
  if (node === undefined) return undefined;
  const value = accept(node);
  if (value === undefined) report(node, `${path}.${key}`, problem);
  return value;
}

export function bool(map: YAMLMap, key: string, path: string, report: Report): boolean | undefined {
  const node = map.get(key, true) as Node | undefined;
  if (node === undefined) return undefined;
  if (!isScalar(node) || typeof node.value !== "boolean") {
    report(node, `${path}.${key}`, "must be true or false");
    return undefined;
  }
  return node.value;
}

/** "; did you mean 'x'?" for a near miss (snake/kebab swaps, small typos), else "". */
export function suggest(word: string, known: readonly string[]): string {
  const norm = (s: string) => s.toLowerCase().replace(/[-_]/g, "");
  const exact = known.find((k) => norm(k) === norm(word));
  if (exact) return `; did you mean '${exact}'?`;
  let best: string | undefined;
  let bestDistance = 3;
  for (const k of known) {
    const d = distance(norm(word), norm(k));
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best ? `; did you mean '${best}'?` : "";
}

/** Levenshtein distance. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}
