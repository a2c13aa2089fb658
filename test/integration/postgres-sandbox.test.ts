import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../support/run-action.js";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("the sandbox PostgreSQL", () => {
  it("is stopped and removed when its owner is killed with SIGKILL", { timeout: 60_000 }, async () => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx/esm", join(repoRoot, "test/support/fixtures/postgres-owner.ts")],
      {
        cwd: repoRoot,
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    const info = await new Promise<{ pid: number; dataDir: string }>((resolve, reject) => {
      let buf = "";
      child.stdout.on("data", (d) => {
        buf += d;
        const line = buf.split("\n").find((l) => l.startsWith("{"));
        if (line) resolve(JSON.parse(line));
      });
      child.on("exit", () => reject(new Error(`child exited early: ${buf}`)));
    });
    expect(alive(info.pid)).toBe(true);
    child.kill("SIGKILL");
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline && (alive(info.pid) || existsSync(info.dataDir)))
      await new Promise((r) => setTimeout(r, 200));
    expect(alive(info.pid), "postmaster still running").toBe(false);
    expect(existsSync(info.dataDir), "data dir left behind").toBe(false);
  });
});
