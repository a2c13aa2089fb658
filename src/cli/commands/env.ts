import type { Command } from "commander";
import { parseBranches, parseReviewers } from "../../core/gate.js";
import { parseInteger } from "../../core/inputs.js";
import { setupEnvironment } from "../../pipelines/gate.js";
import { GitHubClient, parseRepository } from "../../vendors/github.js";
import { type CliContext, envSecret } from "../context.js";
import { paint } from "../terminal.js";

export interface EnvSetupOptions {
  repo: string;
  environment: string;
  reviewers: string;
  preventSelfReview?: boolean;
  branch?: string;
  waitTimer?: string;
  dryRun?: boolean;
  json?: boolean;
}

/** `prodgate env setup`: the environment's protection rules as code; running it again changes nothing. */
export async function envSetupCommand(ctx: CliContext, opts: EnvSetupOptions) {
  const { owner, repo } = parseRepository("--repo", opts.repo);
  const spec = {
    reviewers: parseReviewers("--reviewers", opts.reviewers),
    preventSelfReview: Boolean(opts.preventSelfReview),
    waitTimer:
      opts.waitTimer === undefined ? undefined : parseInteger("--wait-timer", opts.waitTimer, 0, 43_200),
    branches: opts.branch === undefined ? undefined : parseBranches("--branch", opts.branch),
  };
  const token = envSecret(ctx, "GITHUB_TOKEN", true) ?? "";
  const github = new GitHubClient({
    token,
    repository: `${owner}/${repo}`,
    baseUrl: ctx.env.GITHUB_API_URL,
    onRetry: ({ attempt, waitMs, reason, what }) =>
      ctx.reporter.info(
        `GitHub answered ${reason} for ${what}; retry ${attempt} in ${Math.round(waitMs)} ms`,
      ),
  });
  const result = await setupEnvironment(opts.environment, spec, {
    github,
    reporter: ctx.reporter,
    dryRun: opts.dryRun,
  });
  if (opts.json)
    ctx.json({ ...result, changed: result.changes.length > 0 && !opts.dryRun, dryRun: Boolean(opts.dryRun) });
  else if (result.changes.length === 0)
    ctx.reporter.info(paint(`${opts.environment}: already as configured`, "green"));
  else if (!opts.dryRun)
    ctx.reporter.info(
      paint(`${opts.environment}: required reviewers ${result.reviewers.join(", ")}`, "green"),
    );
  return result;
}

export function registerEnv(program: Command, ctx: CliContext): void {
  const env = program.command("env").description("GitHub environments that gate deploys (GITHUB_TOKEN)");
  env
    .command("setup")
    .description(
      "Give an environment required reviewers (and branch rules), idempotently: environment as code",
    )
    .requiredOption("--repo <owner/name>", "the repository")
    .requiredOption("--environment <name>", "the environment (created when missing)")
    .requiredOption(
      "--reviewers <list>",
      "required reviewers: logins and @org/team slugs, comma-separated (at most 6)",
    )
    .option("--prevent-self-review", "the person who started a deploy cannot approve it")
    .option("--branch <list>", "only these branches (patterns like release/*) may deploy; '' for any branch")
    .option("--wait-timer <minutes>", "minutes to wait after approval before the job runs")
    .option("--dry-run", "say what would change, change nothing")
    .option("--json", "print the result as JSON on stdout")
    .addHelpText(
      "after",
      "\nGITHUB_TOKEN must administer the repository (fine-grained: Administration write; classic: repo);\na workflow's GITHUB_TOKEN cannot. Required reviewers on private repositories need GitHub Enterprise\n(or use environment-gate's mode: issue).",
    )
    .action(async (opts: EnvSetupOptions) => {
      await envSetupCommand(ctx, opts);
    });
}
