import { InputError } from "./errors.js";

/** Pure validators shared by every action's input helper and the CLI's flag parsing. */

export function requireValue(input: string, raw: string | undefined): string {
  const v = (raw ?? "").trim();
  if (!v) throw new InputError(input, "is required");
  return v;
}

export function parseInteger(input: string, raw: string, min: number, max: number): number {
  const text = raw.trim();
  if (!/^-?\d+$/.test(text))
    throw new InputError(input, `must be a whole number from ${min} to ${max}; got '${raw}'`);
  const n = Number(text);
  if (n < min || n > max) throw new InputError(input, `must be from ${min} to ${max}; got ${n}`);
  return n;
}

export function parseBoolean(input: string, raw: string, fallback: boolean): boolean {
  const text = raw.trim().toLowerCase();
  if (text === "") return fallback;
  if (["true", "yes", "1", "on"].includes(text)) return true;
  if (["false", "no", "0", "off"].includes(text)) return false;
  throw new InputError(input, `must be true or false; got '${raw}'`);
}

export function parseChoice<T extends string>(
  input: string,
  raw: string,
  choices: readonly T[],
  fallback?: T,
): T {
  const text = raw.trim();
  if (text === "" && fallback !== undefined) return fallback;
  if ((choices as readonly string[]).includes(text)) return text as T;
  throw new InputError(input, `must be one of ${choices.join(", ")}; got '${raw}'`);
}

/** An http(s) URL. The error never echoes userinfo (it may hold a password). */
export function parseHttpUrl(input: string, raw: string): URL {
  const text = raw.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InputError(input, `must be an http:// or https:// URL; got '${redactUrl(text)}'`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new InputError(
      input,
      `must be an http:// or https:// URL; got scheme '${url.protocol.replace(/:$/, "")}'`,
    );
  }
  return url;
}

/** A URL safe to print: userinfo removed, query string values removed. */
export function redactUrl(raw: string | URL): string {
  try {
    const url = new URL(String(raw));
    url.username = "";
    url.password = "";
    for (const key of [...url.searchParams.keys()]) url.searchParams.set(key, "***");
    return url.toString();
  } catch {
    return String(raw).replace(/\/\/[^/@\s]*@/, "//");
  }
}

/** Comma- or newline-separated list, trimmed, empties dropped. */
export function parseList(raw: string): string[] {
  return raw
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Multi-line `Name: value` headers. */
export function parseHeaders(input: string, raw: string): Record<string, string> {
  const headers: Record<string, string> = {};
  const lines = raw.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const idx = line.indexOf(":");
    if (idx <= 0) throw new InputError(input, `line ${i + 1} must look like 'Name: value' (no colon found)`);
    const name = line.slice(0, idx).trim();
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
      throw new InputError(input, `line ${i + 1} has an invalid header name`);
    }
    headers[name] = line.slice(idx + 1).trim();
  });
  return headers;
}

/** Heroku app names: lowercase letters, digits and dashes, 3–30 characters, starting with a letter. */
export function parseHerokuApp(input: string, raw: string): string {
  const app = requireValue(input, raw);
  if (!/^[a-z][a-z0-9-]{2,29}$/.test(app)) {
    throw new InputError(
      input,
      `must be a Heroku app name (3-30 lowercase letters, digits and dashes, starting with a letter); got '${app}'`,
    );
  }
  return app;
}

/** A full or abbreviated git SHA. */
export function parseSha(input: string, raw: string): string {
  const sha = raw.trim();
  if (!/^[0-9a-f]{7,40}$/i.test(sha)) throw new InputError(input, `must be a git commit SHA; got '${raw}'`);
  return sha.toLowerCase();
}
