/**
 * The console's page shell and formatting: one stylesheet for every page (console.css, light and dark, phone
 * width), landmarks (banner, navigation, main, contentinfo), and the number formats every page shares.
 * Everything a page shows is text in its HTML; colour only repeats what the words say.
 */

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Only http(s) links leave the console; anything else becomes no link. */
export function safeHref(url: string | null | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

export function link(url: string | null | undefined, label: string): string {
  const href = safeHref(url);
  return href ? `<a href="${esc(href)}">${esc(label)}</a>` : esc(label);
}

/** 99.95% (two decimals, truncated toward the worse so 99.999% never shows as 100.00%). */
export function pct(x: number | null | undefined): string {
  if (x === null || x === undefined || Number.isNaN(x)) return "–";
  const v = Math.floor(x * 10_000) / 100;
  return `${v.toFixed(2)}%`;
}

/** A share as a whole-ish percentage (no-data share): 0%, 0.4%, 12%. */
export function share(x: number): string {
  const v = x * 100;
  if (v === 0) return "0%";
  if (v < 10) return `${v.toFixed(1)}%`;
  return `${Math.round(v)}%`;
}

export function utc(iso: string | null | undefined): string {
  if (!iso) return "–";
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return "–";
  return new Date(t).toISOString().slice(0, 16).replace("T", " ");
}

/** 45s, 12 min, 3h 05m, 2.5 days. */
export function span(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "–";
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min`;
  if (m < 48 * 60) return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, "0")}m`;
  return `${(m / 1440).toFixed(1)} days`;
}

export function sha(s: string | null | undefined): string {
  return s ? s.slice(0, 7) : "–";
}

/** `<time>` with the exact instant for machines and the minute for people. */
export function when(iso: string | null | undefined): string {
  if (!iso) return "–";
  return `<time datetime="${esc(iso)}">${utc(iso)}</time>`;
}

export const STATE_WORDS: Record<string, string> = {
  healthy: "HEALTHY",
  degraded: "DEGRADED",
  down: "DOWN",
  stale: "STALE",
  unknown: "UNKNOWN",
  maintenance: "MAINTENANCE",
};

export function stateBadge(state: string): string {
  return `<span class="st st-${esc(state)}">${esc(STATE_WORDS[state] ?? state.toUpperCase())}</span>`;
}

export type Section = "dashboard" | "metrics" | "secrets" | "surface";

export interface PageShell {
  title: string;
  siteTitle: string;
  /** "" at the root, "../" one folder down. */
  root: string;
  active: Section;
  secrets: boolean;
  generatedAt: string;
  body: string;
}

export function page(p: PageShell): string {
  const nav = [
    ["index.html", "Dashboard", "dashboard"],
    ["metrics.html", "Delivery", "metrics"],
    ...(p.secrets ? [["secrets.html", "Secrets", "secrets"]] : []),
    ["feed.xml", "Feed", "feed"],
  ]
    .map(
      ([href, label, key]) =>
        `<a href="${p.root}${href}"${key === p.active ? ' aria-current="page"' : ""}>${label}</a>`,
    )
    .join(" ");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'">
<title>${esc(p.title)}</title>
<link rel="stylesheet" href="${p.root}console.css">
${p.active === "dashboard" ? `<link rel="alternate" type="application/atom+xml" title="Incidents and maintenance" href="feed.xml">` : ""}
</head>
<body>
<header><p class="brand"><a href="${p.root}index.html">${esc(p.siteTitle)}</a></p><nav aria-label="Console">${nav}</nav></header>
<main>
${p.body}
</main>
<footer><p>Built <time datetime="${esc(p.generatedAt)}">${utc(p.generatedAt)}</time> by prodgate. Times are UTC.</p></footer>
</body>
</html>
`;
}

/**
 * A table with a caption; it scrolls sideways on a narrow screen (display: block). Cells leave out their end
 * tags, as HTML allows, which keeps fifty pages of tables small.
 */
export function table(caption: string, head: string[], rows: string[][], empty: string, cls = ""): string {
  if (!rows.length) return `<p class="empty">${esc(empty)}</p>`;
  return `<table${cls ? ` class="${cls}"` : ""}><caption>${esc(caption)}</caption><thead><tr><th>${head.join("<th>")}<tbody>${rows.map((r) => `<tr><th>${r[0]}<td>${r.slice(1).join("<td>")}`).join("")}</table>`;
}

export const CONSOLE_CSS = `:root{color-scheme:light dark;--bg:#f6f8fa;--fg:#1f2328;--mut:#59636e;--card:#fff;--line:#d1d9e0;--ok:#1a7f37;--okb:#dafbe1;--warn:#9a6700;--warnb:#fff8c5;--bad:#cf222e;--badb:#ffebe9;--deg:#bc4c00;--degb:#fff1e5;--grey:#818b98;--greyb:#eaeef2;--mnt:#8250df;--mntb:#fbefff;--a:#0969da;font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;background:var(--bg);color:var(--fg)}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--mut:#9198a1;--card:#151b23;--line:#3d444d;--ok:#3fb950;--okb:#12261e;--warn:#d29922;--warnb:#272115;--bad:#f85149;--badb:#25171c;--deg:#db6d28;--degb:#271b12;--grey:#9198a1;--greyb:#262c36;--mnt:#ab7df8;--mntb:#211a30;--a:#4493f8}}
body{margin:0 auto;max-width:1200px;padding:0 16px 24px}
a{color:var(--a)}
header{display:flex;flex-wrap:wrap;gap:8px 24px;align-items:baseline;justify-content:space-between;padding:14px 0;border-bottom:1px solid var(--line)}
.brand{margin:0;font-weight:600;font-size:18px}.brand a{color:var(--fg);text-decoration:none}
nav a{margin-left:12px}nav a[aria-current]{font-weight:600;color:var(--fg)}
h1{font-size:22px;margin:16px 0 4px}h2{font-size:17px;margin:22px 0 8px}
.meta,.empty,footer{color:var(--mut)}footer{margin-top:28px;font-size:13px;border-top:1px solid var(--line)}
.alerts{background:var(--warnb);border:1px solid var(--warn);border-radius:8px;padding:6px 14px}
.alerts ul{margin:6px 0;padding-left:18px}.alerts .error{color:var(--bad)}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(250px,1fr));gap:10px;padding:0;list-style:none}
.card{background:var(--card);border:1px solid var(--line);border-left:6px solid var(--grey);border-radius:8px;padding:10px 12px}
.card h3{margin:0 0 4px;font-size:15px;display:flex;justify-content:space-between;gap:8px}
.card p{margin:2px 0;font-size:13px}
.c-healthy{border-left-color:var(--ok)}.c-degraded{border-left-color:var(--deg)}.c-down{border-left-color:var(--bad)}.c-maintenance{border-left-color:var(--mnt)}
.st{font-size:11px;font-weight:700;padding:1px 7px;border-radius:9px;background:var(--greyb);color:var(--fg);white-space:nowrap}
.st-healthy{background:var(--okb);color:var(--ok)}.st-degraded{background:var(--degb);color:var(--deg)}.st-down{background:var(--badb);color:var(--bad)}.st-maintenance{background:var(--mntb);color:var(--mnt)}
table{display:block;overflow-x:auto;max-width:100%;border-collapse:collapse;background:var(--card);font-size:13px;margin-bottom:8px}
caption{text-align:left;font-weight:600;padding:4px 0;color:var(--mut)}
th,td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;white-space:nowrap}td{font-variant-numeric:tabular-nums}
.cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:0 16px}
.spark{display:block;width:100%;height:40px;background:var(--greyb);border-radius:4px}
.spark .p{fill:var(--ok)}.spark .f{fill:var(--bad)}.spark .m{fill:var(--grey)}.spark .n{fill:var(--mnt)}
.legend{font-size:12px;color:var(--mut)}
.mnt{background:var(--mntb);border:1px solid var(--mnt);border-radius:8px;padding:6px 14px}
.bad{color:var(--bad);font-weight:600}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
@media (max-width:600px){body{padding:0 10px 16px}nav a{margin:0 12px 0 0}th,td{padding:4px 5px}}
`;
