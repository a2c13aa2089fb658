import { describe, expect, it } from "vitest";
import {
  affectedProjects,
  matchesPaths,
  parseNoticeProjects,
  renderDeployNotice,
} from "../../src/core/deploy-notice.js";

describe("deploy-notice", () => {
  it.each([
    ["docs/a/b.md", ["docs/**"], true],
    ["docs", ["docs/**"], false],
    ["README.md", ["*.md"], true],
    ["sub/README.md", ["*.md"], false],
    ["sub/README.md", ["**/*.md"], true],
    ["docs/drafts/x.md", ["docs/**", "!docs/drafts/**"], false],
    ["/docs/x.md", ["docs/**"], true],
    [".github/workflows/x.yml", [".github/**"], true],
  ])("%j matches %j: %j", (path, globs, hit) => {
    expect(matchesPaths(path, globs)).toBe(hit);
  });

  it("counts a renamed file by its old path too, and keeps the input's order of projects", () => {
    const projects = parseNoticeProjects(
      "projects",
      "- {project: site, domain: raxx.app, paths: [site/**]}\n- {project: docs, domain: docs.raxx.app, paths: docs/**}\n",
    );
    const affected = affectedProjects(
      [
        { filename: "docs/a.md" },
        { filename: "archive/old.html", previous_filename: "site/old.html" },
        { filename: "src/x.ts" },
      ],
      projects,
    );
    expect(affected.map((a) => [a.project, a.files])).toEqual([
      ["site", ["archive/old.html"]],
      ["docs", ["docs/a.md"]],
    ]);
  });

  it("names at most ten files per project and keeps a pipe or backtick in a path from breaking the table", () => {
    const files = Array.from({ length: 12 }, (_, i) => `docs/p${i}.md`);
    const body = renderDeployNotice(
      [
        { project: "docs", domain: "docs.raxx.app", paths: ["docs/**"], files },
        { project: "odd", domain: "odd.raxx.app", paths: ["odd/**"], files: ["odd/a|b`c.md"] },
      ],
      { baseBranch: "main", truncated: true },
    );
    expect(body).toContain("| docs | docs.raxx.app | 12: `docs/p0.md`");
    expect(body).toContain("`docs/p9.md` and 2 more |");
    expect(body).toContain("| odd | odd.raxx.app | 1: `odd/a\\|b'c.md` |");
    expect(body).toContain("GitHub lists at most 3,000 changed files");
  });

  it("refuses paths that only exclude", () => {
    expect(() => parseNoticeProjects("projects", "- {project: d, domain: d.x, paths: ['!docs/**']}")).toThrow(
      "Input 'projects' entry 1 (d): paths only exclude; add a glob that includes",
    );
  });
});
