import { parseDuration } from "../core/duration.js";
import { InputError } from "../core/errors.js";
import { isProduction } from "../core/gate.js";
import {
  parseBoolean,
  parseChoice,
  parseHttpUrl,
  parseList,
  parseSha,
  requireValue,
} from "../core/inputs.js";
import { escapeMd } from "../core/markdown.js";
import { DEPLOY_STATUSES, type DeployNotice, environmentBadge, statusLabel } from "../core/slack-message.js";
import { type NotifyResult, notifySlack, type SlackTarget } from "../pipelines/notify.js";
import { DEFAULT_SLACK_API_URL } from "../vendors/slack.js";
import { actionReporter, input, maskSecret, runStep, setOutputs, writeSummary } from "./runtime.js";

export interface SlackNotifyInputs {
  target: SlackTarget;
  notice: DeployNotice;
  updateTs?: string;
  failOnError: boolean;
  timeoutMs: number;
}

/**
 * Turns raw inputs (and the runner's GITHUB_* variables) into a target and a notice; every problem names its
 * input. `get` must already have masked `token` and `webhook-url`. Shared with the deploy action.
 */
export function parseSlackInputs(
  get: (name: string) => string,
  env: NodeJS.ProcessEnv = process.env,
  prefix = "",
): SlackNotifyInputs {
  const name = (n: string) => `${prefix}${n}`;
  const token = get(name("token")).trim();
  const channel = get(name("channel")).trim();
  const webhookRaw = get(name("webhook-url")).trim();

  const target: SlackTarget = {};
  if (token) {
    if (!channel)
      throw new InputError(
        name("channel"),
        `is required with '${name("token")}' (a channel ID like C0123456789 or #name)`,
      );
    target.token = token;
    target.channel = channel;
    target.baseUrl = parseHttpUrl("SLACK_API_URL", env.SLACK_API_URL?.trim() || DEFAULT_SLACK_API_URL)
      .toString()
      .replace(/\/+$/, "");
  }
  if (webhookRaw) {
    parseHttpUrl(name("webhook-url"), webhookRaw);
    target.webhookUrl = webhookRaw;
  }
  if (!token && !webhookRaw) {
    if (channel)
      throw new InputError(
        name("token"),
        `is required with '${name("channel")}' (a Slack bot token, xoxb-...)`,
      );
    throw new InputError(
      name("webhook-url"),
      `or '${name("token")}' with '${name("channel")}' is required: pass a bot token and a channel, or an incoming webhook URL`,
    );
  }

  const status = parseChoice(name("status"), get(name("status")), DEPLOY_STATUSES);
  const app = requireValue(name("app"), get(name("app")));
  const environment = requireValue(name("environment"), get(name("environment")));
  const optionalSha = (n: string) => (get(name(n)).trim() ? parseSha(name(n), get(name(n))) : undefined);
  const serverUrl = (env.GITHUB_SERVER_URL?.trim() || "https://github.com").replace(/\/+$/, "");
  const repository = get(name("repository")).trim() || env.GITHUB_REPOSITORY?.trim() || undefined;
  if (repository && !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository))
    throw new InputError(name("repository"), `must look like owner/name; got '${repository}'`);

  const runUrlRaw = get(name("run-url")).trim();
  let runUrl: string | undefined;
  if (runUrlRaw) runUrl = parseHttpUrl(name("run-url"), runUrlRaw).toString();
  else if (env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID)
    runUrl = `${serverUrl}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;

  const updateTs = get(name("update-ts")).trim() || undefined;
  if (updateTs && !/^\d+\.\d+$/.test(updateTs))
    throw new InputError(
      name("update-ts"),
      `must be a Slack message ts like 1700000000.000100; got '${updateTs}'`,
    );

  const productionEnvironments = parseList(get(name("production-environments")) || "production");
  const notice: DeployNotice = {
    status,
    app,
    environment,
    production: isProduction(environment, productionEnvironments),
    fromSha: optionalSha("from-sha"),
    toSha: optionalSha("to-sha"),
    actor:
      get(name("actor")).trim() ||
      env.GITHUB_TRIGGERING_ACTOR?.trim() ||
      env.GITHUB_ACTOR?.trim() ||
      undefined,
    approvedBy: get(name("approved-by")).trim() || undefined,
    runUrl,
    repository,
    serverUrl,
    detail: get(name("detail")).trim() || undefined,
  };
  return {
    target,
    notice,
    updateTs,
    failOnError: parseBoolean(name("fail-on-error"), get(name("fail-on-error")), false),
    timeoutMs: parseDuration(name("timeout"), get(name("timeout")) || "10s"),
  };
}

/** Masks the token and the webhook URL, and the URL's path alone (its secret part), before anything logs. */
export function maskSlackSecrets(get: (name: string) => string, prefix = ""): void {
  maskSecret(get(`${prefix}token`));
  const webhook = get(`${prefix}webhook-url`).trim();
  maskSecret(webhook);
  try {
    const path = new URL(webhook).pathname;
    if (path.length > 8) maskSecret(path);
  } catch {
    // not a URL: the input check says so, masked already
  }
}

export function renderSlackSummary(inputs: SlackNotifyInputs, result: NotifyResult): string {
  const what = `${statusLabel(inputs.notice.status)} notice for \`${escapeMd(inputs.notice.app)}\` (${escapeMd(
    environmentBadge(inputs.notice.environment, inputs.notice.production),
  )})`;
  if (!result.ok) return `### ⚠️ Slack not told\n\n${what}: ${escapeMd(result.error ?? "unknown error")}\n`;
  const where = result.channel
    ? ` in ${escapeMd(result.channel)} (ts ${escapeMd(result.ts ?? "")})`
    : " through the webhook";
  return `### Slack\n\n${what} ${inputs.updateTs && result.ts === inputs.updateTs ? "updated" : "posted"}${where}\n`;
}

export async function run(): Promise<void> {
  await runStep(async () => {
    maskSlackSecrets(input);
    const inputs = parseSlackInputs(input);
    let result: NotifyResult;
    try {
      const runId = process.env.GITHUB_RUN_ID?.trim();
      result = await notifySlack(inputs.target, inputs.notice, {
        reporter: actionReporter,
        updateTs: inputs.updateTs,
        failOnError: inputs.failOnError,
        timeoutMs: inputs.timeoutMs,
        // Finds a post whose answer was lost again, by this run attempt, app and environment.
        deployKey: runId
          ? `${runId}.${process.env.GITHUB_RUN_ATTEMPT?.trim() || "1"}.${inputs.notice.app}.${inputs.notice.environment}`
          : undefined,
      });
    } catch (err) {
      setOutputs({ ok: false });
      throw err;
    }
    setOutputs({ ok: result.ok, ts: result.ts ?? "", channel: result.channel ?? "" });
    await writeSummary(renderSlackSummary(inputs, result));
  });
}
