import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { repoRoot } from "../support/run-action.js";
import { runCaller } from "../support/workflow-runner.js";
import {
  projectRuleFindings,
  secretNameProblem,
  workflowCallSecretFindings,
  workflowFiles,
} from "../support/workflows.js";

/**
 * The data-flow runner calls reusable workflows by GitHub's rules (secrets: inherit, mappings, environment
 * secrets, required secrets, inputs), the project rule on workflow_call secret names catches a bad name, and
 * the README's table names every secret each reusable workflow declares.
 */

const dir = mkdtempSync(join(tmpdir(), "prodgate-calls-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

// A reusable workflow whose steps show which secrets they received (lengths only, as a real job would).
write(
  "called.yml",
  `on:
  workflow_call:
    inputs:
      target: { type: string, required: true }
      dry: { type: boolean, default: false }
    secrets:
      DEPLOY_KEY: { required: false }
      DATABASE_URL: { required: false }
      SLACK_BOT_TOKEN: { required: false }
permissions: {}
jobs:
  open:
    runs-on: ubuntu-24.04
    steps:
      - id: s
        env:
          DEPLOY_KEY: \${{ secrets.DEPLOY_KEY }}
          DATABASE_URL: \${{ secrets.DATABASE_URL }}
          SLACK_BOT_TOKEN: \${{ secrets.SLACK_BOT_TOKEN }}
          TARGET: \${{ inputs.target }}
        run: echo "ok=1" >> "$GITHUB_OUTPUT"
  protected:
    needs: open
    runs-on: ubuntu-24.04
    environment: production
    steps:
      - id: s
        env:
          DEPLOY_KEY: \${{ secrets.DEPLOY_KEY }}
          DATABASE_URL: \${{ secrets.DATABASE_URL }}
        run: echo "ok=1" >> "$GITHUB_OUTPUT"
`,
);
write(
  "strict.yml",
  `on:
  workflow_call:
    secrets:
      DEPLOY_KEY: { required: true }
permissions: {}
jobs:
  protected:
    runs-on: ubuntu-24.04
    environment: production
    steps:
      - env: { DEPLOY_KEY: "\${{ secrets.DEPLOY_KEY }}" }
        run: test -n "$DEPLOY_KEY"
  open:
    runs-on: ubuntu-24.04
    steps:
      - env: { DEPLOY_KEY: "\${{ secrets.DEPLOY_KEY }}" }
        run: test -n "$DEPLOY_KEY"
  after:
    needs: open
    runs-on: ubuntu-24.04
    steps:
      - run: "true"
`,
);
write(
  "spool.yml",
  `on:
  workflow_call:
    inputs:
      records: { type: number, default: 0 }
permissions: {}
jobs:
  work:
    runs-on: ubuntu-24.04
    steps:
      - env: { N: "\${{ inputs.records }}", SPOOL: "\${{ runner.temp }}/spool" }
        run: |
          mkdir -p "$SPOOL"
          for i in $(seq 1 "$N"); do echo "{\\"n\\": $i}" > "$SPOOL/r$i.json"; done
          exit 1
      - id: look
        if: always()
        env: { SPOOL: "\${{ runner.temp }}/spool" }
        run: |
          if [ -n "$(ls -A "$SPOOL")" ]; then echo "found=true" >> "$GITHUB_OUTPUT"; fi
      - id: keep
        if: always() && steps.look.outputs.found == 'true'
        uses: actions/upload-artifact@bbbca2ddaa5d8feaa63e36b76fdaad77386f024f # v7.0.0
        with:
          name: kept-\${{ github.run_id }}
          path: \${{ runner.temp }}/spool
          if-no-files-found: error
`,
);

const caller = (secrets: string, extra = "") =>
  write(
    `caller-${Math.random().toString(36).slice(2)}.yml`,
    `on: workflow_dispatch
permissions: {}
jobs:
  go:
    uses: ./.github/workflows/called.yml
    with: { target: shop${extra} }
${secrets}
`,
  );

const envOf = (run: Awaited<ReturnType<typeof runCaller>>, job: string) => run.jobs[job]!.steps[0]!.env ?? {};
const repositorySecrets = { DEPLOY_KEY: "repo-key", DATABASE_URL: "repo-db", SLACK_BOT_TOKEN: "repo-slack" };

describe("runCaller: GitHub's rules for calling a reusable workflow", () => {
  it("secrets: inherit passes every repository and organization secret by its name", async () => {
    const run = await runCaller(caller("    secrets: inherit"), {
      workflowsDir: dir,
      organizationSecrets: { SLACK_BOT_TOKEN: "org-slack", DATABASE_URL: "org-db" },
      repositorySecrets: { DATABASE_URL: "repo-db" },
    });
    expect(run.inherit).toBe(true);
    expect(run.with).toEqual({ target: "shop" });
    expect(envOf(run, "open")).toMatchObject({
      DATABASE_URL: "repo-db",
      SLACK_BOT_TOKEN: "org-slack",
      DEPLOY_KEY: "",
    });
    expect(envOf(run, "open").TARGET).toBe("shop");
  });

  it("an explicit mapping passes only what it maps, under the names it gives", async () => {
    const run = await runCaller(caller("    secrets:\n      DATABASE_URL: ${{ secrets.AUDIT_DB }}"), {
      workflowsDir: dir,
      repositorySecrets: { ...repositorySecrets, AUDIT_DB: "audit-db" },
    });
    expect(run.passed).toEqual(["DATABASE_URL"]);
    expect(envOf(run, "open")).toMatchObject({
      DATABASE_URL: "audit-db",
      DEPLOY_KEY: "",
      SLACK_BOT_TOKEN: "",
    });
  });

  it("environment secrets are never passed by the caller; a called job naming the environment reads them, over a passed one", async () => {
    const environmentSecrets = { production: { DEPLOY_KEY: "env-key", DATABASE_URL: "env-db" } };
    const inherit = await runCaller(caller("    secrets: inherit"), {
      workflowsDir: dir,
      repositorySecrets: { DATABASE_URL: "repo-db" },
      environmentSecrets,
    });
    expect(envOf(inherit, "open")).toMatchObject({ DEPLOY_KEY: "", DATABASE_URL: "repo-db" });
    expect(envOf(inherit, "protected")).toMatchObject({ DEPLOY_KEY: "env-key", DATABASE_URL: "env-db" });
    // A mapping of a name only the environment holds: '' in the caller, the environment's value in the job.
    const mapped = await runCaller(caller("    secrets:\n      DEPLOY_KEY: ${{ secrets.DEPLOY_KEY }}"), {
      workflowsDir: dir,
      repositorySecrets: { DATABASE_URL: "repo-db" },
      environmentSecrets,
    });
    expect(envOf(mapped, "open")).toMatchObject({ DEPLOY_KEY: "", DATABASE_URL: "" });
    expect(envOf(mapped, "protected")).toMatchObject({ DEPLOY_KEY: "env-key", DATABASE_URL: "" });
    // Nothing passed: nothing of the environment's either.
    const none = await runCaller(caller(""), { workflowsDir: dir, environmentSecrets });
    expect(envOf(none, "protected")).toMatchObject({ DEPLOY_KEY: "", DATABASE_URL: "" });
  });

  it("a required secret that a called job ends up without fails that job before its steps", async () => {
    const strict = write(
      "caller-strict.yml",
      "on: workflow_dispatch\npermissions: {}\njobs:\n  go:\n    uses: ./.github/workflows/strict.yml\n    secrets: inherit\n",
    );
    const run = await runCaller(strict, {
      workflowsDir: dir,
      environmentSecrets: { production: { DEPLOY_KEY: "env-key" } },
    });
    expect(run.jobs.protected!.result).toBe("success");
    expect(run.jobs.open).toMatchObject({
      result: "failure",
      steps: [],
      error: "Secret DEPLOY_KEY is required, but not provided while calling.",
    });
    expect(run.jobs.after!.result).toBe("skipped");
    const stored = await runCaller(strict, {
      workflowsDir: dir,
      repositorySecrets: { DEPLOY_KEY: "repo-key" },
    });
    expect(Object.values(stored.jobs).map((j) => j.result)).toEqual(["success", "success", "success"]);
  });

  it("refuses what GitHub refuses before anything runs: unknown secrets and inputs, missing inputs, wrong types", async () => {
    await expect(
      runCaller(caller("    secrets:\n      NPM_TOKEN: ${{ secrets.NPM_TOKEN }}"), { workflowsDir: dir }),
    ).rejects.toThrow(/Invalid secret, NPM_TOKEN is not defined in the referenced workflow/);
    await expect(runCaller(caller("", ", colour: red"), { workflowsDir: dir })).rejects.toThrow(
      /Invalid input, colour is not defined/,
    );
    await expect(runCaller(caller("", ", dry: 'yes'"), { workflowsDir: dir })).rejects.toThrow(
      /the input dry .* is a boolean, but the caller gives the string "yes"/,
    );
    const missing = write(
      "caller-missing.yml",
      "on: workflow_dispatch\npermissions: {}\njobs:\n  go:\n    uses: ./.github/workflows/called.yml\n",
    );
    await expect(runCaller(missing, { workflowsDir: dir })).rejects.toThrow(
      /Input target is required, but not provided while calling/,
    );
  });

  it("a called job asking for more than the calling job grants fails the run, as GitHub's token rules say", async () => {
    write(
      "writer.yml",
      'on: { workflow_call: {} }\npermissions: {}\njobs:\n  w:\n    runs-on: ubuntu-24.04\n    permissions: { contents: read, issues: write }\n    steps:\n      - run: "true"\n',
    );
    const with_ = (perms: string, top = "") =>
      write(
        `caller-perms-${Math.random().toString(36).slice(2)}.yml`,
        `on: workflow_dispatch\n${top}jobs:\n  go:\n    uses: ./.github/workflows/writer.yml\n${perms}`,
      );
    // No permissions anywhere: the repository default, read-only for a new repository.
    await expect(runCaller(with_(""), { workflowsDir: dir })).rejects.toThrow(
      "The nested job 'w' is requesting 'issues: write', but is only allowed 'issues: none'.",
    );
    await expect(
      runCaller(with_("    permissions: { issues: read, contents: read }\n"), { workflowsDir: dir }),
    ).rejects.toThrow("is requesting 'issues: write', but is only allowed 'issues: read'.");
    const granted = await runCaller(with_("    permissions: { issues: write, contents: read }\n"), {
      workflowsDir: dir,
    });
    expect(granted.jobs.w!.result).toBe("success");
    const topLevel = await runCaller(with_("", "permissions: { issues: write, contents: write }\n"), {
      workflowsDir: dir,
    });
    expect(topLevel.jobs.w!.result).toBe("success");
    const permissive = await runCaller(with_(""), { workflowsDir: dir, defaultPermissions: "permissive" });
    expect(permissive.jobs.w!.result).toBe("success");
  });

  it("uploads an artifact after a failed step only when something is there, as a zip of the directory's files", async () => {
    const call = (records: number) =>
      runCaller(
        {
          name: `spool-${records}`,
          yaml: `jobs:\n  go:\n    uses: ./.github/workflows/spool.yml\n    with: { records: ${records} }\n`,
        },
        { workflowsDir: dir, github: { run_id: "77" } },
      );
    const two = await call(2);
    const keep = two.jobs.work!.steps.find((s) => s.id === "keep")!;
    expect(two.jobs.work!.result).toBe("failure");
    expect(keep.outcome).toBe("success");
    expect(two.artifacts).toHaveLength(1);
    const artifact = two.artifacts[0]!;
    expect(artifact).toMatchObject({ name: "kept-77", job: "work" });
    expect(Object.keys(artifact.files).sort()).toEqual(["r1.json", "r2.json"]);
    expect(keep.outputs["artifact-url"]).toBe(
      `https://github.com/acme/shop/actions/runs/77/artifacts/${artifact.id}`,
    );
    const listing = spawnSync("unzip", ["-Z1", artifact.zip], { encoding: "utf8" });
    expect(listing.stdout.split("\n").filter(Boolean).sort()).toEqual(["r1.json", "r2.json"]);
    rmSync(two.artifactsDir, { recursive: true, force: true });

    const none = await call(0);
    expect(none.jobs.work!.steps.find((s) => s.id === "keep")!.outcome).toBe("skipped");
    expect(none.artifacts).toEqual([]);
    rmSync(none.artifactsDir, { recursive: true, force: true });
  });
});

describe("workflow_call secret names", () => {
  it("knows GitHub's rules for a secret name", () => {
    expect(secretNameProblem("DATABASE_URL")).toBeUndefined();
    expect(secretNameProblem("_x9")).toBeUndefined();
    expect(secretNameProblem("database-url")).toMatch(/letters, digits and underscores/);
    expect(secretNameProblem("MY TOKEN")).toMatch(/letters, digits and underscores/);
    expect(secretNameProblem("1PASSWORD_TOKEN")).toMatch(/digit/);
    expect(secretNameProblem("GITHUB_APP_KEY")).toMatch(/GITHUB_/);
    expect(secretNameProblem("github_app_key")).toMatch(/GITHUB_/);
  });

  it("the project rules catch a reusable workflow whose secrets no stored secret can reach", () => {
    const bad = write(
      "bad-secrets.yml",
      `on:
  workflow_call:
    secrets:
      database-url: { required: false }
      GITHUB_PAT: { required: false }
      2FA_SEED: { required: false }
      Slack_Token: { required: false }
      SLACK_TOKEN: { required: false }
permissions: {}
jobs:
  a:
    runs-on: ubuntu-24.04
    steps:
      - run: "true"
`,
    );
    const findings = projectRuleFindings(bad);
    expect(findings.filter((f) => f.startsWith("on.workflow_call.secrets."))).toEqual([
      expect.stringMatching(/^on\.workflow_call\.secrets\.database-url: .*letters, digits and underscores/),
      expect.stringMatching(/^on\.workflow_call\.secrets\.GITHUB_PAT: .*GITHUB_/),
      expect.stringMatching(/^on\.workflow_call\.secrets\.2FA_SEED: .*digit/),
      "on.workflow_call.secrets.SLACK_TOKEN: secret names are not case-sensitive; Slack_Token is the same name",
    ]);
  });

  it.each(workflowFiles().map((f) => [basename(f), f]))(
    "%s declares only names a secret can have",
    (_n, file) => {
      expect(workflowCallSecretFindings(parseYaml(readFileSync(file, "utf8")))).toEqual([]);
    },
  );
});

describe("README: the secrets of the reusable workflows", () => {
  const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
  const table = new Map<string, { required: string[]; optional: string[] }>();
  for (const m of readme.matchAll(/^\| `([\w-]+\.yml)` \| (.*) \|$/gm)) {
    const [req, opt] = m[2]!.includes("optional:") ? m[2]!.split("optional:") : [m[2]!, ""];
    const names = (s: string) => [...(s ?? "").matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((n) => n[1]!).sort();
    table.set(m[1]!, { required: names(req!), optional: names(opt!) });
  }
  const reusable = workflowFiles().filter((f) => /\bworkflow_call:/.test(readFileSync(f, "utf8")));

  it("has a reusable workflow to check", () => {
    expect(reusable.length).toBeGreaterThan(0);
  });

  it.each(reusable.map((f) => [basename(f), f]))(
    "names every secret %s declares, required or not",
    (name, file) => {
      const doc = parseYaml(readFileSync(file, "utf8"));
      const secrets = (doc.on.workflow_call.secrets ?? {}) as Record<string, { required?: boolean } | null>;
      const declared = Object.entries(secrets);
      expect(table.get(name), `README has no row for ${name} in "Secrets of the reusable workflows"`).toEqual(
        {
          required: declared
            .filter(([, d]) => d?.required === true)
            .map(([n]) => n)
            .sort(),
          optional: declared
            .filter(([, d]) => d?.required !== true)
            .map(([n]) => n)
            .sort(),
        },
      );
    },
  );
});
