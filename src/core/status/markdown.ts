import { formatDuration } from "../duration.js";
import { escapeMd } from "../markdown.js";
import type { Alert } from "./alerts.js";
import { formatAge } from "./alerts.js";
import { type Change, formatDays, type Verdict } from "./classify.js";
import type { SiteStatus, StatusDocument, SurfaceState } from "./shapes.js";

/** The Markdown of a sweep: the job summary and the incident issues. */

// ---- the job summary ----

export const STATE_MARKERS: Record<SurfaceState, string> = {
  healthy: "🟢",
  degraded: "🟠",
  down: "🔴",
  stale: "⚪",
  unknown: "❔",
};

export interface SummaryInput {
  doc: StatusDocument;
  alerts: Alert[];
  changes: Change[];
  incidents: { id: string; issue: number; url?: string; action: "opened" | "closed" }[];
  now: Date;
  durationMs: number;
  calls: number;
  notes?: string[];
}

export function renderSweepSummary(input: SummaryInput): string {
  const { doc, alerts, now } = input;
  const bad = doc.sites.filter((s) => s.status !== "healthy").length;
  const lines: string[] = [];
  lines.push(
    bad === 0
      ? `## 🟢 Status sweep: all ${doc.sites.length} surfaces healthy`
      : `## ${doc.sites.some((s) => s.status === "down") ? "🔴" : "🟠"} Status sweep: ${bad} of ${doc.sites.length} surfaces need attention`,
  );
  lines.push("");
  lines.push(
    `Checked ${doc.generated_at.replace("T", " ").replace(/\.\d+Z$/, " UTC")} · ${input.calls} calls in ${formatDuration(input.durationMs)}${doc.degraded_vendors.length ? ` · degraded vendors: ${doc.degraded_vendors.join(", ")}` : ""}`,
  );
  lines.push("");
  if (alerts.length || input.notes?.length) {
    lines.push("### Alerts", "");
    for (const a of alerts) lines.push(`- ${a.level === "error" ? "❌" : "⚠️"} ${escapeMd(a.text)}`);
    for (const n of input.notes ?? []) lines.push(`- ⚠️ ${escapeMd(n)}`);
    lines.push("");
  }
  if (input.changes.length || input.incidents.length) {
    lines.push("### Changes", "");
    for (const c of input.changes)
      lines.push(
        `- ${STATE_MARKERS[c.to]} **${escapeMd(c.id)}**: ${c.from ?? "new"} → ${c.to}${c.to === "healthy" ? "" : ` (${escapeMd(c.text)})`}`,
      );
    for (const i of input.incidents)
      lines.push(
        `- ${i.action === "opened" ? "Opened" : "Closed"} incident ${i.url ? `[#${i.issue}](${i.url})` : `#${i.issue}`} for ${escapeMd(i.id)}`,
      );
    lines.push("");
  }
  lines.push("### Surfaces", "");
  lines.push("| Surface | State | Latency | Last deploy | Last build | Data age |");
  lines.push("| --- | --- | ---: | --- | --- | ---: |");
  for (const s of doc.sites) {
    const state = `${STATE_MARKERS[s.status]} ${s.status}${s.error ? `<br>${escapeMd(truncate(s.error, 140))}` : ""}`;
    lines.push(
      `| **${escapeMd(s.id)}**<br>${escapeMd(s.hostname)} | ${state} | ${latencyCell(s)} | ${deployCell(s)} | ${buildCell(s, now)} | ${formatAge(now.getTime() - Date.parse(s.checked_at))} |`,
    );
  }
  lines.push("");
  return lines.join("\n");
}

function latencyCell(s: SiteStatus): string {
  const l = s.liveness;
  return `${l.ok ? "" : "❌ "}${l.latency_ms} ms${l.status_code !== null ? ` · ${l.status_code}` : ""}`;
}

function deployCell(s: SiteStatus): string {
  const d = s.last_deploy;
  if (!d) return "–";
  const mark = d.status === "succeeded" ? "✓" : d.status === "failed" ? "✗" : "…";
  return `${formatDays(d.age_days)} ago ${mark} ${escapeMd(truncate(d.author, 30))}`;
}

function buildCell(s: SiteStatus, now: Date): string {
  const b = s.build_status;
  if (!b) return "–";
  const mark = { success: "✅", failure: "❌", cancelled: "⊘", in_progress: "⏳", unknown: "❔" }[
    b.conclusion
  ];
  return `${mark} [${b.conclusion}](${b.run_url}) · ${escapeMd(b.trigger)} · ${formatAge(now.getTime() - Date.parse(b.started_at))} ago`;
}

export function truncate(text: string, n: number): string {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}

export function incidentMarker(surfaceId: string): string {
  return `<!-- prodgate:incident surface=${surfaceId} -->`;
}

export function incidentTitle(site: SiteStatus): string {
  return `Incident: ${site.id} (${site.hostname}) is ${site.status}`;
}

export function incidentBody(v: Verdict, now: Date, runUrl?: string): string {
  const s = v.site;
  return [
    incidentMarker(s.id),
    `**${escapeMd(s.id)}** (${escapeMd(s.hostname)}, ${s.provider}) turned **${s.status}** at ${now.toISOString()}.`,
    "",
    ...v.findings.filter((f) => f.weight !== "info").map((f) => `- ${escapeMd(f.text)}`),
    "",
    `Liveness: ${s.liveness.ok ? "ok" : "failing"}, ${s.liveness.latency_ms} ms${s.liveness.status_code !== null ? `, status ${s.liveness.status_code}` : ""}.`,
    runUrl ? `Found by [this status sweep](${runUrl}).` : "",
    "",
    "prodgate comments and closes this issue when the surface is healthy again.",
  ].join("\n");
}

export function recoveryComment(id: string, durationMs: number, now: Date, runUrl?: string): string {
  return `✅ **${escapeMd(id)}** is healthy again at ${now.toISOString()}, after ${formatDuration(durationMs)}.${runUrl ? ` ([status sweep](${runUrl}))` : ""}`;
}
