import { resolve } from "node:path";
import { describeError, InputError } from "../core/errors.js";
import { requireValue } from "../core/inputs.js";
import { parseAccountId, parsePagesProject } from "../core/pages.js";
import { renderPagesDeploySummary } from "../core/pages-summary.js";
import { releaseToPages } from "../pipelines/pages-release.js";
import { CloudflarePagesClient } from "../vendors/cloudflare-pages.js";
import { actionReporter, input, runStep, secretInput, setOutputs, writeSummary } from "./runtime.js";

export interface PagesDeployInputs {
  apiToken: string;
  accountId: string;
  project: string;
  directory: string;
  branch?: string;
  commitHash: string;
}

/** Turns raw inputs into typed settings; every problem names its input. `apiToken` must already be masked. */
export function parsePagesDeployInputs(
  get: (name: string) => string,
  apiToken: string,
  env: NodeJS.ProcessEnv = process.env,
): PagesDeployInputs {
  const token = requireValue("api-token", apiToken);
  const accountId = parseAccountId("account-id", get("account-id"));
  const project = parsePagesProject("project", get("project"));
  const dir = requireValue("directory", get("directory"));
  const branch = get("branch").trim();
  if (branch && (!/^[A-Za-z0-9._/-]+$/.test(branch) || branch.startsWith("-") || branch.includes("..")))
    throw new InputError("branch", `must be a git branch name; got '${branch.slice(0, 80)}'`);
  const commitHash = (get("commit-hash") || env.GITHUB_SHA || "").trim();
  if (!commitHash) throw new InputError("commit-hash", "is required (there is no GITHUB_SHA to default to)");
  if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/i.test(commitHash))
    throw new InputError(
      "commit-hash",
      `must be a full commit SHA (40 hex digits); got '${commitHash.slice(0, 80)}'`,
    );
  return {
    apiToken: token,
    accountId,
    project,
    directory: resolve(env.GITHUB_WORKSPACE || process.cwd(), dir),
    ...(branch ? { branch } : {}),
    commitHash: commitHash.toLowerCase(),
  };
}

export async function run(): Promise<void> {
  await runStep(async () => {
    const apiToken = secretInput("api-token");
    const settings = parsePagesDeployInputs(input, apiToken);
    const pages = new CloudflarePagesClient({
      apiToken: settings.apiToken,
      accountId: settings.accountId,
      baseUrl: process.env.CLOUDFLARE_API_URL,
      onRetry: (m) => actionReporter.warning(m),
    });
    try {
      const result = await releaseToPages(
        {
          project: settings.project,
          directory: settings.directory,
          branch: settings.branch,
          commitHash: settings.commitHash,
        },
        { pages, reporter: actionReporter },
      );
      setOutputs({
        "deployment-id": result.deployment.id,
        url: result.deployment.url,
        "previous-deployment-id": result.production ? (result.previous?.id ?? "") : "",
        environment: result.deployment.environment,
        "uploaded-files": result.uploaded.files,
      });
      await writeSummary(renderPagesDeploySummary(result));
    } catch (err) {
      await writeSummary(
        `### ❌ Cloudflare Pages deploy of ${settings.project} failed\n\n\`\`\`\n${describeError(err)}\n\`\`\`\n`,
      );
      throw err;
    }
  });
}
