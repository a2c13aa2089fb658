import { readFileSync } from "node:fs";
import { type NoticeProject, parseNoticeProjects } from "../core/deploy-notice.js";
import { InputError } from "../core/errors.js";
import { requireValue } from "../core/inputs.js";
import { runDeployNotice } from "../pipelines/deploy-notice.js";
import { GitHubClient } from "../vendors/github.js";
import { actionReporter, input, runStep, secretInput, setOutputs } from "./runtime.js";

export interface DeployNoticeInputs {
  githubToken: string;
  projects: NoticeProject[];
  pr: number;
  baseBranch: string;
  key?: string;
}

interface PullRequestEvent {
  pull_request?: { number?: number; base?: { ref?: string } };
  repository?: { default_branch?: string };
}

function readEvent(env: NodeJS.ProcessEnv): PullRequestEvent {
  if (!env.GITHUB_EVENT_PATH) return {};
  try {
    return JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8")) as PullRequestEvent;
  } catch {
    return {};
  }
}

/** Turns raw inputs (and the event) into typed settings; every problem names its input. The token must be masked. */
export function parseDeployNoticeInputs(
  get: (name: string) => string,
  githubToken: string,
  env: NodeJS.ProcessEnv = process.env,
): DeployNoticeInputs {
  const token = requireValue("github-token", githubToken);
  const projects = parseNoticeProjects("projects", get("projects"));
  const event = readEvent(env);
  const rawPr = get("pull-request").trim();
  let pr: number;
  if (rawPr) {
    if (!/^[1-9]\d{0,9}$/.test(rawPr.replace(/^#/, "")))
      throw new InputError("pull-request", `must be a pull request number; got '${rawPr.slice(0, 40)}'`);
    pr = Number(rawPr.replace(/^#/, ""));
  } else if (typeof event.pull_request?.number === "number") pr = event.pull_request.number;
  else
    throw new InputError(
      "pull-request",
      `is required outside pull_request events (this run is ${env.GITHUB_EVENT_NAME || "not an event"})`,
    );
  const baseBranch =
    get("base-branch").trim() || event.pull_request?.base?.ref || event.repository?.default_branch || "main";
  const key = get("key").trim();
  if (key && !/^[A-Za-z0-9._-]{1,60}$/.test(key))
    throw new InputError("key", `must be letters, digits, '.', '_' or '-'; got '${key.slice(0, 60)}'`);
  return { githubToken: token, projects, pr, baseBranch, ...(key ? { key } : {}) };
}

export async function run(): Promise<void> {
  await runStep(async () => {
    const githubToken = secretInput("github-token");
    const settings = parseDeployNoticeInputs(input, githubToken);
    const github = new GitHubClient({
      token: settings.githubToken,
      repository: process.env.GITHUB_REPOSITORY ?? "",
      baseUrl: process.env.GITHUB_API_URL,
      onRetry: ({ attempt, waitMs, reason, what }) =>
        actionReporter.info(
          `GitHub answered ${reason} for ${what}; retry ${attempt} in ${Math.round(waitMs)} ms`,
        ),
    });
    const result = await runDeployNotice(
      { pr: settings.pr, baseBranch: settings.baseBranch, projects: settings.projects, key: settings.key },
      { github, reporter: actionReporter },
    );
    setOutputs({
      affected: result.affected.length > 0,
      projects: result.affected.map((a) => a.project).join(","),
      domains: [...new Set(result.affected.map((a) => a.domain))].join(","),
      "comment-url": result.comment?.comment.html_url ?? "",
    });
  });
}
