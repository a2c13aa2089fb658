import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * The layering rules of DESIGN.md, read from the import statements themselves: src/core imports only core;
 * src/vendors/* import only core and other vendors (never pipelines, actions, cli, store or sandbox).
 */

const src = resolve(dirname(fileURLToPath(import.meta.url)), "../../src");

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

/** The top-level area (core, vendors, pipelines, ...) of every relative import of `file`, static or dynamic. */
function importedAreas(file: string, text = readFileSync(file, "utf8")): { spec: string; area: string }[] {
  const specs = [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*["']([^"']+)["']/g),
    ...text.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g),
  ].map((m) => m[1]!);
  return specs
    .filter((s) => s.startsWith("."))
    .map((spec) => {
      const target = relative(src, resolve(dirname(file), spec));
      return { spec, area: target.startsWith("..") ? "outside" : (target.split(/[\\/]/)[0] ?? "") };
    });
}

function violations(area: string, allowed: string[]): string[] {
  return tsFiles(join(src, area)).flatMap((file) =>
    importedAreas(file)
      .filter((i) => !allowed.includes(i.area))
      .map((i) => `${relative(src, file)} imports ${i.spec} (${i.area})`),
  );
}

describe("layout: each layer imports nothing above it", () => {
  it("src/vendors/* import nothing above them (only core and other vendors)", () => {
    expect(violations("vendors", ["core", "vendors"])).toEqual([]);
  });

  it("src/core imports only core", () => {
    expect(violations("core", ["core"])).toEqual([]);
  });

  it("the rule sees a vendor that reaches into pipelines, actions, cli or store", () => {
    const file = join(src, "vendors", "example.ts");
    for (const [line, area] of [
      ['import type { Clock } from "../pipelines/ports.js";', "pipelines"],
      ['import { x } from "../actions/runtime.js";', "actions"],
      ['export { y } from "../cli/main.js";', "cli"],
      ['const m = await import("../store/db.js");', "store"],
      ['import {\n  a,\n  b,\n} from "../pipelines/gate.js";', "pipelines"],
    ] as const)
      expect(importedAreas(file, line).map((i) => i.area)).toEqual([area]);
    expect(importedAreas(file, 'import { z } from "./http.js";').map((i) => i.area)).toEqual(["vendors"]);
  });
});
