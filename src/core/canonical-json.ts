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
const ANY_SURROGATE = /[\uD800-\uDFFF]/;

/** Nothing to escape and no surrogate: the string stands between quotes as it is. */
const PLAIN = /^[^"\\\u0000-\u001f\uD800-\uDFFF]*$/;

function str(value: string): string {
  if (PLAIN.test(value)) return `"${value}"`;
  // Only strings with a surrogate need the (slower) pairing check.
  if (ANY_SURROGATE.test(value) && LONE_SURROGATE.test(value)) {
    throw new CanonicalJsonError("a string is not well-formed Unicode (a lone surrogate)");
  }
  return JSON.stringify(value);
}

function serialise(value: unknown, depth: number): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "boolean":
      return value ? "true" : "false";
    case "number":
      if (!Number.isFinite(value)) throw new CanonicalJsonError(`${value} has no JSON form`);
      // Number::toString, with -0 written as 0 (RFC 8785 §3.2.2.3).
      return Object.is(value, -0) ? "0" : String(value);
    case "string":
      return str(value);
    case "object":
      break;
    default:
      throw new CanonicalJsonError(`a ${typeof value} has no JSON form`);
  }
  if (depth > 1000) throw new CanonicalJsonError("the value nests too deep (or refers to itself)");
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) out += (i ? "," : "") + serialise(value[i], depth + 1);
    return `${out}]`;
  }
  if (value instanceof Date) throw new CanonicalJsonError("a Date must be written as a string first");
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).sort();
  let out = "{";
  let first = true;
  for (const k of keys) {
    const v = obj[k];
    if (v === undefined) continue;
    out += `${first ? "" : ","}${str(k)}:${serialise(v, depth + 1)}`;
    first = false;
  }
  return `${out}}`;
}

/**
 * The RFC 8785 canonical form of `value`. Object members whose value is `undefined` are left out (as
 * JSON.stringify leaves them out); anything else without a JSON form throws a CanonicalJsonError.
 */
export function canonicalJson(value: unknown): string {
  return serialise(value, 0);
}
