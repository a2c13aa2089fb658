import { parseCloudflareTokens } from "../pipelines/rotation-sweep-setup.js";
import { input, maskSecret } from "./runtime.js";

/** The `cloudflare-tokens` input (`SECRET_NAME=token` lines), every token masked before it is parsed. */
export function readCloudflareTokens(): Map<string, string> {
  const raw = input("cloudflare-tokens");
  for (const line of raw.split(/\r?\n/)) {
    const idx = line.indexOf("=");
    if (idx > 0) maskSecret(line.slice(idx + 1).trim());
  }
  return parseCloudflareTokens("cloudflare-tokens", raw);
}
