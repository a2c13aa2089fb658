import { describeError } from "../core/errors.js";
import type { Reporter } from "../core/ports.js";
import type { GitHubClient } from "../vendors/github.js";

/**
 * Tells GitHub what runs on an environment now, as a deployment of `sha` with a `success` status, after a
 * rollback: the next preview that holds no Heroku credential diffs from GitHub's newest successful deployment,
 * so it must not still be the release that was rolled back. Never fails the caller (a warning instead).
 */
export async function recordLiveDeployment(
  github: GitHubClient,
  req: {
    sha: string;
    environment: string;
    app: string;
    production: boolean;
    logUrl?: string;
    description: string;
  },
  reporter: Reporter,
): Promise<number | undefined> {
  try {
    const { deployment } = await github.findOrCreateDeployment({
      sha: req.sha,
      ref: req.sha,
      environment: req.environment,
      description: `prodgate: ${req.app}`,
      payload: { app: req.app },
      production_environment: req.production,
    });
    await github.setDeploymentStatus(deployment.id, {
      state: "success",
      log_url: req.logUrl,
      description: req.description,
    });
    return deployment.id;
  } catch (err) {
    reporter.warning(
      `GitHub was not told that ${req.sha.slice(0, 7)} is live on ${req.environment}: ${describeError(err)} (the next preview without a Heroku token diffs from the last deployment GitHub knows)`,
    );
    return undefined;
  }
}
