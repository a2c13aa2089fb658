import { describeError } from "../core/errors.js";
import { parseReleaseRef, type ReleaseRef, renderRollbackSummary } from "../core/heroku.js";
import { parseHerokuApp, requireValue } from "../core/inputs.js";
import { runRollback } from "../pipelines/rollback.js";
import { HerokuClient } from "../vendors/heroku.js";
import { actionReporter, input, runStep, secretInput, setOutputs, writeSummary } from "./runtime.js";

export interface HerokuRollbackInputs {
  app: string;
  apiKey: string;
  release: ReleaseRef;
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
  };
}

export async function run(): Promise<void> {
  await runStep(async () => {
    const apiKey = secretInput("heroku-api-key");
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
    } catch (err) {
      await writeSummary(
        `### ❌ Heroku rollback of ${settings.app} failed\n\n\`\`\`\n${describeError(err)}\n\`\`\`\n`,
      );
      throw err;
    }
  });
}
