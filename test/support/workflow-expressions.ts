import { data, Evaluator, Lexer, Parser } from "@actions/expressions";
import type { Json } from "./workflow-dataflow.js";

/** GitHub's own expression engine over the contexts a step sees, with the status functions of a job. */

type ExpressionData = data.ExpressionData;

const STATUS_FUNCS = ["success", "failure", "always", "cancelled"].map((name) => ({
  name,
  minArgs: 0,
  maxArgs: 0,
}));
const CONTEXTS = [
  "inputs",
  "secrets",
  "needs",
  "steps",
  "github",
  "matrix",
  "env",
  "job",
  "runner",
  "vars",
  "strategy",
];

function toData(value: unknown): ExpressionData {
  return JSON.parse(JSON.stringify(value ?? null), data.reviver) as ExpressionData;
}

export function evaluateExpression(
  expr: string,
  contexts: Record<string, unknown>,
  status: { failed: boolean } = { failed: false },
): ExpressionData {
  const lexed = new Lexer(expr).lex();
  const parsed = new Parser(lexed.tokens, CONTEXTS, STATUS_FUNCS).parse();
  const dict = new data.Dictionary();
  for (const [k, v] of Object.entries(contexts)) dict.add(k, toData(v));
  const funcs = new Map(
    [
      ["success", () => !status.failed],
      ["failure", () => status.failed],
      ["always", () => true],
      ["cancelled", () => false],
    ].map(([name, fn]) => [
      name as string,
      {
        name: name as string,
        minArgs: 0,
        maxArgs: 0,
        call: () => new data.BooleanData((fn as () => boolean)()),
      },
    ]),
  );
  return new Evaluator(parsed, dict, funcs).evaluate();
}

/** Evaluates `${{ }}` segments of a YAML scalar; a scalar that is one expression keeps its type. */
export function evaluateTemplate(
  value: Json | undefined,
  contexts: Record<string, unknown>,
  status?: { failed: boolean },
): string {
  if (value === undefined || value === null) return "";
  if (typeof value !== "string") return typeof value === "object" ? JSON.stringify(value) : String(value);
  return value.replace(/\$\{\{([\s\S]*?)\}\}/g, (_m, expr: string) =>
    evaluateExpression(expr.trim(), contexts, status).coerceString(),
  );
}

export function evaluateCondition(
  cond: string | boolean | undefined,
  contexts: Record<string, unknown>,
  status: { failed: boolean },
): boolean {
  if (cond === undefined || cond === "") return !status.failed;
  if (typeof cond === "boolean") return cond && !status.failed;
  const expr = cond
    .trim()
    .replace(/^\$\{\{([\s\S]*)\}\}$/, "$1")
    .trim();
  const hasStatus = /\b(success|failure|always|cancelled)\s*\(/.test(expr);
  const full = hasStatus ? expr : `success() && (${expr})`;
  return truthy(evaluateExpression(full, contexts, status));
}

export function truthy(d: ExpressionData): boolean {
  switch (d.kind) {
    case data.Kind.Null:
      return false;
    case data.Kind.Boolean:
      return (d as data.BooleanData).value;
    case data.Kind.Number:
      return (d as data.NumberData).value !== 0;
    case data.Kind.String:
      return (d as data.StringData).value !== "";
    default:
      return true;
  }
}
