export const id = 95;
export const ids = [95];
export const modules = {

/***/ 7095:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GitHubSecretsWriter: () => (/* binding */ GitHubSecretsWriter),
  seal: () => (/* binding */ seal)
});

// EXTERNAL MODULE: ./node_modules/@octokit/core/dist-src/index.js + 12 modules
var dist_src = __webpack_require__(4730);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(9735);
// EXTERNAL MODULE: ./node_modules/@octokit/request-error/dist-src/index.js
var request_error_dist_src = __webpack_require__(1015);
// EXTERNAL MODULE: ./.build/js/core/errors.js
var errors = __webpack_require__(1723);
;// CONCATENATED MODULE: ./.build/js/vendors/sodium.js
let ready;
/**
 * libsodium, loaded and initialised once, on first use: its WebAssembly build is most of a megabyte, so the
 * bundles load it (a chunk of their own) only when a secret is sealed.
 */
function sodium() {
    ready ??= Promise.all(/* import() */[__webpack_require__.e(71), __webpack_require__.e(613)]).then(__webpack_require__.t.bind(__webpack_require__, 3613, 19)).then(async (m) => {
        const loaded = (m.default ?? m);
        await loaded.ready;
        return loaded;
    });
    return ready;
}

;// CONCATENATED MODULE: ./.build/js/vendors/github-secrets.js





const RetryingOctokit = dist_src/* Octokit */.E.plugin(dist_bundle/* retry */.L);
class GitHubSecretsWriter {
    octokit;
    constructor(opts) {
        this.octokit = new RetryingOctokit({
            auth: opts.token,
            baseUrl: (opts.baseUrl || "https://api.github.com").replace(/\/+$/, ""),
            userAgent: "prodgate",
            retry: { retries: opts.retries ?? 2 },
            log: { debug() { }, info() { }, warn() { }, error() { } },
        });
    }
    /** The public key secrets of `at` are sealed with: GET .../actions/secrets/public-key or the environment's. */
    async publicKey(at) {
        const { owner, repo } = split(at.repository);
        try {
            const res = at.environment
                ? await this.octokit.request("GET /repos/{owner}/{repo}/environments/{environment_name}/secrets/public-key", { owner, repo, environment_name: at.environment })
                : await this.octokit.request("GET /repos/{owner}/{repo}/actions/secrets/public-key", { owner, repo });
            return { keyId: res.data.key_id, key: res.data.key };
        }
        catch (err) {
            throw describe(err, `read the secrets public key of ${where(at)}`);
        }
    }
    /** Seals `value` with the key of `at` and writes it as secret `name` (created or updated). */
    async put(at, name, value) {
        const { keyId, key } = await this.publicKey(at);
        const encrypted = await seal(value, key);
        const { owner, repo } = split(at.repository);
        try {
            const res = at.environment
                ? await this.octokit.request("PUT /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}", {
                    owner,
                    repo,
                    environment_name: at.environment,
                    secret_name: name,
                    encrypted_value: encrypted,
                    key_id: keyId,
                })
                : await this.octokit.request("PUT /repos/{owner}/{repo}/actions/secrets/{secret_name}", {
                    owner,
                    repo,
                    secret_name: name,
                    encrypted_value: encrypted,
                    key_id: keyId,
                });
            return res.status === 201 ? "created" : "updated";
        }
        catch (err) {
            throw describe(err, `write secret ${name} of ${where(at)}`);
        }
    }
}
/** base64 of crypto_box_seal(value, base64-decoded public key), as GitHub asks. */
async function seal(value, publicKeyBase64) {
    const s = await sodium();
    let key;
    try {
        key = s.from_base64(publicKeyBase64, s.base64_variants.ORIGINAL);
    }
    catch {
        throw new errors/* VendorError */.Hi("GitHub", "GitHub's secrets public key is not base64");
    }
    if (key.length !== s.crypto_box_PUBLICKEYBYTES)
        throw new errors/* VendorError */.Hi("GitHub", `GitHub's secrets public key is ${key.length} bytes, not ${s.crypto_box_PUBLICKEYBYTES}`);
    return s.to_base64(s.crypto_box_seal(s.from_string(value), key), s.base64_variants.ORIGINAL);
}
function split(repository) {
    const [owner, repo] = repository.split("/");
    if (!owner || !repo)
        throw new errors/* VendorError */.Hi("GitHub", `'${repository}' is not owner/name`);
    return { owner, repo };
}
function where(at) {
    return at.environment ? `environment ${at.environment} of ${at.repository}` : at.repository;
}
function describe(err, doing) {
    if (!(err instanceof request_error_dist_src/* RequestError */.G))
        return new errors/* VendorError */.Hi("GitHub", `could not ${doing}: ${err?.message ?? err}`);
    const message = err.response?.data?.message;
    const detail = typeof message === "string" ? `: ${message.slice(0, 200).replace(/\s+/g, " ")}` : "";
    const hint = err.status === 401
        ? " (the token is not valid)"
        : err.status === 403
            ? " (the token may not write secrets: use github-secrets-token with Secrets read and write; the workflow's GITHUB_TOKEN never can)"
            : err.status === 404
                ? " (no such repository or environment, or the token cannot see it)"
                : "";
    return new errors/* VendorError */.Hi("GitHub", `GitHub answered ${err.status} when asked to ${doing}${detail}${hint}`, err.status, err.status >= 500 || err.status === 429);
}


/***/ })

};
