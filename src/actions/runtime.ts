import * as core from "@actions/core";
import { describeError } from "../core/errors.js";
import type { Reporter } from "../core/ports.js";

/** The edge where @actions/core is handed in: a Reporter for pipelines, and input readers. */
export const actionReporter: Reporter = {
  info: (m) => core.info(m),
  warning: (m) => core.warning(m),
  error: (m) => core.error(m),
  debug: (m) => core.debug(m),
  secret: (v) => {
    if (v) core.setSecret(v);
  },
  group: (title, fn) => core.group(title, fn),
};

/** Reads an input as the runner passes it (INPUT_<NAME>), trimmed; '' when absent. */
export function input(name: string): string {
  return core.getInput(name);
}

/** Reads an input and masks it before anything else can log it. Multi-line values are masked line by line too. */
export function secretInput(name: string): string {
  const value = core.getInput(name);
  maskSecret(value);
  return value;
}

export function maskSecret(value: string | undefined): void {
  if (!value) return;
  core.setSecret(value);
  for (const line of value.split(/\r?\n/)) if (line.trim() && line !== value) core.setSecret(line.trim());
}

export function setOutputs(outputs: Record<string, string | number | boolean | undefined>): void {
  for (const [key, value] of Object.entries(outputs)) {
    if (value !== undefined) core.setOutput(key, String(value));
  }
}

export async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await core.summary.addRaw(markdown, true).write();
}

/** Runs an action body: any error fails the step with a user-safe message and no stack trace. */
export async function runStep(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (err) {
    core.setFailed(describeError(err));
  }
}
