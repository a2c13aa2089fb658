import { ProdgateError, VendorError } from "../core/errors.js";
import {
  codeVersion,
  currentRelease,
  describeReleaseRef,
  type HerokuRelease,
  label,
  newestFirst,
  nothingToRollBackTo,
  previousRelease,
  type ReleaseLine,
  type ReleaseRef,
  rollbackRefusal,
} from "../core/heroku.js";
import { type Clock, type Reporter, systemClock } from "../core/ports.js";
import type { HerokuClient } from "../vendors/heroku.js";

export interface RollbackSettings {
  app: string;
  release: ReleaseRef;
  /** How long to wait for a release phase to finish (default 10 min). */
  releaseTimeoutMs?: number;
}

export interface RollbackPorts {
  heroku: HerokuClient;
  reporter: Reporter;
  clock?: Clock;
}

export interface RollbackResult {
  app: string;
  /** What was current before. */
  before: ReleaseLine;
  /** The release rolled back to. */
  target: ReleaseLine;
  /** What is current now: the new "Rollback to vN" release (or `before` when nothing was done). */
  after: ReleaseLine;
  /** The target was already current: nothing was changed. */
  noop: boolean;
  durationMs: number;
}

/**
 * Rolls a Heroku app back to an earlier release through the Platform API: no checkout, no build. The default
 * target is the release before the current one. The POST is checked before it is retried, so a retry after a
 * lost answer never makes two releases.
 */
export async function runRollback(settings: RollbackSettings, ports: RollbackPorts): Promise<RollbackResult> {
  const clock = ports.clock ?? systemClock;
  const started = clock.now().getTime();
  const { app } = settings;
  const { heroku, reporter } = ports;

  const releases = await heroku.releases(app, { max: 50 });
  const before = currentRelease(releases);
  if (!before)
    throw new ProdgateError(`Nothing to roll back to: ${app} has no release yet (or none that succeeded).`);

  let target: HerokuRelease | undefined;
  if (settings.release.kind === "previous") {
    target = previousRelease(releases, before);
    if (!target) throw new ProdgateError(nothingToRollBackTo(app, before, releases.length));
  } else {
    const ref = settings.release;
    target =
      releases.find((r) => (ref.kind === "version" ? r.version === ref.version : r.id === ref.id)) ??
      (await findRelease(heroku, app, ref));
    const refusal = rollbackRefusal(target);
    if (refusal) throw new ProdgateError(`Cannot roll ${app} back to ${label(target)}: ${refusal}.`);
  }

  const commits = new Map<string, Promise<string | null>>();
  const commitOf = (r: HerokuRelease): Promise<string | null> => {
    if (!r.slug) return Promise.resolve(null);
    const id = r.slug.id;
    if (!commits.has(id))
      commits.set(
        id,
        heroku.slug(app, id).then(
          (s) => s.commit,
          () => null,
        ),
      );
    return commits.get(id)!;
  };

  if (target.id === before.id || codeVersion(releases, before) === target.version) {
    reporter.info(
      target.id === before.id
        ? `${app}: ${label(target)} is already the current release; nothing to do.`
        : `${app}: the current release ${label(before)} (${before.description}) already runs ${label(target)}; nothing to do.`,
    );
    const line = { release: before, commit: await commitOf(before) };
    return {
      app,
      before: line,
      target: { release: target, commit: await commitOf(target) },
      after: line,
      noop: true,
      durationMs: clock.now().getTime() - started,
    };
  }

  const targetCommit = commitOf(target);
  const beforeCommit = commitOf(before);
  reporter.info(`Rolling back ${app} from ${label(before)} to ${label(target)} (${target.description})`);
  let after = await rollbackOnce(heroku, app, before, target, reporter, clock);
  after = await waitForRelease(heroku, app, after, reporter, clock, settings.releaseTimeoutMs ?? 600_000);
  if (after.status === "failed")
    throw new ProdgateError(
      `Rollback release ${label(after)} of ${app} failed (its release command failed); ${label(before)} stays current.`,
    );
  reporter.info(`${app} now runs ${label(after)} (Rollback to ${label(target)})`);
  const [bc, tc] = await Promise.all([beforeCommit, targetCommit]);
  return {
    app,
    before: { release: before, commit: bc },
    target: { release: target, commit: tc },
    after: { release: after, commit: tc },
    noop: false,
    durationMs: clock.now().getTime() - started,
  };
}

async function findRelease(
  heroku: HerokuClient,
  app: string,
  ref: Exclude<ReleaseRef, { kind: "previous" }>,
): Promise<HerokuRelease> {
  try {
    return await heroku.release(app, ref.kind === "version" ? ref.version : ref.id);
  } catch (err) {
    if (err instanceof VendorError && err.status === 404 && !/app '.*' not found/.test(err.message))
      throw new ProdgateError(`${app} has no release ${describeReleaseRef(ref)}.`);
    throw err;
  }
}

/** POSTs the rollback; on an ambiguous failure, looks for the release it may have made before trying again. */
async function rollbackOnce(
  heroku: HerokuClient,
  app: string,
  before: HerokuRelease,
  target: HerokuRelease,
  reporter: Reporter,
  clock: Clock,
): Promise<HerokuRelease> {
  const attempts = 4;
  for (let attempt = 1; ; attempt++) {
    try {
      return await heroku.rollback(app, target.id);
    } catch (err) {
      const retryable = err instanceof VendorError && (err.retryable || err.status === 429);
      if (!retryable || attempt >= attempts) throw err;
      const waitMs = err.status === 429 ? 2_000 * attempt : 1_000 * attempt;
      reporter.warning(
        `Rollback of ${app} got no clear answer (${err.message}); checking again in ${waitMs} ms`,
      );
      await clock.sleep(waitMs);
      const made = await madeSince(heroku, app, before, target).catch(() => undefined);
      if (made) {
        reporter.info(`The rollback went through after all: ${label(made)}`);
        return made;
      }
    }
  }
}

async function madeSince(
  heroku: HerokuClient,
  app: string,
  before: HerokuRelease,
  target: HerokuRelease,
): Promise<HerokuRelease | undefined> {
  const latest = newestFirst(await heroku.releases(app, { max: 5 }));
  return latest.find(
    (r) => r.version > before.version && r.description.startsWith(`Rollback to ${label(target)}`),
  );
}

/** Waits while a release's release phase runs. */
export async function waitForRelease(
  heroku: HerokuClient,
  app: string,
  release: HerokuRelease,
  reporter: Reporter,
  clock: Clock,
  timeoutMs: number,
): Promise<HerokuRelease> {
  let current = release;
  const deadline = clock.now().getTime() + timeoutMs;
  let said = false;
  while (current.status === "pending") {
    if (clock.now().getTime() > deadline)
      throw new ProdgateError(
        `${app} ${label(current)} is still running its release command after ${Math.round(timeoutMs / 1000)} s`,
      );
    if (!said) reporter.info(`${label(current)}: waiting for the release command to finish`);
    said = true;
    await clock.sleep(1_000);
    current = await heroku.release(app, current.id);
  }
  return current;
}
