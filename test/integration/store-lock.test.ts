import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAuditRecord } from "../../src/core/audit.js";
import { AuditStore } from "../../src/store/audit.js";
import { connect } from "../../src/store/db.js";
import { LockTimeoutError, withAppLock } from "../../src/store/lock.js";
import { freshDatabase } from "../support/db.js";
import { repoRoot } from "../support/run-action.js";

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** A separate process that takes the lock of `app`, writes its started row and waits to be killed. */
async function spawnHolder(url: string, app: string, actor: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx/esm", join(repoRoot, "test/support/fixtures/lock-holder.ts"), url, app, actor],
    { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] },
  );
  await new Promise<void>((resolve, reject) => {
    let out = "";
    let err = "";
    child.stdout?.on("data", (d) => {
      out += d;
      if (out.includes("locked")) resolve();
    });
    child.stderr?.on("data", (d) => {
      err += d;
    });
    child.on("exit", (code) => reject(new Error(`holder exited early (${code}): ${err}`)));
  });
  return child;
}

/** Until a backend of `app`'s lock is seen waiting for it in Postgres (the wait is the server's, not ours). */
async function untilWaiting(url: string, app: string): Promise<void> {
  const admin = await connect(url);
  try {
    for (let i = 0; i < 600; i++) {
      const r = await admin.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'",
        [`prodgate lock ${app}`],
      );
      if ((r.rows[0]?.n ?? 0) > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`no backend was seen waiting for the lock of ${app}`);
  } finally {
    await admin.end();
  }
}

describe("withAppLock: one deploy per app at a time", () => {
  let db: { url: string; drop(): Promise<void> };
  let store: AuditStore;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    db = await freshDatabase("lock");
    store = await AuditStore.open(db.url, { migrate: false });
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
    await store.close();
    await db.drop();
  });

  it("makes a second deploy wait, then fail naming the holder from its started row", async () => {
    const release = deferred();
    const holding = deferred();
    const first = withAppLock(db.url, "shop", async () => {
      await store.write(
        buildAuditRecord({
          action: "deploy.production",
          phase: "started",
          actor: "alice",
          target: "shop",
          runId: "lock-1",
          runUrl: "https://github.com/acme/shop/actions/runs/77/attempts/1",
          createdAt: new Date(),
        }),
      );
      holding.resolve();
      await release.promise;
      return "first done";
    });
    await holding.promise;

    let ran = false;
    const order: string[] = [];
    const waiting = withAppLock(
      db.url,
      "shop",
      async () => {
        ran = true;
      },
      { waitMs: 800 },
    ).catch((e) => {
      order.push("gave up");
      return e;
    });
    // It waits in Postgres (lock_timeout), rather than giving up at once.
    await untilWaiting(db.url, "shop");
    order.push("seen waiting");
    const error = await waiting;
    expect(order).toEqual(["seen waiting", "gave up"]);
    expect(ran).toBe(false);
    expect(error).toBeInstanceOf(LockTimeoutError);
    expect(error.message).toMatch(
      /^another deploy of shop holds its lock after waiting 800ms: held by alice \(deploy\.production started \d{4}-\d\d-\d\dT[\d:.]+Z, https:\/\/github\.com\/acme\/shop\/actions\/runs\/77\/attempts\/1\)$/,
    );

    // Another app is not held up by it.
    expect(await withAppLock(db.url, "other-app", async () => "free", { waitMs: 0 })).toBe("free");

    // A waiter long enough gets the lock as soon as the holder is done.
    order.length = 0;
    const second = withAppLock(
      db.url,
      "shop",
      async () => {
        order.push("second");
      },
      { waitMs: 60_000 },
    );
    await untilWaiting(db.url, "shop");
    order.push("first released");
    release.resolve();
    expect(await first).toBe("first done");
    await second;
    expect(order).toEqual(["first released", "second"]);
  });

  it("is released when the work throws", async () => {
    await expect(
      withAppLock(db.url, "shop", async () => {
        throw new Error("push failed");
      }),
    ).rejects.toThrow("push failed");
    expect(await withAppLock(db.url, "shop", async () => "again", { waitMs: 0 })).toBe("again");
  });

  it("says so when nobody wrote a started row", async () => {
    const release = deferred();
    const holding = deferred();
    const first = withAppLock(db.url, "quiet-app", async () => {
      holding.resolve();
      await release.promise;
    });
    await holding.promise;
    await expect(withAppLock(db.url, "quiet-app", async () => {}, { waitMs: 0 })).rejects.toThrow(
      "another deploy of quiet-app holds its lock: holder unknown (no started audit row)",
    );
    release.resolve();
    await first;
  });

  it("goes free when its holder is killed with SIGKILL", async () => {
    const holder = await spawnHolder(db.url, "killed-app", "bob");
    children.push(holder);
    await expect(withAppLock(db.url, "killed-app", async () => {}, { waitMs: 300 })).rejects.toThrow(
      /held by bob/,
    );
    const exited = new Promise((r) => holder.on("exit", r));
    holder.kill("SIGKILL");
    await exited;
    // Within the wait: the dead holder's lock goes with its connection (a timeout would throw instead).
    expect(await withAppLock(db.url, "killed-app", async () => "mine", { waitMs: 60_000 })).toBe("mine");
  });

  it("tells the work when its connection (and with it the lock) is lost", { timeout: 30_000 }, async () => {
    const admin = await connect(db.url);
    try {
      const result = await withAppLock(db.url, "cut-app", async (signal) => {
        // Terminate the lock's backend; under load its row can take a moment to show, so keep at it until the
        // work is told (or give up after 15 s, which fails the test).
        const deadline = Date.now() + 15_000;
        while (!signal.aborted && Date.now() < deadline) {
          await admin.query(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'prodgate lock cut-app'",
          );
          await new Promise((r) => setTimeout(r, 250));
        }
        if (!signal.aborted) throw new Error("signal not aborted");
        return (signal.reason as Error).message;
      });
      expect(result).toBe("the lock of cut-app was lost: its database connection closed");
    } finally {
      await admin.end();
    }
  });
});
