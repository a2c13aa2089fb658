import type { Command } from "commander";
import type { CliContext } from "../context.js";
import type { DemoOptions } from "./demo-run.js";

/**
 * `prodgate demo`: registered here, loaded only when run, so that a real `prodgate deploy` starts without the
 * sandbox (the fakes, the embedded PostgreSQL) in its bundle.
 */
export function registerDemo(program: Command, ctx: CliContext): void {
  program
    .command("demo")
    .description(
      "A complete gated deploy in a local sandbox: embedded Postgres, Heroku fakes, /health, Slack (127.0.0.1 only)",
    )
    .option("--typing-delay <ms>", "delay between the characters of the auto-typed confirmation", "25")
    .option("--json", "also print the deploys and audit rows as JSON on stdout")
    .addHelpText(
      "after",
      "\nTakes about 15 s. Ctrl-C stops it and removes everything it started.\nExit codes: 0 done, 1 the demo broke, 130 interrupted.",
    )
    .action(async (opts: DemoOptions) => {
      const { runDemo } = await import("./demo-run.js");
      await runDemo(ctx, opts);
    });
}
