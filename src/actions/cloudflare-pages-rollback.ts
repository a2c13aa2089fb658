import { describeError } from "../core/errors.js";
import { requireValue } from "../core/inputs.js";
import { commitOf, parseAccountId, parseDeploymentRef, parsePagesProject } from "../core/pages.js";
import { renderPagesRollbackSummary } from "../core/pages-summary.js";
import { rollbackPages } from "../pipelines/pages-rollback.js";
import { CloudflarePagesClient } from "../vendors/cloudflare-pages.js";
import { actionReporter, input, runStep, secretInput, setOutputs, writeSummary } from "./runtime.js";

export interface PagesRollbackInputs {
  apiToken: string;
  accountId: string;
  project: string;
  /** Undefined: the previous successful production deployment. */
  deployment?: string;
}

/** Turns raw inputs into typed settings; every problem names its input. `apiToken` must already be masked. */
export function parsePagesRollbackInputs(
  get: (name: string) => string,
  apiToken: string,
): PagesRollbackInputs {
  const deployment = parseDeploymentRef("deployment", get("deployment"));
  return {
    apiToken: requireValue("api-token", apiToken),
    accountId: parseAccountId("account-id", get("account-id")),
    project: parsePagesProject("project", get("project")),
    ...(deployment ? { deployment } : {}),
  };
}

export async function run(): Promise<void> {
  await runStep(async () => {
    const apiToken = secretInput("api-token");
    const settings = parsePagesRollbackInputs(input, apiToken);
    const pages = new CloudflarePagesClient({
      apiToken: settings.apiToken,
      accountId: settings.accountId,
      baseUrl: process.env.CLOUDFLARE_API_URL,
      onRetry: (m) => actionReporter.warning(m),
    });
    try {
      const result = await rollbackPages(
        { project: settings.project, deployment: settings.deployment },
        { pages, reporter: actionReporter },
      );
      setOutputs({
        "deployment-id": result.target.id,
        "rolled-back-to": result.target.id,
        "previous-deployment-id": result.before.id,
        "live-sha": commitOf(result.target) ?? "",
      });
      await writeSummary(renderPagesRollbackSummary(result));
    } catch (err) {
      await writeSummary(
        `### ❌ Cloudflare Pages rollback of ${settings.project} failed\n\n\`\`\`\n${describeError(err)}\n\`\`\`\n`,
      );
      throw err;
    }
  });
}
