import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CloudflareApiFake } from "../../src/sandbox/cloudflare-api.js";
import type { PagesDeployment } from "../../src/vendors/cloudflare.js";
import { canary, expectNoCanary } from "../support/canary.js";
import { type ActionResult, runAction } from "../support/run-action.js";

const ACCOUNT = "0123456789abcdef0123456789abcdef";
const sha = (n: number) => n.toString(16).padStart(40, "f");

describe("cloudflare-pages-rollback action (dist bundle under Node 24)", () => {
  const token = canary("cf-pages-token");
  const api = new CloudflareApiFake({ apiToken: token });
  const runs: ActionResult[] = [];
  const d: PagesDeployment[] = [];

  const rollback = async (inputs: Record<string, string>, apiToken = token) => {
    const r = await runAction("cloudflare-pages-rollback", {
      inputs: { "api-token": apiToken, "account-id": ACCOUNT, project: "docs", ...inputs },
      env: { CLOUDFLARE_API_URL: api.url },
    });
    runs.push(r);
    return r;
  };
  const serving = () => api.canonicalOf(api.projects.get(`${ACCOUNT}/docs`)!)?.id;
  const posts = () => api.server.requests.filter((q) => q.method === "POST").length;

  beforeAll(async () => {
    await api.start();
    api.addProject(ACCOUNT, "docs");
    const day = (n: number) => `2026-03-0${n}T12:00:00.000Z`;
    d[1] = api.addDeployment(ACCOUNT, "docs", { createdOn: day(1), commitHash: sha(1) });
    d[2] = api.addDeployment(ACCOUNT, "docs", { createdOn: day(2), commitHash: sha(2) });
    d[3] = api.addDeployment(ACCOUNT, "docs", { createdOn: day(3), commitHash: sha(3), status: "failure" });
    d[4] = api.addDeployment(ACCOUNT, "docs", {
      createdOn: day(4),
      commitHash: sha(4),
      environment: "preview",
    });
    d[5] = api.addDeployment(ACCOUNT, "docs", { createdOn: day(5), commitHash: sha(5) });
  });
  afterAll(async () => {
    await api.stop();
    expectNoCanary([token], Object.fromEntries(runs.map((r, i) => [`run${i}`, r])));
  });

  it("rolls production back to the previous successful production deployment, skipping failed and preview ones", async () => {
    expect(serving()).toBe(d[5]!.id);
    const r = await rollback({});
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.masks).toContain(token);
    expect(r.outputs).toEqual({
      "deployment-id": d[2]!.id,
      "rolled-back-to": d[2]!.id,
      "previous-deployment-id": d[5]!.id,
      "live-sha": sha(2),
    });
    expect(serving()).toBe(d[2]!.id);
    expect(
      api.server.requestsTo("POST", "/client/v4/accounts/:a/pages/projects/docs/deployments/:id/rollback"),
    ).toHaveLength(1);
    expect(r.log).toContain(`Rolling back docs production from ${d[5]!.id} to ${d[2]!.id}`);
    expect(r.summary).toContain(`### ↩️ Cloudflare Pages: docs rolled back to \`${d[2]!.id}\``);
    expect(r.summary).toContain(`To undo, roll back to \`${d[5]!.id}\``);
  });

  it("a second rollback goes one further back (from what serves now, not from the newest)", async () => {
    const r = await rollback({});
    expect(r.outputs["rolled-back-to"]).toBe(d[1]!.id);
    expect(serving()).toBe(d[1]!.id);
  });

  it("rolls to a named deployment, by id or short id, newer ones included", async () => {
    const r = await rollback({ deployment: d[5]!.id });
    expect(r.errors).toEqual([]);
    expect(serving()).toBe(d[5]!.id);
    const short = await rollback({ deployment: d[2]!.short_id });
    expect(short.outputs["rolled-back-to"]).toBe(d[2]!.id);
    expect(serving()).toBe(d[2]!.id);
  });

  it("does nothing when the named deployment already serves", async () => {
    const before = posts();
    const r = await rollback({ deployment: d[2]!.id });
    expect(r.code).toBe(0);
    expect(r.summary).toContain("already serves");
    expect(posts()).toBe(before);
  });

  it("a rollback whose answer was lost is checked, not sent again", async () => {
    const before = posts();
    api.pages.dropAnswers.rollback = 1;
    const r = await rollback({ deployment: d[1]!.id });
    expect(r.errors).toEqual([]);
    expect(serving()).toBe(d[1]!.id);
    expect(posts()).toBe(before + 1);
    expect(r.log).toContain("The rollback went through after all");
    await rollback({ deployment: d[2]!.id });
  });

  it.each([
    [4, "it is a preview deployment (only production deployments can be rolled back to)"],
    [3, "it did not finish successfully (build (failure))"],
  ])("refuses deployment %i: %s", async (n, why) => {
    const before = posts();
    const r = await rollback({ deployment: d[n]!.id });
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([`Cannot roll docs back to ${d[n]!.id}: ${why}.`]);
    expect(posts()).toBe(before);
  });

  it("names a deployment that does not exist, and a project with nothing before", async () => {
    const r = await rollback({ deployment: "00000000-0000-4000-8000-000000000000" });
    expect(r.errors).toEqual(["docs has no deployment 00000000-0000-4000-8000-000000000000."]);
    api.addProject(ACCOUNT, "fresh");
    api.addDeployment(ACCOUNT, "fresh", { commitHash: sha(9) });
    const none = await rollback({ project: "fresh" });
    expect(none.errors[0]).toMatch(
      /^Nothing to roll back to: fresh has no successful production deployment before /,
    );
  });

  it.each([
    [{ "api-token": "" }, "Input 'api-token' is required"],
    [{ "account-id": "" }, "Input 'account-id' is required (the Cloudflare account ID)"],
    [{ project: "" }, "Input 'project' is required (the Pages project name)"],
    [
      { deployment: "previous" },
      "Input 'deployment' must be a Pages deployment id (a UUID or its first 8 characters); got 'previous'",
    ],
  ])("refuses bad input %j before calling Cloudflare", async (inputs, message) => {
    const before = api.server.requests.length;
    const r = await rollback(
      inputs as Record<string, string>,
      (inputs as Record<string, string>)["api-token"] ?? token,
    );
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([message]);
    expect(api.server.requests.length).toBe(before);
  });
});
