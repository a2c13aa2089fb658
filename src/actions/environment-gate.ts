import { GateError, InputError } from "../core/errors.js";
import { parseBoolean, parseChoice, parseList, requireValue } from "../core/inputs.js";
import {
  defaultRequireReviewers,
  GATE_MODES,
  type GateMode,
  type GateResult,
  renderGateSummary,
  runEnvironmentGate,
} from "../pipelines/gate.js";
import { loadPolicy } from "../pipelines/policy.js";
import { GitHubClient } from "../vendors/github.js";
import { type IssueModeInputs, parseIssueModeInputs, runIssueModeGate } from "./environment-gate-issue.js";
import { actionReporter, input, runStep, secretInput, setOutputs, writeSummary } from "./runtime.js";

export interface EnvironmentGateInputs {
  mode: GateMode;
  environment: string;
  productionEnvironments: string[];
  requireReviewers: boolean;
  githubToken: string;
  repository: string;
  eventName: string;
  /** Who started the run (github.actor). */
  actor: string;
  /** Who started this attempt (github.triggering_actor; differs on a re-run by someone else). */
  triggeringActor?: string;
  runAttempt: number;
  /** Reads team members (org Members: read), which the job's token cannot. */
  teamsToken?: string;
  /** The issue-comment gate's inputs (mode: issue). */
  issue?: IssueModeInputs;
  runId?: string;
  runUrl?: string;
  serverUrl: string;
}

/** Typed inputs and the run's facts (GITHUB_*); every problem names its input. */
export function parseEnvironmentGateInputs(
  get: (name: string) => string,
  env: NodeJS.ProcessEnv = process.env,
): EnvironmentGateInputs {
  const mode = parseChoice("mode", get("mode"), GATE_MODES, "environment");
  const environment = requireValue("environment", get("environment"));
  if (environment.length > 255 || /[\u0000-\u001f]/.test(environment))
    throw new InputError("environment", "must be an environment name of at most 255 characters");
  const productionEnvironments = parseList(get("production-environments") || "production");
  const githubToken = get("github-token").trim();
  if (!githubToken)
    throw new InputError("github-token", "is required (the default is the job's github.token)");
  const repository = env.GITHUB_REPOSITORY?.trim() ?? "";
  if (!repository)
    throw new InputError("GITHUB_REPOSITORY", "is not set: environment-gate runs inside GitHub Actions");
  const serverUrl = (env.GITHUB_SERVER_URL?.trim() || "https://github.com").replace(/\/+$/, "");
  const runId = env.GITHUB_RUN_ID?.trim() || undefined;
  return {
    mode,
    environment,
    productionEnvironments,
    requireReviewers: parseBoolean(
      "require-reviewers",
      get("require-reviewers"),
      defaultRequireReviewers(environment, productionEnvironments),
    ),
    githubToken,
    repository,
    eventName: env.GITHUB_EVENT_NAME?.trim() || "",
    actor: env.GITHUB_ACTOR?.trim() || env.GITHUB_TRIGGERING_ACTOR?.trim() || "unknown",
    triggeringActor: env.GITHUB_TRIGGERING_ACTOR?.trim() || undefined,
    runAttempt: parseRunAttempt(env.GITHUB_RUN_ATTEMPT),
    teamsToken: get("approvers-token").trim() || undefined,
    issue: mode === "issue" ? parseIssueModeInputs(get, env) : undefined,
    runId,
    runUrl: runId ? `${serverUrl}/${repository}/actions/runs/${runId}` : undefined,
    serverUrl,
  };
}

export function gateOutputs(result: GateResult): Record<string, string> {
  return {
    decision: result.decision,
    "approved-by": result.approvedBy.join(","),
    "approved-at": result.approvedAt ?? "",
    "approval-comment": result.approvalComment ?? "",
    reviewers: result.reviewers.join(","),
  };
}

function parseRunAttempt(raw: string | undefined): number {
  const n = Number(raw || "1");
  return Number.isInteger(n) && n > 0 ? n : 1;
}

export async function run(): Promise<void> {
  await runStep(async () => {
    secretInput("github-token");
    secretInput("approvers-token");
    const inputs = parseEnvironmentGateInputs(input);
    const client = (token: string) =>
      new GitHubClient({
        token,
        repository: inputs.repository,
        onRetry: ({ attempt, waitMs, reason, what }) =>
          actionReporter.info(
            `GitHub answered ${reason} for ${what}; retry ${attempt} in ${Math.round(waitMs)} ms`,
          ),
      });
    const github = client(inputs.githubToken);
    const teams = inputs.teamsToken ? client(inputs.teamsToken) : undefined;
    let result: GateResult;
    try {
      const policy = await loadPolicy(github, actionReporter);
      switch (inputs.mode) {
        case "environment":
          result = await runEnvironmentGate(
            {
              environment: inputs.environment,
              productionEnvironments: inputs.productionEnvironments,
              requireReviewers: inputs.requireReviewers,
              eventName: inputs.eventName,
              actor: inputs.triggeringActor ?? inputs.actor,
              runActor: inputs.actor,
              runId: inputs.runId,
              runAttempt: inputs.runAttempt,
              repository: inputs.repository,
            },
            { github, teams, reporter: actionReporter, policy: policy ?? null },
          );
          break;
        case "issue":
          if (!inputs.issue) throw new InputError("mode", "issue needs the approvers input");
          result = await runIssueModeGate(inputs.issue, inputs, {
            github,
            teams,
            reporter: actionReporter,
            policy,
          });
          break;
      }
    } catch (err) {
      if (err instanceof GateError) {
        setOutputs({ decision: "rejected" });
        await writeSummary(`### ⛔ Gate: ${inputs.environment}\n\n${err.message}\n`);
      }
      throw err;
    }
    setOutputs(gateOutputs(result));
    await writeSummary(renderGateSummary(inputs, result));
  });
}
