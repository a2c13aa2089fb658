import { existsSync, readFileSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { extname, join, relative, resolve, sep } from "node:path";
import blake3 from "blake3-wasm";
import { lookup } from "mime-types";
import {
  fileTooLarge,
  PAGES_MAX_FILE_BYTES,
  PAGES_MAX_FILES,
  type PagesAsset,
  PagesLimitError,
  pagesIgnored,
  tooManyFiles,
} from "../core/pages.js";

/**
 * The build directory a Pages deployment ships, read the way wrangler reads it (`wrangler pages deploy`):
 * every file not on wrangler's ignore list, symbolic links followed, each hashed as wrangler hashes it so
 * that a file wrangler (or an earlier deploy) uploaded is recognised and never uploaded again.
 */

/** An asset with the path to read it from. */
export interface LocalAsset extends PagesAsset {
  path: string;
}

/**
 * Wrangler's asset hash (src/pages/hash.ts): BLAKE3 of the file's base64 text followed by its extension
 * without the dot, the first 32 hex digits.
 */
export function hashAsset(content: Buffer, fileName: string): string {
  const extension = extname(fileName).substring(1);
  return blake3
    .hash(content.toString("base64") + extension)
    .toString("hex")
    .slice(0, 32);
}

export function contentTypeOf(name: string): string {
  return lookup(name) || "application/octet-stream";
}

/** Refuses a build directory that is missing or not a directory, before anything is sent anywhere. */
export async function checkBuildDirectory(directory: string, label = directory): Promise<void> {
  let st: Awaited<ReturnType<typeof stat>>;
  try {
    st = await stat(resolve(directory));
  } catch {
    throw new PagesLimitError(`${label} does not exist: build the site first, or fix 'directory'`);
  }
  if (!st.isDirectory()) throw new PagesLimitError(`${label} is not a directory`);
}

/** Reads a build directory: its assets (name order), refusing a file over 25 MiB or more than `maxFiles` files. */
export async function readBuildDirectory(
  directory: string,
  opts: { maxFiles?: number; label?: string } = {},
): Promise<LocalAsset[]> {
  const root = resolve(directory);
  const label = opts.label ?? directory;
  const maxFiles = opts.maxFiles ?? PAGES_MAX_FILES;
  await checkBuildDirectory(root, label);
  const found: { name: string; path: string; size: number }[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir);
    for (const entry of entries.sort()) {
      const path = join(dir, entry);
      const name = relative(root, path).split(sep).join("/");
      if (pagesIgnored(name)) continue;
      const st = await stat(path); // follows symbolic links, as wrangler does
      if (st.isDirectory()) await walk(path);
      else if (st.isFile()) {
        if (st.size > PAGES_MAX_FILE_BYTES) throw fileTooLarge(name, st.size);
        found.push({ name, path, size: st.size });
      }
    }
  };
  await walk(root);
  if (found.length > maxFiles) throw tooManyFiles(found.length, maxFiles, label);
  const assets: LocalAsset[] = [];
  for (const f of found)
    assets.push({
      name: f.name,
      path: f.path,
      sizeInBytes: f.size,
      contentType: contentTypeOf(f.name),
      hash: hashAsset(await readFile(f.path), f.name),
    });
  return assets.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Reads an asset's bytes as base64 for the upload request. */
export async function assetBase64(asset: LocalAsset): Promise<string> {
  return (await readFile(asset.path)).toString("base64");
}

/** Whether the directory holds `_worker.js` (Pages Functions in advanced mode, which must be bundled first). */
export function hasWorkerScript(directory: string): boolean {
  return existsSync(join(directory, "_worker.js"));
}

/** The directory's `_headers` and `_redirects`, which a deployment takes as files beside the manifest. */
export function readConfigFiles(directory: string): { headers?: string; redirects?: string } {
  const read = (name: string) => {
    const path = join(directory, name);
    return existsSync(path) ? readFileSync(path, "utf8") : undefined;
  };
  const headers = read("_headers");
  const redirects = read("_redirects");
  return {
    ...(headers !== undefined ? { headers } : {}),
    ...(redirects !== undefined ? { redirects } : {}),
  };
}
