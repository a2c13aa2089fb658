import { formatDuration } from "../duration.js";
import type { Change, SweepGap } from "./classify.js";
import { truncate } from "./markdown.js";

/** The Slack text of a sweep's changes (mrkdwn). */

export function renderSlackChanges(
  changes: Change[],
  gap: SweepGap | undefined,
  runUrl?: string,
): string | undefined {
  const lines: string[] = [];
  for (const c of changes) {
    const marker =
      c.to === "healthy"
        ? ":large_green_circle:"
        : c.to === "down"
          ? ":red_circle:"
          : ":large_orange_circle:";
    lines.push(
      `${marker} *${slackEscape(c.id)}* ${c.from ?? "new"} → *${c.to}*${c.to === "healthy" ? "" : `: ${slackEscape(truncate(c.text, 200))}`}`,
    );
  }
  if (gap?.over)
    lines.push(
      `:warning: Sweep gap: ${formatDuration(gap.gapMs)} since the previous sweep (expected every ${formatDuration(gap.expectedMs)})`,
    );
  if (!lines.length) return undefined;
  if (runUrl) lines.push(`<${runUrl}|status sweep run>`);
  return lines.join("\n");
}

function slackEscape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
