import type { Command } from "commander";
import { parseHealthInputs } from "../../core/health-inputs.js";
import { runHealthCheck } from "../../pipelines/health-check.js";
import { type CliContext, EXIT, ExitError } from "../context.js";
import { paint } from "../terminal.js";

export function registerHealth(program: Command, ctx: CliContext): void {
  program
    .command("health")
    .description("Probe a health URL with retries, like the health-check action")
    .argument("<url>", "the URL to probe")
    .option("--attempts <n>", "attempts before giving up", "5")
    .option("--interval <duration>", "wait between attempts", "10s")
    .option("--timeout <duration>", "time limit of each attempt", "5s")
    .option("--expect-status <codes>", "healthy statuses (200, 200,204, 2xx)", "200")
    .option("--expect-body <text>", "a substring the body must contain")
    .option("--expect-json <path=value>", "a JSON expectation")
    .option("--method <method>", "GET or HEAD", "GET")
    .option("--json", "print the report as JSON on stdout")
    .action(async (url: string, opts: Record<string, string | boolean | undefined>) => {
      const get = (name: string) => {
        if (name === "url") return url;
        const v = opts[name.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase())];
        return typeof v === "string" ? v : "";
      };
      const settings = parseHealthInputs(get);
      const report = await runHealthCheck(settings, { reporter: ctx.reporter });
      if (opts.json) ctx.json(report);
      else if (report.healthy) ctx.reporter.info(paint(`healthy: ${report.url}`, "green"));
      if (!report.healthy)
        throw new ExitError(`${report.url} is unhealthy: ${report.lastReason}`, EXIT.failed);
    });
}
