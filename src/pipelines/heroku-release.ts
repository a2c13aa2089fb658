import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ProdgateError, VendorError } from "../core/errors.js";
import {
  currentRelease,
  type HerokuRelease,
  label,
  newestFirst,
  type ReleaseLine,
  shortSha,
} from "../core/heroku.js";
import { type Clock, type Reporter, systemClock } from "../core/ports.js";
import type { HerokuClient } from "../vendors/heroku.js";
import { type HerokuGit, HerokuPushError, type LocalRepo } from "../vendors/heroku-git.js";
import { waitForRelease } from "./rollback.js";

export type DeployMethod = "git" | "build";

export interface HerokuReleaseSettings {
  app: string;
  /** A full commit SHA already resolved in `repo`. */
  sha: string;
  method: DeployMethod;
  force: boolean;
  /** How long to wait for a build and a release phase (default 30 min). */
  timeoutMs?: number;
}

export interface HerokuReleasePorts {
  heroku: HerokuClient;
  git: HerokuGit;
  repo: LocalRepo;
  reporter: Reporter;
  clock?: Clock;
  /** Each line of the remote build's output (default: reporter.info). */
  onBuildLine?: (line: string) => void;
  /** Where the source tarball of a build is written (default: the OS temp dir). */
  tempDir?: string;
}

export interface HerokuReleaseResult {
  app: string;
  sha: string;
  method: DeployMethod;
  /** What was current before the deploy (undefined for an app that never ran code). */
  before?: ReleaseLine;
  /** The release now current, whose slug commit is `sha`. */
  after: ReleaseLine;
  /** Heroku already ran `sha`; no release was made. */
  alreadyLive: boolean;
  forced: boolean;
  webUrl: string | null;
  durationMs: number;
}

/**
 * Ships one commit to a Heroku app, by git push or by the Build API, and proves it: the new release's slug
 * commit must be the SHA shipped. The deploy pipeline calls it between its audit rows.
 */
export async function releaseToHeroku(
  settings: HerokuReleaseSettings,
  ports: HerokuReleasePorts,
): Promise<HerokuReleaseResult> {
  const clock = ports.clock ?? systemClock;
  const started = clock.now().getTime();
  const { app, sha } = settings;
  const { heroku, reporter } = ports;
  const timeoutMs = settings.timeoutMs ?? 30 * 60_000;
  const onBuildLine = ports.onBuildLine ?? ((line: string) => reporter.info(line));

  const [appInfo, releases] = await Promise.all([heroku.app(app), heroku.releases(app, { max: 10 })]);
  const current = currentRelease(releases);
  const newestBefore = newestFirst(releases)[0]?.version ?? 0;
  const beforeCommit = current?.slug ? (await heroku.slug(app, current.slug.id)).commit : null;
  const before = current ? { release: current, commit: beforeCommit } : undefined;
  reporter.info(
    `Deploying ${shortSha(sha)} to ${app} by ${settings.method}${settings.force ? " (force)" : ""}; live now: ${current ? `${label(current)} at ${shortSha(beforeCommit)}` : "nothing"}`,
  );

  let release: HerokuRelease;
  let alreadyLive = false;
  if (settings.method === "git") {
    const remoteHead = await ports.git.remoteHead(app);
    const history = await ports.repo.ensureHistory(sha, remoteHead);
    if (history !== "complete") reporter.info(`Shallow clone ${history} so that Heroku can take the push`);
    let pushed: Awaited<ReturnType<HerokuGit["push"]>>;
    try {
      pushed = await reporter.group(`git push to Heroku (${app})`, () =>
        ports.git.push(app, sha, { force: settings.force }),
      );
    } catch (err) {
      if (!(err instanceof HerokuPushError) || err.kind !== "shallow") throw err;
      reporter.info("Heroku needs more history than the shallow clone has; fetching all of it");
      await ports.repo.ensureHistory(sha, undefined);
      pushed = await ports.git.push(app, sha, { force: settings.force });
    }
    const made = newestFirst(await heroku.releases(app, { max: 5 })).find((r) => r.version > newestBefore);
    if (made) release = made;
    else if (pushed.upToDate && beforeCommit === sha && current) {
      release = current;
      alreadyLive = true;
      reporter.info(`${app} already runs ${shortSha(sha)} (${label(current)}); no new release`);
    } else if (pushed.upToDate)
      throw new ProdgateError(
        `Heroku's git repo for ${app} already has ${shortSha(sha)}, so the push built nothing, but the app runs ${shortSha(beforeCommit)} (a rollback happened since). Deploy it with method: build, or roll forward with the heroku-rollback action.`,
      );
    else
      throw new ProdgateError(
        `The push of ${shortSha(sha)} to ${app} succeeded, but Heroku made no new release.`,
      );
  } else {
    release = await buildFromSource(settings, ports, clock, timeoutMs, onBuildLine);
  }

  if (!alreadyLive) {
    release = await waitForRelease(heroku, app, release, reporter, clock, timeoutMs);
    if (release.status === "failed")
      throw new ProdgateError(
        `${app} ${label(release)} failed (its release command failed), so ${shortSha(sha)} is not live${current ? `; ${label(current)} stays current` : ""}.`,
      );
  }
  if (!release.slug) throw new ProdgateError(`${app} ${label(release)} has no slug, so it runs no commit.`);
  const slug = await heroku.slug(app, release.slug.id);
  if (slug.commit !== sha)
    throw new ProdgateError(
      `${app} ${label(release)} runs commit ${shortSha(slug.commit)}, not the ${shortSha(sha)} deployed: something else released at the same time.`,
    );
  reporter.info(`Verified: ${app} ${label(release)} runs ${sha}`);
  return {
    app,
    sha,
    method: settings.method,
    before,
    after: { release, commit: slug.commit },
    alreadyLive,
    forced: settings.force,
    webUrl: appInfo.web_url,
    durationMs: clock.now().getTime() - started,
  };
}

/** `git archive` tarball → sources upload URL → POST builds → output streamed → polled to the end. */
async function buildFromSource(
  settings: HerokuReleaseSettings,
  ports: HerokuReleasePorts,
  clock: Clock,
  timeoutMs: number,
  onBuildLine: (line: string) => void,
): Promise<HerokuRelease> {
  const { app, sha } = settings;
  const { heroku, reporter } = ports;
  const dir = mkdtempSync(join(ports.tempDir || tmpdir(), "prodgate-source-"));
  try {
    const file = join(dir, "source.tar.gz");
    await ports.repo.archive(sha, file);
    const subject = await ports.repo.subject(sha);
    const source = await heroku.createSource();
    reporter.info(`Uploading source of ${shortSha(sha)} (${Math.ceil(statSync(file).size / 1024)} KiB)`);
    await heroku.upload(source.source_blob.put_url, file);
    let build = await heroku.createBuild(app, {
      url: source.source_blob.get_url,
      version: sha,
      versionDescription: subject || undefined,
    });
    reporter.info(`Build ${build.id} started`);
    const tail: string[] = [];
    const onLine = (line: string) => {
      tail.push(line);
      if (tail.length > 15) tail.shift();
      onBuildLine(line);
    };
    if (build.output_stream_url) {
      const streamUrl = build.output_stream_url;
      await reporter
        .group(`Heroku build (${app})`, () => heroku.streamOutput(streamUrl, onLine))
        .catch((err) =>
          reporter.warning(`Build output stream ended early: ${String((err as Error).message)}`),
        );
    }
    const deadline = clock.now().getTime() + timeoutMs;
    while (build.status === "pending") {
      build = await heroku.build(app, build.id);
      if (build.status !== "pending") break;
      if (clock.now().getTime() > deadline)
        throw new ProdgateError(
          `Heroku build ${build.id} of ${app} is still running after ${Math.round(timeoutMs / 1000)} s`,
        );
      await clock.sleep(1_000);
    }
    if (build.status === "failed") {
      const lines = tail.filter((l) => l.trim());
      throw new VendorError(
        "Heroku",
        `Heroku rejected the build of ${shortSha(sha)} for '${app}' (build failed); nothing was released.${lines.length ? ` Last build lines:\n${lines.join("\n")}` : ""}`,
      );
    }
    if (!build.release)
      throw new ProdgateError(`Heroku build ${build.id} of ${app} succeeded but made no release.`);
    return await heroku.release(app, build.release.id);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
