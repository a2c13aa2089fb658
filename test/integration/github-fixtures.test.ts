import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type FakeRequest, FakeServer } from "../../src/sandbox/fake-server.js";
import { GitHubClient, GitHubError } from "../../src/vendors/github.js";
import { getDefaultBranch } from "../../src/vendors/github-gate.js";
import { repoRoot } from "../support/run-action.js";

/**
 * Recorded answers of the real GitHub (@octokit/fixtures) replayed from a loopback server through the GitHub
 * client, for the endpoints both cover: a repository, an issue list paged by Link headers (whose next links
 * point at /repositories/{id}/..., not the path asked for), and a 422 with GitHub's `errors` detail. Each
 * recorded request is answered once, in order; a request the recording does not hold is a 599, so the test
 * also shows the client asks what the real client asked.
 */

interface Recorded {
  method: string;
  path: string;
  status: number;
  headers: Record<string, string>;
  response: unknown;
  body?: unknown;
}

const TOKEN = "0000000000000000000000000000000000000001";

function scenario(name: string): Recorded[] {
  const file = join(
    repoRoot,
    "node_modules/@octokit/fixtures/scenarios/api.github.com",
    name,
    "normalized-fixture.json",
  );
  return JSON.parse(readFileSync(file, "utf8")) as Recorded[];
}

/** A loopback GitHub that answers exactly the recorded exchanges, links pointed at itself. */
async function replay(name: string) {
  const recorded = scenario(name);
  const server = new FakeServer(`fixture ${name}`);
  const used = new Set<number>();
  const asked: { method: string; url: string; authorization?: string; body: string }[] = [];
  server.route("*", "/*", (req: FakeRequest) => {
    const url = `${req.path}${req.query.size ? `?${req.query}` : ""}`;
    asked.push({ method: req.method, url, authorization: req.headers.authorization, body: req.body });
    // The exact path and query first; else the first unused exchange on the same path (our page size differs).
    const pick =
      recorded.findIndex((r, i) => !used.has(i) && r.method.toUpperCase() === req.method && r.path === url) >=
      0
        ? recorded.findIndex(
            (r, i) => !used.has(i) && r.method.toUpperCase() === req.method && r.path === url,
          )
        : recorded.findIndex(
            (r, i) =>
              !used.has(i) && r.method.toUpperCase() === req.method && r.path.split("?")[0] === req.path,
          );
    if (pick < 0) return { status: 599, body: { message: `not in the recording: ${req.method} ${url}` } };
    used.add(pick);
    const r = recorded[pick]!;
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(r.headers)) {
      if (["content-length", "connection", "transfer-encoding"].includes(k)) continue;
      headers[k] = String(v).replaceAll("https://api.github.com", server.url);
    }
    return { status: r.status, headers, body: r.response };
  });
  await server.start();
  const client = new GitHubClient({
    token: TOKEN,
    repository: `octokit-fixture-org/${name === "get-repository" ? "hello-world" : name}`,
    baseUrl: server.url,
    backoffMs: 1,
    retries: 0,
  });
  return { server, client, recorded, used, asked };
}

describe("the GitHub client against recorded GitHub answers (@octokit/fixtures)", () => {
  const servers: FakeServer[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.stop();
  });

  it("get-repository: reads the default branch, sending the token as GitHub expects", async () => {
    const { server, client, recorded, used, asked } = await replay("get-repository");
    servers.push(server);
    expect(await getDefaultBranch(client)).toBe(
      (recorded[0]!.response as { default_branch: string }).default_branch,
    );
    expect(used.size).toBe(recorded.length);
    expect(asked[0]).toMatchObject({ method: "GET", url: "/repos/octokit-fixture-org/hello-world" });
    expect(asked[0]!.authorization).toMatch(new RegExp(`^(token|bearer) ${TOKEN}$`, "i"));
  });

  it("paginate-issues: follows GitHub's Link headers to /repositories/{id}/issues and reads every page", async () => {
    const { server, client, recorded, used, asked } = await replay("paginate-issues");
    servers.push(server);
    const issues = await client.listIssues();
    const all = recorded.flatMap((r) => r.response as { number: number; pull_request?: unknown }[]);
    expect(issues.map((i) => i.number)).toEqual(all.filter((i) => !i.pull_request).map((i) => i.number));
    expect(issues.length).toBe(13);
    expect(used.size).toBe(recorded.length);
    expect(asked.slice(1).map((a) => a.url)).toEqual(recorded.slice(1).map((r) => r.path));
  });

  it("errors: a 422 names the operation, GitHub's message and its errors detail", async () => {
    const { server, client, recorded } = await replay("errors");
    servers.push(server);
    const err = (await client
      .json("POST", "/repos/octokit-fixture-org/errors/labels", {
        body: recorded[0]!.body,
        what: "create label foo",
        hints: { 422: "check the label's color" },
      })
      .catch((e: unknown) => e)) as GitHubError;
    expect(err).toBeInstanceOf(GitHubError);
    expect(err.status).toBe(422);
    expect(err.message).toBe(
      "Could not create label foo: GitHub answered 422: Validation Failed (Label color: invalid). check the label's color",
    );
  });
});
