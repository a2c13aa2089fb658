import { describe, expect, it } from "vitest";
import {
  type DeploymentLike,
  deploymentState,
  fileTooLarge,
  PAGES_BUCKET_BYTES,
  PAGES_BUCKET_FILES,
  type PagesAsset,
  pagesHealthUrl,
  pagesIgnored,
  pagesManifest,
  pagesRollbackHint,
  parseAccountId,
  parseDeploymentRef,
  parsePagesProject,
  previousProductionDeployment,
  productionDomain,
  rollbackRefusal,
  tooManyFiles,
  uploadBuckets,
  uploadTokenClaims,
} from "../../src/core/pages.js";
import { hashAsset } from "../../src/vendors/pages-files.js";

const asset = (name: string, size = 10, hash = name.padEnd(32, "0").slice(0, 32)): PagesAsset => ({
  name,
  hash,
  sizeInBytes: size,
  contentType: "text/plain",
});

function deployment(id: string, at: string, over: Partial<DeploymentLike> = {}): DeploymentLike {
  return {
    id,
    environment: "production",
    url: `https://${id}.x.pages.dev`,
    created_on: at,
    latest_stage: { name: "deploy", status: "success" },
    ...over,
  };
}

describe("Pages assets", () => {
  it("hashes as wrangler does (values read back from `wrangler pages deploy` against the fake)", () => {
    expect(hashAsset(Buffer.from("<h1>hi</h1>"), "index.html")).toBe("e5e943f01929441dfbb0d4956a759fda");
    expect(hashAsset(Buffer.from("console.log(1)"), "a/app.js")).toBe("57368e4cf530bde37181ac2df88342ba");
    // The extension is part of the hash: the same bytes under another extension are another asset.
    expect(hashAsset(Buffer.from("<h1>hi</h1>"), "index.htm")).not.toBe("e5e943f01929441dfbb0d4956a759fda");
  });

  it.each([
    ["_headers", true],
    ["_redirects", true],
    ["_routes.json", true],
    ["_worker.js", true],
    ["functions", true],
    [".wrangler", true],
    ["docs/_headers", false],
    ["docs/functions", false],
    [".DS_Store", true],
    ["a/b/.DS_Store", true],
    ["node_modules", true],
    ["a/node_modules", true],
    [".git", true],
    ["sub/.git", true],
    [".well-known/.git", false],
    [".x/node_modules", false],
    [".well-known", false],
    ["index.html", false],
    ["node_modules.html", false],
  ])("ignores %j: %j", (path, ignored) => {
    expect(pagesIgnored(path)).toBe(ignored);
  });

  it("builds the manifest in name order with a leading slash", () => {
    expect(Object.entries(pagesManifest([asset("b.css"), asset("a/index.html"), asset("a.js")]))).toEqual([
      ["/a.js", "a.js".padEnd(32, "0")],
      ["/a/index.html", "a/index.html".padEnd(32, "0")],
      ["/b.css", "b.css".padEnd(32, "0")],
    ]);
  });

  it("packs uploads as wrangler does: largest first, round-robin over 3 buckets, within bytes and files", () => {
    const files = [asset("a", 5), asset("b", 50), asset("c", 20), asset("d", 1)];
    expect(uploadBuckets(files).map((b) => b.map((f) => f.name))).toEqual([["b", "d"], ["c"], ["a"]]);
    const many = Array.from({ length: 3 * PAGES_BUCKET_FILES + 5 }, (_, i) => asset(`f${i}`, 1));
    const buckets = uploadBuckets(many);
    expect(buckets.every((b) => b.length <= PAGES_BUCKET_FILES)).toBe(true);
    expect(buckets.flat()).toHaveLength(many.length);
    const big = [
      asset("x", PAGES_BUCKET_BYTES - 10),
      asset("y", PAGES_BUCKET_BYTES - 10),
      asset("z", PAGES_BUCKET_BYTES - 10),
      asset("w", 20),
    ];
    const packed = uploadBuckets(big);
    expect(packed).toHaveLength(4);
    expect(packed.every((b) => b.reduce((n, f) => n + f.sizeInBytes, 0) <= PAGES_BUCKET_BYTES)).toBe(true);
    expect(uploadBuckets([])).toEqual([]);
  });

  it("reads the upload token's claims, defaulting the file limit to 20,000", () => {
    const jwt = (claims: unknown) => `e30.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.sig`;
    expect(uploadTokenClaims(jwt({ exp: 1_800_000_000, max_file_count_allowed: 100_000 }))).toEqual({
      expiresAt: new Date(1_800_000_000_000),
      maxFileCount: 100_000,
    });
    expect(uploadTokenClaims(jwt({})).maxFileCount).toBe(20_000);
    expect(() => uploadTokenClaims("not.a-jwt!.x")).toThrow(
      "Cloudflare sent an upload token that is not a JWT",
    );
  });

  it("says what is over a limit and what to do", () => {
    expect(fileTooLarge("video/intro.mp4", 26 * 1024 * 1024).message).toBe(
      "video/intro.mp4 is 27,262,976 bytes: Cloudflare Pages serves files up to 25 MiB (26,214,400 bytes). Split it, compress it, or serve it from R2.",
    );
    expect(tooManyFiles(20_001, 20_000, "dist").message).toBe(
      "dist holds 20,001 files: Cloudflare Pages takes up to 20,000 in one deployment on this plan. Check that 'directory' is the build output.",
    );
  });
});

describe("Pages deployments", () => {
  it("reads stages: success only when deploy succeeded, failure when any stage failed", () => {
    expect(deploymentState(deployment("a", "1"))).toBe("success");
    expect(deploymentState(deployment("a", "1", { latest_stage: { name: "build", status: "active" } }))).toBe(
      "pending",
    );
    expect(
      deploymentState(deployment("a", "1", { latest_stage: { name: "build", status: "failure" } })),
    ).toBe("failure");
    expect(
      deploymentState(deployment("a", "1", { latest_stage: { name: "queued", status: "canceled" } })),
    ).toBe("failure");
  });

  it("picks the newest successful production deployment older than the one serving", () => {
    const list = [
      deployment("d5", "2026-01-05"),
      deployment("d4", "2026-01-04", { environment: "preview" }),
      deployment("d3", "2026-01-03", { latest_stage: { name: "build", status: "failure" } }),
      deployment("d2", "2026-01-02"),
      deployment("d1", "2026-01-01"),
    ];
    expect(previousProductionDeployment(list, list[0]!)?.id).toBe("d2");
    expect(previousProductionDeployment(list, list[3]!)?.id).toBe("d1");
    expect(previousProductionDeployment(list, list[4]!)).toBeUndefined();
    expect(rollbackRefusal(list[1]!)).toBe(
      "it is a preview deployment (only production deployments can be rolled back to)",
    );
    expect(rollbackRefusal(list[2]!)).toBe("it did not finish successfully (build (failure))");
    expect(rollbackRefusal(list[3]!)).toBeUndefined();
  });

  it("checks inputs and names the input", () => {
    expect(parseDeploymentRef("deployment", "")).toBeUndefined();
    expect(parseDeploymentRef("deployment", " 9DA04B1F ")).toBe("9da04b1f");
    expect(parseDeploymentRef("deployment", "9da04b1f-87e6-482d-a11f-a150914f8104")).toBe(
      "9da04b1f-87e6-482d-a11f-a150914f8104",
    );
    expect(() => parseDeploymentRef("deployment", "latest")).toThrow(
      "Input 'deployment' must be a Pages deployment id (a UUID or its first 8 characters); got 'latest'",
    );
    expect(parsePagesProject("project", "my-site")).toBe("my-site");
    expect(() => parsePagesProject("project", "My Site")).toThrow(
      "Input 'project' must be a Pages project name",
    );
    expect(() => parsePagesProject("project", "")).toThrow(
      "Input 'project' is required (the Pages project name)",
    );
    expect(parseAccountId("account-id", "0123456789ABCDEF0123456789abcdef")).toBe(
      "0123456789abcdef0123456789abcdef",
    );
    expect(() => parseAccountId("account-id", "acme")).toThrow(
      "Input 'account-id' must be a Cloudflare account ID (32 hex digits); got 'acme'",
    );
  });
});

describe("Pages surface helpers", () => {
  it("finds the production domain, the health URL and the rollback hint", () => {
    expect(
      productionDomain({ domains: ["docs.pages.dev", "docs.raxx.app"], subdomain: "docs.pages.dev" }),
    ).toBe("docs.raxx.app");
    expect(pagesHealthUrl({ domains: [], subdomain: "docs.pages.dev" })).toBe(
      "https://docs.pages.dev/health",
    );
    const prev = deployment("9da04b1f-87e6-482d-a11f-a150914f8104", "2026-01-01", {
      deployment_trigger: { metadata: { commit_hash: "abcdef0123456789abcdef0123456789abcdef01" } },
    });
    expect(pagesRollbackHint("docs", prev)).toBe(
      "Roll docs back to 9da04b1f-87e6-482d-a11f-a150914f8104 (abcdef0): cloudflare-pages-rollback with `deployment: 9da04b1f-87e6-482d-a11f-a150914f8104`, or `prodgate rollback --surface cloudflare-pages --app docs`.",
    );
    expect(pagesRollbackHint("docs", undefined)).toMatch(/nothing to roll back to/);
  });
});
