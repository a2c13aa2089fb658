import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeServer } from "../../src/sandbox/fake-server.js";
import { dataFlowFindings, evaluateTemplate, runWorkflow } from "../support/workflow-runner.js";

const WORKFLOW = `name: probe
on:
  workflow_call:
    inputs:
      url:
        type: string
        required: true
      attempts:
        type: number
        default: 2
    outputs:
      healthy:
        value: \${{ jobs.probe.outputs.healthy }}
permissions:
  contents: read
jobs:
  probe:
    runs-on: ubuntu-latest
    outputs:
      healthy: \${{ steps.health.outputs.healthy }}
      attempts: \${{ steps.health.outputs.attempts }}
    steps:
      - id: health
        uses: prodgate/prodgate/actions/health-check@v1
        with:
          url: \${{ inputs.url }}
          attempts: \${{ inputs.attempts }}
          interval: 10ms
  report:
    needs: probe
    runs-on: ubuntu-latest
    steps:
      - id: echo
        env:
          HEALTHY: \${{ needs.probe.outputs.healthy }}
          ATTEMPTS: \${{ needs.probe.outputs.attempts }}
        run: echo "summary=healthy $HEALTHY after $ATTEMPTS" >> "$GITHUB_OUTPUT"
      - id: on-failure
        if: failure()
        run: echo never
`;

describe("the workflow data-flow runner", () => {
  const server = new FakeServer("wf");
  const dir = mkdtempSync(join(tmpdir(), "prodgate-wfr-"));
  const write = (name: string, text: string) => {
    const f = join(dir, name);
    writeFileSync(f, text);
    return f;
  };
  beforeAll(async () => {
    server.route("GET", "/health", () => ({ body: "ok" }));
    await server.start();
  });
  afterAll(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("runs jobs in order with inputs, step outputs, job outputs and needs evaluated by GitHub's engine", async () => {
    server.flap("GET", "/health", 1);
    const run = await runWorkflow(write("ok.yml", WORKFLOW), { inputs: { url: `${server.url}/health` } });
    expect(run.order.map((j) => j.id)).toEqual(["probe", "report"]);
    expect(run.jobs.probe?.outputs).toEqual({ healthy: "true", attempts: "2" });
    const report = run.jobs.report!;
    expect(report.steps.find((s) => s.id === "echo")?.outputs.summary).toBe("healthy true after 2");
    expect(report.steps.find((s) => s.id === "on-failure")?.outcome).toBe("skipped");
  });

  it("marks a failing step's job failed and skips dependants", async () => {
    const run = await runWorkflow(write("fail.yml", WORKFLOW), {
      inputs: { url: "http://127.0.0.1:9/health", attempts: 1 },
    });
    expect(run.jobs.probe?.result).toBe("failure");
    expect(run.jobs.report?.result).toBe("skipped");
  });

  it("rejects a wrong output name, an undeclared input and a missing need before running anything", async () => {
    const bad = write(
      "bad.yml",
      WORKFLOW.replace("steps.health.outputs.healthy }}", "steps.health.outputs.is-healthy }}")
        .replace("inputs.attempts }}", "inputs.tries }}")
        .replace("    needs: probe\n", ""),
    );
    const findings = dataFlowFindings(bad);
    expect(findings).toContain("jobs.probe.outputs.healthy: step health has no output 'is-healthy'");
    expect(findings.some((f) => f.includes("inputs.tries is not a declared input"))).toBe(true);
    expect(findings.some((f) => f.includes("job report does not need probe"))).toBe(true);
    await expect(runWorkflow(bad, {})).rejects.toThrow(/data flow:/);
  });

  it("evaluates templates with GitHub's functions", () => {
    const ctx = { inputs: { app: "shop", n: 3 }, github: { sha: "abc" } };
    expect(evaluateTemplate("prodgate-deploy-${{ inputs.app }}", ctx)).toBe("prodgate-deploy-shop");
    expect(evaluateTemplate("${{ format('{0}/{1}', inputs.app, inputs.n) }}", ctx)).toBe("shop/3");
    expect(evaluateTemplate("${{ inputs.missing || 'fallback' }}", ctx)).toBe("fallback");
    expect(evaluateTemplate("${{ fromJSON('[1,2]')[1] }}", ctx)).toBe("2");
  });
});
