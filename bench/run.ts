// Runs every benchmark under bench/ (or those named on the command line) and prints ratios against the
// baseline measured in the same run. `npm run bench` / `npm run bench -- cold-start`.
import { readdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();

for (const file of files) {
  console.log(`\n## ${basename(file, ".bench.ts")}`);
  const mod = (await import(join(here, file))) as { default: () => Promise<void> };
  await mod.default();
}
