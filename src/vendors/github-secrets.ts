import { Octokit } from "@octokit/core";
import { retry } from "@octokit/plugin-retry";
import { RequestError } from "@octokit/request-error";
import { VendorError } from "../core/errors.js";
import { sodium } from "./sodium.js";

/**
 * Writes GitHub Actions secrets of a repository or of one of its environments (the rotation executor's
 * github-actions and github-environment consumers). GitHub takes a value only sealed with the repository's
 * (or environment's) public key: `crypto_box_seal` of libsodium, then base64, with the key's id. The value
 * never leaves this process unsealed; errors say what failed, never what was written.
 */

export interface GitHubSecretsOptions {
  /** A token that may write secrets (fine-grained: Secrets read and write; classic: repo). */
  token: string;
  /** GITHUB_API_URL; default https://api.github.com. */
  baseUrl?: string;
  retries?: number;
}

const RetryingOctokit = Octokit.plugin(retry);

export interface SecretLocation {
  /** owner/name */
  repository: string;
  /** An environment of the repository; undefined for a repository secret. */
  environment?: string;
}

export class GitHubSecretsWriter {
  private readonly octokit: InstanceType<typeof RetryingOctokit>;

  constructor(opts: GitHubSecretsOptions) {
    this.octokit = new RetryingOctokit({
      auth: opts.token,
      baseUrl: (opts.baseUrl || "https://api.github.com").replace(/\/+$/, ""),
      userAgent: "prodgate",
      retry: { retries: opts.retries ?? 2 },
      log: { debug() {}, info() {}, warn() {}, error() {} },
    });
  }

  /** The public key secrets of `at` are sealed with: GET .../actions/secrets/public-key or the environment's. */
  async publicKey(at: SecretLocation): Promise<{ keyId: string; key: string }> {
    const { owner, repo } = split(at.repository);
    try {
      const res = at.environment
        ? await this.octokit.request(
            "GET /repos/{owner}/{repo}/environments/{environment_name}/secrets/public-key",
            { owner, repo, environment_name: at.environment },
          )
        : await this.octokit.request("GET /repos/{owner}/{repo}/actions/secrets/public-key", { owner, repo });
      return { keyId: res.data.key_id, key: res.data.key };
    } catch (err) {
      throw describe(err, `read the secrets public key of ${where(at)}`);
    }
  }

  /** Seals `value` with the key of `at` and writes it as secret `name` (created or updated). */
  async put(at: SecretLocation, name: string, value: string): Promise<"created" | "updated"> {
    const { keyId, key } = await this.publicKey(at);
    const encrypted = await seal(value, key);
    const { owner, repo } = split(at.repository);
    try {
      const res = at.environment
        ? await this.octokit.request(
            "PUT /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}",
            {
              owner,
              repo,
              environment_name: at.environment,
              secret_name: name,
              encrypted_value: encrypted,
              key_id: keyId,
            },
          )
        : await this.octokit.request("PUT /repos/{owner}/{repo}/actions/secrets/{secret_name}", {
            owner,
            repo,
            secret_name: name,
            encrypted_value: encrypted,
            key_id: keyId,
          });
      return res.status === 201 ? "created" : "updated";
    } catch (err) {
      throw describe(err, `write secret ${name} of ${where(at)}`);
    }
  }
}

/** base64 of crypto_box_seal(value, base64-decoded public key), as GitHub asks. */
export async function seal(value: string, publicKeyBase64: string): Promise<string> {
  const s = await sodium();
  let key: Uint8Array;
  try {
    key = s.from_base64(publicKeyBase64, s.base64_variants.ORIGINAL);
  } catch {
    throw new VendorError("GitHub", "GitHub's secrets public key is not base64");
  }
  if (key.length !== s.crypto_box_PUBLICKEYBYTES)
    throw new VendorError(
      "GitHub",
      `GitHub's secrets public key is ${key.length} bytes, not ${s.crypto_box_PUBLICKEYBYTES}`,
    );
  return s.to_base64(s.crypto_box_seal(s.from_string(value), key), s.base64_variants.ORIGINAL);
}

function split(repository: string): { owner: string; repo: string } {
  const [owner, repo] = repository.split("/");
  if (!owner || !repo) throw new VendorError("GitHub", `'${repository}' is not owner/name`);
  return { owner, repo };
}

function where(at: SecretLocation): string {
  return at.environment ? `environment ${at.environment} of ${at.repository}` : at.repository;
}

function describe(err: unknown, doing: string): Error {
  if (!(err instanceof RequestError))
    return new VendorError("GitHub", `could not ${doing}: ${(err as Error)?.message ?? err}`);
  const message = (err.response?.data as { message?: unknown } | undefined)?.message;
  const detail = typeof message === "string" ? `: ${message.slice(0, 200).replace(/\s+/g, " ")}` : "";
  const hint =
    err.status === 401
      ? " (the token is not valid)"
      : err.status === 403
        ? " (the token may not write secrets: use github-secrets-token with Secrets read and write; the workflow's GITHUB_TOKEN never can)"
        : err.status === 404
          ? " (no such repository or environment, or the token cannot see it)"
          : "";
  return new VendorError(
    "GitHub",
    `GitHub answered ${err.status} when asked to ${doing}${detail}${hint}`,
    err.status,
    err.status >= 500 || err.status === 429,
  );
}
