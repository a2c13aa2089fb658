import { describe, expect, it } from "vitest";
import { parseHealthInputs } from "../../src/core/health-inputs.js";
import { parseRegistry, type Surface } from "../../src/core/registry.js";
import {
  buildAlerts,
  buildInfoFromRun,
  buildStatusDocument,
  type CallResult,
  classify,
  decideTransitions,
  degradedVendors,
  incidentBody,
  incidentMarker,
  pathMatches,
  renderSlackChanges,
  renderSparkline,
  renderStatusPage,
  renderSweepSummary,
  runMatchesWorkflow,
  SPARK_BUCKETS,
  type SurfaceMemory,
  type SurfaceProbe,
  shardOf,
  sparkIndex,
  sweepGap,
  type VendorCall,
  type VendorSweep,
} from "../../src/core/status.js";

const NOW = new Date("2026-05-01T12:00:00Z");
const AT = "2026-05-01T11:59:58.000Z";

const registry = parseRegistry(
  `surfaces:
  - id: api
    hostname: api.example.com
    provider: heroku
    heroku: { app: example-api, max-deploy-age-days: 7 }
    health: { url: "https://api.example.com/health" }
    builds: { workflow: deploy.yml }
  - id: worker
    hostname: worker.example.com
    provider: heroku
    heroku: { app: example-worker }
  - id: site
    hostname: www.example.com
    provider: cloudflare_pages
    cloudflare_pages: { account-id: abc123, project: example-www }
`,
  { file: "s.yml", parseHealth: (get) => parseHealthInputs(get), healthDefaults: { attempts: "1" } },
);
const [api, worker, site] = registry.surfaces as [Surface, Surface, Surface];

function call(c: VendorCall, over: Partial<CallResult> = {}): CallResult {
  return {
    call: c,
    answered: true,
    rateLimited: false,
    ok: true,
    latencyMs: 42,
    statusCode: 200,
    error: null,
    at: AT,
    ...over,
  };
}

const fresh = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

function apiProbe(
  over: { health?: Partial<CallResult>; dyno?: Partial<CallResult>; release?: Partial<CallResult> } = {},
) {
  return {
    id: "api",
    calls: [
      call("http_health", over.health),
      call("heroku_dyno", over.dyno),
      call("heroku_release", over.release),
      call("github_actions"),
    ],
    dynos: { total: 2, up: 2, states: { up: 2 } },
    deploy: {
      deploy_id: "v42",
      deployed_at: fresh(1),
      author: "dev@example.com",
      status: "succeeded" as const,
    },
    build: {
      run_id: "9",
      conclusion: "success" as const,
      run_url: "https://github.com/a/b/actions/runs/9",
      trigger: "push",
      author: "alice",
      started_at: fresh(0.5),
    },
  } satisfies SurfaceProbe;
}

describe("classification (seed 000 §4.2 and the failure table)", () => {
  it("healthy: a SiteStatus exactly in the seed's shape plus its state", () => {
    const v = classify(api, apiProbe(), undefined, NOW);
    expect(Object.keys(v.site).sort()).toEqual(
      [
        "build_status",
        "checked_at",
        "error",
        "hostname",
        "id",
        "last_deploy",
        "liveness",
        "provider",
        "sentry_errors_24h",
        "status",
      ].sort(),
    );
    expect(v.site).toMatchObject({
      id: "api",
      hostname: "api.example.com",
      provider: "heroku",
      status: "healthy",
      error: null,
      liveness: { ok: true, latency_ms: 42, status_code: 200, checked_at: AT },
      last_deploy: { deploy_id: "v42", status: "succeeded", age_days: 1, author: "dev@example.com" },
      build_status: { run_id: "9", conclusion: "success", trigger: "push" },
      sentry_errors_24h: null,
    });
    expect(v.incident).toBe(false);
  });

  it("down: liveness failing", () => {
    const v = classify(
      api,
      apiProbe({ health: { ok: false, statusCode: 503, error: "status 503, expected 200" } }),
      undefined,
      NOW,
    );
    expect(v.site.status).toBe("down");
    expect(v.site.error).toBe("liveness failing: status 503, expected 200");
    expect(v.site.liveness).toMatchObject({ ok: false, status_code: 503 });
    expect(v.incident).toBe(true);
  });

  it("down: no dyno up and no health probe; degraded: some dynos crashed", () => {
    const none = classify(
      worker,
      {
        id: "worker",
        calls: [call("heroku_dyno", { ok: false }), call("heroku_release")],
        dynos: { total: 2, up: 0, states: { crashed: 2 } },
        deploy: null,
      },
      undefined,
      NOW,
    );
    expect(none.site.status).toBe("down");
    expect(none.site.error).toContain("no dyno up (2 crashed)");
    expect(none.site.liveness.ok).toBe(false);
    const some = classify(
      api,
      { ...apiProbe(), dynos: { total: 3, up: 2, states: { up: 2, crashed: 1 } } },
      undefined,
      NOW,
    );
    expect(some.site.status).toBe("degraded");
    expect(some.site.error).toBe("2 of 3 dynos up (1 crashed)");
    expect(some.incident).toBe(true);
  });

  it("degraded: last deploy older than the limit; failed Pages deployment", () => {
    const old = classify(
      api,
      { ...apiProbe(), deploy: { ...apiProbe().deploy, deployed_at: fresh(8.25) } },
      undefined,
      NOW,
    );
    expect(old.site.status).toBe("degraded");
    expect(old.site.error).toBe("last deploy 8.3 days ago (limit 7 days)");
    expect(old.site.last_deploy?.age_days).toBe(8.25);
    const pages = classify(
      site,
      {
        id: "site",
        calls: [call("cf_pages", { ok: false, error: "latest deployment abc failed (build failure)" })],
        deploy: {
          deploy_id: "abc",
          deployed_at: fresh(0.1),
          author: "github:push 1234567",
          status: "failed",
          detail: "build failure",
        },
      },
      undefined,
      NOW,
    );
    expect(pages.site).toMatchObject({
      status: "degraded",
      error: "latest deploy abc failed (build failure)",
    });
    expect(pages.site.liveness.ok).toBe(false);
  });

  it("degraded without an incident: the vendor is unreachable (Heroku API unreachable)", () => {
    const v = classify(
      worker,
      {
        id: "worker",
        calls: [
          call("heroku_dyno", {
            answered: false,
            ok: false,
            statusCode: null,
            error: "Heroku API unreachable (GET /apps/x/dynos): connection refused",
          }),
          call("heroku_release", {
            answered: false,
            ok: false,
            statusCode: 503,
            error: "Heroku answered 503",
          }),
        ],
      },
      undefined,
      NOW,
    );
    expect(v.site).toMatchObject({ status: "degraded", error: "Heroku API unreachable" });
    expect(v.incident).toBe(false);
  });

  it("stale: rate-limited Cloudflare keeps the last known data and its time", () => {
    const previous = classify(
      site,
      {
        id: "site",
        calls: [call("cf_pages", { at: "2026-05-01T11:00:00.000Z" })],
        deploy: { deploy_id: "abc", deployed_at: fresh(2), author: "x", status: "succeeded" },
      },
      undefined,
      NOW,
    ).site;
    const v = classify(
      site,
      {
        id: "site",
        calls: [
          call("cf_pages", {
            answered: false,
            rateLimited: true,
            ok: false,
            statusCode: 429,
            error: "rate limited: 429",
          }),
        ],
      },
      previous,
      NOW,
    );
    expect(v.site.status).toBe("stale");
    expect(v.site.checked_at).toBe("2026-05-01T11:00:00.000Z");
    expect(v.site.last_deploy).toMatchObject({ deploy_id: "abc", age_days: 2 });
    expect(v.site.liveness).toEqual(previous.liveness);
    expect(v.incident).toBe(false);
  });

  it("GitHub rate-limited: build status from before, no badge degradation", () => {
    const before = classify(api, apiProbe(), undefined, NOW).site;
    const probe = apiProbe();
    probe.calls[3] = call("github_actions", {
      answered: false,
      rateLimited: true,
      ok: false,
      statusCode: 403,
      error: "rate limited",
    });
    const v = classify(api, { ...probe, build: undefined as never }, before, NOW);
    expect(v.site.status).toBe("healthy");
    expect(v.site.build_status).toEqual(before.build_status);
    expect(v.site.error).toBe(
      "GitHub rate-limited; showing the last known data; build status from an earlier sweep",
    );
  });

  it("unknown: nothing came back before the deadline", () => {
    const v = classify(worker, { id: "worker", calls: [] }, undefined, NOW);
    expect(v.site.status).toBe("unknown");
    expect(v.site.error).toBe("not probed before the sweep deadline (heroku_dyno, heroku_release)");
  });
});

describe("changes, incidents, vendors, gaps", () => {
  const memory = (over: Partial<SurfaceMemory>): Map<string, SurfaceMemory> =>
    new Map([
      [
        "api",
        {
          surfaceId: "api",
          status: "healthy",
          knownState: "healthy",
          since: "2026-05-01T10:00:00.000Z",
          site: null,
          incidentIssue: null,
          incidentSince: null,
          ...over,
        },
      ],
    ]);
  const down = classify(
    api,
    apiProbe({ health: { ok: false, error: "connection refused" } }),
    undefined,
    NOW,
  );
  const healthy = classify(api, apiProbe(), undefined, NOW);

  it("a first sweep that is healthy changes nothing; a down one opens an incident", () => {
    expect(decideTransitions([healthy], new Map(), NOW)).toMatchObject({ changes: [], open: [], close: [] });
    const t = decideTransitions([down], new Map(), NOW);
    expect(t.changes).toEqual([
      { id: "api", from: null, to: "down", text: "liveness failing: connection refused" },
    ]);
    expect(t.open.map((v) => v.site.id)).toEqual(["api"]);
  });

  it("holding a state is no change; stale holds the last known state; recovery closes with the duration", () => {
    const open = memory({
      status: "down",
      knownState: "down",
      incidentIssue: 7,
      incidentSince: "2026-05-01T11:30:00.000Z",
    });
    expect(decideTransitions([down], open, NOW)).toMatchObject({ changes: [], open: [], close: [] });
    const stale = { ...healthy, site: { ...healthy.site, status: "stale" as const } };
    const held = decideTransitions([stale], open, NOW);
    expect(held.changes).toEqual([]);
    expect(held.next[0]).toMatchObject({ knownState: "down", incidentIssue: 7 });
    const rec = decideTransitions([healthy], open, NOW);
    expect(rec.changes).toEqual([{ id: "api", from: "down", to: "healthy", text: "recovered" }]);
    expect(rec.close).toEqual([
      { id: "api", issue: 7, since: "2026-05-01T11:30:00.000Z", durationMs: 1_800_000 },
    ]);
    expect(rec.next[0]).toMatchObject({
      incidentIssue: null,
      knownState: "healthy",
      since: NOW.toISOString(),
    });
  });

  it("a vendor is degraded after more than 3 consecutive failed polls; rate limits neither break nor extend", () => {
    const sweeps = (flags: string): VendorSweep[] =>
      [...flags].map((f, i) => ({
        vendor: "heroku",
        at: new Date(NOW.getTime() - i * 300_000).toISOString(),
        answered: f === "o",
        failed: f === "x",
      }));
    expect(degradedVendors(sweeps("xxxx"))).toEqual([{ vendor: "heroku", failures: 4 }]);
    expect(degradedVendors(sweeps("xxxo"))).toEqual([]);
    expect(degradedVendors(sweeps("xxrxxo"))).toEqual([{ vendor: "heroku", failures: 4 }]);
    expect(degradedVendors(sweeps("oxxxx"))).toEqual([]);
  });

  it("a gap over 3x the expected interval is reported", () => {
    expect(sweepGap("2026-05-01T11:44:00.000Z", NOW, 300_000)).toMatchObject({ gapMs: 960_000, over: true });
    expect(sweepGap("2026-05-01T11:50:00.000Z", NOW, 300_000)?.over).toBe(false);
    expect(sweepGap(undefined, NOW, 300_000)).toBeUndefined();
  });

  it("alerts follow seed 000 §7 and the failure table", () => {
    const unreachable = classify(
      worker,
      {
        id: "worker",
        calls: [
          call("heroku_dyno", { answered: false, ok: false, statusCode: null }),
          call("heroku_release", { answered: false, ok: false, statusCode: null }),
        ],
      },
      undefined,
      NOW,
    );
    const old = classify(
      api,
      { ...apiProbe(), deploy: { ...apiProbe().deploy, deployed_at: fresh(8) } },
      undefined,
      NOW,
    );
    const alerts = buildAlerts({
      verdicts: [down, unreachable, old],
      degraded: [{ vendor: "cloudflare", failures: 5 }],
      gap: sweepGap("2026-05-01T11:00:00.000Z", NOW, 300_000),
      now: NOW,
    });
    expect(alerts.map((a) => a.text)).toEqual([
      "Sweep gap: 1h 0m since the previous sweep (expected every 5m 0s); scheduled runs were likely dropped",
      "api liveness failing: connection refused",
      "api last deploy 8.0 days ago (limit 7 days)",
      "Heroku API unreachable — dyno status unavailable.",
      "Cloudflare degraded: 5 consecutive failed polls",
    ]);
  });
});

describe("renderers", () => {
  const verdicts = [
    classify(
      api,
      apiProbe({ health: { ok: false, statusCode: 500, error: "status 500, expected 200" } }),
      undefined,
      NOW,
    ),
    classify(
      site,
      {
        id: "site",
        calls: [call("cf_pages")],
        deploy: { deploy_id: "a|b", deployed_at: fresh(3), author: "<b>x</b>", status: "succeeded" },
      },
      undefined,
      NOW,
    ),
  ];
  const doc = buildStatusDocument(
    verdicts.map((v) => v.site),
    ["heroku"],
    NOW,
  );

  it("status.json has the shape of GET /api/status/sites", () => {
    expect(Object.keys(doc)).toEqual(["sites", "cache_age_seconds", "degraded_vendors", "generated_at"]);
    expect(doc.cache_age_seconds).toBe(2);
    expect(doc.degraded_vendors).toEqual(["heroku"]);
  });

  it("the summary lists alerts, then the grid with markers, latency, deploy age, build and data age", () => {
    const md = renderSweepSummary({
      doc,
      alerts: buildAlerts({ verdicts, degraded: [], now: NOW }),
      changes: [{ id: "api", from: "healthy", to: "down", text: "liveness failing" }],
      incidents: [{ id: "api", issue: 12, url: "https://github.com/a/b/issues/12", action: "opened" }],
      now: NOW,
      durationMs: 850,
      calls: 5,
    });
    expect(md).toContain("## 🔴 Status sweep: 1 of 2 surfaces need attention");
    expect(md.indexOf("### Alerts")).toBeLessThan(md.indexOf("### Surfaces"));
    expect(md).toContain("- ❌ api liveness failing: status 500, expected 200");
    expect(md).toContain("- 🔴 **api**: healthy → down (liveness failing)");
    expect(md).toContain("Opened incident [#12](https://github.com/a/b/issues/12) for api");
    expect(md).toContain(
      "| **api**<br>api.example.com | 🔴 down<br>liveness failing: status 500, expected 200 | ❌ 42 ms · 500 | 1.0 days ago ✓ dev@example.com |",
    );
    expect(md).toContain("[success](https://github.com/a/b/actions/runs/9) · push · 12h 0m ago | 2s |");
    expect(md).toContain(
      "| **site**<br>www.example.com | 🟢 healthy | 42 ms · 200 | 3.0 days ago ✓ \\<b\\>x\\</b\\> | – | 2s |",
    );
  });

  it("the page is self-contained, escapes what it shows and draws a sparkline per surface", () => {
    const buckets = new Array(SPARK_BUCKETS).fill(null);
    buckets[287] = { ok: 1, failed: 0, latencyMs: 40 };
    buckets[286] = { ok: 0, failed: 1, latencyMs: 5000 };
    const html = renderStatusPage({ doc, alerts: [], sparklines: new Map([["api", buckets]]), now: NOW });
    expect(html).not.toMatch(/<script|<link|src=|url\(/i);
    expect(html).toContain('data-surface="api"');
    expect(html).toContain('data-surface="site"');
    const tricky = renderStatusPage({
      doc: { ...doc, sites: [{ ...doc.sites[0]!, error: "<script>alert(1)</script>" }] },
      alerts: [{ level: "error", kind: "liveness", text: "a & <b>" }],
      sparklines: new Map(),
      now: NOW,
    });
    expect(tricky).toContain("&#60;script&#62;alert(1)&#60;/script&#62;");
    expect(tricky).toContain("a &#38; &#60;b&#62;");
    expect(tricky).not.toContain("<script>");
    expect(html.match(/<svg class="sparkline"/g)?.length).toBe(2);
    expect(html).toContain('data-ok="1" data-failed="1" data-missing="286"');
    expect(html).toContain('data-ok="0" data-failed="0" data-missing="288"');
  });

  it("sparklines: green by latency, red for a failure, one grey run for missing data", () => {
    const b = new Array(SPARK_BUCKETS).fill(null);
    b[0] = { ok: 2, failed: 0, latencyMs: 100 };
    b[1] = { ok: 1, failed: 1, latencyMs: 100 };
    const svg = renderSparkline("x", b);
    expect(svg).toContain('<rect class="p" x="0" y="2" width="1" height="26"/>');
    expect(svg).toContain('<rect class="f" x="1" y="0" width="1" height="28"/>');
    expect(svg).toContain('<rect class="m" x="2" y="24" width="286" height="4"/>');
    expect(sparkIndex(new Date(NOW.getTime() - 1), NOW)).toBe(286);
    expect(sparkIndex(NOW, NOW)).toBe(287);
    expect(sparkIndex(new Date(NOW.getTime() - 86_400_000), NOW)).toBeUndefined();
  });

  it("Slack text only when something changed; issues carry the hidden marker", () => {
    expect(renderSlackChanges([], undefined)).toBeUndefined();
    expect(
      renderSlackChanges(
        [{ id: "api", from: "down", to: "healthy", text: "recovered" }],
        undefined,
        "https://run",
      ),
    ).toBe(":large_green_circle: *api* down → *healthy*\n<https://run|status sweep run>");
    const body = incidentBody(verdicts[0]!, NOW, "https://run");
    expect(body.startsWith(incidentMarker("api"))).toBe(true);
    expect(body).toContain("- liveness failing: status 500, expected 200");
  });
});

describe("builds and shards", () => {
  const run = (over: Record<string, unknown> = {}) => ({
    id: 5,
    status: "completed",
    conclusion: "timed_out",
    html_url: "https://github.com/a/b/actions/runs/5",
    event: "schedule",
    path: ".github/workflows/deploy.yml",
    head_sha: "abc",
    triggering_actor: { login: "bob" },
    run_started_at: AT,
    created_at: AT,
    ...over,
  });

  it("maps runs to BuildInfo and matches workflows and paths", () => {
    expect(buildInfoFromRun(run())).toEqual({
      run_id: "5",
      conclusion: "failure",
      run_url: "https://github.com/a/b/actions/runs/5",
      trigger: "schedule",
      author: "bob",
      started_at: AT,
    });
    expect(buildInfoFromRun(run({ status: "in_progress", conclusion: null })).conclusion).toBe("in_progress");
    expect(runMatchesWorkflow(run(), "deploy.yml")).toBe(true);
    expect(runMatchesWorkflow(run(), ".github/workflows/deploy.yml")).toBe(true);
    expect(runMatchesWorkflow(run(), "ci.yml")).toBe(false);
    expect(pathMatches("backend/app/main.py", "backend/**")).toBe(true);
    expect(pathMatches("backend_v2/x", "backend/**")).toBe(false);
    expect(pathMatches("console/a.ts", "console/")).toBe(true);
    expect(pathMatches("src/a.ts", "src/*.ts")).toBe(true);
    expect(pathMatches("src/x/a.ts", "src/*.ts")).toBe(false);
  });

  it("shards split round-robin, every surface in exactly one shard", () => {
    const items = Array.from({ length: 10 }, (_, i) => i);
    const parts = [0, 1, 2].map((k) => shardOf(items, k, 3));
    expect(parts).toEqual([
      [0, 3, 6, 9],
      [1, 4, 7],
      [2, 5, 8],
    ]);
  });
});
