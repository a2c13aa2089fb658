// The diff preview of a 5,000-commit range against the loopback GitHub fake: wall time and summary size,
// against a baseline measured in the same run (a 10-commit range), and against reading every page of the
// comparison (what a naive client would do). Aim: under 2 s and under 64 KiB.

import { silentReporter } from "../src/core/ports.js";
import { renderPreviewMarkdown } from "../src/core/preview.js";
import { computePreview } from "../src/pipelines/preview.js";
import { GitHubApiFake } from "../src/sandbox/github-api.js";
import { GitHubClient } from "../src/vendors/github.js";
import { fmt, median, ratio, table } from "./lib.js";

export default async function previewBench(): Promise<void> {
  const token = "bench-token";
  const fake = await new GitHubApiFake({ token }).start();
  try {
    const repo = fake.repo("acme/shop");
    const main = repo.chain(5_001, {
      message: (i) => `Change ${i}: ${"a fairly long commit subject ".repeat(3)}`,
    });
    const head = main.at(-1)!;
    const github = new GitHubClient({ token, repository: "acme/shop", baseUrl: fake.url });

    const measure = async (from: string, runs = 7) => {
      const times: number[] = [];
      let bytes = 0;
      let requests = 0;
      for (let i = 0; i < runs; i++) {
        const before = fake.server.requests.length;
        const t = performance.now();
        const preview = await computePreview(
          { app: "shop-prod", environment: "production", ref: head, fromSha: from, maxCommits: 50 },
          { github, reporter: silentReporter },
        );
        const md = renderPreviewMarkdown(preview, { variant: "summary" });
        times.push(performance.now() - t);
        bytes = Buffer.byteLength(md);
        requests = fake.server.requests.length - before;
        if (preview.commitCount !== main.indexOf(head) - main.indexOf(from)) throw new Error("wrong count");
      }
      return { ms: median(times), bytes, requests };
    };

    const cold = await measure(main[0]!, 1); // first run: cold JIT, connections and fake caches
    const baseline = await measure(main[4_990]!);
    const big = await measure(main[0]!);

    // What a client that reads the whole comparison would do: every page, 100 commits each.
    const naiveTimes: number[] = [];
    let naivePages = 0;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      const path = github.repoPath(`/compare/${main[0]}...${head}`);
      let seen = 0;
      naivePages = 0;
      for (let page = 1; ; page++) {
        const res = await github.json<{ commits: unknown[]; total_commits: number }>("GET", path, {
          query: { per_page: 100, page },
        });
        naivePages++;
        seen += res.commits.length;
        if (res.commits.length === 0 || seen >= res.total_commits) break;
      }
      naiveTimes.push(performance.now() - t);
    }
    const naive = median(naiveTimes);

    table([
      {
        case: "10-commit range (baseline)",
        "wall time": fmt(baseline.ms),
        requests: baseline.requests,
        summary: `${(baseline.bytes / 1024).toFixed(1)} KiB`,
        "vs baseline": "1.00×",
      },
      {
        case: "5,000-commit range, first run",
        "wall time": fmt(cold.ms),
        requests: cold.requests,
        summary: `${(cold.bytes / 1024).toFixed(1)} KiB`,
        "vs baseline": ratio(cold.ms, baseline.ms),
      },
      {
        case: "5,000-commit range",
        "wall time": fmt(big.ms),
        requests: big.requests,
        summary: `${(big.bytes / 1024).toFixed(1)} KiB`,
        "vs baseline": ratio(big.ms, baseline.ms),
      },
      {
        case: "every page of 5,000 (naive)",
        "wall time": fmt(naive),
        requests: naivePages,
        summary: "-",
        "vs baseline": ratio(naive, baseline.ms),
      },
    ]);
    const ok = big.ms < 2_000 && big.bytes < 64 * 1024;
    console.log(
      `5,000-commit preview: ${fmt(big.ms)}, ${big.bytes} bytes (aim < 2 s, < 65,536 bytes): ${ok ? "met" : "NOT met"}`,
    );
  } finally {
    await fake.stop();
  }
}
