import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  actionsState,
  fakeEnvironment,
  GitHubApiFake,
  missingUsers,
  reviewRun,
  type ServedResponse,
} from "../../src/sandbox/github-api.js";
import { registerPullFilesRoute } from "../../src/sandbox/github-pulls-fake.js";
import {
  addIssueAssignees,
  GitHubClient,
  getIssue,
  listAllIssueComments,
  listTeamMembers,
} from "../../src/vendors/github.js";
import { listPullRequestFiles } from "../../src/vendors/github-pulls.js";
import { repoRoot } from "../support/run-action.js";

/**
 * Every answer the GitHub fake gives for the operations prodgate uses is checked against GitHub's official
 * OpenAPI description (@octokit/openapi), status and body, so the fake cannot drift from the real API.
 * A scenario drives each operation through the real client over HTTP, errors included; then every recorded
 * answer is validated. Operations added by later work belong in `USED` and in the scenario.
 */

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** The operations prodgate calls (operationId in GitHub's description). */
const USED = [
  "repos/get-commit",
  "repos/list-commits",
  "git/get-ref",
  "repos/compare-commits",
  "repos/list-pull-requests-associated-with-commit",
  "issues/list-comments",
  "issues/create-comment",
  "issues/update-comment",
  "issues/delete-comment",
  "repos/list-comments-for-commit",
  "repos/create-commit-comment",
  "repos/update-commit-comment",
  "repos/delete-commit-comment",
  "repos/list-deployments",
  "repos/get-deployment",
  "repos/create-deployment",
  "repos/list-deployment-statuses",
  "repos/create-deployment-status",
  "pulls/list-files",
];

interface Operation {
  id: string;
  method: string;
  template: string;
  pattern: RegExp;
  literal: number;
  responses: Record<string, unknown>;
  parameters: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: unknown }> };
}

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Record<string, unknown>;
}

type Doc = {
  paths: Record<
    string,
    Record<
      string,
      {
        operationId?: string;
        responses?: Record<string, unknown>;
        parameters?: (Parameter | { $ref: string })[];
        requestBody?: Operation["requestBody"];
      }
    >
  >;
  components: { responses: Record<string, unknown>; parameters: Record<string, Parameter> };
};

/** OpenAPI 3.0 `nullable` → JSON Schema, in place. */
function convertNullable(node: unknown): unknown {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) node[i] = convertNullable(node[i]);
    return node;
  }
  if (!node || typeof node !== "object") return node;
  const o = node as Record<string, unknown>;
  for (const k of Object.keys(o)) o[k] = convertNullable(o[k]);
  if (o.nullable === true) {
    delete o.nullable;
    if (typeof o.type === "string") {
      o.type = [o.type, "null"];
      if (Array.isArray(o.enum)) o.enum.push(null);
      return o;
    }
    return { anyOf: [o, { type: "null" }] };
  }
  return o;
}

class OpenApiChecker {
  readonly ajv = new Ajv({ strict: false, allErrors: true });
  readonly operations: Operation[] = [];
  private readonly doc: Doc;
  private readonly cache = new Map<string, ValidateFunction>();

  constructor() {
    const file = join(repoRoot, "node_modules/@octokit/openapi/generated/api.github.com.json");
    this.doc = convertNullable(JSON.parse(readFileSync(file, "utf8"))) as Doc;
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: "github", components: this.doc.components });
    for (const [template, ops] of Object.entries(this.doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        if (!op?.operationId || !op.responses) continue;
        const source = template
          .split(/(\{[^}]+\})/)
          .map((part) => (part.startsWith("{") ? "(.+?)" : part.replace(/[.*+?^$()|[\]\\]/g, "\\$&")))
          .join("");
        this.operations.push({
          id: op.operationId,
          method: method.toUpperCase(),
          template,
          pattern: new RegExp(`^${source}$`),
          literal: template.replace(/\{[^}]+\}/g, "").length,
          responses: op.responses,
          parameters: (op.parameters ?? []).map((p) =>
            "$ref" in p ? this.doc.components.parameters[p.$ref.split("/").pop()!]! : p,
          ),
          requestBody: op.requestBody,
        });
      }
    }
  }

  /** The operation a request matches: the matching template with the most literal text. */
  match(method: string, path: string): Operation | undefined {
    return this.operations
      .filter((op) => op.method === method && op.pattern.test(path))
      .sort((a, b) => b.literal - a.literal)[0];
  }

  /** Problems with one answer; [] when it conforms. */
  check(r: ServedResponse): { op?: Operation; declared: boolean; problems: string[] } {
    const op = this.match(r.method, r.path);
    if (!op)
      return {
        declared: false,
        problems: [`no operation in GitHub's description for ${r.method} ${r.path}`],
      };
    // A conditional GET that matched its ETag: GitHub answers any of them 304 with no body.
    if (r.status === 304 && r.method === "GET")
      return { op, declared: true, problems: r.body === undefined ? [] : [`${op.id} 304 has a body`] };
    let response = op.responses[String(r.status)] as Record<string, unknown> | undefined;
    const declared = response !== undefined;
    if (response && typeof response.$ref === "string")
      response = this.doc.components.responses[response.$ref.split("/").pop()!] as Record<string, unknown>;
    let pointer: string;
    if (response) {
      const content = response.content as Record<string, { schema?: unknown }> | undefined;
      const json = content?.["application/json"] ?? content?.["application/scim+json"];
      if (!json) {
        const empty = r.body === undefined || r.body === "";
        return {
          op,
          declared,
          problems: empty ? [] : [`${op.id} ${r.status} has no body in GitHub's description`],
        };
      }
      pointer = `${op.id}:${r.status}`;
      if (!this.cache.has(pointer))
        this.cache.set(pointer, this.ajv.compile(this.resolveSchema(json.schema)));
    } else if (r.status >= 400) {
      // A status the operation does not list (401 for any call, 403 for a write): GitHub's generic error.
      pointer = "basic-error";
      if (!this.cache.has(pointer))
        this.cache.set(
          pointer,
          this.ajv.compile({ $ref: "github#/components/schemas/basic-error", required: ["message"] }),
        );
    } else {
      return { op, declared, problems: [`${op.id} does not list status ${r.status}`] };
    }
    const validate = this.cache.get(pointer)!;
    if (validate(r.body)) return { op, declared, problems: [] };
    return {
      op,
      declared,
      problems: (validate.errors ?? [])
        .slice(0, 5)
        .map((e) => `${op.id} ${r.status} ${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`),
    };
  }

  /**
   * Problems with the request half of one exchange: the operation exists for the method and path, every query
   * parameter is one the operation declares and fits its schema, required ones are there, and the JSON body
   * fits the operation's requestBody schema (with no top-level key the schema does not name).
   */
  checkRequest(r: ServedResponse): string[] {
    const op = this.match(r.method, r.path);
    if (!op) return [`no operation in GitHub's description for ${r.method} ${r.path}`];
    const problems: string[] = [];
    const query = new URLSearchParams(r.query);
    const declared = new Map(op.parameters.filter((p) => p.in === "query").map((p) => [p.name, p]));
    for (const [name, raw] of query) {
      const param = declared.get(name);
      if (!param) {
        problems.push(`${op.id}: query parameter '${name}' is not one GitHub declares`);
        continue;
      }
      const key = `${op.id}?${name}`;
      if (!this.cache.has(key)) this.cache.set(key, this.ajv.compile(this.resolveSchema(param.schema ?? {})));
      const type = param.schema?.type;
      const value =
        type === "integer" || type === "number"
          ? Number(raw)
          : type === "boolean"
            ? raw === "true"
              ? true
              : raw === "false"
                ? false
                : raw
            : raw;
      if (!this.cache.get(key)!(value))
        problems.push(`${op.id}: query ${name}=${raw} does not fit ${JSON.stringify(param.schema)}`);
    }
    for (const p of declared.values())
      if (p.required && !query.has(p.name))
        problems.push(`${op.id}: required query parameter '${p.name}' missing`);
    const json = op.requestBody?.content?.["application/json"]?.schema as Record<string, unknown> | undefined;
    if (r.requestBody === undefined) {
      if (op.requestBody?.required) problems.push(`${op.id}: the request has no body, which GitHub requires`);
      return problems;
    }
    if (!json) return [...problems, `${op.id}: the request has a body, which GitHub does not take`];
    const key = `${op.id}:request`;
    if (!this.cache.has(key)) this.cache.set(key, this.ajv.compile(this.resolveSchema(json)));
    const validate = this.cache.get(key)!;
    if (!validate(r.requestBody))
      problems.push(
        ...(validate.errors ?? [])
          .slice(0, 5)
          .map((e) => `${op.id} request ${e.instancePath || "/"} ${e.message}`),
      );
    const properties = json.properties as Record<string, unknown> | undefined;
    if (properties && r.requestBody && typeof r.requestBody === "object")
      for (const k of Object.keys(r.requestBody))
        if (!(k in properties)) problems.push(`${op.id}: body key '${k}' is not one GitHub declares`);
    return problems;
  }

  /** A response schema with its local refs pointed at the shared components. */
  private resolveSchema(schema: unknown): Record<string, unknown> {
    return JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, '"github#/components/'));
  }
}

describe("GitHub fake against GitHub's OpenAPI description", () => {
  const token = "ghs_openapi_token";
  const readOnly = "ghs_read_only";
  const fake = new GitHubApiFake({ token });
  let checker: OpenApiChecker;
  let client: GitHubClient;
  /** Requests a scenario sends knowing GitHub's description refuses them (to see the fake refuse them too). */
  const deliberatelyBad = new Set<ServedResponse>();

  /** Every answer served since `from` matches GitHub's description, and each of `used` succeeded at least once. */
  const expectServedInGitHubShapes = (from: number, used: readonly string[]) => {
    const problems: string[] = [];
    const succeeded = new Set<string>();
    for (const r of fake.served.slice(from)) {
      const result = checker.check(r);
      problems.push(...result.problems.map((p) => `${r.method} ${r.path}?${r.query} → ${p}`));
      if (!deliberatelyBad.has(r))
        problems.push(
          ...checker.checkRequest(r).map((p) => `request ${r.method} ${r.path}?${r.query} → ${p}`),
        );
      if (result.op && r.status < 300) succeeded.add(result.op.id);
    }
    expect(problems).toEqual([]);
    expect(used.filter((id) => !succeeded.has(id))).toEqual([]);
  };

  beforeAll(async () => {
    fake.addToken(readOnly);
    fake.setPermission(readOnly, "pull-requests", "read");
    fake.setPermission(readOnly, "issues", "read");
    fake.setPermission(readOnly, "contents", "read");
    fake.setPermission(readOnly, "deployments", "read");
    registerPullFilesRoute(fake);
    await fake.start();
    checker = new OpenApiChecker();
    client = new GitHubClient({ token, repository: "acme/shop", baseUrl: fake.url, backoffMs: 1 });
  });
  afterAll(() => fake.stop());

  it("serves every operation prodgate uses, each answer in GitHub's shapes", async () => {
    const repo = fake.repo("acme/shop");
    const [root] = repo.chain(1, { author: "octocat" });
    const main = repo.chain(130, { author: "alice" });
    const live = main[9]!;
    const head = main.at(-1)!;
    repo.tag("v1.0.0", live);
    const side = repo.chain(3, { branch: "hotfix", from: live, author: "bob" });
    const unrelated = repo.commit({ parents: [], message: "orphan" }, "orphan");
    repo.pull({ headRef: "feature", headSha: head, title: "Ship it" });
    repo.pull({
      headRef: "old",
      headSha: head,
      state: "closed",
      mergeCommitSha: head,
      mergedAt: "2026-01-02T00:00:00Z",
    });
    repo.deployment({ sha: head, environment: "production" });

    // commits, refs, comparisons (paged), pull requests
    expect((await client.getCommit("main")).sha).toBe(head);
    expect(await client.findCommit("0000000000000000000000000000000000000000")).toBeUndefined();
    expect((await client.getRef("heads/main"))?.object.sha).toBe(head);
    expect((await client.getRef("tags/v1.0.0"))?.object.sha).toBe(live);
    expect(await client.getRef("heads/nope")).toBeUndefined();
    expect(await client.countCommits(head)).toBe(131);
    expect((await client.listCommits(head, 5)).map((c) => c.sha)).toEqual(main.slice(-5).reverse());
    const cmp = await client.compare(live, head, { newest: 10 });
    expect(cmp).toMatchObject({ status: "ahead", aheadBy: 120, behindBy: 0, totalCommits: 120 });
    expect((await client.compare(head, live)).status).toBe("behind");
    expect((await client.compare(side.at(-1)!, head)).status).toBe("diverged");
    expect((await client.compare(head, head)).status).toBe("identical");
    await expect(client.compare(unrelated, head)).rejects.toMatchObject({ status: 404 });
    await expect(client.compare("f".repeat(40), head)).rejects.toMatchObject({ status: 404 });
    expect((await client.pullsForCommit(head)).length).toBe(2);
    const hotfix = repo.pull({ headRef: "hotfix", headSha: side.at(-1)!, title: "Hotfix" });
    const changed = await listPullRequestFiles(client, hotfix.number);
    expect(changed.files.length).toBeGreaterThan(0);
    await expect(listPullRequestFiles(client, 999)).rejects.toMatchObject({ status: 404 });
    expect(root).toBeDefined();

    // comments: PR and commit, sticky upsert (create, update, fold a duplicate), permission errors
    await client.upsertStickyComment({ target: { pr: 1 }, key: "k", body: "one" });
    await client.createIssueComment(1, "<!-- prodgate:sticky k -->\ndup");
    await client.upsertStickyComment({ target: { pr: 1 }, key: "k", body: "two" });
    await client.upsertStickyComment({ target: { commit: head }, key: "k", body: "one" });
    await client.createCommitComment(head, "<!-- prodgate:sticky k -->\ndup");
    await client.upsertStickyComment({ target: { commit: head }, key: "k", body: "two" });
    await expect(client.listIssueComments(99)).rejects.toMatchObject({ status: 404 });
    await expect(client.updateIssueComment(1, "x")).rejects.toMatchObject({ status: 404 });
    await expect(client.updateCommitComment(1, "x")).rejects.toMatchObject({ status: 404 });
    await expect(client.createCommitComment("f".repeat(40), "x")).rejects.toMatchObject({ status: 422 });
    const denied = new GitHubClient({ token: readOnly, repository: "acme/shop", baseUrl: fake.url });
    await expect(denied.createIssueComment(1, "x")).rejects.toMatchObject({ status: 403 });
    await expect(denied.createCommitComment(head, "x")).rejects.toMatchObject({ status: 403 });
    await expect(denied.updateIssueComment(repo.issueComments[0]!.id, "x")).rejects.toMatchObject({
      status: 403,
    });
    await expect(denied.createDeployment({ sha: head, environment: "staging" })).rejects.toMatchObject({
      status: 403,
    });
    const bad = new GitHubClient({ token: "nope", repository: "acme/shop", baseUrl: fake.url });
    await expect(bad.getCommit("main")).rejects.toMatchObject({ status: 401 });
    const otherRepo = new GitHubClient({ token, repository: "acme/gone", baseUrl: fake.url });
    await expect(otherRepo.listDeployments()).rejects.toMatchObject({ status: 404 });

    // deployments and statuses
    const found = await client.findOrCreateDeployment({ sha: head, environment: "production" });
    expect(found.created).toBe(false);
    const made = await client.findOrCreateDeployment({ sha: live, ref: "v1.0.0", environment: "staging" });
    expect(made.created).toBe(true);
    await client.setDeploymentStatus(found.deployment.id, {
      state: "in_progress",
      log_url: "https://github.com/acme/shop/actions/runs/1",
    });
    await client.setDeploymentStatus(found.deployment.id, {
      state: "success",
      environment_url: "https://shop.example.com",
      log_url: "https://github.com/acme/shop/actions/runs/1",
      description: "Deployed",
    });
    expect((await client.listDeploymentStatuses(found.deployment.id)).map((s) => s.state)).toEqual([
      "success",
      "in_progress",
    ]);
    await client.json("GET", client.repoPath(`/deployments/${found.deployment.id}`));
    await expect(
      client.createDeployment({ sha: "f".repeat(40), environment: "production" }),
    ).rejects.toMatchObject({
      status: 422,
    });
    await expect(client.setDeploymentStatus(424242, { state: "success" })).rejects.toMatchObject({
      status: 404,
    });
    await expect(
      client.json("POST", client.repoPath(`/deployments/${found.deployment.id}/statuses`), {
        body: { state: "bogus" },
      }),
    ).rejects.toMatchObject({ status: 422 });
    deliberatelyBad.add(fake.served.at(-1)!);

    // every answer conforms; every operation was served at least once with a success
    const problems: string[] = [];
    const succeeded = new Set<string>();
    const undeclared = new Set<string>();
    for (const r of fake.served) {
      const result = checker.check(r);
      problems.push(...result.problems.map((p) => `${r.method} ${r.path}?${r.query} → ${p}`));
      if (!deliberatelyBad.has(r))
        problems.push(
          ...checker.checkRequest(r).map((p) => `request ${r.method} ${r.path}?${r.query} → ${p}`),
        );
      if (result.op && r.status < 300) succeeded.add(result.op.id);
      if (result.op && !result.declared) undeclared.add(`${result.op.id} ${r.status}`);
    }
    expect(problems).toEqual([]);
    expect(USED.filter((id) => !succeeded.has(id))).toEqual([]);
    expect(fake.served.length).toBeGreaterThan(40);
    // Statuses GitHub's description does not list for an operation are only the generic auth/permission ones.
    for (const u of undeclared) expect(u).toMatch(/ (401|403|404)$/);
  });

  it("serves the status sweep's workflow-run and issue operations in GitHub's shapes", async () => {
    const used = [
      "actions/list-workflow-runs-for-repo",
      "actions/list-workflow-runs",
      "issues/list-for-repo",
      "issues/create",
      "issues/update",
      "issues/create-comment",
    ];
    const from = fake.served.length;
    const repo = fake.repo("acme/shop");
    const [sha] = repo.chain(1, { author: "carol" });
    repo.run({ workflow: "deploy.yml", headSha: sha!, conclusion: "failure" });
    repo.run({ workflow: "ci.yml", headSha: sha!, status: "in_progress" });
    repo.run({ workflow: "ci.yml", headSha: sha!, headBranch: "feature", event: "pull_request" });
    const all = await client.listWorkflowRuns({ branch: "main", perPage: 50 });
    expect(all.map((r) => r.path)).toEqual([".github/workflows/ci.yml", ".github/workflows/deploy.yml"]);
    expect((await client.listWorkflowRuns({ workflow: "deploy.yml", branch: "main" }))[0]?.conclusion).toBe(
      "failure",
    );
    await expect(client.listWorkflowRuns({ workflow: "nope.yml" })).rejects.toMatchObject({ status: 404 });

    const issue = await client.createIssue({
      title: "Incident",
      body: "<!-- m -->",
      labels: ["prodgate:incident"],
    });
    await client.createIssueComment(issue.number, "recovered");
    expect((await client.listIssues({ labels: ["prodgate:incident"] })).map((i) => i.number)).toEqual([
      issue.number,
    ]);
    expect(
      (await client.updateIssue(issue.number, { state: "closed", state_reason: "completed" })).state,
    ).toBe("closed");
    expect(await client.listIssues({ labels: ["prodgate:incident"] })).toEqual([]);
    await expect(client.updateIssue(99_999, { state: "closed" })).rejects.toMatchObject({ status: 404 });
    const denied = new GitHubClient({ token: readOnly, repository: "acme/shop", baseUrl: fake.url });
    await expect(denied.createIssue({ title: "x", body: "y" })).rejects.toMatchObject({ status: 403 });

    expectServedInGitHubShapes(from, used);
  });

  it("serves the rotation sweep's secrets-metadata, dispatch and run operations in GitHub's shapes", async () => {
    const used = [
      "actions/list-repo-secrets",
      "actions/list-environment-secrets",
      "actions/create-workflow-dispatch",
      "actions/get-workflow-run",
      "actions/list-workflow-runs",
    ];
    const from = fake.served.length;
    const repo = fake.repo("acme/shop");
    repo.chain(1, { author: "dave" });
    const state = actionsState(repo);
    const at = "2026-03-01T10:00:00Z";
    for (let i = 0; i < 105; i++) state.secrets.push({ name: `SECRET_${i}`, createdAt: at, updatedAt: at });
    state.environments.set("production", [
      { name: "DEPLOY_KEY", createdAt: at, updatedAt: "2026-04-01T00:00:00Z" },
    ]);
    state.workflows.set("rotate.yml", ["secret_name", "job_id"]);
    const admin = "ghp_openapi_admin";
    fake.addToken(admin, { login: "octo-admin" });
    const reader = new GitHubClient({
      token: admin,
      repository: "acme/shop",
      baseUrl: fake.url,
      backoffMs: 1,
    });

    expect((await reader.listRepoSecrets()).length).toBe(105);
    expect(await reader.listEnvironmentSecrets("production")).toEqual([
      { name: "DEPLOY_KEY", created_at: at, updated_at: "2026-04-01T00:00:00Z" },
    ]);
    await expect(reader.listEnvironmentSecrets("nope")).rejects.toMatchObject({ status: 404 });
    await expect(client.listRepoSecrets()).rejects.toThrow(/needs a token with secrets read permission/);
    const dispatched = await client.dispatchWorkflow("rotate.yml", "main", {
      secret_name: "A",
      job_id: "rot_1",
    });
    expect(dispatched.runId).toBeGreaterThan(0);
    const run = await client.getWorkflowRun(dispatched.runId!);
    expect(run).toMatchObject({ status: "queued", event: "workflow_dispatch" });
    await expect(client.dispatchWorkflow("nope.yml", "main", {})).rejects.toMatchObject({ status: 404 });
    await expect(client.dispatchWorkflow("rotate.yml", "main", { other: "x" })).rejects.toMatchObject({
      status: 422,
    });
    await expect(client.getWorkflowRun(424_242)).rejects.toMatchObject({ status: 404 });
    // A server without return_run_details (GHES): 204 without details, or 422 for the unknown key. The run
    // is then found among the workflow's runs; after a 422 the dispatch is sent once more, without the key.
    state.noRunDetails = true;
    const quiet = await client.dispatchWorkflow("rotate.yml", "main", { secret_name: "A", job_id: "rot_2" });
    expect(quiet.runId).toBe(state.dispatches.at(-1)!.runId);
    state.noRunDetails = false;
    state.rejectRunDetails = true;
    const before = state.dispatches.length;
    const older = await client.dispatchWorkflow("rotate.yml", "main", { secret_name: "A", job_id: "rot_3" });
    expect(state.dispatches.length - before).toBe(1);
    expect(older).toMatchObject({ runId: state.dispatches.at(-1)!.runId });
    expect(older.htmlUrl).toMatch(new RegExp(`/actions/runs/${older.runId}$`));
    state.rejectRunDetails = false;

    expectServedInGitHubShapes(from, used);
  });

  it("serves the issue-comment approval gate's operations in GitHub's shapes", async () => {
    const used = [
      "teams/list-members-in-org",
      "issues/get",
      "issues/add-assignees",
      "issues/list-comments",
      "issues/update",
    ];
    const from = fake.served.length;
    const repo = fake.repo("acme/shop");
    const orgToken = "ghp_openapi_org";
    fake.addToken(orgToken, { login: "deploy-bot" });
    fake.team(
      "acme",
      "deployers",
      Array.from({ length: 120 }, (_, i) => `member-${i}`),
    );
    const org = new GitHubClient({
      token: orgToken,
      repository: "acme/shop",
      baseUrl: fake.url,
      backoffMs: 1,
    });

    expect((await listTeamMembers(org, "acme", "deployers")).length).toBe(120);
    await expect(listTeamMembers(org, "acme", "nope")).rejects.toMatchObject({ status: 404 });
    await expect(listTeamMembers(client, "acme", "deployers")).rejects.toMatchObject({ status: 403 });
    const issue = await client.createIssue({
      title: "Approve deploy",
      body: "b",
      labels: ["prodgate:approval"],
    });
    expect(
      (await addIssueAssignees(client, issue.number, ["alice", "bob"])).assignees?.map((a) => a.login),
    ).toEqual(["alice", "bob"]);
    for (let i = 0; i < 7; i++) repo.comment(issue.number, i % 2 ? "alice" : "carol", `comment ${i}`);
    expect((await listAllIssueComments(client, issue.number, { perPage: 3 })).length).toBe(7);
    expect((await getIssue(client, issue.number))?.state).toBe("open");
    repo.closeIssue(issue.number, "carol");
    expect((await getIssue(client, issue.number))?.closed_by?.login).toBe("carol");
    expect(await getIssue(client, 99_999)).toBeUndefined();
    const other = await client.createIssue({ title: "Approve deploy", body: "b" });
    await client.updateIssue(other.number, { state: "closed", state_reason: "not_planned" });
    expect((await getIssue(client, other.number))?.closed_by?.login).toBe("github-actions[bot]");
    await expect(addIssueAssignees(client, 99_999, ["alice"])).rejects.toMatchObject({ status: 404 });
    const denied = new GitHubClient({ token: readOnly, repository: "acme/shop", baseUrl: fake.url });
    await expect(addIssueAssignees(denied, issue.number, ["alice"])).rejects.toMatchObject({ status: 403 });

    expectServedInGitHubShapes(from, used);
  });

  it("serves the environment gate's and env setup's operations in GitHub's shapes", async () => {
    const used = [
      "repos/get-environment",
      "actions/get-reviews-for-run",
      "repos/create-or-update-environment",
      "repos/list-deployment-branch-policies",
      "repos/create-deployment-branch-policy",
      "repos/delete-deployment-branch-policy",
      "users/get-by-username",
      "teams/get-by-name",
    ];
    const from = fake.served.length;
    const repo = fake.repo("acme/shop");
    const [sha] = repo.chain(1, { author: "erin" });
    fake.team("acme", "ops", ["carol"]);
    fakeEnvironment(repo, "production", {
      reviewers: ["alice", "@acme/ops"],
      waitTimer: 5,
      branches: ["main"],
    });
    reviewRun(repo, 4343, "production", "alice", { comment: "ship it", headSha: sha });
    reviewRun(repo, 4343, "production", "bob", { state: "rejected", headSha: sha });

    const env = await client.getEnvironment("production");
    expect(env?.protection_rules?.map((r) => r.type)).toEqual([
      "wait_timer",
      "required_reviewers",
      "branch_policy",
    ]);
    expect(await client.getEnvironment("nope")).toBeUndefined();
    expect((await client.listRunApprovals(4343)).map((a) => [a.user.login, a.state])).toEqual([
      ["alice", "approved"],
      ["bob", "rejected"],
    ]);
    await expect(client.listRunApprovals(1)).rejects.toMatchObject({ status: 404 });

    const adminToken = "ghp_openapi_env_admin";
    fake.addToken(adminToken, { login: "octo-admin" });
    const admin = new GitHubClient({
      token: adminToken,
      repository: "acme/shop",
      baseUrl: fake.url,
      backoffMs: 1,
    });
    const alice = await admin.getUser("alice");
    const ops = await admin.getTeam("acme", "ops");
    missingUsers(fake).add("ghost");
    expect(await admin.getUser("ghost")).toBeUndefined();
    expect(await admin.getTeam("acme", "nope")).toBeUndefined();
    const saved = await admin.putEnvironment("staging", {
      prevent_self_review: true,
      reviewers: [
        { type: "User", id: alice!.id },
        { type: "Team", id: ops!.id },
      ],
      deployment_branch_policy: { protected_branches: false, custom_branch_policies: true },
    });
    expect(saved.name).toBe("staging");
    const policy = await admin.createBranchPolicy("staging", "release/*");
    expect((await admin.listBranchPolicies("staging")).map((p) => p.name)).toEqual(["release/*"]);
    await admin.deleteBranchPolicy("staging", policy.id);
    await expect(
      admin.putEnvironment("staging", { prevent_self_review: false, reviewers: [{ type: "User", id: 1 }] }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      client.putEnvironment("staging", { prevent_self_review: false, reviewers: [] }),
    ).rejects.toThrow(/needs a token that administers the repository/);

    expectServedInGitHubShapes(from, used);
  });

  it("catches a drifted answer (the checker is not vacuous)", () => {
    const commit = fake.served.find(
      (r) => r.path.includes("/commits/") && r.status === 200 && r.method === "GET",
    );
    expect(commit).toBeDefined();
    const broken = structuredClone(commit!.body) as Record<string, unknown>;
    delete broken.sha;
    (broken.commit as Record<string, unknown>).message = 42;
    const result = checker.check({ ...commit!, body: broken });
    expect(result.problems.join("\n")).toMatch(/must have required property 'sha'/);
    expect(result.problems.join("\n")).toMatch(/message must be string/);
    const status = checker.check({
      method: "POST",
      path: "/repos/a/b/deployments/1/statuses",
      query: "",
      status: 201,
      body: { id: "x" },
    });
    expect(status.problems.length).toBeGreaterThan(0);
  });

  it("catches a request GitHub's description refuses (the request check is not vacuous)", () => {
    const at = (method: string, path: string, query: string, requestBody?: unknown) =>
      checker.checkRequest({ method, path, query, status: 200, body: undefined, requestBody }).join("\n");
    expect(at("GET", "/repos/a/b/commits", "sha=main&per_page=100")).toBe("");
    expect(at("GET", "/repos/a/b/commits", "per_page=lots")).toMatch(/query per_page=lots does not fit/);
    expect(at("GET", "/repos/a/b/commits", "branch=main")).toMatch(
      /query parameter 'branch' is not one GitHub declares/,
    );
    expect(at("GET", "/nowhere/at/all", "")).toMatch(/no operation/);
    expect(at("POST", "/repos/a/b/deployments", "", { environment: "x" })).toMatch(
      /must have required property 'ref'/,
    );
    expect(at("POST", "/repos/a/b/deployments", "")).toMatch(/has no body, which GitHub requires/);
    expect(
      at("POST", "/repos/a/b/actions/workflows/w.yml/dispatches", "", { ref: "main", extra: 1 }),
    ).toMatch(/body key 'extra' is not one GitHub declares/);
    const bogus = [...deliberatelyBad][0]!;
    expect(checker.checkRequest(bogus).join("\n")).toMatch(
      /state must be equal to one of the allowed values/,
    );
  });
});
