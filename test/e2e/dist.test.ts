import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readActionDefinition, repoRoot } from "../support/run-action.js";

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (entry === ".js") continue;
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...listFiles(full));
    else out.push(full);
  }
  return out;
}

describe("dist/ is what the sources build", () => {
  const out = mkdtempSync(join(tmpdir(), "prodgate-dist-"));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("a fresh build equals the committed dist/ byte for byte", { timeout: 300_000 }, () => {
    execFileSync(process.execPath, [join(repoRoot, "scripts/build.mjs"), "--out", out], {
      cwd: repoRoot,
      stdio: "pipe",
    });
    const fresh = listFiles(out)
      .map((f) => relative(out, f))
      .sort();
    const committed = listFiles(join(repoRoot, "dist"))
      .map((f) => relative(join(repoRoot, "dist"), f))
      .sort();
    expect(committed, "dist/ has other files than a fresh build: run npm run build").toEqual(fresh);
    const stale = fresh.filter(
      (f) => !readFileSync(join(out, f)).equals(readFileSync(join(repoRoot, "dist", f))),
    );
    expect(stale, "dist/ is stale: run npm run build and commit dist/").toEqual([]);
  });

  it("every action runs on node24 from its own bundle, with a license file", () => {
    for (const name of readdirSync(join(repoRoot, "actions"))) {
      const def = readActionDefinition(name);
      expect(def.runs.using).toBe("node24");
      expect(def.runs.main).toBe(`../../dist/${name}/index.js`);
      expect(statSync(join(repoRoot, "dist", name, "index.js")).size).toBeGreaterThan(0);
      expect(statSync(join(repoRoot, "dist", name, "licenses.txt")).size).toBeGreaterThan(0);
    }
  });

  it("every bundle file stays under 1 MB (1,000,000 bytes): what a runner loads before the first line runs", () => {
    const files = listFiles(join(repoRoot, "dist")).filter((f) => f.endsWith(".js"));
    expect(files.length).toBeGreaterThan(10);
    const big = files
      .map((f) => ({ file: relative(repoRoot, f), bytes: statSync(f).size }))
      .filter((f) => f.bytes >= 1_000_000);
    expect(big, "split the bundle: load the part only some runs need with import()").toEqual([]);
  });
});
