import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type pg from "pg";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAuditRecord } from "../../src/core/audit.js";
import { parseHealthInputs } from "../../src/core/health-inputs.js";
import { parseRegistry } from "../../src/core/registry.js";
import type { SiteStatus } from "../../src/core/status.js";
import { buildConsole, DEFAULT_CONSOLE_SETTINGS, writeConsole } from "../../src/pipelines/console.js";
import { AuditStore } from "../../src/store/audit.js";
import { newPool } from "../../src/store/db.js";
import { recordSweep, saveSurfaceMemory } from "../../src/store/poll-log.js";
import { recordSeen } from "../../src/store/sweep-records.js";
import { freshDatabase } from "../support/db.js";
import { NOW, registry, seedWorld } from "./console-seed.js";

// The page's own globals, used inside evaluate callbacks (the project compiles without the DOM library,
// and a reference to it here would retype every other test's callbacks).
// biome-ignore lint/suspicious/noExplicitAny: the browser's document, seen from Node's types
declare const document: any;
// biome-ignore lint/suspicious/noExplicitAny: the browser's window
declare const window: any;
// biome-ignore lint/suspicious/noExplicitAny: the browser's XML parser
declare const DOMParser: any;
declare function getComputedStyle(element: unknown): Record<string, string>;

/** Where a Chromium may be (as in status-sweep-page.test.ts). */
const CHROMIUM = [
  process.env.CHROMIUM_PATH,
  process.env.PRODGATE_CHROMIUM,
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
]
  .filter((p): p is string => Boolean(p))
  .find((p) => existsSync(p));
const ON_CI = Boolean(process.env.CI) && !/^(0|false)$/i.test(process.env.CI ?? "");

describe.runIf(ON_CI && !CHROMIUM)("console pages in headless Chromium (CI)", () => {
  it("finds a Chromium", () => expect.fail("no Chromium: install Debian's chromium or set CHROMIUM_PATH"));
});

const clock = { now: () => new Date(NOW), sleep: async () => {} };

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile());
}

interface Visit {
  requests: string[];
  problems: string[];
}

async function visit(tab: Page, file: string): Promise<Visit> {
  const v: Visit = { requests: [], problems: [] };
  tab.removeAllListeners("request");
  tab.removeAllListeners("console");
  tab.removeAllListeners("pageerror");
  tab.on("request", (r) => v.requests.push(r.url()));
  tab.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") v.problems.push(m.text());
  });
  tab.on("pageerror", (e) => v.problems.push(e.message));
  await tab.goto(pathToFileURL(file).href);
  return v;
}

/**
 * Every page of the console in a real browser, loaded from file://: no console error, no request that leaves
 * the files, links that lead to files that exist, landmarks, text beside every colour, dark mode and phone
 * width; the drill-down shows the numbers the integration test computed by hand; the Atom feed parses.
 */
describe.skipIf(!CHROMIUM)("console pages in headless Chromium", () => {
  const root = mkdtempSync(join(tmpdir(), "prodgate-console-pages-"));
  const site = join(root, "site");
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let pool: pg.Pool;
  let browser: BrowserContext;

  beforeAll(async () => {
    db = await freshDatabase("cpages");
    pool = newPool(db.url);
    await seedWorld(pool, db.url);
    const built = await buildConsole(
      registry(),
      { ...DEFAULT_CONSOLE_SETTINGS, title: "Acme status", secrets: true, fullRefresh: true },
      { db: pool, clock },
    );
    writeConsole(site, built.files);
    browser = await chromium.launchPersistentContext(join(root, "profile"), {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--no-first-run",
      ],
      viewport: { width: 1280, height: 800 },
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await pool?.end();
    await db?.drop();
    if (!process.env.PRODGATE_KEEP_SCREENSHOT) rmSync(root, { recursive: true, force: true });
  });

  it("loads every page with no console error and no outside request; every link leads to a file", async () => {
    const tab = await browser.newPage();
    const pages = filesUnder(site).filter((f) => f.endsWith(".html"));
    expect(pages.map((p) => relative(site, p)).sort()).toEqual([
      "index.html",
      "metrics.html",
      "secrets.html",
      "sites/api-prod.html",
      "sites/checkout.html",
      "sites/www.html",
    ]);
    for (const file of pages) {
      const v = await visit(tab, file);
      const where = relative(site, file);
      expect(v.problems, where).toEqual([]);
      expect(v.requests.length, where).toBeGreaterThanOrEqual(2); // the page and its stylesheet
      expect(
        v.requests.every((u) => u.startsWith("file://")),
        where,
      ).toBe(true);
      // Landmarks, one h1, and the stylesheet applied (the CSP allows it from file://).
      const shape = await tab.evaluate(() => ({
        header: document.querySelectorAll("body > header").length,
        nav: document.querySelectorAll("header nav[aria-label]").length,
        main: document.querySelectorAll("main").length,
        footer: document.querySelectorAll("body > footer").length,
        h1: document.querySelectorAll("h1").length,
        lang: document.documentElement.lang,
        styled: getComputedStyle(document.body).maxWidth,
      }));
      expect(shape, where).toEqual({
        header: 1,
        nav: 1,
        main: 1,
        footer: 1,
        h1: 1,
        lang: "en",
        styled: "1200px",
      });
      // Colour never stands alone: every state badge has words, every sparkline a text alternative.
      const bare = await tab.evaluate(() => [
        ...[...document.querySelectorAll(".st")]
          .filter((e) => !e.textContent?.trim())
          .map((e) => e.outerHTML),
        ...[...document.querySelectorAll("svg")]
          .filter((s) => s.getAttribute("role") !== "img" || !s.getAttribute("aria-label"))
          .map((s) => s.outerHTML.slice(0, 80)),
      ]);
      expect(bare, where).toEqual([]);
      const links = await tab.$$eval("a[href]", (as) =>
        as.map((a) => (a as unknown as { href: string }).href),
      );
      for (const href of links) {
        if (href.startsWith("https://")) continue;
        expect(href.startsWith("file://"), `${where}: ${href}`).toBe(true);
        expect(existsSync(fileURLToPath(href.replace(/#.*$/, ""))), `${where} links to ${href}`).toBe(true);
      }
    }
  });

  it("goes from the dashboard to a surface and back by its links", async () => {
    const tab = await browser.newPage();
    await visit(tab, join(site, "index.html"));
    const cards = await tab.$$eval("li.card", (els) =>
      els.map((el) => [
        el.getAttribute("data-surface"),
        el.getAttribute("data-state"),
        el.querySelector(".st")?.textContent,
      ]),
    );
    expect(cards).toEqual([
      ["api-prod", "healthy", "HEALTHY"],
      ["www", "maintenance", "MAINTENANCE"],
      ["checkout", "down", "DOWN"],
    ]);
    expect(await tab.locator(".alerts li").allTextContents()).toContain(
      "⚠ Warning: api-prod: last deploy 10 days ago (limit 7 days).",
    );
    await tab.click('li.card[data-surface="checkout"] h3 a');
    expect(tab.url()).toBe(pathToFileURL(join(site, "sites", "checkout.html")).href);
    expect(await tab.locator("h1").textContent()).toBe("checkout DOWN");
    await tab.click("text=← Dashboard");
    expect(tab.url()).toBe(pathToFileURL(join(site, "index.html")).href);
    await tab.click('nav a[href="metrics.html"]');
    expect(await tab.locator("h1").textContent()).toBe("Delivery metrics");
  });

  it("shows the drill-down's numbers: uptime, sparkline, incidents, latency and credentials", async () => {
    const tab = await browser.newPage();
    await visit(tab, join(site, "sites", "api-prod.html"));
    const uptime = await tab.$$eval("table.uptime tbody tr", (rows) =>
      rows.map((r) => [...r.children].map((c) => c.textContent)),
    );
    expect(uptime[0]).toEqual(["24 hours", "98.95%", "285", "3", "0%", "0"]);
    expect(uptime.map((r) => r[0])).toEqual(["24 hours", "7 days", "30 days", "90 days"]);
    const spark = await tab.$eval("svg.spark", (s) => ({
      ok: s.getAttribute("data-ok"),
      failed: s.getAttribute("data-failed"),
      missing: s.getAttribute("data-missing"),
      label: s.getAttribute("aria-label"),
      width: s.getBoundingClientRect().width,
    }));
    expect(spark).toMatchObject({ ok: "285", failed: "3", missing: "0" });
    expect(spark.label).toBe(
      "api-prod, last 24 hours in 5-minute steps: 285 passing, 3 failing, 0 without data",
    );
    expect(spark.width).toBeGreaterThan(600);
    const incidents = await tab.$$eval("table.incidents tbody tr", (rows) =>
      rows.map((r) => [...r.children].map((c) => c.textContent)),
    );
    expect(incidents).toEqual([
      ["2026-11-30 03:00", "2026-11-30 03:15", "10 min", "3", "–"],
      ["2026-11-29 03:00", "2026-11-29 03:05", "0s", "1", "–"],
      ["2026-11-10 10:00", "2026-11-10 10:30", "25 min", "6", "#41"],
    ]);
    expect(await tab.$$eval("table.daily tbody tr", (r) => r.length)).toBe(10);
    expect(await tab.locator("text=HEROKU_API_KEY").count()).toBe(1);

    // Missing data is grey, never red; maintenance is purple and says so.
    await visit(tab, join(site, "sites", "checkout.html"));
    expect(
      await tab.$eval("svg.spark", (s) => [s.getAttribute("data-missing"), s.getAttribute("data-failed")]),
    ).toEqual(["24", "2"]);
    const fills = await tab.$$eval("svg.spark path", (rects) => [
      ...new Set(rects.map((r) => `${r.getAttribute("class")} ${getComputedStyle(r).fill}`)),
    ]);
    expect(fills.sort()).toEqual(["f rgb(207, 34, 46)", "m rgb(129, 139, 152)", "p rgb(26, 127, 55)"]);
    await visit(tab, join(site, "sites", "www.html"));
    expect(await tab.$eval("svg.spark", (s) => s.getAttribute("data-maintenance"))).toBe("7");
    expect(await tab.locator(".mnt").textContent()).toContain("CDN migration");
  });

  it("reads well in dark mode and at phone width", async () => {
    const tab = await browser.newPage();
    await tab.emulateMedia({ colorScheme: "dark" });
    await visit(tab, join(site, "index.html"));
    expect(await tab.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe(
      "rgb(13, 17, 23)",
    );
    expect(await tab.evaluate(() => getComputedStyle(document.body).color)).toBe("rgb(230, 237, 243)");
    await tab.setViewportSize({ width: 375, height: 800 });
    for (const f of ["index.html", "metrics.html", "secrets.html", "sites/api-prod.html"]) {
      await visit(tab, join(site, f));
      const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, f).toBeLessThanOrEqual(0);
    }
    await tab.screenshot({ path: join(root, "console-phone-dark.png"), fullPage: true });
  });

  it("writes an Atom feed and badges that a browser's XML parser reads", async () => {
    const tab = await browser.newPage();
    await visit(tab, join(site, "index.html"));
    const feed = readFileSync(join(site, "feed.xml"), "utf8");
    const parsed = await tab.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, "application/xml");
      const ns = "http://www.w3.org/2005/Atom";
      return {
        error: doc.getElementsByTagName("parsererror").length,
        root: `${doc.documentElement.namespaceURI} ${doc.documentElement.localName}`,
        entries: [...doc.getElementsByTagNameNS(ns, "entry")].map((e) => ({
          id: e.getElementsByTagNameNS(ns, "id")[0]?.textContent ?? "",
          title: e.getElementsByTagNameNS(ns, "title")[0]?.textContent ?? "",
          updated: e.getElementsByTagNameNS(ns, "updated")[0]?.textContent ?? "",
          href: e.getElementsByTagNameNS(ns, "link")[0]?.getAttribute("href") ?? "",
        })),
      };
    }, feed);
    expect(parsed.error).toBe(0);
    expect(parsed.root).toBe("http://www.w3.org/2005/Atom feed");
    // 7 incidents (3 api-prod, 1 www, 3 checkout) and 12 maintenance occurrences within 30 days either side.
    const incidents = parsed.entries.filter((e) => e.id.includes(":incident:"));
    const maintenance = parsed.entries.filter((e) => e.id.includes(":maintenance:"));
    expect(incidents.length).toBe(7);
    expect(maintenance.length).toBe(9 + 1 + 1 + 1);
    expect(new Set(parsed.entries.map((e) => e.id)).size).toBe(parsed.entries.length);
    expect(incidents.map((e) => e.title)).toContain("checkout: incident ongoing");
    expect(maintenance.map((e) => e.title)).toContain("Maintenance: checkout (database upgrade)");
    for (const e of parsed.entries) {
      expect(Number.isNaN(Date.parse(e.updated)), e.id).toBe(false);
      expect(existsSync(join(site, e.href)), e.href).toBe(true);
    }
    const badge = readFileSync(join(site, "badges", "www.svg"), "utf8");
    const svg = await tab.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, "image/svg+xml");
      return {
        error: doc.getElementsByTagName("parsererror").length,
        label: doc.documentElement.getAttribute("aria-label"),
        text: [...doc.getElementsByTagName("text")].map((t) => t.textContent),
      };
    }, badge);
    expect(svg).toEqual({
      error: 0,
      label: `www: maintenance, ${svg.text[1]?.split(" ")[1]} uptime over 30 days`,
      text: ["www", svg.text[1]],
    });
    expect(svg.text[1]).toMatch(/^maintenance \d+\.\d\d%$/);
  });
});

/** A SiteStatus with the v-th deploy and CI run of a surface. */
function sizedSite(id: string, v: number): SiteStatus {
  const at = new Date(NOW - v * 86_400_000).toISOString();
  return {
    id,
    hostname: `${id}.acme.test`,
    provider: "heroku",
    liveness: { ok: true, latency_ms: 123, status_code: 200, checked_at: new Date(NOW).toISOString() },
    last_deploy: {
      deploy_id: `v${100 + v}`,
      deployed_at: at,
      author: "release-bot@acme.test",
      status: "succeeded",
      age_days: v,
    },
    build_status: {
      run_id: String(700000 + v),
      conclusion: "success",
      run_url: `https://github.com/acme/${id}/actions/runs/${700000 + v}`,
      trigger: "push",
      author: "release-bot",
      started_at: at,
    },
    sentry_errors_24h: null,
    checked_at: new Date(NOW).toISOString(),
    error: null,
    status: "healthy",
  };
}

describe("console size for 50 surfaces", () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let pool: pg.Pool;
  const dir = mkdtempSync(join(tmpdir(), "prodgate-console-size-"));

  beforeAll(async () => {
    db = await freshDatabase("csize");
    pool = newPool(db.url);
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
    if (!process.env.PRODGATE_KEEP_SCREENSHOT) rmSync(dir, { recursive: true, force: true });
    else console.info(`console for 50 surfaces kept in ${dir}`);
  });

  it("keeps all pages together under 300 KB, with 30 days of polls and incidents for each surface", async () => {
    const ids = Array.from({ length: 50 }, (_, i) => `surface-${String(i).padStart(2, "0")}`);
    // 30 days at 5 minutes, latency varying, a failure every ~9 hours and an hour of missed sweeps a day.
    await pool.query(
      `INSERT INTO console_poll_log (surface_id, probe_ok, latency_ms, status_code, vendor_call, error_msg, polled_at)
       SELECT s, (k % 107) <> 0, 40 + (k * 37 + length(s) * 11) % 400, 200, 'http_health', NULL,
              ($2::timestamptz AT TIME ZONE 'UTC') - make_interval(mins => k * 5)
         FROM unnest($1::text[]) AS s, generate_series(0, 30 * 288 - 1) AS k
        WHERE (k % 288) NOT BETWEEN 100 AND 111`,
      [ids, new Date(NOW).toISOString()],
    );
    // Each surface also has five deploys and CI runs seen, five gated deploys in the audit log, and a state.
    for (let v = 1; v <= 5; v++)
      await recordSeen(
        pool,
        ids.map((id) => sizedSite(id, v)),
        new Date(NOW),
      );
    await saveSurfaceMemory(
      pool,
      ids.map((id) => ({
        surfaceId: id,
        status: "degraded",
        knownState: "degraded",
        since: new Date(NOW).toISOString(),
        site: { ...sizedSite(id, 5), status: "degraded", error: "1 of 2 dynos up (1 crashed)" },
        incidentIssue: null,
        incidentSince: null,
      })),
    );
    await recordSweep(pool, { startedAt: new Date(NOW), surfaces: 50, calls: 100, shards: 1 });
    const audit = await AuditStore.open(db.url, { migrate: false });
    try {
      for (const id of ids)
        for (let v = 1; v <= 5; v++)
          for (const phase of ["started", "completed"] as const)
            await audit.write(
              buildAuditRecord({
                action: "deploy.production",
                phase,
                ...(phase === "completed" ? { outcome: "success" as const } : {}),
                actor: "release-bot",
                target: `app-${id}`,
                fromSha: "a".repeat(40),
                toSha: "b".repeat(40),
                runId: `${id}-${v}`,
                runUrl: `https://github.com/acme/${id}/actions/runs/${v}`,
                createdAt: new Date(NOW - v * 86_400_000 + (phase === "completed" ? 60_000 : 0)),
              }),
            );
    } finally {
      await audit.close();
    }
    const text = `surfaces:\n${ids.map((id) => `  - { id: ${id}, hostname: ${id}.acme.test, provider: heroku, heroku: { app: app-${id} }, health: { url: "http://127.0.0.1:9/" } }`).join("\n")}\n`;
    const reg = parseRegistry(text, { file: "big.yml", parseHealth: (get) => parseHealthInputs(get) });
    const built = await buildConsole(
      reg,
      { ...DEFAULT_CONSOLE_SETTINGS, secrets: true, fullRefresh: true },
      { db: pool, clock },
    );
    const written = writeConsole(dir, built.files);
    const pages = [...built.files].filter(([p]) => p.endsWith(".html"));
    expect(pages.length).toBe(50 + 3);
    expect(built.data.surfaces.every((s) => s.incidents.length > 50 && s.activity.length === 5)).toBe(true);
    expect(built.data.surfaces.every((s) => s.builds.length === 5 && s.deploys.length === 5)).toBe(true);
    expect(written.pageBytes).toBeLessThan(300 * 1024);
    // The number it came to, for the record.
    console.info(
      `50 surfaces: pages ${Math.round(written.pageBytes / 1024)} KB, all files ${Math.round(written.bytes / 1024)} KB`,
    );
  }, 120_000);
});
