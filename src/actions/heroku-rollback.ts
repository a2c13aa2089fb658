import { describeError } from "../core/errors.js";
import { isProduction } from "../core/gate.js";
import { parseReleaseRef, type ReleaseRef, renderRollbackSummary } from "../core/heroku.js";
import { parseHerokuApp, parseList, requireValue } from "../core/inputs.js";
import { recordLiveDeployment } from "../pipelines/deployment-record.js";
import { runRollback } from "../pipelines/rollback.js";
import { GitHubClient } from "../vendors/github.js";
import { HerokuClient } from "../vendors/heroku.js";
import { actionReporter, input, runStep, secretInput, setOutputs, writeSummary } from "./runtime.js";

export interface HerokuRollbackInputs {
  app: string;
  apiKey: string;
  release: ReleaseRef;
  /** With a GitHub token: the environment whose deployment record is moved to the rolled-back-to SHA. */
  environment: string;
  productionEnvironments: string[];
  githubToken?: string;
}

/** Turns raw inputs into typed settings; every problem names its input. `apiKey` must already be masked. */
export function parseHerokuRollbackInputs(
  get: (name: string) => string,
  apiKey: string,
): HerokuRollbackInputs {
  return {
    app: parseHerokuApp("app", get("app")),
    apiKey: requireValue("heroku-api-key", apiKey),
    release: parseReleaseRef("release", get("release")),
    environment: get("environment").trim() || "production",
    productionEnvironments: parseList(get("production-environments") || "production"),
    githubToken: get("github-token").trim() || undefined,
  };
}

function runUrl(env: NodeJS.ProcessEnv): string | undefined {
  const server = (env.GITHUB_SERVER_URL || "https://github.com").replace(/\/+$/, "");
  return env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
    ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
    : undefined;
}

export async function run(): Promise<void> {
  await runStep(async () => {
    const apiKey = secretInput("heroku-api-key");
    secretInput("github-token");
    const settings = parseHerokuRollbackInputs(input, apiKey);
    const heroku = new HerokuClient({ apiKey: settings.apiKey, onRetry: (m) => actionReporter.warning(m) });
    try {
      const result = await runRollback(
        { app: settings.app, release: settings.release },
        { heroku, reporter: actionReporter },
      );
      setOutputs({
        "release-id": result.after.release.id,
        "release-version": result.after.release.version,
        "rolled-back-to": result.target.release.version,
        "rolled-back-to-id": result.target.release.id,
        "previous-release-id": result.before.release.id,
        "previous-sha": result.before.commit ?? "",
        "live-sha": result.after.commit ?? "",
      });
      await writeSummary(renderRollbackSummary(result));
      const repository = process.env.GITHUB_REPOSITORY?.trim();
      if (settings.githubToken && repository && result.after.commit)
        await recordLiveDeployment(
          new GitHubClient({ token: settings.githubToken, repository }),
          {
            sha: result.after.commit,
            environment: settings.environment,
            app: settings.app,
            production: isProduction(settings.environment, settings.productionEnvironments),
            logUrl: runUrl(process.env),
            description: `Rolled back to v${result.target.release.version}`,
          },
          actionReporter,
        );
    } catch (err) {
      await writeSummary(
        `### ❌ Heroku rollback of ${settings.app} failed\n\n\`\`\`\n${describeError(err)}\n\`\`\`\n`,
      );
      throw err;
    }
  });
}
