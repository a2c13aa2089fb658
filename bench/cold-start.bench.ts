// Cold start of each action bundle (an input that fails fast) against bare `node -e ''`, under Node 24,
// and each bundle's size. Aim: every bundle under 1 MB, cold start under 2× bare Node.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { node24 } from "../test/support/node24.js";
import { repoRoot } from "../test/support/run-action.js";
import { fmt, median, ratio, table, timeCommand } from "./lib.js";

export default async function coldStart(): Promise<void> {
  const node = node24();
  const runs = 15;
  const env = { PATH: process.env.PATH, RUNNER_TEMP: "/tmp" } as NodeJS.ProcessEnv; // no inputs: fails fast
  const bare = median(timeCommand(node, ["-e", ""], runs));
  const rows = [];
  for (const name of readdirSync(join(repoRoot, "dist")).sort()) {
    const bundle = join(repoRoot, "dist", name, "index.js");
    if (name === "cli") continue;
    const t = median(timeCommand(node, [bundle], runs, env));
    rows.push({
      bundle: name,
      size: `${(statSync(bundle).size / 1024).toFixed(0)} KiB`,
      "cold start": fmt(t),
      "vs node -e ''": ratio(t, bare),
    });
  }
  console.log(
    `bare node -e '': ${fmt(bare)} (median of ${runs}, Node ${process.versions.node === "" ? "?" : "24"})`,
  );
  table(rows);
}
