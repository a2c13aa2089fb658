import { createHmac } from "node:crypto";
import { HttpClient } from "./http.js";

/**
 * Signed webhooks (seed 001): a JSON body POSTed with `X-Prodgate-Signature: sha256=<hex HMAC-SHA256 of the
 * body>` under a shared key, so a receiver can tell the sender and that the body is whole. Not retried once
 * the request may have arrived; redirects are not followed.
 */

export const SIGNATURE_HEADER = "x-prodgate-signature";

export function signBody(key: string, body: string): string {
  return `sha256=${createHmac("sha256", key).update(body, "utf8").digest("hex")}`;
}

export class WebhookSender {
  constructor(
    private readonly key: string,
    private readonly opts: { timeoutMs?: number } = {},
  ) {}

  async send(url: string, body: string): Promise<void> {
    const u = new URL(url);
    const client = new HttpClient({
      vendor: `Webhook ${u.host}`,
      baseUrl: u.origin,
      timeoutMs: this.opts.timeoutMs ?? 10_000,
      retries: 2,
      headers: { "user-agent": "prodgate", "content-type": "application/json" },
    });
    await client.send({
      method: "POST",
      path: `${u.pathname}${u.search}`,
      body,
      headers: { [SIGNATURE_HEADER]: signBody(this.key, body) },
      retry: "if-unsent",
    });
  }
}
