// API budgets, measured against fakes that enforce the vendors' real limits on a virtual clock:
// (a) the status sweep over 1,000 surfaces (400 Heroku apps, 300 Cloudflare Pages projects, 300 HTTP-only;
// GitHub Actions builds for 100 of them, one repository each) every 5 minutes for two simulated hours (the first
// starts with an empty memory, the second is the steady state), two Heroku apps releasing between sweeps, with
// its memory and ETags in a sandbox PostgreSQL between sweeps as the action keeps them; (b) the issue-comment
// approval gate polling every 10 s (the action's default) for 6 simulated hours, approved at the end.
// Prints requests per vendor per hour against each limit, and what the limits refused.
import { APPROVAL_LABEL, parseApprovers } from "../src/core/approval.js";
import { parseHealthInputs } from "../src/core/health-inputs.js";
import { type Clock, silentReporter, systemClock } from "../src/core/ports.js";
import { parseRegistry } from "../src/core/registry.js";
import { runIssueGate } from "../src/pipelines/issue-gate.js";
import { DEFAULT_SWEEP_SETTINGS, runStatusSweep, type SweepSettings } from "../src/pipelines/status-sweep.js";
import { openMemory, sweepPorts } from "../src/pipelines/status-sweep-setup.js";
import { openSweepETags, saveSweepETags } from "../src/pipelines/sweep-etags.js";
import { CloudflareApiFake } from "../src/sandbox/cloudflare-api.js";
import { FakeServer } from "../src/sandbox/fake-server.js";
import { GitHubApiFake } from "../src/sandbox/github-api.js";
import { HerokuApiFake } from "../src/sandbox/heroku-api.js";
import { startPostgres } from "../src/sandbox/postgres.js";
import type { BudgetStats } from "../src/sandbox/rate-budget.js";
import { GitHubClient } from "../src/vendors/github.js";
import { table } from "./lib.js";

const HEROKU = 400;
const PAGES = 300;
const HTTP = 300;
const BUILDS = 100;
const SWEEP_EVERY_MS = 5 * 60_000;
const SWEEPS_PER_HOUR = 12;
const HOURS = 2;
const RELEASES_BETWEEN_SWEEPS = 2;
const GATE_HOURS = 6;
const GATE_POLL_MS = 10_000;
const ACCOUNT = "0123456789abcdef0123456789abcdef";

/** Virtual time the bench moves between sweeps; a sleep inside a sweep is real (it is short). */
class SweepClock implements Clock {
  t = Date.parse("2026-03-02T09:00:00Z");
  now = () => new Date(this.t);
  sleep = (ms: number, signal?: AbortSignal) => systemClock.sleep(ms, signal);
}

const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)}%`;
const delta = (a: BudgetStats, b: BudgetStats): BudgetStats => ({
  counted: a.counted - b.counted,
  free: a.free - b.free,
  refused: a.refused - b.refused,
});

async function sweepHour(): Promise<void> {
  const clock = new SweepClock();
  const tokens = { heroku: "hk-bench-key", cloudflare: "cf-bench-token", github: "ghp_bench_sweep_token" };
  const heroku = new HerokuApiFake({ apiKey: tokens.heroku, lineDelayMs: 0, rateLimit: { clock } });
  const cloudflare = new CloudflareApiFake({ apiToken: tokens.cloudflare, rateLimit: { clock } });
  const github = new GitHubApiFake({ token: tokens.github, rateLimits: { clock } });
  const sites = new FakeServer("sites").route("GET", "/:name", () => ({ body: { status: "ok" } }));
  await Promise.all([heroku.start(), cloudflare.start(), github.start(), sites.start()]);
  const pg = await startPostgres({ database: "apibudget" });
  const lines = ["surfaces:"];
  const builds = (i: number) => (i < BUILDS ? `, builds: { repo: acme/svc-${i}, workflow: ci.yml }` : "");
  let i = 0;
  for (let h = 0; h < HEROKU; h++, i++) {
    heroku.createApp(`app-${h}`);
    heroku.addRelease(`app-${h}`, { commit: "a".repeat(40) });
    lines.push(
      `  - { id: s${i}, hostname: s${i}.example.com, provider: heroku, heroku: { app: app-${h} }${builds(i)} }`,
    );
  }
  for (let p = 0; p < PAGES; p++, i++) {
    cloudflare.addProject(ACCOUNT, `site-${p}`);
    cloudflare.addDeployment(ACCOUNT, `site-${p}`, { status: "success" });
    lines.push(
      `  - { id: s${i}, hostname: s${i}.example.com, provider: cloudflare_pages, cloudflare_pages: { account-id: ${ACCOUNT}, project: site-${p} } }`,
    );
  }
  for (let n = 0; n < HTTP; n++, i++)
    lines.push(
      `  - { id: s${i}, hostname: s${i}.example.com, provider: http, health: { url: "${sites.url}/s${i}" } }`,
    );
  for (let r = 0; r < BUILDS; r++) {
    const repo = github.repo(`acme/svc-${r}`);
    const [sha] = repo.chain(1);
    repo.run({ workflow: "ci.yml", headSha: sha!, conclusion: "success" });
  }
  const registry = parseRegistry(lines.join("\n"), {
    file: "surfaces.yml",
    parseHealth: (get) => parseHealthInputs(get),
    healthDefaults: { attempts: "1", interval: "1s", timeout: "5s" },
  });
  const settings: SweepSettings = {
    ...DEFAULT_SWEEP_SETTINGS,
    expectedIntervalMs: SWEEP_EVERY_MS,
    defaultRepo: "acme/ops",
  };
  github.repo("acme/ops");
  const env = {
    HEROKU_API_URL: heroku.url,
    CLOUDFLARE_API_URL: cloudflare.url,
    GITHUB_API_URL: github.url,
  };
  const db = await openMemory(pg.url, true);
  const rows: Record<string, string | number>[] = [];
  const zero = (): BudgetStats => ({ counted: 0, free: 0, refused: 0 });
  const snap = () => ({
    heroku: { ...(heroku.budget?.stats ?? zero()) },
    cloudflare: { ...(cloudflare.budget?.stats ?? zero()) },
    github: { ...(github.budgets?.core.stats ?? zero()) },
  });
  const perSweep: { heroku: BudgetStats; cloudflare: BudgetStats; github: BudgetStats; stale: number }[] = [];
  const wall = performance.now();
  try {
    for (let s = 0; s < SWEEPS_PER_HOUR * HOURS; s++) {
      for (let r = 0; s > 0 && r < RELEASES_BETWEEN_SWEEPS; r++)
        heroku.addRelease(`app-${(s * RELEASES_BETWEEN_SWEEPS + r) % HEROKU}`, { commit: "b".repeat(40) });
      const before = snap();
      const etags = await openSweepETags(db, silentReporter);
      const ports = sweepPorts(
        { herokuApiKey: tokens.heroku, cloudflareApiToken: tokens.cloudflare, githubToken: tokens.github },
        settings,
        { reporter: silentReporter, env, issues: true, db, etags },
      );
      const result = await runStatusSweep(registry, settings, { ...ports, clock });
      await saveSweepETags(db, etags, silentReporter);
      const after = snap();
      const d = {
        heroku: delta(after.heroku, before.heroku),
        cloudflare: delta(after.cloudflare, before.cloudflare),
        github: delta(after.github, before.github),
      };
      const states = result.doc.sites.reduce<Record<string, number>>((m, x) => {
        m[x.status] = (m[x.status] ?? 0) + 1;
        return m;
      }, {});
      perSweep.push({ ...d, stale: states.stale ?? 0 });
      rows.push({
        sweep: s + 1,
        "at (min)": s * 5,
        "heroku sent": d.heroku.counted + d.heroku.refused,
        "heroku 429": d.heroku.refused,
        "heroku left": heroku.budget!.peek(tokens.heroku).remaining,
        "cloudflare sent": d.cloudflare.counted + d.cloudflare.refused,
        "cloudflare 429": d.cloudflare.refused,
        "github counted": d.github.counted,
        "github 304 (free)": d.github.free,
        "github 403": d.github.refused,
        states: Object.entries(states)
          .map(([k, n]) => `${n} ${k}`)
          .join(", "),
      });
      clock.t += SWEEP_EVERY_MS;
    }
  } finally {
    await db.end();
    await pg.stop();
    await Promise.all([heroku.stop(), cloudflare.stop(), github.stop(), sites.stop()]);
  }
  console.log(
    `(a) status sweep: ${HEROKU + PAGES + HTTP} surfaces (${HEROKU} Heroku, ${PAGES} Cloudflare Pages, ${HTTP} HTTP; builds on ${BUILDS} repositories), ` +
      `${SWEEPS_PER_HOUR * HOURS} sweeps 5 min apart = ${HOURS} simulated hours, ${RELEASES_BETWEEN_SWEEPS} Heroku releases between sweeps; ` +
      `memory and ETags kept in PostgreSQL between sweeps (${((performance.now() - wall) / 1000).toFixed(1)} s wall)`,
  );
  table(rows);
  const sent = (s: BudgetStats) => s.counted + s.refused;
  const sum = (xs: BudgetStats[]): BudgetStats =>
    xs.reduce(
      (a, b) => ({ counted: a.counted + b.counted, free: a.free + b.free, refused: a.refused + b.refused }),
      zero(),
    );
  const verdicts: Record<string, string | number>[] = [];
  for (let h = 0; h < HOURS; h++) {
    const sweeps = perSweep.slice(h * SWEEPS_PER_HOUR, (h + 1) * SWEEPS_PER_HOUR);
    const label = h === 0 ? "hour 1 (empty memory)" : `hour ${h + 1}`;
    const hk = sum(sweeps.map((x) => x.heroku));
    const cf = sum(sweeps.map((x) => x.cloudflare));
    const gh = sum(sweeps.map((x) => x.github));
    const cfPeak = Math.max(...sweeps.map((x) => sent(x.cloudflare)));
    const stale = sweeps.reduce((n, x) => n + x.stale, 0);
    verdicts.push(
      {
        hour: label,
        vendor: "Heroku (per token)",
        limit: "4,500/h (bucket, 75/min)",
        "requests/h": sent(hk),
        "% of limit": pct(sent(hk), 4_500),
        refused: `${hk.refused} × 429`,
        "aim (<50%)": sent(hk) < 2_250 && hk.refused === 0 ? "met" : "MISSED",
        "stale surface-sweeps": stale,
      },
      {
        hour: label,
        vendor: "Cloudflare (per token)",
        limit: "1,200/5 min = 14,400/h",
        "requests/h": `${sent(cf)} (peak ${cfPeak}/5 min)`,
        "% of limit": pct(cfPeak, 1_200),
        refused: `${cf.refused} × 429`,
        "aim (<50%)": cfPeak < 600 && cf.refused === 0 ? "met" : "MISSED",
        "stale surface-sweeps": "",
      },
      {
        hour: label,
        vendor: "GitHub (sweep token)",
        limit: "5,000/h",
        "requests/h": `${gh.counted} counted + ${gh.free} free 304s`,
        "% of limit": pct(gh.counted, 5_000),
        refused: `${gh.refused} × 403`,
        "aim (<50%)": gh.counted < 2_500 && gh.refused === 0 ? "met" : "MISSED",
        "stale surface-sweeps": "",
      },
    );
  }
  table(verdicts);
}

async function approvalWait(): Promise<void> {
  const token = "ghs_bench_actions_token";
  let now = Date.parse("2026-03-02T09:00:00Z");
  let sleeps = 0;
  const hourly: number[] = [];
  let hourStart = now;
  let countedAtHour = 0;
  let onSleep: () => void = () => {};
  const clock: Clock = {
    now: () => new Date(now),
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw signal.reason;
      now += ms;
      sleeps++;
      onSleep();
    },
  };
  const github = new GitHubApiFake({ token, rateLimits: { clock, actionsTokens: [token] } });
  await github.start();
  const repo = github.repo("acme/shop");
  const shas = repo.chain(4, { author: "alice" });
  const pollsBeforeApproval = (GATE_HOURS * 3_600_000) / GATE_POLL_MS - 1;
  const counted = () => github.budgets!.repository.stats.counted;
  onSleep = () => {
    if (now - hourStart >= 3_600_000) {
      hourly.push(counted() - countedAtHour);
      countedAtHour = counted();
      hourStart += 3_600_000;
    }
    if (sleeps === pollsBeforeApproval) {
      const issue = repo.issues.filter((i) => i.labels.includes(APPROVAL_LABEL)).at(-1)!;
      repo.comment(issue.number, "alice", "Approved, ship it");
    }
  };
  const wall = performance.now();
  try {
    const result = await runIssueGate(
      {
        app: "shop-api",
        environment: "production",
        approvers: parseApprovers("approvers", "alice, bob"),
        minimumApprovals: 1,
        allowSelfApproval: false,
        dispatcher: "octocat",
        pollIntervalMs: GATE_POLL_MS,
        timeoutMs: GATE_HOURS * 3_600_000,
        runId: "4242",
        eventName: "workflow_dispatch",
        ref: shas.at(-1),
        fromSha: shas[0],
      },
      {
        github: new GitHubClient({ token, repository: "acme/shop", baseUrl: github.url, clock }),
        reporter: silentReporter,
        clock,
      },
    );
    hourly.push(counted() - countedAtHour);
    const stats = github.budgets!.repository.stats;
    const budget = GATE_HOURS * 1_000;
    console.log(
      `(b) issue-comment approval: ${result.polls} polls every ${GATE_POLL_MS / 1000} s for ${((now - Date.parse("2026-03-02T09:00:00Z")) / 3_600_000).toFixed(2)} simulated hours, ` +
        `${result.decision} by ${result.approvedBy.join(", ")} (${((performance.now() - wall) / 1000).toFixed(1)} s wall)`,
    );
    table([
      {
        token: "GITHUB_TOKEN (per repository)",
        limit: "1,000/h",
        counted: stats.counted,
        "free 304s": stats.free,
        "403s": stats.refused,
        "busiest hour": `${Math.max(...hourly)} (${pct(Math.max(...hourly), 1_000)})`,
        "share of 6 h budget": pct(stats.counted, budget),
        "aim (<10%)": stats.counted < budget / 10 && stats.refused === 0 ? "met" : "MISSED",
      },
    ]);
    console.log(`counted requests per hour: ${hourly.join(", ")}`);
  } finally {
    await github.stop();
  }
}

export default async function apiBudgetBench(): Promise<void> {
  await sweepHour();
  await approvalWait();
}
