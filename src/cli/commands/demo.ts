import type { Command } from "commander";
import { parseExpectStatus } from "../../core/health.js";
import { runHealthCheck } from "../../pipelines/health-check.js";
import { FakeServer } from "../../sandbox/fake-server.js";
import type { CliContext } from "../context.js";
import { paint, type TerminalReporter } from "../terminal.js";

/** A health check against a local endpoint that is down twice before it comes up. */
export async function runHealthDemo(reporter: TerminalReporter): Promise<void> {
  const server = new FakeServer("demo-health");
  server
    .route("GET", "/health", () => ({ body: { status: "ok" } }))
    .flap("GET", "/health", 2, { kind: "status", status: 503 });
  await server.start();
  try {
    reporter.info(
      paint("prodgate demo: health check of a local endpoint that fails twice, then recovers", "bold"),
    );
    const report = await runHealthCheck(
      {
        url: new URL(`${server.url}/health`),
        attempts: 5,
        intervalMs: 300,
        timeoutMs: 2000,
        expectStatus: parseExpectStatus("expect-status", "200"),
        expectJson: { path: ["status"], value: "ok", text: "status=ok" },
        headers: {},
        method: "GET",
        followRedirects: true,
      },
      { reporter },
    );
    reporter.info(
      report.healthy
        ? paint(`healthy after ${report.attempts.length} attempts`, "green")
        : paint("unhealthy", "red"),
    );
  } finally {
    await server.stop();
  }
}

export function registerDemo(program: Command, ctx: CliContext): void {
  program
    .command("demo")
    .description("Run a complete example in a local sandbox (loopback servers only)")
    .action(async () => {
      await runHealthDemo(ctx.reporter);
    });
}
