import { describe, expect, it } from "vitest";
import { HOUR_MS } from "../../src/core/rotation.js";
import { InventoryError, parseInventory } from "../../src/core/secret-inventory.js";

function problems(text: string): string[] {
  try {
    parseInventory(text, "secrets.yml");
  } catch (err) {
    expect(err).toBeInstanceOf(InventoryError);
    return (err as InventoryError).problems.map((p) => `${p.line}:${p.column} ${p.field}: ${p.message}`);
  }
  throw new Error("expected the inventory to be refused");
}

const ISSUE_EXAMPLE = `
secrets:
  - name: HEROKU_API_KEY
    vendor: heroku
    affected-sites: [api-prod]
    source: heroku-authorization
    authorization: prodgate deploys
    policy: { max-overlap: 24h }
    rotate:
      generate: heroku-authorization
      consumers:
        - github-actions: { repository: acme/api }
        - github-environment: { repository: acme/api, environment: production }
        - heroku-config: { app: api-prod, var: HEROKU_API_KEY }
        - infisical: { project: 6512a0c1d3b7f1e2a4c5d6e7, environment: prod, path: / }
      notify: [https://hooks.example.com/rotated]
  - name: SESSION_SECRET
    vendor: app
    source: static
    last-rotated-at: 2026-01-01
    rotate: { generate: random, length: 48, consumers: [{ heroku-config: { app: api-prod } }], smoke: [] }
`;

describe("inventory rotate: block", () => {
  it("parses the issue's example: generator, every consumer kind, smoke defaulting to affected-sites, notify", () => {
    const inv = parseInventory(ISSUE_EXAMPLE, "secrets.yml");
    const [heroku, session] = inv.secrets;
    expect(heroku?.policy.maxOverlapMs).toBe(24 * HOUR_MS);
    expect(heroku?.rotate).toEqual({
      generate: "heroku-authorization",
      length: 32,
      consumers: [
        {
          kind: "github-actions",
          id: "github-actions:acme/api:HEROKU_API_KEY",
          repository: "acme/api",
          name: "HEROKU_API_KEY",
        },
        {
          kind: "github-environment",
          id: "github-environment:acme/api:production:HEROKU_API_KEY",
          repository: "acme/api",
          environment: "production",
          name: "HEROKU_API_KEY",
        },
        {
          kind: "heroku-config",
          id: "heroku-config:api-prod:HEROKU_API_KEY",
          app: "api-prod",
          var: "HEROKU_API_KEY",
        },
        {
          kind: "infisical",
          id: "infisical:6512a0c1d3b7f1e2a4c5d6e7:prod:/:HEROKU_API_KEY",
          project: "6512a0c1d3b7f1e2a4c5d6e7",
          environment: "prod",
          path: "/",
          key: "HEROKU_API_KEY",
        },
      ],
      smoke: ["api-prod"],
      notify: ["https://hooks.example.com/rotated"],
      compromised: false,
    });
    expect(session?.rotate).toMatchObject({ generate: "random", length: 48, smoke: [] });
    expect(session?.rotate?.consumers[0]).toMatchObject({ var: "SESSION_SECRET" });
  });

  it("names the field of every problem", () => {
    const found = problems(`
secrets:
  - name: TOKEN
    vendor: x
    source: static
    rotate:
      generate: randum
      length: 8
      consumers:
        - github-actions: { repository: not-a-repo }
        - github-environment: { repository: acme/api }
        - slack-app: { id: 1 }
        - heroku-config: { app: api-prod, colour: red }
        - heroku-config: { app: api-prod, var: TOKEN }
      notify: [http://hooks.example.com/x, "https://u:p@hooks.example.com/"]
      compromised: yes-please
  - name: CF
    vendor: cloudflare
    source: static
    rotate: { generate: cloudflare-token, length: 32, consumers: [] }
`);
    const text = found.join("\n");
    expect(text).toContain(
      "secrets[0] (TOKEN).rotate.generate: must be one of random, heroku-authorization, cloudflare-token; got 'randum'; did you mean 'random'?",
    );
    expect(text).toContain("secrets[0] (TOKEN).rotate.length: must be a whole number from 16 to 512");
    expect(text).toContain(
      "rotate.consumers[0].github-actions.repository: must be owner/name; got 'not-a-repo'",
    );
    expect(text).toContain("rotate.consumers[1].github-environment.environment: is required");
    expect(text).toContain("rotate.consumers[2]: 'slack-app' is not a consumer");
    expect(text).toContain("rotate.consumers[3].heroku-config.colour: is not a known field");
    expect(text).toContain("rotate.consumers[4]: duplicates consumer heroku-config:api-prod:TOKEN");
    expect(text).toContain(
      "rotate.notify: must be an https:// URL (http only to localhost); got 'http://hooks.example.com'",
    );
    expect(text).toContain("rotate.notify: must not carry credentials in the URL");
    expect(text).toContain("rotate.compromised: must be true or false");
    expect(text).toContain(
      "secrets[1] (CF).rotate.generate: cloudflare-token needs the secret's source to be cloudflare-token",
    );
    expect(text).toContain(
      "secrets[1] (CF).rotate.length: applies to generate: random only (not cloudflare-token)",
    );
    expect(text).toContain("secrets[1] (CF).rotate.consumers: is required");
    expect(found.every((p) => /^\d+:\d+ /.test(p))).toBe(true);
  });

  it("refuses a GitHub secret name GitHub would refuse and an unknown rotate field", () => {
    const text = problems(`
secrets:
  - name: GITHUB_PAT
    vendor: github
    source: static
    rotate: { generate: random, consumers: [{ github-actions: { repository: acme/api } }], cadence: 3 }
`).join("\n");
    expect(text).toContain(
      "rotate.consumers[0].github-actions.name: GitHub refuses secret names starting with GITHUB_",
    );
    expect(text).toContain("rotate.cadence: is not a known field");
  });
});
