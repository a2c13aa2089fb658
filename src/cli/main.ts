import { Command, CommanderError } from "commander";
import { parseHealthInputs } from "../actions/health-check.js";
import { describeError, ProdgateError } from "../core/errors.js";
import { runHealthCheck } from "../pipelines/health-check.js";
import { runHealthDemo } from "./demo.js";
import { paint, TerminalReporter } from "./terminal.js";

/**
 * The `prodgate` command: the same pipelines as the actions, with a terminal reporter.
 *
 * Exit codes: 0 success; 1 the operation failed (unhealthy, deploy failed, ...); 2 bad usage or input;
 * 3 refused by a gate (wrong phrase, no actor, no terminal); 130 interrupted.
 */
export const EXIT = { ok: 0, failed: 1, usage: 2, refused: 3, interrupted: 130 } as const;

export class ExitError extends ProdgateError {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

export function buildProgram(reporter: TerminalReporter): Command {
  const program = new Command("prodgate")
    .description("Gate and watch production: gated deploys, rollbacks, sweeps and audit, from a terminal.")
    .showHelpAfterError()
    .exitOverride();

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
        const key = name.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
        const v = opts[key];
        return typeof v === "string" ? v : "";
      };
      const settings = parseHealthInputs(get);
      const report = await runHealthCheck(settings, { reporter });
      if (opts.json) process.stdout.write(`${JSON.stringify(report)}\n`);
      else if (report.healthy) reporter.info(paint(`healthy: ${report.url}`, "green"));
      if (!report.healthy)
        throw new ExitError(`${report.url} is unhealthy: ${report.lastReason}`, EXIT.failed);
    });

  program
    .command("demo")
    .description("Run a complete example in a local sandbox (loopback servers only)")
    .action(async () => {
      await runHealthDemo(reporter);
    });

  return program;
}

export async function run(argv = process.argv): Promise<void> {
  const reporter = new TerminalReporter();
  const program = buildProgram(reporter);
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode === 0 ? 0 : EXIT.usage;
      return;
    }
    reporter.error(describeError(err));
    process.exitCode =
      err instanceof ExitError
        ? err.code
        : err instanceof ProdgateError && err.name === "InputError"
          ? EXIT.usage
          : EXIT.failed;
  }
}
