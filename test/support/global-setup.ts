import type { TestProject } from "vitest/node";
import { PostgresSetupError, type SandboxPostgres, startPostgres } from "../../src/sandbox/postgres.js";
import { connect } from "../../src/store/db.js";
import { migrateUp } from "../../src/store/migrate.js";

/**
 * One real PostgreSQL per test run. Migrations are applied to a template database; tests that need isolation
 * clone it (test/support/db.ts). The server stops at the end, and its watchdog stops it if this process dies.
 */
export default async function setup(project: TestProject) {
  let server: SandboxPostgres;
  try {
    server = await startPostgres({ database: "prodgate_template" });
  } catch (err) {
    // A database that cannot run here is told in one line that says what to do, not a stack trace.
    if (!(err instanceof PostgresSetupError)) throw err;
    process.stderr.write(`\nnpm test: ${err.message}\n`);
    process.exit(1);
  }
  const client = await connect(server.url);
  await migrateUp(client);
  await client.end();
  project.provide("databaseUrl", server.url);
  const stop = () => server.stop();
  process.once("SIGINT", () => void stop().finally(() => process.exit(130)));
  process.once("SIGTERM", () => void stop().finally(() => process.exit(143)));
  return stop;
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
