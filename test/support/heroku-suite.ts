import { afterAll, beforeAll } from "vitest";
import { canary } from "./canary.js";
import { type HerokuSandbox, removeDir, startHeroku, tempDir } from "./heroku.js";

/**
 * The Heroku fakes (Platform API + git endpoint) and a throwaway directory for one describe block: the
 * sandbox starts before its tests, then `setup` runs (make repositories, seed apps); after them the sandbox
 * stops and the directory goes. Returns the API key the fakes accept and the directory. (Kept apart from
 * heroku.ts, which the benchmarks load outside vitest.)
 */
export function herokuSuite(
  label: string,
  setup: (hk: HerokuSandbox) => void | Promise<void>,
): { key: string; dir: string } {
  const key = canary("heroku-key");
  const dir = tempDir(label);
  let hk: HerokuSandbox | undefined;
  beforeAll(async () => {
    hk = await startHeroku(key);
    await setup(hk);
  });
  afterAll(async () => {
    await hk?.stop();
    removeDir(dir);
  });
  return { key, dir };
}
