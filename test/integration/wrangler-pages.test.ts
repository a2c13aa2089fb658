import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pagesManifest } from "../../src/core/pages.js";
import { silentReporter } from "../../src/core/ports.js";
import { releaseToPages } from "../../src/pipelines/pages-release.js";
import { CloudflareApiFake } from "../../src/sandbox/cloudflare-api.js";
import { CloudflarePagesClient } from "../../src/vendors/cloudflare-pages.js";
import { contentTypeOf, readBuildDirectory } from "../../src/vendors/pages-files.js";
import { canary } from "../support/canary.js";
import { node24 } from "../support/node24.js";
import { collect, repoRoot } from "../support/run-action.js";

/**
 * The Pages Direct Upload fake against Cloudflare's own `wrangler pages deploy` (Node 24, pointed at the fake
 * with CLOUDFLARE_API_BASE_URL), and prodgate against wrangler: the same directory gives the same manifest,
 * and a file one of them uploaded is never uploaded again by the other.
 */

const ACCOUNT = "0123456789abcdef0123456789abcdef";
const SHA = (n: number) => n.toString(16).padStart(40, "c");

function write(root: string, name: string, content: string | Buffer): void {
  mkdirSync(dirname(join(root, name)), { recursive: true });
  writeFileSync(join(root, name), content);
}

describe("wrangler pages deploy against the Cloudflare fake", () => {
  const token = canary("cf-pages-token");
  const api = new CloudflareApiFake({ apiToken: token });
  const temp = mkdtempSync(join(tmpdir(), "prodgate-wrangler-"));
  const site = join(temp, "site");
  const home = join(temp, "home");
  const pages = () =>
    new CloudflarePagesClient({ apiToken: token, accountId: ACCOUNT, baseUrl: api.url, retries: 0 });

  /** Runs the real wrangler CLI; the fake answers from this process, so it is spawned, not run synchronously. */
  async function wrangler(args: string[]) {
    const child = spawn(node24(), [join(repoRoot, "node_modules/wrangler/bin/wrangler.js"), ...args], {
      cwd: temp,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        PATH: process.env.PATH,
        HOME: home,
        XDG_CONFIG_HOME: join(home, ".config"),
        CI: "true",
        CLOUDFLARE_API_BASE_URL: api.url,
        CLOUDFLARE_API_TOKEN: token,
        CLOUDFLARE_ACCOUNT_ID: ACCOUNT,
        WRANGLER_SEND_METRICS: "false",
        WRANGLER_SEND_ERROR_REPORTS: "false",
        WRANGLER_HIDE_BANNER: "true", // the banner checks npm for a newer version
        npm_config_registry: "http://127.0.0.1:9/",
      },
    });
    return collect(child, 90_000);
  }

  beforeAll(async () => {
    await api.start();
    api.addProject(ACCOUNT, "docs", { productionBranch: "main" });
    mkdirSync(home, { recursive: true });
    write(site, "index.html", "<!doctype html><h1>Docs</h1>\n");
    write(site, "about/index.html", "<h1>About</h1>");
    write(site, "assets/app.min.js", "console.log('app');\n");
    write(site, "assets/style.css", "body{margin:0}");
    write(site, "assets/IMG.PNG", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 255]));
    write(site, "assets/data.json", '{"a":1}');
    write(site, "fonts/inter.woff2", Buffer.alloc(3000, 7));
    write(site, "empty.txt", "");
    write(site, "LICENSE", "MIT");
    write(site, "café/ünïcode ñame.html", "<p>é</p>");
    write(site, ".well-known/security.txt", "Contact: mailto:sec@example.com");
    write(site, ".hidden", "dotfile");
    write(site, ".x/node_modules/kept.js", "// a ** does not cross a dot folder, so wrangler uploads this");
    write(site, "big.bin", Buffer.alloc(300_000, 1));
    symlinkSync(join(site, "LICENSE"), join(site, "LICENSE-link"));
    // Never assets: configuration files, Functions, wrangler's state, repository and OS clutter.
    write(site, "_headers", "/*\n  X-Frame-Options: DENY\n");
    write(site, "_redirects", "/old /new 301\n");
    write(site, "_routes.json", '{"version":1,"include":["/*"],"exclude":[]}');
    write(site, "functions/api.js", "export const onRequest = () => new Response('x')");
    write(site, ".wrangler/state.json", "{}");
    write(site, ".git/HEAD", "ref: refs/heads/main");
    write(site, ".DS_Store", "x");
    write(site, "assets/.DS_Store", "x");
    write(site, "node_modules/dep/index.js", "x");
    write(site, "assets/node_modules/dep.js", "x");
  });
  afterAll(async () => {
    await api.stop();
    rmSync(temp, { recursive: true, force: true });
  });

  it("wrangler deploys to the fake, and prodgate reads the same manifest from the same directory", async () => {
    const r = await wrangler([
      "pages",
      "deploy",
      site,
      "--project-name",
      "docs",
      "--branch",
      "main",
      "--commit-hash",
      SHA(1),
    ]);
    expect(r.stderr + r.stdout).toContain("Deployment complete!");
    expect(r.code).toBe(0);
    const created = [...api.pages.created.values()];
    expect(created).toHaveLength(1);
    const fromWrangler = created[0]!;
    expect(fromWrangler.form).toMatchObject({ branch: "main", commit_hash: SHA(1) });
    expect(fromWrangler.headers).toBe("/*\n  X-Frame-Options: DENY\n");
    expect(fromWrangler.redirects).toBe("/old /new 301\n");

    const ours = pagesManifest(await readBuildDirectory(site));
    expect(ours).toEqual(fromWrangler.manifest);
    expect(Object.keys(ours).sort()).toEqual([
      "/.hidden",
      "/.well-known/security.txt",
      "/.x/node_modules/kept.js",
      "/LICENSE",
      "/LICENSE-link",
      "/about/index.html",
      "/assets/IMG.PNG",
      "/assets/app.min.js",
      "/assets/data.json",
      "/assets/style.css",
      "/big.bin",
      "/café/ünïcode ñame.html",
      "/empty.txt",
      "/fonts/inter.woff2",
      "/index.html",
    ]);
    // Content types (not part of a hash) are wrangler's, except JavaScript: prodgate sends RFC 9239's
    // text/javascript where wrangler's older table says application/javascript.
    for (const a of await readBuildDirectory(site)) {
      const theirs = api.pages.assets.get(a.hash)?.contentType;
      const want = theirs === "application/javascript" ? "text/javascript" : theirs;
      expect([a.name, contentTypeOf(a.name)]).toEqual([a.name, want]);
    }
  }, 120_000);

  it("prodgate uploads nothing wrangler uploaded, and wrangler nothing prodgate uploaded", async () => {
    const before = { ...api.pages.stats };
    const first = await releaseToPages(
      { project: "docs", directory: site, commitHash: SHA(2) },
      { pages: pages(), reporter: silentReporter },
    );
    expect(first.uploaded).toEqual({ files: 0, bytes: 0, requests: 0 });
    expect(api.pages.stats.uploadedFiles).toBe(before.uploadedFiles);
    expect(api.pages.stats.uploadRequests).toBe(before.uploadRequests);
    expect(api.pages.created.get(first.deployment.id)?.manifest).toEqual(
      [...api.pages.created.values()][0]?.manifest,
    );

    write(site, "assets/style.css", "body{margin:1px}");
    const second = await releaseToPages(
      { project: "docs", directory: site, commitHash: SHA(3) },
      { pages: pages(), reporter: silentReporter },
    );
    expect(second.uploaded.files).toBe(1);
    expect(api.pages.stats.uploadedFiles).toBe(before.uploadedFiles + 1);

    const r = await wrangler([
      "pages",
      "deploy",
      site,
      "--project-name",
      "docs",
      "--branch",
      "main",
      "--commit-hash",
      SHA(4),
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Uploaded 0 files (15 already uploaded)");
    expect(api.pages.stats.uploadedFiles).toBe(before.uploadedFiles + 1);
    const last = [...api.pages.created.values()].at(-1)!;
    expect(last.manifest).toEqual(second.manifest);
  }, 120_000);

  it("wrangler sees a failed deployment as failed, with the logs the fake serves", async () => {
    api.pages.failNextAt = "deploy";
    try {
      const r = await wrangler([
        "pages",
        "deploy",
        site,
        "--project-name",
        "docs",
        "--branch",
        "main",
        "--commit-hash",
        SHA(5),
      ]);
      expect(r.code).not.toBe(0);
      expect(r.stdout + r.stderr).toContain("Deployment failed!");
      expect(r.stdout + r.stderr).toContain("the deploy stage failed");
    } finally {
      api.pages.failNextAt = undefined;
    }
  }, 120_000);
});
