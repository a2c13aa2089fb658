import { connect, dbFailure } from "./db.js";

/** The first key of every per-secret rotation lock (the second is hashtext of the secret's name). */
const SECRET_LOCK_SPACE = 72_468_131;

export interface SecretLock {
  release(): Promise<void>;
}

/**
 * Takes the Postgres advisory lock of a secret's rotation without waiting, on a connection of its own: of two
 * rotations of one secret at once, one runs and the other gets undefined. A session lock dies with its
 * session, so a killed rotation never leaves it held.
 */
export async function tryLockSecret(
  databaseUrl: string,
  secretName: string,
): Promise<SecretLock | undefined> {
  const client = await connect(databaseUrl, {
    applicationName: `prodgate rotate ${secretName}`.slice(0, 63),
    keepAlive: true,
  });
  try {
    const res = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok", [
      SECRET_LOCK_SPACE,
      `prodgate:rotate:${secretName}`,
    ]);
    if (res.rows[0]?.ok !== true) {
      await client.end().catch(() => {});
      return undefined;
    }
  } catch (err) {
    await client.end().catch(() => {});
    throw dbFailure(`cannot take the rotation lock of ${secretName}`, err, databaseUrl);
  }
  return {
    release: async () => {
      await client.end().catch(() => {});
    },
  };
}
