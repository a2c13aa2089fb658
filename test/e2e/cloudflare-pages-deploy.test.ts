import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CloudflareApiFake } from "../../src/sandbox/cloudflare-api.js";
import { canary, expectNoCanary } from "../support/canary.js";
import { type ActionResult, runAction } from "../support/run-action.js";

const ACCOUNT = "0123456789abcdef0123456789abcdef";
const sha = (n: number) => n.toString(16).padStart(40, "e");

function write(root: string, name: string, content: string | Buffer): void {
  mkdirSync(dirname(join(root, name)), { recursive: true });
  writeFileSync(join(root, name), content);
}

describe("cloudflare-pages-deploy action (dist bundle under Node 24)", () => {
  const token = canary("cf-pages-token");
  const api = new CloudflareApiFake({ apiToken: token });
  const workspace = mkdtempSync(join(tmpdir(), "prodgate-pages-deploy-"));
  const runs: ActionResult[] = [];
  let seeded: string;

  const deploy = async (inputs: Record<string, string>, apiToken = token) => {
    const r = await runAction("cloudflare-pages-deploy", {
      inputs: { "api-token": apiToken, "account-id": ACCOUNT, project: "docs", directory: "site", ...inputs },
      env: { CLOUDFLARE_API_URL: api.url, GITHUB_SHA: sha(9) },
      cwd: workspace,
    });
    runs.push(r);
    return r;
  };
  const changes = () => api.server.requests.filter((q) => q.method !== "GET").length;

  beforeAll(async () => {
    await api.start();
    api.addProject(ACCOUNT, "docs", { productionBranch: "main" });
    seeded = api.addDeployment(ACCOUNT, "docs", { commitHash: sha(1), triggerType: "ad_hoc" }).id;
    const site = join(workspace, "site");
    write(site, "index.html", "<h1>Docs</h1>");
    write(site, "guide/index.html", "<h1>Guide</h1>");
    write(site, "assets/app.js", "console.log('docs')");
    write(site, "_headers", "/*\n  X-Frame-Options: DENY\n");
  });
  afterAll(async () => {
    await api.stop();
    rmSync(workspace, { recursive: true, force: true });
    expectNoCanary([token], Object.fromEntries(runs.map((r, i) => [`run${i}`, r])));
  });

  it("deploys the directory to production, uploads its files and says what served before", async () => {
    const r = await deploy({ "commit-hash": sha(2) });
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.masks).toContain(token);
    const project = api.projects.get(`${ACCOUNT}/docs`)!;
    const now = api.canonicalOf(project)!;
    expect(r.outputs).toEqual({
      "deployment-id": now.id,
      url: now.url,
      "previous-deployment-id": seeded,
      environment: "production",
      "uploaded-files": "3",
    });
    expect(now.deployment_trigger.metadata).toMatchObject({ branch: "main", commit_hash: sha(2) });
    expect(Object.keys(api.pages.created.get(now.id)!.manifest).sort()).toEqual([
      "/assets/app.js",
      "/guide/index.html",
      "/index.html",
    ]);
    expect(api.pages.created.get(now.id)!.headers).toBe("/*\n  X-Frame-Options: DENY\n");
    // The upload token is a credential too: masked before use.
    const jwt = String(
      api.server.requestsTo("POST", "/client/v4/pages/assets/upload")[0]!.headers.authorization,
    ).slice(7);
    expect(r.masks).toContain(jwt);
    expect(r.log).toContain("Uploading 3 new files");
    expect(r.summary).toContain("### ✅ Cloudflare Pages: docs deployed to production (docs.pages.dev)");
    expect(r.summary).toContain(`To undo, roll back to \`${seeded}\``);
  });

  it("re-deploys an unchanged directory without uploading anything; GITHUB_SHA is the default commit", async () => {
    const uploads = api.pages.stats.uploadRequests;
    const before = api.canonicalOf(api.projects.get(`${ACCOUNT}/docs`)!)!.id;
    const r = await deploy({});
    expect(r.errors).toEqual([]);
    expect(r.outputs["uploaded-files"]).toBe("0");
    expect(r.outputs["previous-deployment-id"]).toBe(before);
    expect(api.pages.stats.uploadRequests).toBe(uploads);
    expect(r.log).toContain("All 3 files are already on Cloudflare; nothing to upload");
    const now = api.canonicalOf(api.projects.get(`${ACCOUNT}/docs`)!)!;
    expect(now.id).toBe(r.outputs["deployment-id"]);
    expect(now.deployment_trigger.metadata.commit_hash).toBe(sha(9));
  });

  it("uploads only the changed file", async () => {
    write(join(workspace, "site"), "assets/app.js", "console.log('docs v2')");
    const files = api.pages.stats.uploadedFiles;
    const r = await deploy({ "commit-hash": sha(3) });
    expect(r.outputs["uploaded-files"]).toBe("1");
    expect(api.pages.stats.uploadedFiles).toBe(files + 1);
  });

  it("a branch other than the production branch makes a preview deployment and leaves production alone", async () => {
    const serving = api.canonicalOf(api.projects.get(`${ACCOUNT}/docs`)!)!.id;
    const r = await deploy({ branch: "feature/new-nav", "commit-hash": sha(4) });
    expect(r.errors).toEqual([]);
    expect(r.outputs).toMatchObject({ environment: "preview", "previous-deployment-id": "" });
    expect(api.canonicalOf(api.projects.get(`${ACCOUNT}/docs`)!)!.id).toBe(serving);
    expect(r.summary).toContain("deployed to preview branch feature/new-nav");
  });

  it("refuses a file over 25 MiB before anything is uploaded or created", async () => {
    const dir = join(workspace, "big");
    write(dir, "index.html", "<h1>x</h1>");
    write(dir, "video/intro.mp4", "");
    truncateSync(join(dir, "video/intro.mp4"), 25 * 1024 * 1024 + 1);
    const before = changes();
    const r = await deploy({ directory: "big", "commit-hash": sha(5) });
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([
      "video/intro.mp4 is 26,214,401 bytes: Cloudflare Pages serves files up to 25 MiB (26,214,400 bytes). Split it, compress it, or serve it from R2.",
    ]);
    expect(changes()).toBe(before);
    expect(r.summary).toContain("### ❌ Cloudflare Pages deploy of docs failed");
  });

  it("refuses a directory over the file count the upload token allows", async () => {
    api.pages.maxFileCount = 2;
    try {
      const before = changes();
      const r = await deploy({ "commit-hash": sha(6) });
      expect(r.code).toBe(1);
      expect(r.errors[0]).toMatch(/site holds 3 files: Cloudflare Pages takes up to 2 in one deployment/);
      expect(changes()).toBe(before);
    } finally {
      api.pages.maxFileCount = 20_000;
    }
  });

  it("fails when the deployment's stages fail, and production keeps serving what it served", async () => {
    const serving = api.canonicalOf(api.projects.get(`${ACCOUNT}/docs`)!)!.id;
    api.pages.failNextAt = "deploy";
    try {
      const r = await deploy({ "commit-hash": sha(7) });
      expect(r.code).toBe(1);
      expect(r.errors[0]).toMatch(
        new RegExp(`failed at deploy \\(failure\\); production still serves ${serving}`),
      );
      expect(api.canonicalOf(api.projects.get(`${ACCOUNT}/docs`)!)!.id).toBe(serving);
    } finally {
      api.pages.failNextAt = undefined;
    }
  });

  it("waits for stages still running, and retries an upload Cloudflare answered 503", async () => {
    write(join(workspace, "site"), "assets/app.js", "console.log('docs v3')");
    api.pages.pendingReads = 2;
    api.server.flap("POST", "/client/v4/pages/assets/upload", 1, { kind: "status", status: 503 });
    try {
      const r = await deploy({ "commit-hash": sha(8) });
      expect(r.errors).toEqual([]);
      expect(r.warnings.some((w) => w.includes("/pages/assets/upload answered 503; retry 1"))).toBe(true);
      expect(api.canonicalOf(api.projects.get(`${ACCOUNT}/docs`)!)!.id).toBe(r.outputs["deployment-id"]);
    } finally {
      api.pages.pendingReads = 0;
      api.server.clearFaults();
    }
  });

  it("fetches a new upload token when Cloudflare refuses the one it has", async () => {
    write(join(workspace, "site"), "assets/app.js", "console.log('docs v4')");
    const tokens = api.server.requestsTo(
      "GET",
      "/client/v4/accounts/:a/pages/projects/docs/upload-token",
    ).length;
    const uploadsBefore = api.server.requestsTo("POST", "/client/v4/pages/assets/upload").length;
    api.server.flap("POST", "/client/v4/pages/assets/upload", 1, {
      kind: "status",
      status: 401,
      body: {
        success: false,
        errors: [{ code: 8000013, message: "Authorization failed" }],
        messages: [],
        result: null,
      },
    });
    try {
      const r = await deploy({ "commit-hash": sha(11) });
      expect(r.errors).toEqual([]);
      expect(r.log).toContain("Cloudflare refused the upload token; fetching a new one");
      expect(
        api.server.requestsTo("GET", "/client/v4/accounts/:a/pages/projects/docs/upload-token").length,
      ).toBe(tokens + 2);
      const jwts = new Set(
        api.server
          .requestsTo("POST", "/client/v4/pages/assets/upload")
          .slice(uploadsBefore)
          .map((q) => String(q.headers.authorization)),
      );
      expect(jwts.size).toBe(2);
      for (const j of jwts) expect(r.masks).toContain(j.slice(7));
    } finally {
      api.server.clearFaults();
    }
  });

  it("a create whose answer was lost is found, not made twice", async () => {
    const project = api.projects.get(`${ACCOUNT}/docs`)!;
    const count = project.deployments.length;
    api.pages.dropAnswers.create = 1;
    const r = await deploy({ "commit-hash": sha(12) });
    expect(r.errors).toEqual([]);
    expect(project.deployments.length).toBe(count + 1);
    expect(r.warnings.some((w) => w.startsWith("Creating the deployment got no clear answer"))).toBe(true);
    expect(r.log).toContain(`The deployment was created after all: ${r.outputs["deployment-id"]}`);
    expect(api.canonicalOf(project)!.deployment_trigger.metadata.commit_hash).toBe(sha(12));
  });

  it.each([
    [{ "api-token": "" }, "Input 'api-token' is required"],
    [
      { "account-id": "acme" },
      "Input 'account-id' must be a Cloudflare account ID (32 hex digits); got 'acme'",
    ],
    [
      { project: "Docs Site" },
      "Input 'project' must be a Pages project name (lowercase letters, digits and dashes); got 'Docs Site'",
    ],
    [{ directory: "" }, "Input 'directory' is required"],
    [{ "commit-hash": "main" }, "Input 'commit-hash' must be a full commit SHA (40 hex digits); got 'main'"],
    [{ branch: "--force" }, "Input 'branch' must be a git branch name; got '--force'"],
  ])("refuses bad input %j before calling Cloudflare", async (inputs, message) => {
    const before = api.server.requests.length;
    const r = await deploy(
      inputs as Record<string, string>,
      (inputs as Record<string, string>)["api-token"] ?? token,
    );
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([message]);
    expect(api.server.requests.length).toBe(before);
  });

  it("says when the directory is missing, and when the token is refused", async () => {
    const missing = await deploy({ directory: "dist", "commit-hash": sha(10) });
    expect(missing.errors[0]).toMatch(/dist does not exist: build the site first, or fix 'directory'/);
    const wrong = canary("wrong-cf-token");
    const refused = await deploy({ "commit-hash": sha(10) }, wrong);
    expect(refused.code).toBe(1);
    expect(refused.errors[0]).toMatch(/Cloudflare answered 403 .*Authentication error \(code 10000\)/);
    expectNoCanary([wrong], { refused });
  });
});
