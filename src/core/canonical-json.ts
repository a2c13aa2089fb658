/**
 * The JSON Canonicalization Scheme of RFC 8785 (JCS): the one serialisation of a JSON value that the audit
 * chain hashes and signs. No npm package for it is part of this project's dependencies, so it lives here;
 * test/unit/canonical-json.test.ts runs it over the RFC's own examples.
 *
 * RFC 8785 builds on ECMAScript's JSON.stringify: strings are escaped exactly as JSON.stringify escapes them
 * (RFC 8785 §3.2.2.2), numbers are written as ECMAScript's Number::toString writes an IEEE 754 double
 * (§3.2.2.3), and object members are sorted by their names compared as arrays of UTF-16 code units
 * (§3.2.3), which is what Array.prototype.sort does with strings. What RFC 8785 refuses is refused here:
 * numbers that are not finite, and strings that are not well-formed Unicode (lone surrogates; I-JSON, RFC
 * 7493). Values JSON has no form for (undefined, functions, symbols, bigints) are refused rather than
 * dropped, so that a value never hashes as something else.
 */

export class CanonicalJsonError extends Error {
  override name = "CanonicalJsonError";
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function str(value: string, path: string): string {
  if (LONE_SURROGATE.test(value))
    throw new CanonicalJsonError(`${path}: a string is not well-formed Unicode`);
  return JSON.stringify(value);
}

function serialise(value: unknown, path: string, seen: Set<object>): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "boolean":
      return value ? "true" : "false";
    case "number":
      if (!Number.isFinite(value)) throw new CanonicalJsonError(`${path}: ${value} has no JSON form`);
      // Number::toString, with -0 written as 0 (RFC 8785 §3.2.2.3).
      return Object.is(value, -0) ? "0" : String(value);
    case "string":
      return str(value, path);
    case "object":
      break;
    default:
      throw new CanonicalJsonError(`${path}: a ${typeof value} has no JSON form`);
  }
  const obj = value as object;
  if (seen.has(obj)) throw new CanonicalJsonError(`${path}: the value refers to itself`);
  seen.add(obj);
  try {
    if (Array.isArray(obj)) {
      return `[${obj.map((v, i) => serialise(v, `${path}[${i}]`, seen)).join(",")}]`;
    }
    if (obj instanceof Date)
      throw new CanonicalJsonError(`${path}: a Date must be written as a string first`);
    const entries = Object.entries(obj).filter(([, v]) => v !== undefined);
    const keys = entries.map(([k]) => k).sort();
    const map = new Map(entries);
    return `{${keys.map((k) => `${str(k, path)}:${serialise(map.get(k), `${path}.${k}`, seen)}`).join(",")}}`;
  } finally {
    seen.delete(obj);
  }
}

/**
 * The RFC 8785 canonical form of `value`. Object members whose value is `undefined` are left out (as
 * JSON.stringify leaves them out); anything else without a JSON form throws a CanonicalJsonError.
 */
export function canonicalJson(value: unknown): string {
  return serialise(value, "$", new Set());
}
