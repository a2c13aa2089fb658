import { resolve } from "node:path";
import * as core from "@actions/core";
import { describeError, InputError } from "../core/errors.js";
import { parseGitRef, renderDeploySummary, shortSha } from "../core/heroku.js";
import { parseBoolean, parseChoice, parseHerokuApp, requireValue } from "../core/inputs.js";
import { type DeployMethod, releaseToHeroku } from "../pipelines/heroku-release.js";
import { HerokuClient } from "../vendors/heroku.js";
import { HerokuGit, LocalRepo } from "../vendors/heroku-git.js";
import { actionReporter, input, runStep, secretInput, setOutputs, writeSummary } from "./runtime.js";

export interface HerokuDeployInputs {
  app: string;
  apiKey: string;
  ref: string;
  method: DeployMethod;
  force: boolean;
  workingDirectory: string;
}

/** Turns raw inputs into typed settings; every problem names its input. `apiKey` must already be masked. */
export function parseHerokuDeployInputs(
  get: (name: string) => string,
  apiKey: string,
  env: NodeJS.ProcessEnv = process.env,
): HerokuDeployInputs {
  const app = parseHerokuApp("app", get("app"));
  requireValue("heroku-api-key", apiKey);
  const rawRef = get("ref") || env.GITHUB_SHA || "";
  if (!rawRef.trim()) throw new InputError("ref", "is required (there is no GITHUB_SHA to default to)");
  return {
    app,
    apiKey: apiKey.trim(),
    ref: parseGitRef("ref", rawRef),
    method: parseChoice("method", get("method"), ["git", "build"] as const, "git"),
    force: parseBoolean("force", get("force"), false),
    workingDirectory: resolve(env.GITHUB_WORKSPACE || process.cwd(), get("working-directory") || "."),
  };
}

export async function run(): Promise<void> {
  await runStep(async () => {
    const apiKey = secretInput("heroku-api-key");
    const settings = parseHerokuDeployInputs(input, apiKey);
    actionReporter.secret(Buffer.from(`heroku:${settings.apiKey}`).toString("base64"));
    const heroku = new HerokuClient({ apiKey: settings.apiKey, onRetry: (m) => actionReporter.warning(m) });
    const git = new HerokuGit({
      apiKey: settings.apiKey,
      cwd: settings.workingDirectory,
      onOutput: (line) => core.info(line),
    });
    const repo = new LocalRepo(settings.workingDirectory, (m) => actionReporter.info(m));
    const sha = await repo.resolveCommit("ref", settings.ref);
    try {
      const result = await releaseToHeroku(
        { app: settings.app, sha, method: settings.method, force: settings.force },
        { heroku, git, repo, reporter: actionReporter, tempDir: process.env.RUNNER_TEMP },
      );
      setOutputs({
        "release-id": result.after.release.id,
        "release-version": result.after.release.version,
        "previous-release-id": result.before?.release.id ?? "",
        "previous-sha": result.before?.commit ?? "",
        "deployed-sha": result.sha,
      });
      await writeSummary(
        renderDeploySummary({
          app: result.app,
          method: result.method,
          sha: result.sha,
          before: result.before,
          after: result.after,
          alreadyLive: result.alreadyLive,
          forced: result.forced,
          webUrl: result.webUrl,
          durationMs: result.durationMs,
        }),
      );
    } catch (err) {
      await writeSummary(
        `### ❌ Heroku deploy of \`${shortSha(sha)}\` to ${settings.app} failed\n\n\`\`\`\n${describeError(err)}\n\`\`\`\n`,
      );
      throw err;
    }
  });
}
