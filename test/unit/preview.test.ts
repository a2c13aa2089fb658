import { describe, expect, it } from "vitest";
import {
  classifyPreview,
  firstLine,
  largestFiles,
  type Preview,
  type PreviewCommit,
  previewLogLines,
  previewOutputs,
  renderPreviewMarkdown,
  sameSha,
  statusSentence,
  stickyKey,
  targetBanner,
} from "../../src/core/preview.js";
import { fitComment, stickyMarker } from "../../src/vendors/github.js";

const sha = (n: number) => n.toString(16).padStart(40, "a");

function commit(n: number, message = `Change ${n}`): PreviewCommit {
  return {
    sha: sha(n),
    url: `https://github.com/acme/shop/commit/${sha(n)}`,
    author: "alice",
    authorUrl: "https://github.com/alice",
    message,
    date: "2026-01-02T03:04:05Z",
  };
}

function preview(over: Partial<Preview> = {}): Preview {
  return {
    repository: "acme/shop",
    serverUrl: "https://github.com",
    app: "shop-prod",
    environment: "production",
    production: true,
    from: {
      sha: sha(1),
      source: "heroku",
      release: "release v41",
      url: "https://github.com/acme/shop/commit/x",
    },
    to: { sha: sha(9), ref: "main", url: "https://github.com/acme/shop/commit/y" },
    status: "ahead",
    ahead: 3,
    behind: 0,
    commitCount: 3,
    commits: [commit(9), commit(8), commit(7)],
    removed: [],
    files: [
      { filename: "src/a.ts", status: "modified", additions: 10, deletions: 2, changes: 12 },
      { filename: "src/b.ts", status: "added", additions: 100, deletions: 0, changes: 100 },
    ],
    filesDirection: "ship",
    compareUrl: "https://github.com/acme/shop/compare/a...b",
    generatedAt: "2026-01-02T03:04:05.678Z",
    runUrl: "https://github.com/acme/shop/actions/runs/1",
    ...over,
  };
}

const bytes = (s: string) => Buffer.byteLength(s, "utf8");

describe("classifyPreview", () => {
  it.each([
    [undefined, sha(2), "ahead", "first-deploy"],
    [sha(2), sha(2), "ahead", "identical"],
    [sha(2).slice(0, 7), sha(2), undefined, "identical"],
    [sha(1), sha(2), "ahead", "ahead"],
    [sha(1), sha(2), "behind", "behind"],
    [sha(1), sha(2), "diverged", "diverged"],
    [sha(1), sha(2), "unknown", "unknown"],
    [sha(1), sha(2), undefined, "unknown"],
  ] as const)("from %s to %s with compare %s → %s", (from, to, cmp, expected) => {
    expect(classifyPreview(from, to, cmp)).toBe(expected);
  });

  it("compares SHAs by prefix only from 7 characters", () => {
    expect(sameSha("abcdef1", "abcdef1234")).toBe(true);
    expect(sameSha("abc", "abcdef1234")).toBe(false);
    expect(sameSha("ABCDEF12", "abcdef12")).toBe(true);
  });
});

describe("outputs, banner and sentences", () => {
  it("gives every output the action declares", () => {
    expect(previewOutputs(preview({ status: "behind", ahead: 0, behind: 4, commitCount: 0 }))).toEqual({
      "from-sha": sha(1),
      "previewed-from": sha(1),
      "to-sha": sha(9),
      status: "behind",
      "commit-count": 0,
      ahead: 0,
      behind: 4,
      "is-rollback": true,
      "first-deploy": false,
    });
    expect(previewOutputs(preview({ status: "first-deploy", from: undefined }))).toMatchObject({
      "from-sha": "",
      "previewed-from": "none",
      "first-deploy": true,
      "is-rollback": false,
    });
    expect(
      previewOutputs(preview({ status: "first-deploy", from: undefined, liveKnown: false })),
    ).toMatchObject({
      "previewed-from": "",
    });
  });

  it("names the environment and app, production standing out", () => {
    expect(targetBanner("production", "shop-prod")).toBe("TARGET: PRODUCTION · shop-prod");
    expect(renderPreviewMarkdown(preview())).toMatch(/^## 🔴 TARGET: PRODUCTION · shop-prod$/m);
    // Production is what production-environments says, never a guess from the name.
    expect(renderPreviewMarkdown(preview({ environment: "prod-eu", production: false }))).toMatch(
      /^## 🟡 TARGET: PROD-EU · shop-prod$/m,
    );
    expect(renderPreviewMarkdown(preview({ environment: "live", production: true }))).toMatch(
      /^## 🔴 TARGET: LIVE · shop-prod$/m,
    );
    expect(renderPreviewMarkdown(preview({ environment: "staging", production: false }))).toMatch(
      /^## 🟡 TARGET: STAGING · shop-prod$/m,
    );
  });

  it("says each status plainly", () => {
    expect(statusSentence(preview())).toBe("3 commits will ship to shop-prod (production).");
    expect(statusSentence(preview({ status: "identical" }))).toMatch(
      /^Nothing to ship: shop-prod \(production\) already runs aaaaaaa/,
    );
    expect(statusSentence(preview({ status: "behind", behind: 1 }))).toMatch(
      /^ROLLBACK: the target is 1 commit BEHIND/,
    );
    expect(statusSentence(preview({ status: "diverged", ahead: 2, behind: 5 }))).toMatch(
      /^DIVERGED: .* 2 commits ship and 5 live commits disappear/,
    );
    expect(statusSentence(preview({ status: "unknown", note: "No common ancestor" }))).toMatch(
      /^UNKNOWN: .* is not in acme\/shop \(No common ancestor\)/,
    );
    expect(statusSentence(preview({ status: "first-deploy", from: undefined, commitCount: 1234 }))).toMatch(
      /^First deploy: nothing is live on shop-prod \(production\) yet; 1,234 commits/,
    );
  });

  it("keys the sticky comment by app and environment, and the marker cannot be broken out of", () => {
    expect(stickyKey("shop-prod", "production")).toBe("shop-prod@production");
    expect(stickyKey(undefined, "staging")).toBe("-@staging");
    expect(stickyMarker("a --> <b>")).toBe("<!-- prodgate:sticky a_-___b_ -->");
  });

  it("logs a bounded plain-text preview", () => {
    const many = Array.from({ length: 50 }, (_, i) => commit(100 - i));
    const lines = previewLogLines(preview({ commits: many, commitCount: 3000, ahead: 3000 }));
    expect(lines[0]).toBe("TARGET: PRODUCTION · shop-prod");
    expect(lines[1]).toBe("aaaaaaa (live, release v41) → aaaaaaa (main)");
    expect(lines.length).toBe(3 + 20 + 1);
    expect(lines.at(-1)).toBe("  … and 2,980 more");
  });
});

describe("renderPreviewMarkdown", () => {
  it("shows from → to with links, the status, the commit table and the largest files", () => {
    const md = renderPreviewMarkdown(preview());
    expect(md).toContain(
      "**From** [`aaaaaaa`](https://github.com/acme/shop/commit/x) (live, release v41) → **to** [`aaaaaaa`](https://github.com/acme/shop/commit/y) (`main`)",
    );
    expect(md).toContain("### Commits that ship (3)");
    expect(md).toContain(
      `| [\`${sha(9).slice(0, 7)}\`](https://github.com/acme/shop/commit/${sha(9)}) | [alice](https://github.com/alice) | Change 9 | 2026-01-02 03:04 |`,
    );
    expect(md).toContain("### Changed files: 2, +110 −2");
    expect(md.indexOf("src/b.ts")).toBeLessThan(md.indexOf("src/a.ts"));
    expect(md).toContain(
      "generated 2026-01-02T03:04:05Z · [workflow run](https://github.com/acme/shop/actions/runs/1)",
    );
  });

  it("warns loudly for a rollback and lists what it removes", () => {
    const md = renderPreviewMarkdown(
      preview({
        status: "behind",
        ahead: 0,
        behind: 2,
        commitCount: 0,
        commits: [],
        removed: [commit(5), commit(4)],
        filesDirection: "revert",
      }),
    );
    expect(md).toMatch(/> \[!CAUTION\]\n> \*\*ROLLBACK: the target is 2 commits BEHIND/);
    expect(md).toContain("### Commits live now that this deploy removes (2)");
    expect(md).toContain("### Files the rollback changes back: 2");
    expect(md).not.toContain("### Commits that ship");
  });

  it("notes nothing to ship, an unknown live SHA and a first deploy", () => {
    expect(
      renderPreviewMarkdown(
        preview({ status: "identical", commits: [], files: [], ahead: 0, commitCount: 0 }),
      ),
    ).toMatch(/> \[!NOTE\]\n> Nothing to ship/);
    expect(
      renderPreviewMarkdown(preview({ status: "unknown", commits: [], files: [], compareUrl: undefined })),
    ).toMatch(/> \[!WARNING\]\n> \*\*UNKNOWN/);
    const first = renderPreviewMarkdown(
      preview({ status: "first-deploy", from: undefined, commitCount: 10, compareUrl: undefined }),
    );
    expect(first).toContain("**From** _nothing live yet_");
    expect(first).toContain("### Commits that ship (newest first) (10)");
    expect(first).toContain("_…and 7 more commits._");
  });

  it("escapes commit text: no table breakage, no HTML, no @mention pings, no fake sticky marker", () => {
    const evil = commit(3, "Fix | <!-- prodgate:sticky x@y --> @octocat #12 `x` *b*\nsecond line");
    const md = renderPreviewMarkdown(preview({ commits: [evil] }));
    const row = md.split("\n").find((l) => l.includes("Fix"))!;
    expect(row).toContain("Fix \\| \\<!-- prodgate:sticky x@\u2060y --\\>");
    expect(row).toContain("@\u2060octocat #\u206012 \\`x\\` \\*b\\*");
    expect(row).not.toContain("second line");
    expect(md).not.toMatch(/(^|[^\\])<!-- prodgate/m);
    expect(row.split(" | ").length).toBe(4);
  });

  it("keeps only the first line of a message, cut at 72 characters", () => {
    expect(firstLine(`${"x".repeat(100)}\nmore`)).toBe(`${"x".repeat(71)}…`);
    expect(firstLine("  subject  \r\nbody")).toBe("subject");
  });

  it("stays under 64 KiB for 250 long commits and 300 long file names, counts intact", () => {
    const long = "ü".repeat(300);
    const commits = Array.from({ length: 250 }, (_, i) => ({
      ...commit(10_000 - i, `${long} ${i}`),
      author: "a".repeat(80),
    }));
    const files = Array.from({ length: 300 }, (_, i) => ({
      filename: `src/${"deep/".repeat(60)}${i}.ts`,
      status: "modified",
      additions: i,
      deletions: 1,
      changes: i + 1,
    }));
    const p = preview({
      commits,
      files,
      ahead: 5000,
      commitCount: 5000,
      removed: commits,
      behind: 3000,
      status: "diverged",
    });
    for (const variant of ["summary", "comment"] as const) {
      const md = renderPreviewMarkdown(p, { variant });
      expect(bytes(md)).toBeLessThanOrEqual(60_000);
      const heading = variant === "summary" ? "### " : "<details><summary>";
      expect(md).toContain(`${heading}Commits that ship (5,000)`);
      expect(md).toContain(`${heading}Commits live now that this deploy removes (3,000)`);
      const shown = (md.match(/^\| \[`/gm) ?? []).length;
      const more = [...md.matchAll(/_…and ([\d,]+) more commits/g)].map((m) =>
        Number(m[1]!.replace(/,/g, "")),
      );
      expect(shown + more.reduce((a, b) => a + b, 0)).toBe(8000);
      expect(md).toContain("### Changed files: 300 (GitHub lists at most 300 files), +44,850 −300");
    }
    const tight = renderPreviewMarkdown(p, { maxBytes: 4000, before: "BEFORE", after: "AFTER" });
    expect(bytes(tight)).toBeLessThanOrEqual(4000);
    expect(tight.startsWith("BEFORE")).toBe(true);
  });

  it("folds a long commit table in a comment", () => {
    const commits = Array.from({ length: 30 }, (_, i) => commit(500 - i));
    const md = renderPreviewMarkdown(preview({ commits, commitCount: 30, ahead: 30 }), {
      variant: "comment",
    });
    expect(md).toContain("<details><summary>Commits that ship (30)</summary>");
    expect(renderPreviewMarkdown(preview({ commits, commitCount: 30, ahead: 30 }))).not.toContain(
      "<details>",
    );
  });

  it("sorts files by changed lines, ties by name", () => {
    const f = (filename: string, changes: number) => ({
      filename,
      status: "modified",
      additions: changes,
      deletions: 0,
      changes,
    });
    expect(largestFiles([f("b", 1), f("a", 1), f("c", 9)], 2).map((x) => x.filename)).toEqual(["c", "a"]);
  });

  it("cuts a comment body to GitHub's limit at a line break", () => {
    const body = `${"line\n".repeat(20_000)}`;
    const fitted = fitComment(body);
    expect(fitted.length).toBeLessThanOrEqual(65_536);
    expect(fitted).toMatch(/line\n\n_…cut to fit GitHub's comment size limit._$/);
    expect(fitComment("short")).toBe("short");
  });
});
