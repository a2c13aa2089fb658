// Cloudflare Pages on loopback:
// - a Direct Upload deploy of a 1,000-file site where 10 files changed since the last deploy, against a baseline
//   of uploading all 1,000 (the same site to an empty asset store): requests, bytes sent, time;
// - a rollback through the real bundle under Node 24, process start to done, against bare `node -e ''`.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Clock, silentReporter } from "../src/core/ports.js";
import { releaseToPages } from "../src/pipelines/pages-release.js";
import { CloudflareApiFake } from "../src/sandbox/cloudflare-api.js";
import { CloudflarePagesClient } from "../src/vendors/cloudflare-pages.js";
import { node24 } from "../test/support/node24.js";
import { repoRoot } from "../test/support/run-action.js";
import { fmt, median, ratio, table } from "./lib.js";

const ACCOUNT = "0123456789abcdef0123456789abcdef";
const TOKEN = "bench-cloudflare-token-0123456789";
/** Stage polling does not wait: the bench measures the upload, not the poll interval. */
const noWait: Clock = { now: () => new Date(), sleep: async () => {} };

function writeSite(dir: string, files: number): void {
  for (let i = 0; i < files; i++) {
    const sub = join(dir, `section-${i % 20}`);
    mkdirSync(sub, { recursive: true });
    // 1-12 KiB of incompressible content, like built JS and images.
    writeFileSync(
      join(sub, `page-${i}.${i % 3 === 0 ? "js" : "html"}`),
      randomBytes(1024 + ((i * 389) % 11_264)),
    );
  }
}

async function deployOnce(api: CloudflareApiFake, dir: string, sha: string) {
  const start = api.server.requests.length;
  const t = performance.now();
  const r = await releaseToPages(
    { project: "site", directory: dir, commitHash: sha },
    {
      pages: new CloudflarePagesClient({ apiToken: TOKEN, accountId: ACCOUNT, baseUrl: api.url }),
      reporter: silentReporter,
      clock: noWait,
    },
  );
  const ms = performance.now() - t;
  const sent = api.server.requests.slice(start);
  return {
    ms,
    requests: sent.length,
    bytes: sent.reduce((n, q) => n + q.raw.length, 0),
    uploaded: r.uploaded.files,
  };
}

function timeProcess(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("close", (code) =>
      code === 0
        ? resolve(performance.now() - started)
        : reject(new Error(`${cmd} exited ${code}: ${stderr}`)),
    );
  });
}

export default async function pagesBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "prodgate-pages-bench-"));
  const site = join(dir, "site");
  const warm = await new CloudflareApiFake({ apiToken: TOKEN }).start();
  const cold = await new CloudflareApiFake({ apiToken: TOKEN }).start();
  try {
    writeSite(site, 1_000);
    warm.addProject(ACCOUNT, "site");
    cold.addProject(ACCOUNT, "site");
    cold.addDeployment(ACCOUNT, "site", { createdOn: "2026-01-01T00:00:00Z" }); // something to roll back to
    await deployOnce(warm, site, "a".repeat(40)); // what is on Cloudflare before the change
    for (let i = 0; i < 10; i++)
      writeFileSync(
        join(site, `section-${i % 20}`, `page-${i}.${i % 3 === 0 ? "js" : "html"}`),
        randomBytes(2048),
      );
    const changed = await deployOnce(warm, site, "b".repeat(40));
    const all = await deployOnce(cold, site, "b".repeat(40));
    table([
      {
        case: "upload all 1,000 (baseline)",
        uploaded: all.uploaded,
        requests: all.requests,
        "bytes sent": all.bytes,
        time: fmt(all.ms),
      },
      {
        case: "10 of 1,000 changed",
        uploaded: changed.uploaded,
        requests: changed.requests,
        "bytes sent": changed.bytes,
        time: fmt(changed.ms),
      },
    ]);
    console.log(
      `10 changed vs all: bytes ${ratio(changed.bytes, all.bytes)}, requests ${ratio(changed.requests, all.requests)}, time ${ratio(changed.ms, all.ms)}`,
    );

    // Rollback, process start to done, through the bundle.
    const project = cold.projects.get(`${ACCOUNT}/site`)!;
    const node = node24();
    const bare: number[] = [];
    const rollbacks: number[] = [];
    for (let i = 0; i < 8; i++) {
      const [older, newer] = [project.deployments[1]!, project.deployments[0]!];
      project.canonicalId = newer.id;
      bare.push(await timeProcess(node, ["-e", ""], { PATH: process.env.PATH }));
      rollbacks.push(
        await timeProcess(node, [join(repoRoot, "dist/cloudflare-pages-rollback/index.js")], {
          PATH: process.env.PATH,
          CLOUDFLARE_API_URL: cold.url,
          "INPUT_API-TOKEN": TOKEN,
          "INPUT_ACCOUNT-ID": ACCOUNT,
          INPUT_PROJECT: "site",
          INPUT_DEPLOYMENT: older.id,
        }),
      );
    }
    if (project.canonicalId !== project.deployments[1]!.id)
      throw new Error("the rollback did not take effect");
    table([
      { case: "node -e '' (baseline)", median: fmt(median(bare)) },
      { case: "cloudflare-pages-rollback bundle", median: fmt(median(rollbacks)) },
    ]);
    console.log(`rollback vs bare node start: ${ratio(median(rollbacks), median(bare))}`);
  } finally {
    await Promise.all([warm.stop(), cold.stop()]);
    rmSync(dir, { recursive: true, force: true });
  }
}
