import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PRODGATE_VERSION } from "../../src/core/version.js";
import { repoRoot } from "../support/run-action.js";

describe("PRODGATE_VERSION", () => {
  it("is package.json's version (user agents carry it)", () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { version: string };
    expect(PRODGATE_VERSION).toBe(pkg.version);
  });
});
