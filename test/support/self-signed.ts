import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface SelfSigned {
  /** PEM certificate (it is its own CA). */
  cert: string;
  /** PEM private key. */
  key: string;
  /** A file holding `cert`, for NODE_EXTRA_CA_CERTS or a `ca` option. */
  certFile: string;
  /** Removes the directory holding the files. */
  remove(): void;
}

/**
 * A self-signed certificate made by openssl for the given names (IP:127.0.0.1, DNS:localhost by default):
 * a real TLS handshake on loopback that a client trusts only when told to.
 */
export function selfSigned(altNames = ["IP:127.0.0.1", "DNS:localhost"], cn = "127.0.0.1"): SelfSigned {
  const dir = mkdtempSync(join(tmpdir(), "prodgate-tls-"));
  const keyFile = join(dir, "key.pem");
  const certFile = join(dir, "cert.pem");
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      "-nodes",
      "-keyout",
      keyFile,
      "-out",
      certFile,
      "-days",
      "2",
      "-subj",
      `/CN=${cn}`,
      "-addext",
      `subjectAltName=${altNames.join(",")}`,
    ],
    { stdio: "ignore" },
  );
  const cert = readFileSync(certFile, "utf8");
  const key = readFileSync(keyFile, "utf8");
  return { cert, key, certFile, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
