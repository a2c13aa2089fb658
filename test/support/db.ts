import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { connect } from "../../src/store/db.js";

/** The migrated template database of this test run. */
export function templateDatabaseUrl(): string {
  return inject("databaseUrl");
}

/**
 * A fresh database cloned from the migrated template, so a test file owns its rows. Returns its URL and a
 * function that drops it.
 */
export async function freshDatabase(prefix = "t"): Promise<{ url: string; drop(): Promise<void> }> {
  const template = new URL(templateDatabaseUrl());
  const name = `${prefix}_${randomBytes(5).toString("hex")}`;
  const admin = new URL(template);
  admin.pathname = "/postgres";
  const client = await connect(admin.toString());
  try {
    // CREATE DATABASE ... TEMPLATE needs no other session on the template: retry briefly if one lingers.
    for (let i = 0; ; i++) {
      try {
        await client.query(`CREATE DATABASE "${name}" TEMPLATE prodgate_template`);
        break;
      } catch (err) {
        if (i >= 20 || !/being accessed by other users/.test((err as Error).message)) throw err;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } finally {
    await client.end();
  }
  const url = new URL(template);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = await connect(admin.toString());
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
