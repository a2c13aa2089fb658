import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InfisicalApiFake } from "../../src/sandbox/infisical-api.js";
import { connect } from "../../src/store/db.js";
import { canary, expectNoCanary } from "../support/canary.js";
import { freshDatabase } from "../support/db.js";
import { runCli } from "../support/run-action.js";

const DAY = 86_400_000;

/**
 * `prodgate sweep secrets` (the CLI bundle under Node 24) against an older self-hosted Infisical that has only
 * the deprecated v3 raw-secrets API: the sweep reads the same metadata as from a current server, trying v4
 * once and staying on v3 for the rest of the run.
 */
describe("secrets sweep against an Infisical without the v4 secrets API", () => {
  const token = canary("infisical-token");
  const values = { smtp: canary("smtp-password"), db: canary("db-password") };
  const infisical = new InfisicalApiFake(token);
  const dir = mkdtempSync(join(tmpdir(), "prodgate-infisical-v3-"));
  const inventory = join(dir, "secrets.yml");
  const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString();

  beforeAll(async () => {
    infisical.versions.delete("v4");
    const at = { projectId: "proj", environment: "prod", createdAt: day(-300), updatedAt: day(-20) };
    infisical
      .add({ ...at, key: "SMTP_PASSWORD", value: values.smtp })
      .add({ ...at, key: "SMTP_PASSWORD__EXPIRES_AT", value: day(5) })
      .add({ ...at, path: "/db", key: "DB_PASSWORD", value: values.db });
    await infisical.start();
    writeFileSync(
      inventory,
      [
        "secrets:",
        "  - { name: SMTP_PASSWORD, vendor: smtp, source: infisical, project: proj }",
        "  - { name: DB_PASSWORD, vendor: postgres, source: infisical, project: proj, path: /db }",
        "",
      ].join("\n"),
    );
  });
  afterAll(async () => {
    await infisical.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("reads every secret through v3 after one v4 attempt, and no value or token leaks", async () => {
    const run = await runCli(["sweep", "secrets", "--inventory", inventory, "--json"], {
      cwd: dir,
      env: { PATH: process.env.PATH, INFISICAL_API_URL: infisical.url, INFISICAL_TOKEN: token },
    });
    expect(run.status, run.stderr).toBe(0);
    const doc = JSON.parse(run.stdout) as { secrets: { name: string; status: string; error?: string }[] };
    const byName = Object.fromEntries(doc.secrets.map((s) => [s.name, s]));
    expect(byName.SMTP_PASSWORD?.status).toBe("expiring_soon");
    expect(byName.SMTP_PASSWORD?.error ?? null).toBeNull();
    expect(byName.DB_PASSWORD?.error ?? null).toBeNull();
    expect(byName.DB_PASSWORD?.status).not.toBe("unknown");

    expect(infisical.server.requestsTo("GET", /^\/api\/v4\//)).toHaveLength(1);
    expect(
      infisical.server
        .requestsTo("GET", /^\/api\/v3\/secrets\/raw/)
        .map((r) => r.path)
        .sort(),
    ).toEqual([
      "/api/v3/secrets/raw",
      "/api/v3/secrets/raw",
      "/api/v3/secrets/raw/SMTP_PASSWORD__EXPIRES_AT",
    ]);
    expectNoCanary([token, ...Object.values(values)], { stdout: run.stdout, stderr: run.stderr });
  });

  it("prodgate rotate writes an infisical consumer through v3: updates the one that exists, creates the one that does not", async () => {
    const db = await freshDatabase("infv3rot");
    const old = canary("api-key-old");
    infisical.add({
      projectId: "proj",
      environment: "prod",
      key: "API_KEY",
      value: old,
      createdAt: day(-100),
      updatedAt: day(-100),
    });
    const rotInventory = join(dir, "rotate.yml");
    writeFileSync(
      rotInventory,
      [
        "secrets:",
        "  - name: API_KEY",
        "    vendor: app",
        "    source: static",
        "    rotate:",
        "      generate: random",
        "      consumers:",
        "        - infisical: { project: proj, environment: prod }",
        "        - infisical: { project: proj, environment: prod, path: /db }",
        "",
      ].join("\n"),
    );
    const v3Writes = () =>
      infisical.server.requests.filter(
        (r) => (r.method === "PATCH" || r.method === "POST") && r.path.startsWith("/api/v3/secrets/raw/"),
      );
    try {
      const run = await runCli(
        ["rotate", "API_KEY", "--inventory", rotInventory, "--confirm", "rotate API_KEY", "--json"],
        {
          cwd: dir,
          env: {
            PATH: process.env.PATH,
            HOME: dir,
            DATABASE_URL: db.url,
            INFISICAL_API_URL: infisical.url,
            INFISICAL_TOKEN: token,
          },
        },
      );
      expect(run.status, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ status: "rotated" });
      const written = infisical.secrets.filter((x) => x.key === "API_KEY");
      expect(written.map((x) => x.path ?? "/").sort()).toEqual(["/", "/db"]);
      const fresh = written[0]!.value;
      expect(fresh).not.toBe(old);
      expect(written.every((x) => x.value === fresh)).toBe(true);
      // Each consumer tried v4 once (a route this server lacks), then wrote through v3: PATCH the secret
      // that exists; PATCH (404: no such secret) then POST the one that does not.
      expect(infisical.server.requestsTo("PATCH", /^\/api\/v4\//)).toHaveLength(2);
      expect(infisical.server.requestsTo("POST", /^\/api\/v4\//)).toHaveLength(0);
      expect(v3Writes().map((r) => `${r.method} ${r.path}`)).toEqual([
        "PATCH /api/v3/secrets/raw/API_KEY",
        "PATCH /api/v3/secrets/raw/API_KEY",
        "POST /api/v3/secrets/raw/API_KEY",
      ]);
      expect(v3Writes().every((r) => JSON.parse(r.body).workspaceId === "proj")).toBe(true);
      const c = await connect(db.url);
      const rows = (await c.query("SELECT steps_json FROM console_rotation_jobs")).rows;
      await c.end();
      expect(rows).toHaveLength(1);
      expectNoCanary([token, old, fresh], { stdout: run.stdout, stderr: run.stderr, rows });
    } finally {
      await db.drop();
    }
  });
});
