export const id = 366;
export const ids = [366];
export const modules = {

/***/ 1985:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ACTION_CREDENTIAL_NAMES: () => (/* binding */ ACTION_CREDENTIAL_NAMES),
  v: () => (/* binding */ checkCredentials),
  m: () => (/* binding */ findSecret),
  openExecutor: () => (/* binding */ openExecutor),
  readRegistryFile: () => (/* binding */ readRegistryFile)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./.build/js/core/errors.js
var errors = __webpack_require__(1723);
// EXTERNAL MODULE: ./.build/js/core/health-inputs.js
var health_inputs = __webpack_require__(5490);
// EXTERNAL MODULE: ./.build/js/core/inputs.js
var inputs = __webpack_require__(1621);
// EXTERNAL MODULE: ./.build/js/core/registry.js + 1 modules
var core_registry = __webpack_require__(3529);
// EXTERNAL MODULE: ./.build/js/store/audit.js + 3 modules
var store_audit = __webpack_require__(7091);
// EXTERNAL MODULE: ./.build/js/store/rotation-jobs.js
var rotation_jobs = __webpack_require__(2499);
// EXTERNAL MODULE: ./.build/js/store/db.js
var db = __webpack_require__(6522);
;// CONCATENATED MODULE: ./.build/js/store/rotation-lock.js

/** The first key of every per-secret rotation lock (the second is hashtext of the secret's name). */
const SECRET_LOCK_SPACE = 72_468_131;
/**
 * Takes the Postgres advisory lock of a secret's rotation without waiting, on a connection of its own: of two
 * rotations of one secret at once, one runs and the other gets undefined. A session lock dies with its
 * session, so a killed rotation never leaves it held.
 */
async function tryLockSecret(databaseUrl, secretName) {
    const client = await (0,db/* connect */.Ng)(databaseUrl, {
        applicationName: `prodgate rotate ${secretName}`.slice(0, 63),
        keepAlive: true,
    });
    try {
        const res = await client.query("SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok", [
            SECRET_LOCK_SPACE,
            `prodgate:rotate:${secretName}`,
        ]);
        if (res.rows[0]?.ok !== true) {
            await client.end().catch(() => { });
            return undefined;
        }
    }
    catch (err) {
        await client.end().catch(() => { });
        throw (0,db/* dbFailure */.LU)(`cannot take the rotation lock of ${secretName}`, err, databaseUrl);
    }
    return {
        release: async () => {
            await client.end().catch(() => { });
        },
    };
}

// EXTERNAL MODULE: ./.build/js/vendors/cloudflare.js
var cloudflare = __webpack_require__(2869);
// EXTERNAL MODULE: ./.build/js/vendors/heroku.js
var vendors_heroku = __webpack_require__(6561);
// EXTERNAL MODULE: ./.build/js/vendors/infisical.js
var infisical = __webpack_require__(9602);
// EXTERNAL MODULE: ./.build/js/vendors/http.js
var http = __webpack_require__(2770);
;// CONCATENATED MODULE: ./.build/js/vendors/webhook.js


/**
 * Signed webhooks (seed 001): a JSON body POSTed with `X-Prodgate-Signature: sha256=<hex HMAC-SHA256 of the
 * body>` under a shared key, so a receiver can tell the sender and that the body is whole. Not retried once
 * the request may have arrived; redirects are not followed.
 */
const SIGNATURE_HEADER = "x-prodgate-signature";
function signBody(key, body) {
    return `sha256=${(0,external_node_crypto_.createHmac)("sha256", key).update(body, "utf8").digest("hex")}`;
}
class WebhookSender {
    key;
    opts;
    constructor(key, opts = {}) {
        this.key = key;
        this.opts = opts;
    }
    async send(url, body) {
        const u = new URL(url);
        const client = new http/* HttpClient */.Qq({
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

// EXTERNAL MODULE: ./.build/js/pipelines/alerts.js
var alerts = __webpack_require__(8709);
// EXTERNAL MODULE: ./.build/js/pipelines/health-check.js
var health_check = __webpack_require__(9213);
;// CONCATENATED MODULE: ./.build/js/pipelines/rotation-wiring.js















const TIMEOUT_MS = 15_000;
/** Reads the surface registry the smoke test probes, with the status sweep's health defaults. */
function readRegistryFile(path) {
    if (!(0,external_node_fs_.existsSync)(path))
        throw new errors/* InputError */.dz("registry", `names a file that does not exist: ${path}`);
    return (0,core_registry/* parseRegistry */.l5)((0,external_node_fs_.readFileSync)(path, "utf8"), {
        file: path,
        parseHealth: (get) => (0,health_inputs/* parseHealthInputs */.Z)(get),
        healthDefaults: { attempts: "3", interval: "5s", timeout: "10s" },
    });
}
/** The secret of the inventory named `name`, or an error naming the input. */
function findSecret(inventory, name, input = "secret") {
    const wanted = (0,inputs/* requireValue */.vd)(input, name);
    const secret = inventory.secrets.find((s) => s.name === wanted);
    if (!secret)
        throw new errors/* InputError */.dz(input, `names no secret of ${inventory.file}: '${wanted}' (it has ${inventory.secrets.map((s) => s.name).join(", ")})`);
    return secret;
}
/** The rotate-secret action's inputs (the rotation sweep's name them alike, but for cloudflare-tokens). */
const ACTION_CREDENTIAL_NAMES = {
    herokuApiKey: "heroku-api-key",
    githubSecretsToken: "github-secrets-token",
    infisicalToken: "infisical-token",
    cloudflareToken: () => "current-value",
    registry: "registry",
    webhookSecret: "webhook-secret",
};
/**
 * Checks, before any job exists, that every credential the secret's rotation needs was given: its
 * generator's, every consumer's, the smoke test's registry surfaces and the webhooks' key. The error names
 * the missing input as the face calls it.
 */
function checkCredentials(secret, creds, opts = {}) {
    const spec = secret.rotate;
    if (!spec)
        return;
    const names = opts.names ?? ACTION_CREDENTIAL_NAMES;
    const registry = opts.registry;
    if (spec.generate === "heroku-authorization" && !creds.herokuApiKey)
        throw new errors/* InputError */.dz(names.herokuApiKey, `is required to rotate ${secret.name} (it makes a Heroku OAuth authorization)`);
    if (spec.generate === "cloudflare-token" && !(opts.currentValue || creds.cloudflareTokens.get(secret.name)))
        throw new errors/* InputError */.dz(names.cloudflareToken(secret.name), `is required to rotate ${secret.name}: the current Cloudflare token says which token's settings to copy`);
    for (const c of spec.consumers) {
        if ((c.kind === "github-actions" || c.kind === "github-environment") && !creds.githubSecretsToken)
            throw new errors/* InputError */.dz(names.githubSecretsToken, `is required to write ${c.id} (a token that may write Actions secrets; the workflow's GITHUB_TOKEN cannot)`);
        if (c.kind === "heroku-config" && !creds.herokuApiKey)
            throw new errors/* InputError */.dz(names.herokuApiKey, `is required to write ${c.id}`);
        if (c.kind === "infisical" && !creds.infisicalToken)
            throw new errors/* InputError */.dz(names.infisicalToken, `is required to write ${c.id}`);
    }
    if (spec.notify.length && !creds.webhookSecret)
        throw new errors/* InputError */.dz(names.webhookSecret, `is required: ${secret.name} notifies webhooks, signed with it`);
    if (!spec.smoke.length)
        return;
    if (!registry)
        throw new errors/* InputError */.dz(names.registry, `is required: ${secret.name}'s smoke test probes ${spec.smoke.join(", ")}, surfaces of the registry`);
    const known = new Set(registry.surfaces.map((s) => s.id));
    const missing = spec.smoke.filter((id) => !known.has(id));
    if (missing.length)
        throw new errors/* InputError */.dz(names.registry, `has no surface ${missing.join(", ")} (${secret.name}'s smoke test)`);
    const noHealth = spec.smoke.filter((id) => !registry.surfaces.find((s) => s.id === id)?.health);
    if (noHealth.length)
        throw new errors/* InputError */.dz(names.registry, `surface ${noHealth.join(", ")} has no health check to smoke-test with`);
}
async function openExecutor(creds, opts) {
    const env = opts.env;
    const jobs = await rotation_jobs/* RotationJobStore */.P.open(opts.databaseUrl, {
        table: opts.rotationTable,
        migrate: opts.migrate,
    });
    let audit;
    try {
        audit = await store_audit/* AuditStore */.f.open(opts.databaseUrl, { table: opts.auditTable, migrate: opts.migrate });
    }
    catch (err) {
        await jobs.close();
        throw err;
    }
    const heroku = (apiKey) => new vendors_heroku/* HerokuClient */.K({ apiKey, baseUrl: env.HEROKU_API_URL, timeoutMs: TIMEOUT_MS, retries: 2 });
    const generators = new Map();
    const ports = {
        reporter: opts.reporter,
        jobs,
        audit,
        lock: { tryLock: (name) => tryLockSecret(opts.databaseUrl, name) },
        generator: (secret) => {
            let g = generators.get(secret.name);
            if (!g) {
                g = generatorFor(secret, creds, env, heroku, opts.currentValue);
                generators.set(secret.name, g);
            }
            return g;
        },
        consumer: (c) => consumerFor(c, creds, env, heroku),
        ...(opts.registry ? { smoke: smokePort(opts.registry, env, opts.reporter) } : {}),
        ...((creds.slackToken && creds.slackChannel) || creds.slackWebhookUrl
            ? {
                notify: (0,alerts/* slackNotifyPort */.lA)({
                    token: creds.slackToken,
                    channel: creds.slackChannel,
                    webhookUrl: creds.slackWebhookUrl,
                    baseUrl: env.SLACK_API_URL,
                }, opts.reporter),
            }
            : {}),
        ...(creds.webhookSecret ? { webhooks: new WebhookSender(creds.webhookSecret) } : {}),
        preflight: (secret) => checkCredentials(secret, creds, {
            registry: opts.registry,
            names: opts.names,
            currentValue: opts.currentValue,
        }),
    };
    return {
        ports,
        close: async () => {
            await jobs.close();
            await audit.close();
        },
    };
}
function generatorFor(secret, creds, env, heroku, currentValue) {
    const spec = secret.rotate;
    switch (spec.generate) {
        case "random":
            return {
                currentId: async () => undefined,
                create: async () => ({ value: (0,external_node_crypto_.randomBytes)(spec.length).toString("base64url") }),
                verify: async () => { },
                revoke: async () => "gone",
                orphans: async () => [],
            };
        case "heroku-authorization": {
            const client = heroku(creds.herokuApiKey);
            const wanted = secret.authorization ?? secret.name;
            const matching = async () => (await client.authorizations()).filter((a) => a.id === wanted || a.description === wanted);
            return {
                currentId: async (value) => {
                    if (value) {
                        const id = await client.authorizationIdForToken(value);
                        if (id)
                            return id;
                    }
                    const list = (await matching()).sort((a, b) => (a.created_at < b.created_at ? 1 : -1));
                    return list[0]?.id;
                },
                create: async (oldId) => {
                    const old = oldId ? (await client.authorizations()).find((a) => a.id === oldId) : undefined;
                    const made = await client.createAuthorization({
                        scope: old?.scope.length ? old.scope : ["global"],
                        description: old?.description ?? wanted,
                    });
                    return { id: made.id, value: made.token };
                },
                verify: async (value) => {
                    await heroku(value).account();
                },
                revoke: (id) => client.deleteAuthorization(id),
                orphans: async (since, keep) => (await matching())
                    .filter((a) => !keep.includes(a.id) && Date.parse(a.created_at) >= since.getTime())
                    .map((a) => a.id),
            };
        }
        case "cloudflare-token": {
            const accountId = secret.accountId;
            const current = () => currentValue || creds.cloudflareTokens.get(secret.name);
            const cf = (token) => new cloudflare/* CloudflareClient */.$7({
                apiToken: token,
                baseUrl: env.CLOUDFLARE_API_URL,
                timeoutMs: TIMEOUT_MS,
                retries: 2,
            });
            const manager = () => {
                const token = creds.cloudflareApiToken || current();
                if (!token)
                    throw new errors/* InputError */.dz("cloudflare-api-token", `is required to rotate ${secret.name} (a token that may manage API tokens), or pass its current value`);
                return cf(token);
            };
            const rolls = secret.policy.maxOverlapMs <= 0;
            let oldName;
            return {
                killsOld: rolls,
                currentId: async (value) => {
                    const token = value || current();
                    return token ? (await cf(token).verifyToken(accountId)).id || undefined : undefined;
                },
                create: async (oldId) => {
                    if (!oldId)
                        throw new errors/* InputError */.dz("current-value", `is required to rotate ${secret.name}: the current Cloudflare token (or cloudflare-tokens ${secret.name}=...) says which token's settings to copy`);
                    const m = manager();
                    if (rolls)
                        return { id: oldId, value: await m.rollToken(oldId, accountId) };
                    const old = await m.getToken(oldId, accountId);
                    oldName = old.name;
                    const lifetime = old.expires_on && old.issued_on
                        ? Date.parse(old.expires_on) - Date.parse(old.issued_on)
                        : undefined;
                    const made = await m.createToken({
                        name: old.name,
                        policies: old.policies.map((p) => {
                            const { id: _id, ...rest } = p;
                            return rest;
                        }),
                        ...(old.condition ? { condition: old.condition } : {}),
                        ...(lifetime && lifetime > 0
                            ? { expires_on: new Date(Date.now() + lifetime).toISOString().replace(/\.\d{3}Z$/, "Z") }
                            : {}),
                    }, accountId);
                    return made;
                },
                verify: async (value) => {
                    const v = await cf(value).verifyToken(accountId);
                    if (v.status !== "active")
                        throw new Error(`Cloudflare says the new token is ${v.status}`);
                },
                revoke: (id) => manager().deleteToken(id, accountId),
                orphans: async (since, keep) => {
                    const m = manager();
                    const name = oldName ?? (keep[0] ? (await m.getToken(keep[0], accountId)).name : undefined);
                    if (!name)
                        return [];
                    return (await m.listTokens(accountId))
                        .filter((t) => t.name === name && !keep.includes(t.id) && Date.parse(t.issued_on ?? "") >= since.getTime())
                        .map((t) => t.id);
                },
            };
        }
    }
}
function consumerFor(c, creds, env, heroku) {
    switch (c.kind) {
        case "github-actions":
        case "github-environment": {
            // Octokit and libsodium load only for a rotation that writes a GitHub secret.
            let writer;
            const at = {
                repository: c.repository,
                ...(c.kind === "github-environment" ? { environment: c.environment } : {}),
            };
            return {
                write: async (value) => {
                    writer ??= Promise.all(/* import() */[__webpack_require__.e(108), __webpack_require__.e(95)]).then(__webpack_require__.bind(__webpack_require__, 7095)).then((m) => new m.GitHubSecretsWriter({ token: creds.githubSecretsToken, baseUrl: env.GITHUB_API_URL }));
                    await (await writer).put(at, c.name, value);
                },
            };
        }
        case "heroku-config": {
            const client = heroku(creds.herokuApiKey);
            return {
                write: (value) => client.setConfigVar(c.app, c.var, value),
                read: () => client.configVar(c.app, c.var),
            };
        }
        case "infisical": {
            const client = new infisical/* InfisicalClient */.WF({
                token: creds.infisicalToken,
                baseUrl: env.INFISICAL_API_URL,
                timeoutMs: TIMEOUT_MS,
                retries: 2,
            });
            return {
                write: async (value) => {
                    await client.writeSecretValue({ projectId: c.project, environment: c.environment, secretPath: c.path }, c.key, value);
                },
            };
        }
    }
}
function smokePort(registry, env, reporter) {
    return {
        check: async (id) => {
            const surface = registry.surfaces.find((s) => s.id === id);
            if (!surface?.health)
                return { healthy: false, detail: `no surface ${id} with a health check in the registry` };
            const { headers, secrets } = (0,core_registry/* resolveHeaders */.DQ)(surface, env, registry.secretEnv);
            for (const s of secrets)
                reporter.secret(s);
            const report = await (0,health_check/* runHealthCheck */.W)({ ...surface.health, headers }, { reporter: { ...reporter, info: () => { } } });
            return {
                healthy: report.healthy,
                detail: `${report.lastStatus ?? "no answer"} after ${report.attempts.length} attempt(s): ${report.lastReason}`,
            };
        },
    };
}


/***/ })

};
