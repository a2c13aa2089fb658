import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect } from "../../src/store/db.js";
import { expectNoCanary } from "../support/canary.js";
import { freshDatabase } from "../support/db.js";
import { runAction, runCli } from "../support/run-action.js";
import { SweepWorld } from "../support/status-sweep-world.js";

/**
 * The console through its public faces: the status-sweep bundle with `console-dir` (a failing surface inside
 * a maintenance window opens no incident, and the console says "maintenance"), the rotation-sweep bundle
 * contributing the secrets, and `prodgate console build` from the CLI bundle.
 */
describe("console from the status-sweep and rotation-sweep bundles and `prodgate console build`", () => {
  const world = new SweepWorld();
  const workspace = mkdtempSync(join(tmpdir(), "prodgate-console-e2e-"));
  let db: Awaited<ReturnType<typeof freshDatabase>>;

  /** The registry; `window` puts shop in a maintenance window [start, end). */
  const registry = (window?: { start: number; end: number }) => {
    const block = window
      ? `\n    maintenance:\n      - { start: ${new Date(window.start).toISOString()}, end: ${new Date(window.end).toISOString()}, reason: schema migration }`
      : "";
    return `surfaces:
  - id: api
    hostname: api.example.com
    provider: http
    health: { url: "${world.sites.url}/ok" }
  - id: shop
    hostname: shop.example.com
    provider: http
    health: { url: "${world.sites.url}/e2e-shop" }${block}
`;
  };
  const env = () => ({ ...world.env, GITHUB_REPOSITORY: "acme/shop" });
  const sweep = (inputs: Record<string, string> = {}) =>
    runAction("status-sweep", {
      cwd: workspace,
      env: env(),
      inputs: {
        registry: "surfaces.yml",
        "database-url": db.url,
        "github-token": world.tokens.github,
        "console-dir": "console",
        "expected-interval": "5m",
        ...inputs,
      },
    });
  const files = (dir: string) => readdirSync(dir, { recursive: true, encoding: "utf8" }).sort();
  const read = (...p: string[]) => readFileSync(join(workspace, ...p), "utf8");

  beforeAll(async () => {
    await world.start();
    db = await freshDatabase("console_e2e");
  });
  afterAll(async () => {
    await db?.drop();
    await world.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  it("builds the console after each sweep; a failing surface in maintenance opens no incident", async () => {
    world.health.set("e2e-shop", 503);
    const start = Date.now() - 3_600_000;
    writeFileSync(join(workspace, "surfaces.yml"), registry({ start, end: Date.now() + 3_600_000 }));
    const r = await sweep();
    expect(r.stderr).toBe("");
    expect(r.code, r.log).toBe(0);
    expect(r.outputs["console-dir"]).toBe(join(workspace, "console"));
    expect(world.github.repo("acme/shop").issues).toHaveLength(0);
    expect(files(join(workspace, "console"))).toEqual(
      expect.arrayContaining([
        "index.html",
        "metrics.html",
        "feed.xml",
        "console.css",
        join("sites", "shop.html"),
        join("badges", "shop.svg"),
        join("api", "status", "sites.json"),
        join("api", "status", "sites", "shop.json"),
        join("api", "status", "builds.json"),
        join("api", "metrics.json"),
      ]),
    );
    expect(existsSync(join(workspace, "console", "secrets.html"))).toBe(false);
    const index = read("console", "index.html");
    expect(index).toMatch(/data-surface="shop" data-state="maintenance"/);
    expect(index).toContain("schema migration");
    const shop = JSON.parse(read("console", "api", "status", "sites", "shop.json"));
    expect(shop.site.status).toBe("down");
    expect(shop.site.maintenance.reason).toBe("schema migration");
    expect(shop.incidents).toEqual([]);
    expect(shop.uptime[0]).toMatchObject({ ok: 0, failed: 0, maintenance_polls: 1 });

    // The window ends: the same failure now opens an incident issue, and the console joins it to the incident.
    writeFileSync(join(workspace, "surfaces.yml"), registry({ start, end: Date.now() }));
    const again = await sweep();
    expect(again.code, again.log).toBe(0);
    const issues = world.github.repo("acme/shop").issues;
    expect(issues).toHaveLength(1);
    const after = JSON.parse(read("console", "api", "status", "sites", "shop.json"));
    expect(after.incidents).toHaveLength(1);
    expect(after.incidents[0]).toMatchObject({
      open: true,
      failing_polls: 1,
      issue: { number: issues[0]!.number },
    });
    expect(read("console", "index.html")).toMatch(/data-surface="shop" data-state="down"/);
    expectNoCanary(Object.values(world.tokens), {
      run: r,
      again,
      console: files(join(workspace, "console")).map((f) => (f.includes(".") ? read("console", f) : "")),
    });
  });

  it("takes the secrets from the rotation sweep, published only with --secrets, from `prodgate console build`", async () => {
    writeFileSync(
      join(workspace, "secrets.yml"),
      `secrets:
  - { name: SHOP_API_TOKEN, vendor: github, affected-sites: [shop], source: static, last-rotated-at: 2026-01-01, expires-at: 2099-01-01 }
`,
    );
    const rot = await runAction("rotation-sweep", {
      cwd: workspace,
      env: env(),
      inputs: { inventory: "secrets.yml", "database-url": db.url, issues: "false" },
    });
    expect(rot.code, rot.log).toBe(0);
    const password = new URL(db.url).password;
    const cliEnv = { PATH: process.env.PATH, HOME: workspace, DATABASE_URL: db.url };
    const built = await runCli(
      [
        "console",
        "build",
        "--registry",
        "surfaces.yml",
        "--out",
        "site",
        "--secrets",
        "--base-url",
        "https://status.acme.test/",
        "--title",
        "Shop status",
      ],
      { cwd: workspace, env: cliEnv, timeoutMs: 60_000 },
    );
    expect(built.status, built.stderr).toBe(0);
    expect(built.stderr).toMatch(/wrote \d+ files \(\d+ KB, pages \d+ KB\) for 2 surface\(s\)/);
    const secrets = JSON.parse(read("site", "api", "status", "secrets.json"));
    expect(secrets.secrets.map((s: { name: string; status: string }) => [s.name, s.status])).toEqual([
      ["SHOP_API_TOKEN", "stale"],
    ]);
    expect(read("site", "sites", "shop.html")).toContain("SHOP_API_TOKEN");
    expect(read("site", "feed.xml")).toContain('href="https://status.acme.test/sites/shop.html"');
    expect(read("site", "index.html")).toContain("<title>Shop status</title>");

    // Without --secrets, the same build publishes no name, and removes what an earlier build published.
    const quiet = await runCli(
      ["console", "build", "--registry", "surfaces.yml", "--out", "site", "--json"],
      {
        cwd: workspace,
        env: cliEnv,
        timeoutMs: 60_000,
      },
    );
    expect(quiet.status, quiet.stderr).toBe(0);
    expect(JSON.parse(quiet.stdout)).toMatchObject({ surfaces: 2, secrets_published: false });
    expect(existsSync(join(workspace, "site", "secrets.html"))).toBe(false);
    expect(existsSync(join(workspace, "site", "api", "status", "secrets.json"))).toBe(false);
    for (const f of files(join(workspace, "site")).filter((f) => /\.(html|json|xml|svg)$/.test(f)))
      expect(read("site", f), f).not.toContain("SHOP_API_TOKEN");
    if (password) expect(built.stdout + built.stderr + quiet.stdout + quiet.stderr).not.toContain(password);
  });

  it("refuses bad input, naming it", async () => {
    const cliEnv = { PATH: process.env.PATH, HOME: workspace, DATABASE_URL: db.url };
    const bad = await runCli(
      ["console", "build", "--registry", "surfaces.yml", "--out", "x", "--interval", "10x"],
      {
        cwd: workspace,
        env: cliEnv,
      },
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--interval");
    const noDb = await runCli(["console", "build", "--registry", "surfaces.yml", "--out", "x"], {
      cwd: workspace,
      env: { PATH: process.env.PATH, HOME: workspace },
    });
    expect(noDb.status).toBe(2);
    expect(noDb.stderr).toContain("DATABASE_URL is not set");
    const noFile = await runCli(["console", "build", "--registry", "nope.yml", "--out", "x"], {
      cwd: workspace,
      env: cliEnv,
    });
    expect(noFile.status).toBe(2);
    expect(noFile.stderr).toContain("registry");
    expect(existsSync(join(workspace, "x"))).toBe(false);
    const client = await connect(db.url);
    const tables = await client.query("SELECT count(*)::int AS n FROM prodgate_console_daily");
    await client.end();
    expect(tables.rows[0].n).toBeGreaterThan(0);
  });
});
