import { DEPLOY_HEADLINES, renderGatedDeploySummary } from "../core/deploy.js";
import { describeError } from "../core/errors.js";
import { escapeMd } from "../core/health.js";
import { shortSha } from "../core/heroku.js";
import type { Reporter } from "../core/ports.js";
import { renderPreviewMarkdown, stickyKey } from "../core/preview.js";
import type { DeployStatus } from "../core/slack-message.js";
import type { Ctx, DeployResult } from "./deploy-types.js";
import { notifySlack } from "./notify.js";
import { computePreview, findCommentTarget } from "./preview.js";

/**
 * What the deploy tells: Slack (one message, updated), the GitHub deployment's status, the sticky comment on
 * the PR or commit, and the job summary. Notifications never fail the deploy.
 */
// ---- notifications: Slack, the GitHub deployment, the sticky comment; never fatal ----

/** Retries of each Slack call: a Slack outage costs the deploy seconds, not minutes. */
const SLACK_RETRIES = 1;

export async function notifyStarted(ctx: Ctx): Promise<void> {
  const { settings, ports, state, github } = ctx;
  await Promise.all([
    settings.slack
      ? notifySlack(settings.slack, notice(ctx, "started"), {
          reporter: ports.reporter,
          clock: ctx.clock,
          deployKey: slackDeployKey(ctx),
        }).then((r) => {
          if (r.ok) state.result.slack = { ts: r.ts, channel: r.channel };
          else if (r.unknown) state.result.slack = { unknown: true };
        })
      : undefined,
    github
      ? (async () => {
          const { deployment } = await github.findOrCreateDeployment({
            sha: state.result.toSha,
            ref: state.result.toSha,
            environment: settings.environment,
            description: `prodgate: ${settings.app}`,
            payload: { app: settings.app },
            production_environment: ctx.production,
          });
          state.result.deploymentId = deployment.id;
          await github.setDeploymentStatus(deployment.id, {
            state: "in_progress",
            log_url: settings.runUrl,
            description: `Deploying ${shortSha(state.result.toSha)} to ${settings.app}`,
          });
        })().catch((err) =>
          ports.reporter.warning(
            `GitHub deployment not marked in progress: ${describeError(err)} (the deploy goes on)`,
          ),
        )
      : undefined,
  ]);
}

/** What finds this deploy's Slack message again when a post's answer was lost. */
function slackDeployKey(ctx: Ctx): string {
  return `${ctx.runId}.${ctx.runAttempt}.${ctx.settings.app}.${ctx.settings.environment}`;
}

function notice(ctx: Ctx, status: DeployStatus, detail?: string) {
  const { settings, state } = ctx;
  return {
    status,
    app: settings.app,
    surface: ctx.surface.kind,
    environment: settings.environment,
    production: ctx.production,
    fromSha: state.result.fromSha,
    toSha: state.result.toSha,
    actor: settings.actor,
    approvedBy: state.result.approvedBy,
    runUrl: settings.runUrl,
    repository: settings.github?.repository ?? settings.repository,
    serverUrl: settings.serverUrl,
    detail,
  };
}

export async function notifyOutcome(ctx: Ctx, status: DeployStatus, detail: string): Promise<void> {
  const { settings, ports, state, github } = ctx;
  const { reporter } = ports;
  const tasks: Promise<unknown>[] = [];
  if (settings.slack) {
    const slackTarget = state.result.slack?.channel
      ? { ...settings.slack, channel: state.result.slack.channel }
      : settings.slack;
    tasks.push(
      notifySlack(slackTarget, notice(ctx, status, detail), {
        reporter,
        clock: ctx.clock,
        updateTs: state.result.slack?.ts,
        retries: SLACK_RETRIES,
        deployKey: slackDeployKey(ctx),
        startUnknownSince: state.result.slack?.unknown ? new Date(ctx.startedAt) : undefined,
      }).then((r) => {
        if (r.ok)
          state.result.slack = {
            ts: r.ts ?? state.result.slack?.ts,
            channel: r.channel ?? state.result.slack?.channel,
          };
      }),
    );
  }
  if (github) {
    tasks.push(
      (async () => {
        let id = state.result.deploymentId;
        if (id === undefined) {
          const { deployment } = await github.findOrCreateDeployment({
            sha: state.result.toSha,
            ref: state.result.toSha,
            environment: settings.environment,
            description: `prodgate: ${settings.app}`,
            payload: { app: settings.app },
            production_environment: ctx.production,
          });
          id = deployment.id;
          state.result.deploymentId = id;
        }
        await github.setDeploymentStatus(id, {
          state: status === "success" ? "success" : status === "rejected" ? "error" : "failure",
          environment_url: status === "success" ? state.result.appUrl : undefined,
          log_url: settings.runUrl,
          description: detail,
        });
      })().catch((err) =>
        reporter.warning(`GitHub deployment status not set: ${describeError(err)} (the deploy goes on)`),
      ),
      publishOutcomeComment(ctx, status, detail).catch((err) =>
        reporter.warning(`Deploy comment not posted: ${describeError(err)} (the deploy goes on)`),
      ),
    );
  }
  await Promise.all(tasks);
}

async function publishOutcomeComment(ctx: Ctx, status: DeployStatus, detail: string): Promise<void> {
  const { settings, state, github, ports } = ctx;
  if (!github || (settings.commentMode ?? "auto") === "none") return;
  const target = await findCommentTarget(github, state.result.toSha, settings.commentMode ?? "auto");
  if (!target) return;
  const outcome = renderOutcomeSection(ctx, status, detail);
  let body = outcome;
  if (state.result.fromSha) {
    try {
      const preview = await computePreview(
        {
          app: settings.app,
          environment: settings.environment,
          productionEnvironments: settings.productionEnvironments,
          ref: state.result.toSha,
          fromSha: state.result.fromSha,
          maxCommits: 50,
          serverUrl: settings.serverUrl,
          runUrl: settings.runUrl,
        },
        { github, reporter: quiet(ports.reporter), clock: ctx.clock },
      );
      body = renderPreviewMarkdown(preview, { variant: "comment", before: outcome });
    } catch (err) {
      ports.reporter.debug(`preview for the comment not computed: ${describeError(err)}`);
    }
  }
  const res = await github.upsertStickyComment({
    target,
    key: stickyKey(settings.app, settings.environment),
    body,
  });
  state.result.commentUrl = res.comment.html_url;
  ports.reporter.info(`Deploy comment ${res.action}: ${res.comment.html_url}`);
}

function quiet(reporter: Reporter): Reporter {
  return { ...reporter, info: (m) => reporter.debug(m) };
}

// ---- the outcome as markdown ----

function renderOutcomeSection(ctx: Ctx, status: DeployStatus, detail: string): string {
  const { settings, state } = ctx;
  const r = state.result;
  const [first, second] = ctx.surface.rollbackHint().commands;
  const lines = [
    `### ${DEPLOY_HEADLINES[r.outcome]}: \`${escapeMd(settings.app)}\` (${escapeMd(settings.environment)}) · \`${shortSha(r.toSha)}\`${r.release ? ` · ${r.release}` : ""}`,
    "",
    escapeMd(detail),
  ];
  if (status !== "rejected") lines.push("", `Roll back: \`${first}\`${second ? ` (or \`${second}\`)` : ""}`);
  if (settings.runUrl) lines.push("", `[The workflow run](${settings.runUrl})`);
  return `${lines.join("\n")}\n`;
}

export function finish(ctx: Ctx): DeployResult {
  const { settings, state } = ctx;
  const result = state.result;
  result.durationMs = ctx.clock.now().getTime() - ctx.startedAt;
  const path = [...state.path.states];
  const summarySettings = { ...settings, method: ctx.surface.method, surface: ctx.surface.kind };
  return { ...result, path, summary: renderGatedDeploySummary(summarySettings, { ...result, path }, state) };
}
