import { lookup } from "node:dns/promises";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { TLSSocket } from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientConfig, connect } from "../../src/store/db.js";
import { canary, expectNoCanary } from "../support/canary.js";
import { runCli } from "../support/run-action.js";
import { type SelfSigned, selfSigned } from "../support/self-signed.js";

/**
 * Attack: someone on the network path between the runner and a Postgres host answers the connection with a
 * certificate of their own, to read the password and every audit row. A non-loopback database URL without
 * `sslmode` must verify the certificate (CA and host name) and refuse before anything is sent;
 * `sslmode=no-verify` (what Heroku Postgres needs) stays the explicit choice, and the refusal says so.
 *
 * The server below is the man in the middle: on 127.0.0.1 it speaks just enough of the Postgres wire protocol
 * (SSLRequest answered 'S', then a real TLS handshake with a self-signed certificate, then it asks for the
 * password in clear text, records it and says AuthenticationOk / ReadyForQuery).
 */
class PostgresTlsMitm {
  /** Completed TLS handshakes. */
  handshakes = 0;
  /** What each client sent after the handshake: startup parameters and password. */
  readonly sessions: { tls: boolean; params: Record<string, string>; password?: string }[] = [];
  private server?: Server;
  private readonly sockets = new Set<Socket>();

  constructor(private readonly tls: { key: string; cert: string }) {}

  get port(): number {
    const a = this.server?.address();
    return typeof a === "object" && a ? a.port : 0;
  }

  async start(): Promise<this> {
    this.server = createServer((raw) => {
      this.sockets.add(raw);
      raw.on("close", () => this.sockets.delete(raw));
      raw.on("error", () => {});
      void this.serve(raw).catch(() => raw.destroy());
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    return this;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private async serve(raw: Socket): Promise<void> {
    const first = reader(raw);
    const head = await first.read(8);
    let stream: Socket = raw;
    let read = first.read;
    let tls = false;
    let startup: Buffer;
    if (head.readInt32BE(4) === 80877103) {
      first.detach();
      raw.write("S");
      const secure = new TLSSocket(raw, { isServer: true, key: this.tls.key, cert: this.tls.cert });
      secure.on("error", () => {});
      secure.on("secure", () => this.handshakes++);
      stream = secure;
      read = reader(secure).read;
      tls = true;
      const len = (await read(4)).readInt32BE(0);
      startup = await read(len - 4);
    } else {
      startup = Buffer.concat([head.subarray(4), await read(head.readInt32BE(0) - 8)]);
    }
    const parts = startup.subarray(4).toString("utf8").split("\0");
    const params: Record<string, string> = {};
    for (let i = 0; i + 1 < parts.length && parts[i]; i += 2) params[parts[i]!] = parts[i + 1]!;
    const session: (typeof this.sessions)[number] = { tls, params };
    this.sessions.push(session);
    stream.write(message("R", int32(3))); // AuthenticationCleartextPassword
    const type = (await read(1)).toString();
    const body = await read((await read(4)).readInt32BE(0) - 4);
    if (type === "p") session.password = body.toString("utf8").replace(/\0$/, "");
    stream.write(Buffer.concat([message("R", int32(0)), message("Z", Buffer.from("I"))]));
  }
}

function int32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
}

function message(type: string, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from(type), int32(body.length + 4), body]);
}

/** Reads exact byte counts from a stream. */
function reader(stream: Socket) {
  let buf = Buffer.alloc(0);
  let wake: (() => void) | undefined;
  let closed = false;
  const onData = (d: Buffer) => {
    buf = Buffer.concat([buf, d]);
    wake?.();
  };
  stream.on("data", onData);
  stream.on("close", () => {
    closed = true;
    wake?.();
  });
  return {
    async read(n: number): Promise<Buffer> {
      while (buf.length < n) {
        if (closed) throw new Error("closed");
        await new Promise<void>((r) => {
          wake = r;
        });
      }
      const out = buf.subarray(0, n);
      buf = buf.subarray(n);
      return out;
    },
    detach() {
      stream.off("data", onData);
    },
  };
}

describe("security: Postgres TLS is verified by default for a non-loopback host", () => {
  const password = canary("db-password");
  const user = "deployer_audit";
  let cert: SelfSigned;
  let mitm: PostgresTlsMitm;
  let host = "";
  const workspace = mkdtempSync(join(tmpdir(), "prodgate-pg-tls-"));

  /** A name for this machine that is not loopback as written, when the system resolves it to 127.0.0.1. */
  let nonLoopbackName: string | undefined;

  beforeAll(async () => {
    const own = hostname();
    const found = await lookup(own, { all: true }).catch(() => []);
    if (own && found.length > 0 && found.every((a) => a.address === "127.0.0.1")) nonLoopbackName = own;
    cert = selfSigned(["IP:127.0.0.1", ...(nonLoopbackName ? [`DNS:${nonLoopbackName}`] : [])]);
    mitm = await new PostgresTlsMitm(cert).start();
    host = `127.0.0.1:${mitm.port}`;
  });
  afterAll(async () => {
    await mitm.stop();
    cert.remove();
    rmSync(workspace, { recursive: true, force: true });
  });

  const url = (h: string, query = "") => `postgres://${user}:${password}@${h}/audit${query}`;
  const migrate = (databaseUrl: string) =>
    runCli(["db", "migrate"], {
      cwd: workspace,
      env: { PATH: process.env.PATH, DATABASE_URL: databaseUrl },
    });
  const passwordsSeen = () => mitm.sessions.filter((s) => s.password !== undefined);

  const refusal = (stderr: string) => {
    expect(stderr).toContain("the server's TLS certificate could not be verified");
    expect(stderr).toContain("For Heroku Postgres");
    expect(stderr).toContain("add sslmode=no-verify");
  };

  it("a URL without sslmode for a non-loopback host sends nothing past an unverifiable certificate", async (ctx) => {
    if (!nonLoopbackName) {
      ctx.skip(); // no name of this machine resolves to 127.0.0.1; the unit test below pins the same settings
      return;
    }
    const before = mitm.sessions.length;
    const r = await migrate(url(`${nonLoopbackName}:${mitm.port}`));
    expect(passwordsSeen()).toEqual([]);
    expect(mitm.sessions.length).toBe(before); // no startup message either: the user name stays private
    expect(r.status).not.toBe(0);
    refusal(r.stderr);
    expect(r.stderr).toContain("self-signed certificate");
    expect(r.stderr).not.toContain(user);
    expectNoCanary([password], { stdout: r.stdout, stderr: r.stderr });
  });

  it("sslmode=verify-full refuses the same certificate on 127.0.0.1, through the CLI", async () => {
    const before = mitm.sessions.length;
    const r = await migrate(url(host, "?sslmode=verify-full"));
    expect(mitm.sessions.length).toBe(before);
    expect(r.status).not.toBe(0);
    refusal(r.stderr);
    expect(r.stderr).not.toContain(user);
    expectNoCanary([password], { stdout: r.stdout, stderr: r.stderr });
  });

  it("without sslmode, a non-loopback host gets exactly verify-full's settings; loopback none", () => {
    const ssl = (u: string) => clientConfig(u).ssl;
    expect(ssl(url("db.example.com:5432"))).toEqual({ rejectUnauthorized: true });
    expect(ssl(url("db.example.com:5432"))).toEqual(ssl(url("db.example.com:5432", "?sslmode=verify-full")));
    expect(ssl(url("ec2-1-2-3-4.compute-1.amazonaws.com:5432"))).toEqual({ rejectUnauthorized: true });
    expect(ssl(url("10.0.0.7"))).toEqual({ rejectUnauthorized: true });
    expect(ssl(url(host))).toBe(false);
    expect(ssl(url("db.example.com", "?sslmode=no-verify"))).toEqual({ rejectUnauthorized: false });
  });

  it("sslmode=no-verify (and require) is the explicit choice: TLS without verification proceeds", async () => {
    for (const mode of ["no-verify", "require"]) {
      const handshakes = mitm.handshakes;
      const client = await connect(url(host, `?sslmode=${mode}`), { connectTimeoutMs: 5_000 });
      await client.end().catch(() => {});
      expect(mitm.handshakes).toBe(handshakes + 1);
      expect(mitm.sessions.at(-1)).toMatchObject({ tls: true, params: { user, database: "audit" } });
    }
  });

  it("verify-full with sslrootcert trusts the certificate, and still checks the host name", async () => {
    const trusted = await connect(url(host, `?sslmode=verify-full&sslrootcert=${cert.certFile}`), {
      connectTimeoutMs: 5_000,
    });
    await trusted.end().catch(() => {});
    expect(mitm.sessions.at(-1)).toMatchObject({ tls: true, params: { user } });

    // Trusted CA, wrong name: the certificate names 127.0.0.1 (and this machine), not localhost.
    const before = mitm.sessions.length;
    const err = await connect(
      url(`localhost:${mitm.port}`, `?sslmode=verify-full&sslrootcert=${cert.certFile}`),
      { connectTimeoutMs: 5_000 },
    ).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(mitm.sessions.length).toBe(before);
    expect(err?.message).toContain("the server's TLS certificate could not be verified");
    expect(err?.message).toContain("does not match");
    expect(err?.message).not.toContain(password);
    expect(err?.message).not.toContain(user);
  });
});
