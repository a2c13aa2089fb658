import { ProdgateError } from "../core/errors.js";
import { parseBoolean } from "../core/inputs.js";
import { assertRotationEnabled, renderRotationOutcome } from "../core/rotation-executor.js";
import { readInventory } from "../pipelines/inventory-file.js";
import { runRotation } from "../pipelines/rotation-executor.js";
import {
  checkCredentials,
  findSecret,
  openExecutor,
  type RotateCredentials,
  readRegistryFile,
} from "../pipelines/rotation-wiring.js";
import { sweepContext } from "../pipelines/sweep-context.js";
import { parseDatabaseUrl } from "../store/db.js";
import { readCloudflareTokens } from "./cloudflare-tokens.js";
import { maskDatabaseUrlInput, readSlackCredentials } from "./common-inputs.js";
import { actionReporter, input, runStep, secretInput, setOutputs, writeSummary } from "./runtime.js";

/** Every credential input, masked before anything else happens. */
function readCredentials(): RotateCredentials {
  const cloudflareTokens = readCloudflareTokens();
  return {
    herokuApiKey: secretInput("heroku-api-key") || undefined,
    cloudflareApiToken: secretInput("cloudflare-api-token") || undefined,
    cloudflareTokens,
    githubSecretsToken: secretInput("github-secrets-token") || undefined,
    infisicalToken: secretInput("infisical-token") || undefined,
    webhookSecret: secretInput("webhook-secret") || undefined,
    ...readSlackCredentials(),
  };
}

export async function run(): Promise<void> {
  await runStep(async () => {
    maskDatabaseUrlInput();
    const currentValue = secretInput("current-value") || undefined;
    const creds = readCredentials();
    // The kill switch comes before any file, vendor or database is touched: nothing is created.
    assertRotationEnabled(process.env);
    const env = process.env;
    const { databaseUrl, runUrl } = sweepContext(input, env);
    if (!databaseUrl)
      throw new ProdgateError("database-url: is required (the rotation job and audit rows live there)");
    parseDatabaseUrl("database-url", databaseUrl);
    const compromised = parseBoolean("compromised", input("compromised"), false);
    const inventory = readInventory(input("inventory"));
    const secret = findSecret(inventory, input("secret"));
    const registryPath = input("registry");
    const registry = registryPath ? readRegistryFile(registryPath) : undefined;
    checkCredentials(secret, creds, { registry, currentValue });
    const opened = await openExecutor(creds, {
      databaseUrl,
      migrate: parseBoolean("migrate", input("migrate"), true),
      rotationTable: input("rotation-table") || undefined,
      auditTable: input("audit-table") || undefined,
      registry,
      env,
      reporter: actionReporter,
      currentValue,
    });
    try {
      const outcome = await runRotation(
        secret,
        {
          trigger: "manual",
          compromised,
          currentValue,
          actor: env.GITHUB_TRIGGERING_ACTOR || env.GITHUB_ACTOR || "rotate-secret",
          runId: env.GITHUB_RUN_ID || `local-${Date.now()}`,
          runAttempt: Number(env.GITHUB_RUN_ATTEMPT) || 1,
          runUrl,
          auditTrigger: "ci",
          env,
        },
        opened.ports,
      );
      setOutputs({
        "job-id": outcome.jobId ?? "",
        status: outcome.status,
        "revoke-at": outcome.revokeAt ?? "",
      });
      for (const n of outcome.notes) actionReporter.warning(n);
      await writeSummary(renderRotationOutcome(outcome));
      if (outcome.status === "failed")
        throw new ProdgateError(`rotation of ${secret.name} failed: ${outcome.error ?? "see the job"}`);
    } finally {
      await opened.close();
    }
  });
}
