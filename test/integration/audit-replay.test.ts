import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAuditRecord } from "../../src/core/audit.js";
import { replaySpoolFrom } from "../../src/pipelines/audit-replay.js";
import { AuditStore } from "../../src/store/audit.js";
import { spoolRecord } from "../../src/store/spool.js";
import { freshDatabase } from "../support/db.js";

/**
 * `prodgate audit replay` takes a spool as the reusable workflows upload it: the directory, the zip the run
 * page serves (Info-ZIP unzip), or a zip of the folder; an archive entry that points outside is refused.
 */
describe("replaySpoolFrom: a spool directory or a downloaded artifact zip", () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let store: AuditStore;
  const temp = mkdtempSync(join(tmpdir(), "prodgate-replay-it-"));
  let run = 600;

  const spool = async (name: string, count: number) => {
    const dir = join(temp, name);
    run++;
    for (let i = 0; i < count; i++)
      await spoolRecord(
        dir,
        buildAuditRecord({
          action: "deploy.production",
          actor: "alice",
          target: `app-${i}`,
          phase: "completed",
          outcome: "success",
          runId: String(run),
          createdAt: new Date(Date.UTC(2026, 10, 1, 12, i)),
        }),
      );
    return dir;
  };
  const zip = (dir: string, file: string, args: string[] = ["."]) => {
    const r = spawnSync("zip", ["-q", "-r", "-X", file, ...args], { cwd: dir, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    return file;
  };

  beforeAll(async () => {
    db = await freshDatabase("replay_zip");
    store = await AuditStore.open(db.url);
  });
  afterAll(async () => {
    await store?.close();
    await db?.drop();
    rmSync(temp, { recursive: true, force: true });
  });

  it("a zip of the records writes each once and leaves the zip as it is; a second replay writes nothing twice", async () => {
    const dir = await spool("flat", 3);
    const file = zip(dir, join(temp, "flat.zip"));
    expect(await replaySpoolFrom(file, store)).toEqual({
      written: 3,
      duplicates: 0,
      invalid: [],
      archive: true,
    });
    expect(existsSync(file)).toBe(true);
    expect(await replaySpoolFrom(file, store)).toEqual({
      written: 0,
      duplicates: 3,
      invalid: [],
      archive: true,
    });
  });

  it("a zip of the spool folder itself is read from that folder", async () => {
    const dir = await spool("folder", 2);
    const file = zip(temp, join(temp, "folder.zip"), ["folder"]);
    expect(await replaySpoolFrom(file, store)).toMatchObject({ written: 2, archive: true });
    expect(existsSync(join(dir, "replayed"))).toBe(false);
  });

  it("a directory is replayed in place: its records move to replayed/", async () => {
    const dir = await spool("dir", 1);
    expect(await replaySpoolFrom(dir, store)).toEqual({
      written: 1,
      duplicates: 0,
      invalid: [],
      archive: false,
    });
    expect(readdirSync(join(dir, "replayed"))).toHaveLength(1);
  });

  it("refuses an archive entry that points outside it, writing nothing", async () => {
    const inner = join(temp, "slip", "inner");
    mkdirSync(inner, { recursive: true });
    writeFileSync(join(temp, "slip", "escape.json"), "{}");
    const file = zip(inner, join(temp, "slip.zip"), ["../escape.json"]);
    await expect(replaySpoolFrom(file, store)).rejects.toThrow(
      "Input 'spool' holds the entry '../escape.json', which points outside the archive: refused",
    );
  });

  it("names the input when the path is missing or is neither a directory nor a zip", async () => {
    await expect(replaySpoolFrom(join(temp, "nope.zip"), store)).rejects.toThrow(
      /^Input 'spool' '.*nope\.zip' cannot be read \(ENOENT\)$/,
    );
    writeFileSync(join(temp, "notes.txt"), "not a zip");
    await expect(replaySpoolFrom(join(temp, "notes.txt"), store)).rejects.toThrow(
      "is neither a spool directory nor a zip of one",
    );
    writeFileSync(join(temp, "broken.zip"), Buffer.from("PK\x03\x04 truncated"));
    await expect(replaySpoolFrom(join(temp, "broken.zip"), store)).rejects.toThrow(
      /^Input 'spool' is not a readable zip file/,
    );
  });
});
