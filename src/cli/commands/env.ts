import type { Command } from "commander";
import { parseBranches, parseReviewers } from "../../core/gate.js";
import { parseInteger } from "../../core/inputs.js";
import { checkEnvironment } from "../../pipelines/env-check.js";
import { setupEnvironment } from "../../pipelines/gate.js";
import { GitHubClient, parseRepository } from "../../vendors/github.js";
import { type CliContext, EXIT, ExitError, envSecret } from "../context.js";
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
  const github = githubFor(ctx, `${owner}/${repo}`);
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

function githubFor(ctx: CliContext, repository: string): GitHubClient {
  const token = envSecret(ctx, "GITHUB_TOKEN", true) ?? "";
  return new GitHubClient({
    token,
    repository,
    baseUrl: ctx.env.GITHUB_API_URL,
    onRetry: ({ attempt, waitMs, reason, what }) =>
      ctx.reporter.info(
        `GitHub answered ${reason} for ${what}; retry ${attempt} in ${Math.round(waitMs)} ms`,
      ),
  });
}

export interface EnvCheckOptions {
  repo: string;
  environment: string;
  secret: string;
  json?: boolean;
}

/** `prodgate env check`: every weakness of the environment it can see; exit 1 on any. */
export async function envCheckCommand(ctx: CliContext, opts: EnvCheckOptions) {
  const { owner, repo } = parseRepository("--repo", opts.repo);
  const github = githubFor(ctx, `${owner}/${repo}`);
  const result = await checkEnvironment(
    opts.environment,
    { secret: opts.secret },
    { github, reporter: ctx.reporter },
  );
  if (opts.json) ctx.json(result);
  for (const f of result.findings) ctx.reporter.warning(f.message);
  if (result.findings.length === 0) {
    ctx.reporter.info(paint(`${opts.environment} of ${result.repository}: no weakness found`, "green"));
    return result;
  }
  throw new ExitError(
    `${opts.environment} of ${result.repository}: ${result.findings.length} weakness${result.findings.length === 1 ? "" : "es"} (${result.findings.map((f) => f.id).join(", ")})`,
    EXIT.failed,
  );
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
  env
    .command("check")
    .description(
      "Report every weakness of a deploy environment: no reviewers, self-review, any branch, the deploy key as a repository secret, no policy file",
    )
    .requiredOption("--repo <owner/name>", "the repository")
    .requiredOption("--environment <name>", "the environment")
    .option("--secret <name>", "the deploy key's secret name", "HEROKU_API_KEY")
    .option("--json", "print the findings as JSON on stdout")
    .addHelpText(
      "after",
      "\nReads only. GITHUB_TOKEN needs to read the environment, the repository's secrets (names only) and contents.\nExit codes: 0 no weakness, 1 weaknesses found (each printed), 2 bad usage.",
    )
    .action(async (opts: EnvCheckOptions) => {
      await envCheckCommand(ctx, opts);
    });
}
