import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * The layout DESIGN.md sets, read off the import statements of src/: a file's directory says what it may
 * touch. core is pure and imports only core; vendors touch one outside system each and import only core and
 * other vendors; store and pipelines import no face; the CLI is a face over pipelines and never imports an
 * action module (nor @actions/*, which would carry the runner's toolkit into the break-glass binary).
 */

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), "../../src");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

/** Every module a file imports (static, dynamic and type-only), local ones as paths relative to src/. */
function importsOf(file: string): string[] {
  return importsIn(file, readFileSync(file, "utf8"));
}

function importsIn(file: string, text: string): string[] {
  const specs = [
    ...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"/gms),
    ...text.matchAll(/import\(\s*"([^"]+)"\s*\)/g),
  ].map((m) => m[1] as string);
  return specs.map((s) => (s.startsWith(".") ? relative(SRC, resolve(dirname(file), s)) : s));
}

function layer(path: string): string {
  return path.split("/")[0] ?? path;
}

const files = sources(SRC).map((f) => ({ path: relative(SRC, f), imports: importsOf(f) }));

describe("layout", () => {
  it("finds the source tree and reads imports of every kind", () => {
    expect(files.length).toBeGreaterThan(50);
    const main = files.find((f) => f.path === "cli/main.ts");
    expect(main?.imports.some((i) => i.startsWith("cli/commands/"))).toBe(true);
  });

  it("core imports nothing but core and node's pure helpers", () => {
    const bad = files
      .filter((f) => layer(f.path) === "core")
      .flatMap((f) =>
        f.imports
          .filter(
            (i) =>
              !(
                i.startsWith("core/") ||
                i === "node:crypto" ||
                i === "node:path" ||
                i === "yaml" ||
                i.startsWith("types/")
              ),
          )
          .map((i) => `${f.path} -> ${i}`),
      );
    expect(bad).toEqual([]);
  });

  it("vendors import nothing above them: only core, other vendors and packages", () => {
    const bad = files
      .filter((f) => layer(f.path) === "vendors")
      .flatMap((f) =>
        f.imports
          .filter((i) => ["pipelines", "actions", "cli", "store", "sandbox"].includes(layer(i)))
          .map((i) => `${f.path} -> ${i}`),
      );
    expect(bad).toEqual([]);
  });

  it("the rule reads an import however it is written", () => {
    const probe = (text: string) => importsIn(join(SRC, "vendors/example.ts"), text).map(layer);
    expect(probe('import type { Clock } from "../pipelines/ports.js";')).toEqual(["pipelines"]);
    expect(probe('export { y } from "../cli/main.js";')).toEqual(["cli"]);
    expect(probe('const m = await import("../store/db.js");')).toEqual(["store"]);
    expect(probe('import {\n  a,\n  b,\n} from "../actions/runtime.js";')).toEqual(["actions"]);
    expect(probe('import { z } from "./http.js";')).toEqual(["vendors"]);
  });

  it("the CLI never imports an action module or the runner's toolkit", () => {
    const bad = files
      .filter((f) => layer(f.path) === "cli")
      .flatMap((f) =>
        f.imports
          .filter((i) => i.startsWith("actions/") || i.startsWith("@actions/"))
          .map((i) => `${f.path} -> ${i}`),
      );
    expect(bad).toEqual([]);
  });

  it("store and pipelines import no face (action or CLI)", () => {
    const bad = files
      .filter((f) => layer(f.path) === "store" || layer(f.path) === "pipelines")
      .flatMap((f) =>
        f.imports
          .filter((i) => i.startsWith("actions/") || i.startsWith("cli/"))
          .map((i) => `${f.path} -> ${i}`),
      );
    expect(bad).toEqual([]);
  });
});
