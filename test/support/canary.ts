import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import type { ActionResult } from "./run-action.js";

/** A unique secret-looking value to plant in inputs and fakes, then search for everywhere. */
export function canary(label = "secret"): string {
  return `canary-${label}-${randomBytes(12).toString("hex")}`;
}

/**
 * Asserts that none of `secrets` (nor their URL-encoded or base64 forms) appears in any of `places`. An
 * ActionResult is searched whole except its ::add-mask:: lines, which exist to register the secret.
 */
export function expectNoCanary(secrets: string[], places: Record<string, unknown>): void {
  const haystacks: [string, string][] = [];
  for (const [where, value] of Object.entries(places)) {
    if (value && typeof value === "object" && "masks" in (value as object) && "log" in (value as object)) {
      const r = value as ActionResult;
      haystacks.push([`${where}.log`, r.log], [`${where}.stderr`, r.stderr], [`${where}.summary`, r.summary]);
      haystacks.push(
        [`${where}.outputs`, JSON.stringify(r.outputs)],
        [`${where}.env`, r.env],
        [`${where}.state`, r.state],
      );
    } else {
      haystacks.push([where, typeof value === "string" ? value : JSON.stringify(value ?? "")]);
    }
  }
  for (const secret of secrets) {
    const forms = [secret, encodeURIComponent(secret), Buffer.from(secret).toString("base64")];
    for (const [where, text] of haystacks) {
      for (const form of forms) {
        expect(text.includes(form), `secret canary found in ${where}`).toBe(false);
      }
    }
  }
}
