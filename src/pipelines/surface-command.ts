import { ProdgateError } from "../core/errors.js";
import { shortSha } from "../core/heroku.js";
import type { Reporter } from "../core/ports.js";
import { sameSha } from "../core/preview.js";
import { rollbackHint } from "../core/surface.js";
import { runBash } from "../vendors/shell.js";
import type { DeploySurface } from "./surface.js";

/**
 * The `command` adapter of the surface port: any deploy you can script (a saved Terraform plan, an rsync, a
 * vendor CLI) behind the whole gate. The commands run with bash in the checkout of the approved SHA, with
 * PRODGATE_APP, PRODGATE_ENVIRONMENT, PRODGATE_FROM_SHA and PRODGATE_TO_SHA (and PRODGATE_ACTION: deploy,
 * rollback or live-version) set; every line they print goes through the reporter, which masks secrets.
 */

export interface CommandSurfaceSettings {
  kind: "command";
  deployCommand: string;
  rollbackCommand?: string;
  /** Prints what is live, ideally a SHA (then the preview is a commit diff and the deploy is verified). */
  liveVersionCommand?: string;
}

const SHA = /^[0-9a-f]{7,64}$/i;

export function commandSurface(
  target: string,
  settings: CommandSurfaceSettings,
  deps: {
    reporter: Reporter;
    cwd: string;
    environment: string;
    env?: NodeJS.ProcessEnv;
    /** The run's secrets: never shown, even when a command prints one. */
    secrets?: readonly string[];
  },
): DeploySurface {
  const { reporter, cwd } = deps;
  const secrets = (deps.secrets ?? []).filter((x) => x.length >= 4).sort((a, b) => b.length - a.length);
  const redact = (line: string) => secrets.reduce((l, x) => l.split(x).join("***"), line);
  const run = async (
    name: "deploy-command" | "rollback-command" | "live-version-command",
    script: string,
    vars: { from?: string; to?: string },
    opts: { capture?: boolean; signal?: AbortSignal } = {},
  ) => {
    const action = name.replace(/-command$/, "");
    const r = await runBash(script, {
      cwd,
      baseEnv: deps.env,
      env: {
        PRODGATE_APP: target,
        PRODGATE_ENVIRONMENT: deps.environment,
        PRODGATE_FROM_SHA: vars.from ?? "",
        PRODGATE_TO_SHA: vars.to ?? "",
        PRODGATE_ACTION: action,
      },
      captureStdout: opts.capture,
      signal: opts.signal,
      // The live version is read quietly (its stdout is the answer); everything else is logged.
      onLine: (line, stream) =>
        opts.capture && stream === "stdout"
          ? reporter.debug(redact(line))
          : reporter.info(`[${action}] ${redact(line)}`),
    });
    if (r.code !== 0)
      throw new ProdgateError(
        `${name} ${r.signal ? `was stopped by ${r.signal}` : `exited with status ${r.code}`}`,
      );
    return r.stdout;
  };
  /** What live-version-command prints: its last non-empty line; a SHA when it looks like one. */
  const live = async (): Promise<{ sha?: string; label?: string }> => {
    if (!settings.liveVersionCommand) return {};
    const out = await run("live-version-command", settings.liveVersionCommand, {}, { capture: true });
    const text = out
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean)
      .at(-1)
      ?.slice(0, 200);
    if (!text) return {};
    return SHA.test(text) ? { sha: text.toLowerCase(), label: text.toLowerCase() } : { label: text };
  };
  let before: { sha?: string; label?: string } | undefined;
  return {
    kind: "command",
    target,
    method: "command",
    auditContext: { surface: "command", method: "command" },
    requiresHealthUrl: true,
    async inspect() {
      before = await live();
      return { ...before };
    },
    async liveSha() {
      before = await live();
      return before.sha;
    },
    async ship(sha, io) {
      const from = before?.sha;
      await run("deploy-command", settings.deployCommand, { from, to: sha }, { signal: io.signal });
      let now: { sha?: string; label?: string } = {};
      if (settings.liveVersionCommand) {
        now = await live();
        if (now.sha && !sameSha(now.sha, sha))
          throw new ProdgateError(
            `deploy-command succeeded, but live-version-command prints ${shortSha(now.sha)}, not ${shortSha(sha)}: the deploy did not take`,
          );
      }
      const alreadyLive = Boolean(from && sameSha(from, sha));
      return {
        release: now.label && !now.sha ? now.label : undefined,
        previousRelease: before?.label && !before.sha ? before.label : undefined,
        fromSha: from,
        alreadyLive,
        noRollback: !settings.rollbackCommand
          ? "no rollback-command was given: nothing to roll back with"
          : alreadyLive
            ? `${target} already ran ${shortSha(sha)} before this deploy: nothing to roll back`
            : undefined,
        context: { live_version_before: before?.label, live_version_after: now.label },
      };
    },
    async rollBack(shipped, io) {
      if (!settings.rollbackCommand) throw new ProdgateError("no rollback-command was given");
      await run("rollback-command", settings.rollbackCommand, { from: io.sha, to: shipped.fromSha });
      const now = settings.liveVersionCommand ? await live() : {};
      const toSha = now.sha ?? shipped.fromSha;
      return {
        to: toSha ? shortSha(toSha) : (now.label ?? shipped.previousRelease ?? "the previous version"),
        toSha,
        context: { live_version_after: now.label },
      };
    },
    rollbackHint: () => rollbackHint("command", target),
  };
}
