import Cloudflare, { APIError } from "cloudflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CloudflareApiFake } from "../../src/sandbox/cloudflare-api.js";
import { CloudflareClient } from "../../src/vendors/cloudflare.js";
import { CloudflarePagesClient } from "../../src/vendors/cloudflare-pages.js";
import { hashAsset } from "../../src/vendors/pages-files.js";
import { canary } from "../support/canary.js";

/**
 * The Cloudflare fake driven by Cloudflare's official TypeScript client (`cloudflare` v7, baseURL pointed at
 * the fake) on every endpoint prodgate uses, with prodgate's own clients reading the same answers.
 */

const ACCOUNT = "0123456789abcdef0123456789abcdef";
const OTHER_ACCOUNT = "fedcba9876543210fedcba9876543210";

async function codeOf(p: Promise<unknown>): Promise<{ status: number | undefined; codes: number[] }> {
  try {
    await p;
  } catch (err) {
    if (err instanceof APIError) return { status: err.status, codes: err.errors.map((e) => Number(e.code)) };
    throw err;
  }
  throw new Error("expected the call to fail");
}

describe("Cloudflare fake against the official cloudflare client", () => {
  const token = canary("cf-api-token");
  const api = new CloudflareApiFake({ apiToken: token });
  let cf: Cloudflare;
  let ours: CloudflareClient;
  let pages: CloudflarePagesClient;

  beforeAll(async () => {
    await api.start();
    cf = new Cloudflare({ apiToken: token, baseURL: api.url, maxRetries: 0 });
    ours = new CloudflareClient({ apiToken: token, baseUrl: api.url, retries: 0 });
    pages = new CloudflarePagesClient({ apiToken: token, accountId: ACCOUNT, baseUrl: api.url, retries: 0 });
    for (let i = 0; i < 60; i++)
      api.addDeployment(ACCOUNT, "shop", {
        createdOn: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
        environment: i % 4 === 3 ? "preview" : "production",
        commitHash: i.toString(16).padStart(40, "a"),
      });
  });
  afterAll(() => api.stop());

  it("lists deployments page by page, 25 at most, as the client paginates", async () => {
    const all: string[] = [];
    for await (const d of cf.pages.projects.deployments.list("shop", {
      account_id: ACCOUNT,
      env: "production",
    }))
      all.push(d.id);
    expect(all).toHaveLength(45);
    const production = api.projects
      .get(`${ACCOUNT}/shop`)!
      .deployments.filter((d) => d.environment === "production");
    expect(all).toEqual(production.map((d) => d.id));
    const first = await cf.pages.projects.deployments.list("shop", { account_id: ACCOUNT });
    expect(first.result).toHaveLength(25);
    expect(first.result_info).toMatchObject({ page: 1, per_page: 25, count: 25, total_count: 60 });

    expect(await pages.recentDeployments("shop", { env: "production", max: 100 })).toHaveLength(45);
    expect((await pages.recentDeployments("shop", { env: "production", max: 100 })).map((d) => d.id)).toEqual(
      all,
    );
  });

  it("refuses per_page over 25 and a page below 1 as Cloudflare does (400, code 8000024); prodgate never asks", async () => {
    expect(
      await codeOf(cf.pages.projects.deployments.list("shop", { account_id: ACCOUNT, per_page: 100 })),
    ).toEqual({ status: 400, codes: [8000024] });
    expect(
      await codeOf(cf.pages.projects.deployments.list("shop", { account_id: ACCOUNT, page: 0 })),
    ).toEqual({
      status: 400,
      codes: [8000024],
    });
    const page = await ours.pagesDeployments(ACCOUNT, "shop", { perPage: 100 });
    expect(page.deployments).toHaveLength(25);
    const asked = api.server.requests.at(-1)!;
    expect(new URL(asked.url, "http://x").searchParams.get("per_page")).toBe("25");
    await expect(pages.deployments("shop", { perPage: 500 })).resolves.toMatchObject({ totalPages: 3 });
  });

  it("verifies a user token at /user/tokens/verify and an account token only under its account", async () => {
    const user = canary("cf-user-token");
    const owned = canary("cf-account-token");
    api.addVerifiableToken(user, { id: "u1", status: "active", expires_on: "2026-06-01T00:00:00Z" });
    api.addVerifiableToken(owned, {
      id: "a1",
      status: "active",
      accountId: ACCOUNT,
      expires_on: "2026-07-01T00:00:00Z",
    });

    const asUser = new Cloudflare({ apiToken: user, baseURL: api.url, maxRetries: 0 });
    expect(await asUser.user.tokens.verify()).toMatchObject({
      id: "u1",
      status: "active",
      expires_on: "2026-06-01T00:00:00Z",
    });
    expect(await codeOf(asUser.accounts.tokens.verify({ account_id: ACCOUNT }))).toEqual({
      status: 401,
      codes: [1000],
    });

    const asAccount = new Cloudflare({ apiToken: owned, baseURL: api.url, maxRetries: 0 });
    expect(await asAccount.accounts.tokens.verify({ account_id: ACCOUNT })).toMatchObject({
      id: "a1",
      status: "active",
      expires_on: "2026-07-01T00:00:00Z",
    });
    expect(await codeOf(asAccount.user.tokens.verify())).toEqual({ status: 401, codes: [1000] });
    expect(await codeOf(asAccount.accounts.tokens.verify({ account_id: OTHER_ACCOUNT }))).toEqual({
      status: 401,
      codes: [1000],
    });

    const ourUser = new CloudflareClient({ apiToken: user, baseUrl: api.url, retries: 0 });
    const ourAccount = new CloudflareClient({ apiToken: owned, baseUrl: api.url, retries: 0 });
    expect(await ourUser.verifyToken()).toEqual({
      id: "u1",
      status: "active",
      expires_on: "2026-06-01T00:00:00Z",
    });
    expect(await ourAccount.verifyToken(ACCOUNT)).toEqual({
      id: "a1",
      status: "active",
      expires_on: "2026-07-01T00:00:00Z",
    });
    await expect(ourAccount.verifyToken()).rejects.toMatchObject({ status: 401 });
  });

  it("reads a project with the fields wrangler and prodgate rely on", async () => {
    const p = await cf.pages.projects.get("shop", { account_id: ACCOUNT });
    expect(p).toMatchObject({ name: "shop", production_branch: "main", subdomain: "shop.pages.dev" });
    expect(p.deployment_configs?.production?.compatibility_date).toBeTruthy();
    const mine = await pages.project("shop");
    expect(mine.canonical_deployment?.id).toBe(p.canonical_deployment?.id);
    expect(mine.canonical_deployment?.environment).toBe("production");
    expect(await codeOf(cf.pages.projects.get("nope", { account_id: ACCOUNT }))).toEqual({
      status: 404,
      codes: [8000007],
    });
    await expect(pages.project("nope")).rejects.toThrow(/no Pages project has that name/);
  });

  it("runs a whole Direct Upload with the official client, and prodgate reads the deployment it made", async () => {
    api.addProject(ACCOUNT, "blog");
    const { jwt } = await cf.pages.projects.getUploadToken("blog", { account_id: ACCOUNT });
    expect(jwt?.split(".")).toHaveLength(3);
    const withJwt = new Cloudflare({ apiToken: jwt!, baseURL: api.url, maxRetries: 0 });
    const content = Buffer.from("<h1>blog</h1>");
    const hash = hashAsset(content, "index.html");
    const missing: string[] = [];
    for await (const h of withJwt.pages.assets.checkMissing({ hashes: [hash] })) missing.push(h);
    expect(missing).toEqual([hash]);
    await withJwt.pages.assets.upload({
      body: [
        {
          key: hash,
          value: content.toString("base64"),
          metadata: { contentType: "text/html" },
          base64: true,
        },
      ],
    });
    await withJwt.pages.assets.upsertHashes({ hashes: [hash] });
    expect(await pages.checkMissing(jwt!, [hash])).toEqual([]);
    // The asset endpoints take the upload token, not the API token.
    expect(await codeOf(cf.pages.assets.upsertHashes({ hashes: [hash] }))).toEqual({
      status: 401,
      codes: [8000013],
    });

    const d = await cf.pages.projects.deployments.create("blog", {
      account_id: ACCOUNT,
      manifest: JSON.stringify({ "/index.html": hash }),
      branch: "main",
      commit_hash: "b".repeat(40),
      commit_message: "Publish",
    });
    expect(d.environment).toBe("production");
    const got = await cf.pages.projects.deployments.get(d.id, { account_id: ACCOUNT, project_name: "blog" });
    expect(got.latest_stage).toMatchObject({ name: "deploy", status: "success" });
    const mine = await pages.deployment("blog", d.id);
    expect(mine.deployment_trigger.metadata.commit_hash).toBe("b".repeat(40));
    expect(api.pages.created.get(d.id)?.manifest).toEqual({ "/index.html": hash });

    // A manifest naming a file never uploaded is refused.
    expect(
      await codeOf(
        cf.pages.projects.deployments.create("blog", {
          account_id: ACCOUNT,
          manifest: JSON.stringify({ "/x.html": "f".repeat(32) }),
          branch: "main",
        }),
      ),
    ).toMatchObject({ status: 400 });
  });

  it("rolls production back with the official client, and refuses a preview target", async () => {
    const list = api.projects.get(`${ACCOUNT}/shop`)!.deployments;
    const older = list.find((d) => d.environment === "production" && d !== list[0])!;
    const preview = list.find((d) => d.environment === "preview")!;
    const r = await cf.pages.projects.deployments.rollback(older.id, {
      account_id: ACCOUNT,
      project_name: "shop",
    });
    expect(r.id).toBe(older.id);
    expect((await pages.project("shop")).canonical_deployment?.id).toBe(older.id);
    expect(
      await codeOf(
        cf.pages.projects.deployments.rollback(preview.id, { account_id: ACCOUNT, project_name: "shop" }),
      ),
    ).toMatchObject({ status: 400 });
    await expect(pages.rollback("shop", preview.id)).rejects.toThrow(
      /only rollback to a production deployment/,
    );
  });
});
