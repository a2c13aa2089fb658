import { describeError } from "../core/errors.js";
import type { Reporter } from "../core/ports.js";
import type { GitHubClient } from "../vendors/github.js";
import { SlackClient } from "../vendors/slack.js";

/**
 * The alert ports both sweeps use (one GitHub issue per thing that needs action, Slack on change), their
 * adapters to the vendor clients, and the steps the sweeps take with them alike.
 */

export interface IssueRef {
  number: number;
  html_url: string;
  body?: string | null;
}

export interface IncidentPort {
  listOpen(label: string): Promise<IssueRef[]>;
  create(title: string, body: string, label: string): Promise<IssueRef>;
  comment(issue: number, body: string): Promise<void>;
  close(issue: number): Promise<void>;
}

export interface NotifyPort {
  post(text: string): Promise<void>;
}

/**
 * Opens issues under `label`, one per marker: an open issue whose body carries the marker (left by a sweep
 * that died before it saved its memory) is adopted, not duplicated. The open issues are listed once, on the
 * first call.
 */
export function issueOpener(
  port: IncidentPort,
  label: string,
): (marker: string, title: string, body: string) => Promise<{ issue: IssueRef; adopted: boolean }> {
  let open: IssueRef[] | undefined;
  return async (marker, title, body) => {
    open ??= await port.listOpen(label);
    const existing = open.find((i) => (i.body ?? "").includes(marker));
    if (existing) return { issue: existing, adopted: true };
    return { issue: await port.create(title, body, label), adopted: false };
  };
}

/** Tells Slack about the changes when there is something to say; a failure becomes a note, never an error. */
export async function postChanges(
  notify: NotifyPort | undefined,
  text: string | undefined,
  changes: number,
  notes: string[],
): Promise<void> {
  if (!text || !notify) return;
  try {
    await notify.post(text);
  } catch (err) {
    notes.push(`Slack was not told about ${changes} change(s): ${describeError(err)}`);
  }
}

/** Issues in one repository. */
export function githubIncidentPort(client: GitHubClient): IncidentPort {
  return {
    listOpen: async (label) => client.listIssues({ labels: [label], state: "open" }),
    create: (title, body, label) => client.createIssue({ title, body, labels: [label] }),
    comment: async (issue, body) => {
      await client.createIssueComment(issue, body);
    },
    close: async (issue) => {
      await client.updateIssue(issue, { state: "closed", state_reason: "completed" });
    },
  };
}

/** Slack through a bot token and channel, or an incoming webhook. */
export function slackNotifyPort(
  target: { token?: string; channel?: string; webhookUrl?: string; baseUrl?: string },
  reporter: Reporter,
): NotifyPort {
  const client = new SlackClient({
    token: target.token,
    baseUrl: target.baseUrl,
    retries: 2,
    maxRetryAfterMs: 5_000,
    onRetry: ({ attempt, waitMs, reason, method }) =>
      reporter.info(`Slack ${method}: ${reason}; retry ${attempt} in ${Math.round(waitMs)}ms`),
  });
  return {
    post: async (text) => {
      const message = {
        text: text.slice(0, 3000),
        blocks: [{ type: "section" as const, text: { type: "mrkdwn" as const, text: text.slice(0, 3000) } }],
      };
      if (target.token && target.channel) await client.postMessage(target.channel, message);
      else if (target.webhookUrl) await client.postWebhook(target.webhookUrl, message);
    },
  };
}
