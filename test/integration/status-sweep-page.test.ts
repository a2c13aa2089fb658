import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type pg from "pg";
import { type BrowserContext, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runStatusSweep, writeSweepFiles } from "../../src/pipelines/status-sweep.js";
import { newPool } from "../../src/store/db.js";
import { insertPollRows, type PollRow } from "../../src/store/poll-log.js";
import { freshDatabase } from "../support/db.js";
import { StepClock, SweepWorld } from "../support/status-sweep-world.js";

/** Where a Chromium may be: CHROMIUM_PATH (or PRODGATE_CHROMIUM), then where Debian and Chrome install one. */
const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  process.env.PRODGATE_CHROMIUM,
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
].filter((p): p is string => Boolean(p));
const CHROMIUM = CANDIDATES.find((p) => existsSync(p));
const ON_CI = Boolean(process.env.CI) && !/^(0|false)$/i.test(process.env.CI ?? "");

// On a laptop without a browser the page test is skipped; on CI (.ci/run installs Debian's chromium) a missing
// browser is a failure, so that the page can never go untested there without anyone noticing.
describe.runIf(ON_CI && !CHROMIUM)("status page in headless Chromium (CI)", () => {
  it("finds a Chromium", () => {
    expect.fail(
      `no Chromium at ${CANDIDATES.join(", ")}: install Debian's chromium (as .ci/run does) or set CHROMIUM_PATH`,
    );
  });
});

/**
 * The status page in a real browser: headless Chromium loads the self-contained index.html that a sweep
 * wrote (24 hours of poll-log history, with a gap and failures), and every surface and its sparkline render.
 */
describe.skipIf(!CHROMIUM)("status page in headless Chromium", () => {
  const world = new SweepWorld();
  const dir = mkdtempSync(join(tmpdir(), "prodgate-page-"));
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let pool: pg.Pool;
  let browser: BrowserContext;
  let page = "";

  beforeAll(async () => {
    await world.start();
    db = await freshDatabase("page");
    pool = newPool(db.url);
    world.herokuApp("page-api");
    world.heroku.setDynos("page-api", ["up", "crashed"]);
    world.cloudflare.addDeployment(world.account, "page-www", { status: "success" });
    const s = world.sites.url;
    const registry = world.registry(`surfaces:
  - { id: api-prod, hostname: api.example.com, provider: heroku, heroku: { app: page-api }, health: { url: "${s}/ok" } }
  - { id: marketing, hostname: www.example.com, provider: cloudflare_pages,
      cloudflare_pages: { account-id: ${world.account}, project: page-www } }
  - { id: checkout, hostname: checkout.example.com, provider: http, health: { url: "${s}/down" } }
  - { id: docs, hostname: docs.example.com, provider: http, health: { url: "${s}/ok" } }
`);
    // 24 hours of history: api-prod every 5 minutes with a 2-hour gap (grey) and three failures (red);
    // checkout failing for its last hour (the same gap); docs never swept before (all grey but the last bar).
    const now = Date.now();
    const rows: PollRow[] = [];
    for (let i = 1; i < 288; i++) {
      const at = new Date(now - i * 300_000);
      if (i > 100 && i <= 124) continue;
      rows.push({
        surface_id: "api-prod",
        probe_ok: ![30, 31, 200].includes(i),
        latency_ms: 40 + ((i * 37) % 160),
        status_code: 200,
        vendor_call: "http_health",
        error_msg: null,
        polled_at: at,
      });
      rows.push({
        surface_id: "checkout",
        probe_ok: i > 12,
        latency_ms: 80,
        status_code: i > 12 ? 200 : 503,
        vendor_call: "http_health",
        error_msg: i > 12 ? null : "status 503, expected 200",
        polled_at: at,
      });
      rows.push({
        surface_id: "marketing",
        probe_ok: true,
        latency_ms: 120,
        status_code: 200,
        vendor_call: "cf_pages",
        error_msg: null,
        polled_at: at,
      });
    }
    await insertPollRows(pool, rows);
    const settings = world.settings({ pageTitle: "Acme status" });
    const result = await runStatusSweep(
      registry,
      settings,
      world.ports(settings, { db: pool, clock: new StepClock(now), issues: false }),
    );
    page = writeSweepFiles(result, { pageDir: join(dir, "site") }).page!;
    browser = await chromium.launchPersistentContext(join(dir, "profile"), {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
      viewport: { width: 1280, height: 720 },
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await pool?.end();
    await db?.drop();
    await world.stop();
    if (!process.env.PRODGATE_KEEP_SCREENSHOT) rmSync(dir, { recursive: true, force: true });
  });

  it("renders every surface with its state and a 24-hour sparkline, loading nothing from outside", async () => {
    const tab = await browser.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    tab.on("request", (r) => requests.push(r.url()));
    tab.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") problems.push(m.text());
    });
    tab.on("pageerror", (e) => problems.push(e.message));
    await tab.goto(`file://${page}`);

    expect(await tab.title()).toBe("Acme status");
    const cards = await tab.$$eval("article.card", (els) =>
      els.map((el) => ({
        id: el.getAttribute("data-surface"),
        status: el.getAttribute("data-status"),
        badge: el.querySelector(".badge")?.textContent,
      })),
    );
    expect(cards).toEqual([
      { id: "api-prod", status: "degraded", badge: "DEGRADED" },
      { id: "marketing", status: "healthy", badge: "HEALTHY" },
      { id: "checkout", status: "down", badge: "DOWN" },
      { id: "docs", status: "healthy", badge: "HEALTHY" },
    ]);
    for (const card of cards) {
      const svg = tab.locator(`article[data-surface="${card.id}"] svg.sparkline`);
      const box = await svg.boundingBox();
      expect(box?.width, card.id).toBeGreaterThan(200);
      expect(box?.height, card.id).toBeGreaterThan(20);
      expect(await svg.locator("rect").count(), card.id).toBeGreaterThan(0);
    }
    const counts = async (id: string) =>
      tab.$eval(`article[data-surface="${id}"] svg.sparkline`, (svg) => ({
        ok: Number(svg.getAttribute("data-ok")),
        failed: Number(svg.getAttribute("data-failed")),
        missing: Number(svg.getAttribute("data-missing")),
      }));
    expect(await counts("api-prod")).toEqual({ ok: 261, failed: 3, missing: 24 });
    expect(await counts("checkout")).toEqual({ ok: 251, failed: 13, missing: 24 });
    expect(await counts("docs")).toEqual({ ok: 1, failed: 0, missing: 287 });
    // Painted colours: green passing bars, red failing bars, grey missing data.
    const fills = await tab.$$eval('article[data-surface="api-prod"] svg.sparkline rect', (rects) => [
      ...new Set(rects.map((r) => r.ownerDocument.defaultView!.getComputedStyle(r).fill)),
    ]);
    expect(fills.sort()).toEqual(["rgb(175, 184, 193)", "rgb(207, 34, 46)", "rgb(45, 164, 78)"]);
    expect(await tab.locator(".alerts li").allTextContents()).toContain(
      "⚠ checkout liveness failing: status 503, expected 200",
    );

    await tab.screenshot({ path: join(dir, "status-page.png"), fullPage: true });
    expect(requests.every((u) => u.startsWith("file://"))).toBe(true);
    expect(problems).toEqual([]);
  });
});
