import { InputError, ProdgateError } from "../core/errors.js";
import {
  parseBoolean,
  parseChoice,
  parseHerokuApp,
  parseInteger,
  parseList,
  parseSha,
} from "../core/inputs.js";
import {
  isRollback,
  MAX_PREVIEW_COMMITS,
  type Preview,
  previewOutputs,
  renderPreviewMarkdown,
  statusSentence,
} from "../core/preview.js";
import { type CommentMode, computePreview, publishPreviewComment } from "../pipelines/preview.js";
import { GitHubClient } from "../vendors/github.js";
import { HerokuClient } from "../vendors/heroku.js";
import { actionReporter, input, runStep, secretInput, setOutputs, writeSummary } from "./runtime.js";

export interface DiffPreviewInputs {
  app?: string;
  herokuApiKey?: string;
  fromSha?: string;
  ref: string;
  githubToken: string;
  comment: CommentMode;
  maxCommits: number;
  environment: string;
  productionEnvironments: string[];
  failOnEmpty: boolean;
}

/** Typed inputs; every problem names its input. `env` gives the run's defaults (GITHUB_SHA). */
export function parseDiffPreviewInputs(
  get: (name: string) => string,
  env: NodeJS.ProcessEnv = process.env,
): DiffPreviewInputs {
  const rawApp = get("app").trim();
  const app = rawApp ? parseHerokuApp("app", rawApp) : undefined;
  const herokuApiKey = get("heroku-api-key").trim() || undefined;
  const rawFrom = get("from-sha").trim();
  const fromSha = rawFrom ? parseSha("from-sha", rawFrom) : undefined;
  if (!fromSha && !app)
    throw new InputError("app", "is required to read the live release, unless from-sha is given");
  const ref = parseRef("ref", get("ref").trim() || env.GITHUB_SHA || "");
  const githubToken = get("github-token").trim();
  if (!githubToken)
    throw new InputError("github-token", "is required (the default is the job's github.token)");
  const environment = get("environment").trim() || "production";
  if (environment.length > 255 || /[\u0000-\u001f]/.test(environment))
    throw new InputError("environment", "must be an environment name of at most 255 characters");
  const productionEnvironments = parseList(get("production-environments") || "production");
  return {
    productionEnvironments,
    app,
    herokuApiKey,
    fromSha,
    ref,
    githubToken,
    comment: parseChoice("comment", get("comment"), ["auto", "pr", "commit", "none"] as const, "auto"),
    maxCommits: parseInteger("max-commits", get("max-commits") || "50", 0, MAX_PREVIEW_COMMITS),
    environment,
    failOnEmpty: parseBoolean("fail-on-empty", get("fail-on-empty"), false),
  };
}

/** A branch, tag or SHA, as git allows it in a ref name. */
export function parseRef(input: string, raw: string): string {
  const ref = raw.trim();
  if (!ref)
    throw new InputError(input, "is required (a branch, tag or SHA; the default is the workflow's SHA)");
  if (
    ref.length > 255 ||
    ref.startsWith("-") ||
    ref.includes("..") ||
    /[\s~^:?*[\\\u0000-\u001f\u007f]/.test(ref) ||
    ref.endsWith("/") ||
    ref.endsWith(".lock")
  )
    throw new InputError(input, `must be a branch, tag or commit SHA; got '${ref.slice(0, 80)}'`);
  return ref;
}

export async function run(): Promise<void> {
  await runStep(async () => {
    secretInput("github-token");
    secretInput("heroku-api-key");
    const inputs = parseDiffPreviewInputs(input);
    const env = process.env;
    const repository = env.GITHUB_REPOSITORY ?? "";
    const serverUrl = (env.GITHUB_SERVER_URL || "https://github.com").replace(/\/+$/, "");
    const runUrl =
      env.GITHUB_RUN_ID && repository
        ? `${serverUrl}/${repository}/actions/runs/${env.GITHUB_RUN_ID}`
        : undefined;
    const onRetry = (what: string) => actionReporter.info(what);
    const github = new GitHubClient({
      token: inputs.githubToken,
      repository,
      baseUrl: env.GITHUB_API_URL,
      onRetry: ({ attempt, waitMs, reason, what }) =>
        onRetry(`GitHub answered ${reason} for ${what}; retry ${attempt} in ${Math.round(waitMs)} ms`),
    });
    const heroku =
      !inputs.fromSha && inputs.herokuApiKey
        ? new HerokuClient({ apiKey: inputs.herokuApiKey, onRetry })
        : undefined;

    const preview = await actionReporter.group("Diff preview", () =>
      computePreview(
        {
          app: inputs.app,
          environment: inputs.environment,
          productionEnvironments: inputs.productionEnvironments,
          ref: inputs.ref,
          fromSha: inputs.fromSha,
          // No Heroku credential (the preview job holds none): GitHub's newest successful deployment.
          liveFromDeployments: !inputs.herokuApiKey,
          maxCommits: inputs.maxCommits,
          serverUrl,
          runUrl,
        },
        { github, heroku, reporter: actionReporter },
      ),
    );
    setOutputs(previewOutputs(preview));
    await writeSummary(renderPreviewMarkdown(preview, { variant: "summary" }));
    warn(preview);

    if (inputs.comment !== "none")
      await publishPreviewComment(preview, { github, mode: inputs.comment, reporter: actionReporter });

    if (preview.status === "identical" && inputs.failOnEmpty)
      throw new ProdgateError(`${statusSentence(preview)} (fail-on-empty is true)`);
  });
}

function warn(preview: Preview): void {
  if (isRollback(preview) || preview.status === "diverged" || preview.status === "unknown")
    actionReporter.warning(statusSentence(preview));
}
