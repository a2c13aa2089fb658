import type { IncomingHttpHeaders } from "node:http";
import { type FakeReply, type FakeRequest, FakeServer } from "./fake-server.js";

export interface BlobRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  bytes: number;
}

/** A loopback stand-in for the pre-signed S3 URLs of source uploads: PUT and GET with a signature, raw bytes. */
export class BlobStore {
  private readonly server = new FakeServer("blob-store");

  constructor(private readonly blobs: Map<string, { token: string; data?: Buffer }>) {
    this.server.route("*", "*", (req) => this.answer(req));
  }

  get url(): string {
    return this.server.url;
  }

  /** Every request, with the size of its body. */
  get requests(): BlobRequest[] {
    return this.server.requests.map((r) => ({
      method: r.method,
      path: r.path,
      headers: r.headers,
      bytes: r.raw.length,
    }));
  }

  async start(): Promise<void> {
    await this.server.start();
  }

  async stop(): Promise<void> {
    await this.server.stop();
  }

  private answer(req: FakeRequest): FakeReply {
    const id = /^\/blobs\/([^/]+)$/.exec(req.path)?.[1] ?? "";
    const blob = this.blobs.get(id);
    const signed = blob !== undefined && req.query.get("signature") === blob.token;
    if (req.method === "PUT" && signed) {
      blob.data = req.raw;
      return { status: 200 };
    }
    if (req.method === "GET" && signed && blob.data)
      return { status: 200, headers: { "content-type": "application/octet-stream" }, body: blob.data };
    return {
      status: 403,
      headers: { "content-type": "application/xml" },
      body: "<Error><Code>AccessDenied</Code></Error>",
    };
  }
}
