import type { Alert } from "./alerts.js";
import { formatAge } from "./alerts.js";
import { formatDays } from "./classify.js";
import { SPARK_BUCKETS, type SparkBucket, type StatusDocument, SURFACE_STATES } from "./shapes.js";

/** The sweep's self-contained status page (index.html) and its 24-hour sparkline. */

/**
 * An inline SVG: one bar per 5 minutes, green when every call passed, red when one failed, grey where there is
 * no data (missing data is not a failure). Bar height follows latency.
 */
export function renderSparkline(id: string, buckets: (SparkBucket | null)[]): string {
  const w = SPARK_BUCKETS;
  const h = 28;
  const maxLatency = Math.max(1, ...buckets.map((b) => (b && !b.failed ? b.latencyMs : 0)));
  let ok = 0;
  let failed = 0;
  let missing = 0;
  const parts: string[] = [];
  let run = 0;
  const flushMissing = (end: number) => {
    if (run > 0) parts.push(`<rect class="m" x="${end - run}" y="${h - 4}" width="${run}" height="4"/>`);
    run = 0;
  };
  buckets.forEach((b, i) => {
    if (!b) {
      missing++;
      run++;
      return;
    }
    flushMissing(i);
    if (b.failed > 0) {
      failed++;
      parts.push(`<rect class="f" x="${i}" y="0" width="1" height="${h}"/>`);
    } else {
      ok++;
      const bh = Math.max(6, Math.round((Math.log1p(b.latencyMs) / Math.log1p(maxLatency)) * (h - 2)));
      parts.push(`<rect class="p" x="${i}" y="${h - bh}" width="1" height="${bh}"/>`);
    }
  });
  flushMissing(buckets.length);
  const label = `24-hour history of ${id}: ${ok} passing, ${failed} failing, ${missing} without data (5-minute steps)`;
  return `<svg class="sparkline" data-ok="${ok}" data-failed="${failed}" data-missing="${missing}" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" preserveAspectRatio="none" role="img" aria-label="${html(label)}"><title>${html(label)}</title>${parts.join("")}</svg>`;
}

export interface PageInput {
  doc: StatusDocument;
  alerts: Alert[];
  sparklines: Map<string, (SparkBucket | null)[]>;
  now: Date;
  title?: string;
}

/** One self-contained index.html: inline CSS and SVG, no scripts, no outside assets. */
export function renderStatusPage(input: PageInput): string {
  const { doc, now } = input;
  const title = input.title ?? "Status";
  const cards = doc.sites.map((s) => {
    const spark = renderSparkline(s.id, input.sparklines.get(s.id) ?? new Array(SPARK_BUCKETS).fill(null));
    const deploy = s.last_deploy
      ? `deploy ${html(formatDays(s.last_deploy.age_days))} ago${s.last_deploy.status === "succeeded" ? "" : ` (${s.last_deploy.status})`}`
      : "no deploy data";
    const build = s.build_status
      ? `<a href="${html(safeHref(s.build_status.run_url))}">build ${html(s.build_status.conclusion)}</a>`
      : "";
    return `<article class="card ${s.status}" data-surface="${html(s.id)}" data-status="${s.status}">
<header><h2>${html(s.id)}</h2><span class="badge">${s.status.toUpperCase()}</span></header>
<p class="host">${html(s.hostname)} · ${html(s.provider)}</p>
<p class="live">${s.liveness.ok ? "" : "✗ "}${s.liveness.latency_ms} ms${s.liveness.status_code !== null ? ` · ${s.liveness.status_code}` : ""} · ${deploy}${build ? ` · ${build}` : ""}</p>
${s.error ? `<p class="err">${html(s.error)}</p>` : ""}
${spark}
<p class="age">checked ${html(formatAge(now.getTime() - Date.parse(s.checked_at)))} ago</p>
</article>`;
  });
  const alerts = input.alerts.length
    ? `<section class="alerts" aria-label="Alerts"><h2>Alerts</h2><ul>${input.alerts.map((a) => `<li class="${a.level}">⚠ ${html(a.text)}</li>`).join("")}</ul></section>`
    : "";
  const counts = SURFACE_STATES.map((st) => [st, doc.sites.filter((s) => s.status === st).length] as const)
    .filter(([, n]) => n > 0)
    .map(([st, n]) => `${n} ${st}`)
    .join(" · ");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${html(title)}</title>
<style>
:root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",sans-serif;background:#f6f8fa;color:#1f2328}
body{margin:0 auto;max-width:1280px;padding:24px}
h1{font-size:22px;margin:0 0 4px}
.meta{color:#59636e;margin:0 0 16px}
.alerts{background:#fff8c5;border:1px solid #d4a72c;border-radius:8px;padding:8px 16px;margin-bottom:16px}
.alerts h2{font-size:14px;margin:4px 0}
.alerts ul{margin:4px 0;padding-left:16px}
.alerts li.error{color:#a40e26}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:12px}
.card{background:#fff;border:1px solid #d1d9e0;border-left:6px solid #8c959f;border-radius:8px;padding:12px 14px}
.card.healthy{border-left-color:#1a7f37}.card.degraded{border-left-color:#bc4c00}.card.down{border-left-color:#cf222e}
.card.stale{border-left-color:#8c959f}.card.unknown{border-left-color:#d1d9e0}
.card header{display:flex;justify-content:space-between;align-items:center}
.card h2{font-size:16px;margin:0}
.badge{font-size:11px;font-weight:600;padding:2px 8px;border-radius:10px;background:#eaeef2}
.healthy .badge{background:#dafbe1;color:#1a7f37}.degraded .badge{background:#fff1e5;color:#bc4c00}
.down .badge{background:#ffebe9;color:#cf222e}
.card p{margin:4px 0;font-size:13px}.host,.age{color:#59636e}.err{color:#a40e26}
.sparkline{display:block;width:100%;height:28px;margin-top:8px;background:#f6f8fa}
.sparkline .p{fill:#2da44e}.sparkline .f{fill:#cf222e}.sparkline .m{fill:#afb8c1}
.legend{font-size:12px;color:#59636e;margin-top:16px}
.legend i{display:inline-block;width:10px;height:10px;margin:0 4px 0 12px;vertical-align:middle}
a{color:#0969da}
</style>
</head>
<body>
<h1>${html(title)}</h1>
<p class="meta">${doc.sites.length} surfaces · ${html(counts)} · generated ${html(doc.generated_at.replace("T", " ").replace(/\.\d+Z$/, " UTC"))}${doc.degraded_vendors.length ? ` · degraded vendors: ${html(doc.degraded_vendors.join(", "))}` : ""}</p>
${alerts}
<main class="grid">
${cards.join("\n")}
</main>
<p class="legend">Last 24 hours:<i style="background:#2da44e"></i>passing<i style="background:#cf222e"></i>failing<i style="background:#afb8c1"></i>no data</p>
</body>
</html>
`;
}

function html(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function safeHref(url: string): string {
  return /^https?:\/\//i.test(url) ? url : "#";
}
