import { describe, expect, it } from "vitest";
import {
  buildLines,
  classifyPushFailure,
  codeVersion,
  currentRelease,
  type HerokuRelease,
  nothingToRollBackTo,
  parseGitRef,
  parseReleaseRef,
  previousRelease,
  renderDeploySummary,
  renderRollbackSummary,
  rollbackRefusal,
} from "../../src/core/heroku.js";

function release(version: number, extra: Partial<HerokuRelease> = {}): HerokuRelease {
  return {
    id: `00000000-0000-4000-8000-${String(version).padStart(12, "0")}`,
    version,
    description: `Deploy v${version}`,
    status: "succeeded",
    current: false,
    slug: { id: `slug-${version}` },
    app: { id: "app-id", name: "shop-prod" },
    user: { id: "u", email: "dev@example.com" },
    created_at: "2026-01-01T00:00:00Z",
    updated_at: "2026-01-01T00:00:00Z",
    eligible_for_rollback: true,
    ...extra,
  };
}

describe("parseReleaseRef", () => {
  it.each([
    ["", { kind: "previous" }],
    ["  ", { kind: "previous" }],
    ["previous", { kind: "previous" }],
    ["v41", { kind: "version", version: 41 }],
    ["V41", { kind: "version", version: 41 }],
    ["41", { kind: "version", version: 41 }],
    ["01234567-89AB-4cde-8f01-23456789abcd", { kind: "id", id: "01234567-89ab-4cde-8f01-23456789abcd" }],
  ])("%j → %j", (raw, ref) => {
    expect(parseReleaseRef("release", raw)).toEqual(ref);
  });

  it.each(["latest-ish", "v", "v-1", "4.1", "v0", "0", "01234567-89ab"])(
    "rejects %j naming the input",
    (raw) => {
      expect(() => parseReleaseRef("release", raw)).toThrow(/^Input 'release' must be a release version/);
    },
  );
});

describe("current and previous release", () => {
  const v1 = release(1, { description: "Initial release", slug: null });
  it("the current release is the one Heroku marks current, else the newest that succeeded", () => {
    const releases = [v1, release(2), release(3, { current: true }), release(4, { status: "failed" })];
    expect(currentRelease(releases)?.version).toBe(3);
    expect(currentRelease([v1, release(2), release(3, { status: "failed" })])?.version).toBe(2);
  });

  it("a plain rollback goes to the newest older release that succeeded, is eligible and has code", () => {
    const current = release(7, { current: true });
    const releases = [
      current,
      release(6, { status: "failed" }),
      release(5, { eligible_for_rollback: false }),
      release(4),
      release(3),
      v1,
    ];
    expect(previousRelease(releases, current)?.version).toBe(4);
  });

  it("after a rollback, a plain rollback goes one step further back, not forward again", () => {
    const releases = [
      release(9, { description: "Rollback to v7", current: true }),
      release(8, { description: "Rollback to v6" }),
      release(7, { description: "Rollback to v5" }),
      release(6),
      release(5),
      release(4),
      v1,
    ];
    expect(codeVersion(releases, releases[0]!)).toBe(5);
    expect(previousRelease(releases, releases[0]!)?.version).toBe(4);
    expect(codeVersion(releases, release(6))).toBe(6);
  });

  it("an app whose only older release has no slug has nothing to roll back to", () => {
    const current = release(2, { current: true });
    expect(previousRelease([current, v1], current)).toBeUndefined();
    expect(nothingToRollBackTo("shop-prod", v1, 1)).toBe(
      "Nothing to roll back to: shop-prod has a single release (v1). Deploy a fixed commit instead, or name a release with the 'release' input.",
    );
    expect(nothingToRollBackTo("shop-prod", current, 2)).toMatch(/no release before v2 with code/);
  });

  it("explains why a release cannot be rolled back to", () => {
    expect(rollbackRefusal(release(3, { status: "failed" }))).toMatch(/v3 failed/);
    expect(rollbackRefusal(release(3, { eligible_for_rollback: false }))).toMatch(/no longer eligible/);
    expect(rollbackRefusal(release(3))).toBeUndefined();
  });
});

describe("git push output", () => {
  it.each([
    [[" ! [rejected]        abc -> main (non-fast-forward)"], "non-fast-forward"],
    [["!\tabc:refs/heads/main\t[rejected] (fetch first)"], "non-fast-forward"],
    [["remote:  !     Push rejected, failed to compile Node.js app."], "rejected-build"],
    [[" ! [remote rejected] abc -> main (pre-receive hook declined)"], "rejected-build"],
    [[" ! [remote rejected] abc -> main (shallow update not allowed)"], "shallow"],
    [["fatal: could not read Username for 'https://git.heroku.com': terminal prompts disabled"], "auth"],
    [["fatal: Authentication failed for 'https://git.heroku.com/x.git/'"], "auth"],
    [["fatal: repository 'https://git.heroku.com/x.git/' not found"], "not-found"],
    [
      ["fatal: unable to access 'https://git.heroku.com/x.git/': Failed to connect to git.heroku.com"],
      "unreachable",
    ],
    [["something else"], "other"],
  ])("%j is %s", (lines, kind) => {
    expect(classifyPushFailure(lines)).toBe(kind);
  });

  it("keeps the last build lines without git's own chatter", () => {
    const lines = [
      "remote: Building source:",
      "remote: ",
      "remote: -----> Node.js app detected        ",
      "remote:  !     Push rejected, failed to compile Node.js app.",
      "To https://git.heroku.com/shop.git",
      " ! [remote rejected] abc -> main (pre-receive hook declined)",
    ];
    expect(buildLines(lines)).toEqual([
      "Building source:",
      "-----> Node.js app detected",
      " !     Push rejected, failed to compile Node.js app.",
    ]);
    expect(buildLines(lines, 1)).toEqual([" !     Push rejected, failed to compile Node.js app."]);
  });
});

describe("summaries", () => {
  it("a rollback summary shows what was current and what is now", () => {
    const md = renderRollbackSummary({
      app: "shop-prod",
      before: { release: release(9, { description: "Deploy 9f8e7d6c" }), commit: "9f8e7d6c5b4a" },
      target: { release: release(8, { description: "Deploy 1a2b|3c4d" }), commit: "1a2b3c4d5e6f" },
      after: { release: release(10, { description: "Rollback to v8" }), commit: "1a2b3c4d5e6f" },
      durationMs: 1234,
    });
    expect(md).toContain("rolled back to v8");
    expect(md).toContain("| Was current | **v9** · `9f8e7d6` · Deploy 9f8e7d6c |");
    expect(md).toContain("| Rolled back to | **v8** · `1a2b3c4` · Deploy 1a2b\\|3c4d |");
    expect(md).toContain("| Now current | **v10** · `1a2b3c4` · Rollback to v8 |");
    expect(md).toContain("Done in 1.23 s.");
    expect(md).toContain("`release: v9`");
  });

  it("a deploy summary names the verified commit and the way back", () => {
    const md = renderDeploySummary({
      app: "shop-prod",
      method: "git",
      sha: "abcdef0123456789abcdef0123456789abcdef01",
      before: { release: release(4), commit: "1111111aaaa" },
      after: { release: release(5), commit: "abcdef0123456789abcdef0123456789abcdef01" },
      webUrl: "https://shop.example/",
    });
    expect(md).toContain("shop-prod now runs `abcdef0` (v5)");
    expect(md).toContain("| Before | **v4** · `1111111`");
    expect(md).toContain("(verified against the release's slug)");
    expect(md).toContain("`release: v4`");
    expect(
      renderDeploySummary({ app: "a", method: "build", sha: "abc1234", after: { release: release(2) } }),
    ).toContain("_no release with code_");
  });
});

describe("parseGitRef", () => {
  it.each(["main", "v1.2.3", "refs/tags/v1", "abc1234", "release/2026-01", "HEAD~1"])("accepts %j", (ref) => {
    expect(parseGitRef("ref", ref)).toBe(ref);
  });
  it.each(["--upload-pack=touch /tmp/x", "-f", "a b", "main..dev", "$(id)"])("rejects %j", (ref) => {
    expect(() => parseGitRef("ref", ref)).toThrow(/^Input 'ref' must be a commit SHA, branch or tag name/);
  });
});
