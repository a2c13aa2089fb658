import { mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type pg from "pg";
import { ProdgateError } from "../core/errors.js";
import { finishSweep, probeSurfaces, runStatusSweep, writeSweepFiles } from "../pipelines/status-sweep.js";
import {
  type Credentials,
  openMemory,
  parseSweepInputs,
  readBatches,
  readRegistry,
  shouldFail,
  sweepPorts,
  writeSweepConsole,
} from "../pipelines/status-sweep-setup.js";
import { openSweepETags, saveSweepETags } from "../pipelines/sweep-etags.js";
import { maskDatabaseUrlInput, readSlackCredentials } from "./common-inputs.js";
import { actionReporter, input, runStep, secretInput, setOutputs, writeSummary } from "./runtime.js";

export async function run(): Promise<void> {
  await runStep(async () => {
    const creds: Credentials = {
      herokuApiKey: secretInput("heroku-api-key") || undefined,
      cloudflareApiToken: secretInput("cloudflare-api-token") || undefined,
      githubToken: secretInput("github-token") || undefined,
      ...readSlackCredentials(),
    };
    maskDatabaseUrlInput();
    const inputs = parseSweepInputs(input, process.env);
    const registry = readRegistry(inputs.registry, inputs.timeout);
    const reporter = actionReporter;

    if (inputs.mode.kind === "shard") {
      // A shard keeps its ETags and paced reads in the memory too, when there is one; without it, it reads all.
      const db = inputs.databaseUrl
        ? await openMemory(inputs.databaseUrl, inputs.migrate).catch((err: Error) => {
            reporter.warning(
              `the sweep's memory could not be opened (${err.message}); every read is a full one`,
            );
            return undefined;
          })
        : undefined;
      const etags = await openSweepETags(db, reporter);
      const ports = sweepPorts(creds, inputs.settings, { reporter, env: process.env, issues: false, etags });
      const batch = await probeSurfaces(registry, { ...inputs.settings, shard: inputs.mode }, ports).finally(
        async () => {
          await saveSweepETags(db, etags, reporter);
          await db?.end().catch(() => {});
        },
      );
      mkdirSync(inputs.shardOutput, { recursive: true });
      const file = resolve(inputs.shardOutput, `shard-${inputs.mode.index + 1}-of-${inputs.mode.total}.json`);
      writeFileSync(file, `${JSON.stringify(batch)}\n`);
      const calls = batch.probes.reduce((n, p) => n + p.calls.length, 0);
      reporter.info(
        `shard ${inputs.mode.index + 1}/${inputs.mode.total}: probed ${batch.surfaces.length} surface(s) with ${calls} call(s)`,
      );
      setOutputs({ "shard-results": file, surfaces: batch.surfaces.length });
      await writeSummary(
        `### Status sweep shard ${inputs.mode.index + 1}/${inputs.mode.total}\n\nProbed ${batch.surfaces.length} surface(s) with ${calls} vendor call(s); the merge job reports.\n`,
      );
      return;
    }

    // A database that is down must not blank the report: the sweep runs, reports, then fails the step.
    let db: pg.Pool | undefined;
    let memoryError: string | undefined;
    if (inputs.databaseUrl) {
      try {
        db = await openMemory(inputs.databaseUrl, inputs.migrate);
      } catch (err) {
        memoryError = (err as Error).message;
      }
    }
    try {
      const etags = await openSweepETags(db, reporter);
      const ports = sweepPorts(creds, inputs.settings, {
        reporter,
        env: process.env,
        issues: inputs.issues,
        db,
        etags,
      });
      ports.memoryError = memoryError;
      const result =
        inputs.mode.kind === "merge"
          ? await finishSweep(registry, readBatches(inputs.mode.dir), inputs.settings, ports)
          : await runStatusSweep(registry, inputs.settings, ports);
      await saveSweepETags(db, etags, reporter);
      const files = writeSweepFiles(result, { statusJson: inputs.statusJson, pageDir: inputs.statusPageDir });
      const consoleDir = await writeSweepConsole(registry, inputs, db, result, reporter);
      const unhealthy = result.doc.sites.filter((s) => s.status !== "healthy").map((s) => s.id);
      setOutputs({
        degraded: unhealthy.length > 0 || result.degradedVendors.length > 0,
        "status-json": files.statusJson,
        "status-page": files.page,
        healthy: result.doc.sites.length - unhealthy.length,
        unhealthy: unhealthy.join(","),
        "degraded-vendors": result.degradedVendors.join(","),
        changes: result.changes.length,
        "sweep-gap": result.gap?.over ?? false,
        "console-dir": consoleDir,
      });
      await writeSummary(result.summary);
      reporter.info(
        `${result.doc.sites.length} surface(s): ${result.doc.sites.length - unhealthy.length} healthy${unhealthy.length ? `, not healthy: ${unhealthy.join(", ")}` : ""}; ${result.calls} call(s), ${result.rows} poll row(s)`,
      );
      if (inputs.databaseUrl && !result.remembered)
        throw new ProdgateError(
          "the sweep ran, but its memory (Postgres) failed: nothing was logged and no alert was sent (see the summary)",
        );
      const failure = shouldFail(result, inputs.failOn);
      if (failure) throw new ProdgateError(`status sweep: ${failure}`);
    } finally {
      await db?.end().catch(() => {});
    }
  });
}
