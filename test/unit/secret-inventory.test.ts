import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DAY_MS, HOUR_MS } from "../../src/core/rotation.js";
import { InventoryError, parseInstant, parseInventory } from "../../src/core/secret-inventory.js";
import { repoRoot } from "../support/run-action.js";

function problems(text: string): string[] {
  try {
    parseInventory(text, "secrets.yml");
  } catch (err) {
    expect(err).toBeInstanceOf(InventoryError);
    return (err as InventoryError).problems.map((p) => `${p.line}:${p.column} ${p.field}: ${p.message}`);
  }
  throw new Error("expected the inventory to be refused");
}

describe("secret inventory", () => {
  it("parses examples/secrets.yml with vendor policies and per-secret overrides", () => {
    const inv = parseInventory(
      readFileSync(join(repoRoot, "examples/secrets.yml"), "utf8"),
      "examples/secrets.yml",
    );
    const by = Object.fromEntries(inv.secrets.map((s) => [s.name, s]));
    expect(inv.secrets.map((s) => s.source)).toEqual([
      "cloudflare-token",
      "heroku-authorization",
      "github-actions",
      "github-environment",
      "infisical",
      "static",
    ]);
    expect(by.CLOUDFLARE_API_TOKEN?.policy).toMatchObject({
      cadenceDays: 30,
      rotateBeforeMs: 14 * DAY_MS,
      rotationWorkflow: "rotate-cloudflare-token.yml",
      failureStrategy: "retry",
    });
    expect(by.HEROKU_API_KEY).toMatchObject({
      authorization: "prodgate deploys",
      affectedSites: ["api-prod", "api-staging", "console-prod", "console-staging"],
    });
    expect(by.HEROKU_API_KEY?.policy).toMatchObject({
      maxOverlapMs: 24 * HOUR_MS,
      rotationWorkflow: "rotate-heroku-key.yml",
    });
    expect(by.SLACK_BOT_TOKEN?.policy).toMatchObject({
      cadenceDays: 180,
      failureStrategy: "alert",
      revokeOld: true,
    });
    expect(by.SLACK_BOT_TOKEN?.policy.rotationWorkflow).toBeUndefined();
    expect(by.SENTRY_AUTH_TOKEN).toMatchObject({ repository: "acme/platform", environment: "production" });
    expect(by.SENTRY_AUTH_TOKEN?.policy.ttlMs).toBe(365 * DAY_MS);
    expect(by.SMTP_PASSWORD).toMatchObject({
      project: "6512a0c1d3b7f1e2a4c5d6e7",
      environment: "prod",
      path: "/",
      key: "SMTP_PASSWORD",
    });
    expect(by.SMTP_PASSWORD?.policy.revokeOld).toBe(false);
    expect(by.APPLE_SIGNING_CERT?.lastRotatedAt?.toISOString()).toBe("2025-11-03T00:00:00.000Z");
    expect(by.APPLE_SIGNING_CERT?.expiresAt?.toISOString()).toBe("2026-11-03T00:00:00.000Z");
    expect(by.APPLE_SIGNING_CERT?.policy).toMatchObject({ rotateBeforeMs: 30 * DAY_MS, cadenceDays: 365 });
  });

  it("defaults: 90-day cadence, 30 for Cloudflare tokens, 14d rotate-before, retry", () => {
    const inv = parseInventory(
      "secrets:\n  - {name: A, vendor: smtp, source: static}\n  - {name: B, vendor: other, source: cloudflare-token}\n",
      "s.yml",
    );
    expect(inv.secrets[0]?.policy).toMatchObject({
      cadenceDays: 90,
      rotateBeforeMs: 14 * DAY_MS,
      failureStrategy: "retry",
      revokeOld: true,
    });
    expect(inv.secrets[1]?.policy.cadenceDays).toBe(30);
  });

  it("names file, line, column and field for every problem", () => {
    const text = [
      "policies:",
      "  heroku:",
      "    cadense-days: 30",
      "secrets:",
      "  - name: OK_ONE",
      "    vendor: heroku",
      "    source: static",
      "    policy:",
      "      failure-strategy: page-someone",
      "      rotate-before: soon",
      "  - name: BAD",
      "    vendor: heroku",
      "    source: vault",
      "  - name: DATES",
      "    vendor: x",
      "    source: static",
      "    expires-at: 2026-05-01T10:00:00",
      "    last-rotated-at: 2026-02-30",
      "  - vendor: x",
      "    source: github-environment",
      "    project: p",
      "  - name: OK_ONE",
      "    vendor: heroku",
      "    source: static",
    ].join("\n");
    expect(problems(text)).toEqual([
      "3:5 policies.heroku.cadense-days: is not a known field; did you mean 'cadence-days'? (known: ttl, rotate-before, cadence-days, revoke-old, max-overlap, failure-strategy, rotation-workflow, retry-backoff, max-attempts)",
      "10:22 secrets[0] (OK_ONE).policy.rotate-before: must be a duration like 14d, 36h or 90m (a bare number is days); got 'soon'",
      "9:25 secrets[0] (OK_ONE).policy.failure-strategy: must be retry or alert; got 'page-someone'",
      "13:13 secrets[1] (BAD).source: must be one of static, github-actions, github-environment, infisical, cloudflare-token, heroku-authorization; got 'vault'",
      "18:22 secrets[2] (DATES).last-rotated-at: is not a calendar date: '2026-02-30'",
      "17:17 secrets[2] (DATES).expires-at: has no time zone: add Z (UTC) or an offset like +02:00; got '2026-05-01T10:00:00'",
      "19:5 secrets[3].name: is required",
      "21:5 secrets[3].project: does not apply to source github-environment (only infisical)",
      "19:5 secrets[3].environment: is required for source github-environment (the GitHub environment name)",
    ]);
  });

  it("reports duplicates with the line of the first, and the message carries the file", () => {
    const text =
      "secrets:\n  - {name: A, vendor: v, source: static}\n  - {name: A, vendor: v, source: static}\n";
    expect(() => parseInventory(text, "inv/secrets.yml")).toThrow(
      "Inventory inv/secrets.yml:3:12: secrets[1].name: duplicates 'A' (first on line 2)",
    );
  });

  it("refuses YAML errors, a missing list and wrong shapes", () => {
    expect(problems("secrets: [\n")[0]).toMatch(/^2:1 \(yaml\): /);
    expect(problems("policies: {}\n")).toEqual(["1:1 secrets: is required (a list of secrets)"]);
    expect(problems("secrets:\n  - just-a-name\n")).toEqual([
      "2:5 secrets[0]: must be a mapping (name, vendor, source, ...)",
    ]);
    expect(
      problems("secrets:\n  - {name: A, vendor: v, source: static, policy: {cadence-days: 0}}\n"),
    ).toEqual(["2:65 secrets[0] (A).policy.cadence-days: must be a whole number from 1 to 3650"]);
  });

  it("parses instants: dates as UTC midnight, offsets honoured, zone-less date-times refused", () => {
    expect(parseInstant("2026-05-01")).toEqual({ ok: true, date: new Date("2026-05-01T00:00:00Z") });
    expect(parseInstant("2026-05-01T12:30:00+02:00")).toEqual({
      ok: true,
      date: new Date("2026-05-01T10:30:00Z"),
    });
    expect(parseInstant("2026-05-01 12:30Z")).toEqual({ ok: true, date: new Date("2026-05-01T12:30:00Z") });
    expect(parseInstant("2026-05-01T12:30:00.123456-0530")).toEqual({
      ok: true,
      date: new Date("2026-05-01T18:00:00.123Z"),
    });
    expect(parseInstant("2026-05-01T12:30:00").ok).toBe(false);
    expect(parseInstant("2026-13-01").ok).toBe(false);
    expect(parseInstant("tomorrow").ok).toBe(false);
  });
});
