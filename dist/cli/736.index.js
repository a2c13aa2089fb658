export const id = 736;
export const ids = [736];
export const modules = {

/***/ 4708:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ runPool)
/* harmony export */ });
/* harmony import */ var _core_ports_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6482);

async function runPool(items, options, worker) {
    const results = items.map(() => ({ status: "deadline" }));
    const controller = new AbortController();
    const finished = new AbortController();
    const concurrency = Math.max(1, Math.min(options.concurrency, items.length));
    const clock = options.clock ?? _core_ports_js__WEBPACK_IMPORTED_MODULE_0__/* .systemClock */ .m;
    let next = 0;
    let done = 0;
    const deadline = new Promise((resolve) => {
        if (options.deadlineMs === undefined)
            return;
        clock.sleep(options.deadlineMs, finished.signal).then(() => {
            controller.abort(new Error("sweep deadline reached"));
            resolve("deadline");
        }, () => { });
    });
    const lane = async () => {
        while (!controller.signal.aborted) {
            const i = next++;
            if (i >= items.length)
                return;
            const task = (async () => worker(items[i], i, controller.signal))().then((value) => ({ status: "fulfilled", value }), (reason) => ({ status: "rejected", reason }));
            const settled = await Promise.race([task, deadline]);
            if (settled === "deadline" || controller.signal.aborted)
                return;
            results[i] = settled;
            options.onSettled?.(++done, items.length);
        }
    };
    try {
        await Promise.race([Promise.all(Array.from({ length: concurrency }, lane)), deadline]);
    }
    finally {
        finished.abort();
    }
    return results;
}


/***/ }),

/***/ 3736:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  pagesSurface: () => (/* binding */ pagesSurface)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./.build/js/core/pages.js
var core_pages = __webpack_require__(4366);
// EXTERNAL MODULE: ./.build/js/core/surface.js
var surface = __webpack_require__(6061);
// EXTERNAL MODULE: ./.build/js/vendors/cloudflare-pages.js
var cloudflare_pages = __webpack_require__(7868);
// EXTERNAL MODULE: ./.build/js/core/errors.js
var errors = __webpack_require__(1723);
// EXTERNAL MODULE: ./.build/js/core/ports.js
var core_ports = __webpack_require__(6482);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./node_modules/blake3-wasm/dist/index.js
var dist = __webpack_require__(6810);
// EXTERNAL MODULE: ./node_modules/mime-types/index.js
var mime_types = __webpack_require__(4096);
;// CONCATENATED MODULE: ./.build/js/vendors/pages-files.js






/**
 * Wrangler's asset hash (src/pages/hash.ts): BLAKE3 of the file's base64 text followed by its extension
 * without the dot, the first 32 hex digits.
 */
function hashAsset(content, fileName) {
    const extension = (0,external_node_path_.extname)(fileName).substring(1);
    return dist.hash(content.toString("base64") + extension)
        .toString("hex")
        .slice(0, 32);
}
function contentTypeOf(name) {
    return (0,mime_types.lookup)(name) || "application/octet-stream";
}
/** Refuses a build directory that is missing or not a directory, before anything is sent anywhere. */
async function checkBuildDirectory(directory, label = directory) {
    let st;
    try {
        st = await (0,promises_.stat)((0,external_node_path_.resolve)(directory));
    }
    catch {
        throw new core_pages/* PagesLimitError */.SS(`${label} does not exist: build the site first, or fix 'directory'`);
    }
    if (!st.isDirectory())
        throw new core_pages/* PagesLimitError */.SS(`${label} is not a directory`);
}
/** Reads a build directory: its assets (name order), refusing a file over 25 MiB or more than `maxFiles` files. */
async function readBuildDirectory(directory, opts = {}) {
    const root = (0,external_node_path_.resolve)(directory);
    const label = opts.label ?? directory;
    const maxFiles = opts.maxFiles ?? core_pages/* PAGES_MAX_FILES */.cI;
    await checkBuildDirectory(root, label);
    const found = [];
    const walk = async (dir) => {
        const entries = await (0,promises_.readdir)(dir);
        for (const entry of entries.sort()) {
            const path = (0,external_node_path_.join)(dir, entry);
            const name = (0,external_node_path_.relative)(root, path).split(external_node_path_.sep).join("/");
            if ((0,core_pages/* pagesIgnored */.fo)(name))
                continue;
            const st = await (0,promises_.stat)(path); // follows symbolic links, as wrangler does
            if (st.isDirectory())
                await walk(path);
            else if (st.isFile()) {
                if (st.size > core_pages/* PAGES_MAX_FILE_BYTES */.J2)
                    throw (0,core_pages/* fileTooLarge */.ME)(name, st.size);
                found.push({ name, path, size: st.size });
            }
        }
    };
    await walk(root);
    if (found.length > maxFiles)
        throw (0,core_pages/* tooManyFiles */.Z)(found.length, maxFiles, label);
    const assets = [];
    for (const f of found)
        assets.push({
            name: f.name,
            path: f.path,
            sizeInBytes: f.size,
            contentType: contentTypeOf(f.name),
            hash: hashAsset(await (0,promises_.readFile)(f.path), f.name),
        });
    return assets.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
/** Reads an asset's bytes as base64 for the upload request. */
async function assetBase64(asset) {
    return (await (0,promises_.readFile)(asset.path)).toString("base64");
}
/** Whether the directory holds `_worker.js` (Pages Functions in advanced mode, which must be bundled first). */
function hasWorkerScript(directory) {
    return (0,external_node_fs_.existsSync)((0,external_node_path_.join)(directory, "_worker.js"));
}
/** The directory's `_headers` and `_redirects`, which a deployment takes as files beside the manifest. */
function readConfigFiles(directory) {
    const read = (name) => {
        const path = (0,external_node_path_.join)(directory, name);
        return (0,external_node_fs_.existsSync)(path) ? (0,external_node_fs_.readFileSync)(path, "utf8") : undefined;
    };
    const headers = read("_headers");
    const redirects = read("_redirects");
    return {
        ...(headers !== undefined ? { headers } : {}),
        ...(redirects !== undefined ? { redirects } : {}),
    };
}

// EXTERNAL MODULE: ./.build/js/pipelines/pool.js
var pool = __webpack_require__(4708);
;// CONCATENATED MODULE: ./.build/js/pipelines/pages-release.js





/**
 * The live version: the deployment serving production (Cloudflare's canonical deployment, which is the newest
 * successful production deployment unless production was rolled back) and the commit it was made from.
 */
async function pagesLiveVersion(pages, project) {
    const p = await pages.project(project);
    const deployment = p.canonical_deployment ?? undefined;
    return { deployment, commit: commitOf(deployment) };
}
async function releaseToPages(settings, ports) {
    const clock = ports.clock ?? core_ports/* systemClock */.m;
    const started = clock.now().getTime();
    const { pages, reporter } = ports;
    const { project, directory } = settings;
    await checkBuildDirectory(directory);
    if (hasWorkerScript(directory))
        throw new errors/* ProdgateError */.fc(`${directory} holds _worker.js (Pages Functions in advanced mode): it must be bundled, which prodgate does not do. Deploy it with wrangler, or remove it.`);
    const proj = await pages.project(project);
    const branch = settings.branch || proj.production_branch;
    const production = branch === proj.production_branch;
    const previous = proj.canonical_deployment ?? undefined;
    let jwt = await pages.uploadToken(project);
    reporter.secret(jwt);
    const { maxFileCount } = (0,core_pages/* uploadTokenClaims */.KM)(jwt);
    const refresh = async () => {
        jwt = await pages.uploadToken(project);
        reporter.secret(jwt);
    };
    const assets = await readBuildDirectory(directory, { maxFiles: maxFileCount, label: directory });
    const bytes = assets.reduce((n, a) => n + a.sizeInBytes, 0);
    reporter.info(`${directory}: ${assets.length} files, ${formatBytes(bytes)}`);
    /**
     * Runs an asset-store call with a live upload token: a new one is fetched when it expires within a minute,
     * and once more when Cloudflare refuses it (401).
     */
    const withToken = async (call) => {
        const expires = (0,core_pages/* uploadTokenClaims */.KM)(jwt).expiresAt;
        if (expires && expires.getTime() - clock.now().getTime() < 60_000)
            await refresh();
        try {
            return await call(jwt);
        }
        catch (err) {
            if (!(err instanceof errors/* VendorError */.Hi) || err.status !== 401)
                throw err;
            reporter.info("Cloudflare refused the upload token; fetching a new one");
            await refresh();
            return call(jwt);
        }
    };
    const hashes = [...new Set(assets.map((a) => a.hash))];
    const missing = new Set(await withToken((t) => pages.checkMissing(t, hashes)));
    const toUpload = uniqueByHash(assets.filter((a) => missing.has(a.hash)));
    const buckets = (0,core_pages/* uploadBuckets */.Tc)(toUpload);
    const uploaded = { files: 0, bytes: 0, requests: 0 };
    if (toUpload.length)
        reporter.info(`Uploading ${toUpload.length} new files (${formatBytes(toUpload.reduce((n, a) => n + a.sizeInBytes, 0))}) in ${buckets.length} request${buckets.length === 1 ? "" : "s"}; ${assets.length - toUpload.length} already on Cloudflare`);
    else
        reporter.info(`All ${assets.length} files are already on Cloudflare; nothing to upload`);
    const outcomes = await (0,pool/* runPool */.k)(buckets, { concurrency: settings.concurrency ?? core_pages/* PAGES_UPLOAD_CONCURRENCY */.dE }, async (bucket) => {
        const payload = await Promise.all(bucket.map(async (a) => ({
            key: a.hash,
            value: await assetBase64(a),
            metadata: { contentType: a.contentType },
            base64: true,
        })));
        await withToken((t) => pages.uploadAssets(t, payload));
        uploaded.requests++;
        uploaded.files += bucket.length;
        uploaded.bytes += bucket.reduce((n, a) => n + a.sizeInBytes, 0);
    });
    const failed = outcomes.find((o) => o.status === "rejected");
    if (failed && failed.status === "rejected")
        throw new errors/* ProdgateError */.fc(`Uploading files to Cloudflare Pages failed: ${failed.reason?.message ?? String(failed.reason)}`);
    try {
        await withToken((t) => pages.upsertHashes(t, hashes));
    }
    catch (err) {
        reporter.warning(`Cloudflare did not record the file hashes (${err.message}); the deploy goes on, the next one may upload files again`);
    }
    const manifest = (0,core_pages/* pagesManifest */.MC)(assets);
    const form = {
        manifest,
        branch,
        ...(settings.commitHash ? { commitHash: settings.commitHash } : {}),
        ...(settings.commitMessage ? { commitMessage: settings.commitMessage } : {}),
        ...readConfigFiles(directory),
    };
    let deployment = await createOnce(pages, project, form, proj, reporter, clock);
    reporter.info(`Created deployment ${deployment.id} (${deployment.environment}): ${deployment.url}`);
    deployment = await waitForStages(pages, project, deployment, reporter, clock, settings.stageTimeoutMs ?? 300_000);
    if ((0,core_pages/* deploymentState */.DY)(deployment) === "failure")
        throw new errors/* ProdgateError */.fc(`Cloudflare Pages deployment ${deployment.id} of ${project} failed at ${(0,core_pages/* failedStage */.g4)(deployment)}; production still serves ${previous ? previous.id : "nothing"}.`);
    if (production) {
        const now = await pages.project(project);
        const serving = now.canonical_deployment;
        if (serving?.id !== deployment.id)
            throw new errors/* ProdgateError */.fc(`Cloudflare Pages deployment ${deployment.id} of ${project} succeeded, but production serves ${serving?.id ?? "nothing"}: it did not become the production deployment.`);
    }
    return {
        project,
        deployment,
        previous,
        production,
        branch,
        domain: (0,core_pages/* productionDomain */.S9)(proj),
        files: assets.length,
        uploaded,
        manifest,
        durationMs: clock.now().getTime() - started,
    };
}
function uniqueByHash(assets) {
    const seen = new Set();
    return assets.filter((a) => {
        if (seen.has(a.hash))
            return false;
        seen.add(a.hash);
        return true;
    });
}
/**
 * Creates the deployment. A create is not repeated blindly: after an answer that may have been lost, the
 * newest deployments are read first, and one made from this commit on this branch since the attempt began
 * is taken as the result.
 */
async function createOnce(pages, project, form, proj, reporter, clock) {
    const known = new Set([proj.latest_deployment?.id].filter(Boolean));
    const attempts = 4;
    for (let attempt = 1;; attempt++) {
        try {
            return await pages.createDeployment(project, form);
        }
        catch (err) {
            const ambiguous = err instanceof errors/* VendorError */.Hi && (err.retryable || err.status === 429);
            if (!ambiguous || attempt >= attempts)
                throw err;
            const waitMs = err.status === 429 ? 2_000 * attempt : 1_000 * attempt;
            reporter.warning(`Creating the deployment got no clear answer (${err.message}); checking again in ${waitMs} ms`);
            await clock.sleep(waitMs);
            const recent = await pages
                .deployments(project, { page: 1, perPage: 5 })
                .then((r) => r.deployments)
                .catch(() => []);
            const made = recent.find((d) => !known.has(d.id) &&
                d.deployment_trigger?.metadata?.branch === form.branch &&
                (form.commitHash ? d.deployment_trigger?.metadata?.commit_hash === form.commitHash : true));
            if (made) {
                reporter.info(`The deployment was created after all: ${made.id}`);
                return made;
            }
        }
    }
}
/** Reads the deployment until its stages finish: 0.5 s, 1 s, 2 s, ... apart (10 s at most), up to `timeoutMs`. */
async function waitForStages(pages, project, deployment, reporter, clock, timeoutMs) {
    let current = deployment;
    const deadline = clock.now().getTime() + timeoutMs;
    for (let i = 0; (0,core_pages/* deploymentState */.DY)(current) === "pending"; i++) {
        if (clock.now().getTime() > deadline)
            throw new errors/* ProdgateError */.fc(`Cloudflare Pages deployment ${current.id} of ${project} is still at ${current.latest_stage.name} (${current.latest_stage.status}) after ${Math.round(timeoutMs / 1000)} s`);
        if (i > 0)
            reporter.info(`Deployment ${current.id}: ${current.latest_stage.name} (${current.latest_stage.status})`);
        await clock.sleep(Math.min(10_000, 500 * 2 ** Math.min(i, 5)));
        current = await pages.deployment(project, current.id);
    }
    return current;
}
function formatBytes(n) {
    if (n < 1024)
        return `${n} B`;
    if (n < 1024 * 1024)
        return `${(n / 1024).toFixed(1)} KiB`;
    return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

// EXTERNAL MODULE: ./.build/js/pipelines/pages-rollback.js
var pages_rollback = __webpack_require__(5437);
;// CONCATENATED MODULE: ./.build/js/pipelines/surface-pages.js






function pagesSurface(project, settings, deps) {
    const { reporter, clock } = deps;
    const pages = deps.pages ??
        new cloudflare_pages/* CloudflarePagesClient */.n({
            apiToken: settings.apiToken,
            accountId: settings.accountId,
            baseUrl: settings.baseUrl,
            clock,
            onRetry: (m) => reporter.warning(m),
        });
    const directory = (0,external_node_path_.resolve)(deps.cwd, settings.directory);
    return {
        kind: "cloudflare-pages",
        target: project,
        method: "direct-upload",
        auditContext: { surface: "cloudflare-pages", method: "direct-upload" },
        requiresHealthUrl: false,
        async inspect() {
            const proj = await pages.project(project);
            const live = proj.canonical_deployment ?? undefined;
            return {
                sha: (0,core_pages/* commitOf */.D3)(live),
                label: live?.short_id,
                url: `https://${(0,core_pages/* productionDomain */.S9)(proj)}`,
                healthUrl: new URL((0,core_pages/* pagesHealthUrl */.oq)(proj)),
            };
        },
        async liveSha() {
            return (0,core_pages/* commitOf */.D3)((await pages.project(project)).canonical_deployment);
        },
        async ship(sha) {
            const r = await releaseToPages({ project, directory, commitHash: sha }, { pages, reporter, clock });
            return {
                release: r.deployment.short_id,
                releaseId: r.deployment.id,
                previousRelease: r.previous?.short_id,
                previousReleaseId: r.previous?.id,
                fromSha: (0,core_pages/* commitOf */.D3)(r.previous),
                url: `https://${r.domain}`,
                alreadyLive: false,
                noRollback: r.previous
                    ? undefined
                    : `${project} had no production deployment before this one: nothing to roll back to`,
                context: {
                    deployment_id: r.deployment.id,
                    deployment_url: r.deployment.url,
                    previous_deployment_id: r.previous?.id,
                    files: r.files,
                    uploaded_files: r.uploaded.files,
                    uploaded_bytes: r.uploaded.bytes,
                },
            };
        },
        async rollBack(shipped) {
            const rb = await (0,pages_rollback/* rollbackPages */.F)({ project, deployment: shipped.previousReleaseId }, { pages, reporter, clock });
            return {
                to: rb.target.short_id,
                toSha: (0,core_pages/* commitOf */.D3)(rb.target),
                context: { deployment_id: rb.target.id, rolled_back_from: rb.before.id },
            };
        },
        rollbackHint: () => (0,surface/* rollbackHint */.If)("cloudflare-pages", project),
    };
}


/***/ })

};
