import { ProdgateError } from "../core/errors.js";
import { readInventory } from "../pipelines/inventory-file.js";
import { recordJobOutcome } from "../pipelines/rotation-dispatch.js";
import { runRotationSweep } from "../pipelines/rotation-sweep.js";
import {
  openRotationPorts,
  parseRotationInputs,
  type RotationCredentials,
  rotationOutputs,
  shouldFail,
  writeReport,
} from "../pipelines/rotation-sweep-setup.js";
import { AuditStore } from "../store/audit.js";
import { RotationJobStore } from "../store/rotation-jobs.js";
import { readCloudflareTokens } from "./cloudflare-tokens.js";
import { maskDatabaseUrlInput, readSlackCredentials } from "./common-inputs.js";
import { actionReporter, input, runStep, secretInput, setOutputs, writeSummary } from "./runtime.js";

function readCredentials(): RotationCredentials {
  const cloudflareTokens = readCloudflareTokens();
  return {
    githubToken: secretInput("github-token") || undefined,
    githubSecretsToken: secretInput("github-secrets-token") || undefined,
    infisicalToken: secretInput("infisical-token") || undefined,
    cloudflareApiToken: secretInput("cloudflare-api-token") || undefined,
    cloudflareTokens,
    herokuApiKey: secretInput("heroku-api-key") || undefined,
    webhookSecret: secretInput("webhook-secret") || undefined,
    ...readSlackCredentials(),
  };
}

export async function run(): Promise<void> {
  await runStep(async () => {
    maskDatabaseUrlInput();
    const creds = readCredentials();
    const inputs = parseRotationInputs(input, process.env);
    const reporter = actionReporter;

    if (inputs.job) {
      const jobs = await RotationJobStore.open(inputs.databaseUrl!, {
        table: inputs.rotationTable,
        migrate: inputs.migrate,
      });
      const audit = await AuditStore.open(inputs.databaseUrl!, {
        table: inputs.auditTable,
        migrate: inputs.migrate,
      });
      try {
        const job = await recordJobOutcome(inputs.job.id, inputs.job, inputs.settings, { jobs, audit });
        if (!job)
          throw new ProdgateError(`rotation job ${inputs.job.id} is not queued or running: nothing recorded`);
        reporter.info(`rotation job ${job.id} of ${job.secretName} is ${job.status}`);
        setOutputs({ "job-status": job.status });
      } finally {
        await jobs.close();
        await audit.close();
      }
      return;
    }

    const inventory = readInventory(inputs.inventory);
    const opened = await openRotationPorts(creds, inputs, { reporter, env: process.env });
    try {
      const result = await runRotationSweep(inventory, inputs.settings, opened.ports);
      const file = writeReport(inputs.reportPath, result.report);
      setOutputs(rotationOutputs(result, file));
      await writeSummary(result.summary);
      const failure = shouldFail(result.report, inputs.failOn);
      if (failure) throw new ProdgateError(`rotation sweep: ${failure}`);
    } finally {
      await opened.close();
    }
  });
}
