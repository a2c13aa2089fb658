export const id = 237;
export const ids = [237];
export const modules = {

/***/ 6727:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ signingKeyFromEnv),
/* harmony export */   U: () => (/* binding */ registerAuditChain)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_events__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8474);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3024);
/* harmony import */ var _core_audit_checkpoint_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9856);
/* harmony import */ var _core_audit_verify_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7999);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1723);
/* harmony import */ var _store_audit_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7091);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6773);
/* harmony import */ var _prompt_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(4307);
/* harmony import */ var _terminal_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(6481);
/* harmony import */ var _audit_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(819);











/** PRODGATE_AUDIT_SIGNING_KEY, masked before anything can print it, parsed; undefined when unset. */
function signingKeyFromEnv(ctx, required) {
    const raw = (0,_context_js__WEBPACK_IMPORTED_MODULE_7__/* .envSecret */ .eo)(ctx, "PRODGATE_AUDIT_SIGNING_KEY", false);
    if (!raw) {
        if (required)
            throw new _context_js__WEBPACK_IMPORTED_MODULE_7__/* .ExitError */ .RS("PRODGATE_AUDIT_SIGNING_KEY is not set: export the key `prodgate audit keygen` printed (it is never taken as a flag)", _context_js__WEBPACK_IMPORTED_MODULE_7__/* .EXIT */ .dc.usage);
        return undefined;
    }
    for (const line of raw.split(/\r?\n/))
        if (line.trim().length >= 8)
            ctx.reporter.secret(line.trim());
    return (0,_core_audit_checkpoint_js__WEBPACK_IMPORTED_MODULE_3__/* .parseSigningKey */ .UG)("PRODGATE_AUDIT_SIGNING_KEY", raw);
}
/** --public-key: the key itself, or a file holding it; else PRODGATE_AUDIT_PUBLIC_KEY; else the signing key's. */
function publicKeyFrom(ctx, flag) {
    if (flag) {
        const text = (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.existsSync)(flag) ? (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.readFileSync)(flag, "utf8") : flag;
        return (0,_core_audit_checkpoint_js__WEBPACK_IMPORTED_MODULE_3__/* .parsePublicKey */ .ee)("--public-key", text);
    }
    const env = ctx.env.PRODGATE_AUDIT_PUBLIC_KEY?.trim();
    if (env)
        return (0,_core_audit_checkpoint_js__WEBPACK_IMPORTED_MODULE_3__/* .parsePublicKey */ .ee)("PRODGATE_AUDIT_PUBLIC_KEY", env);
    return signingKeyFromEnv(ctx, false);
}
function readCheckpointFile(file) {
    let raw;
    try {
        raw = (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.readFileSync)(file, "utf8");
    }
    catch {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz("--checkpoint", `cannot read ${file}`);
    }
    return { source: file, doc: (0,_core_audit_checkpoint_js__WEBPACK_IMPORTED_MODULE_3__/* .parseCheckpointJson */ .eu)(`--checkpoint ${file}`, raw) };
}
function registerAuditChain(audit, ctx, io = {}) {
    const now = io.now ?? (() => new Date());
    audit
        .command("verify")
        .description("Recompute the hash chain and check every checkpoint: exit 0 when it holds, 1 naming the first break (modified, inserted, deleted, out_of_order, truncated, rewritten, bad_checkpoint) and its row id")
        .option("--table <name>", "the audit table", "console_audit_log")
        .option("--checkpoint <file>", "a checkpoint document saved outside the database (repeatable)", (v, all) => [...all, v], [])
        .option("--public-key <key>", "the Ed25519 public key (base64, PEM, or a file holding it); default PRODGATE_AUDIT_PUBLIC_KEY, or the key of PRODGATE_AUDIT_SIGNING_KEY")
        .option("--json", "print the report as JSON on stdout")
        .action(async (opts) => {
        const given = opts.checkpoint.map(readCheckpointFile);
        const publicKey = publicKeyFrom(ctx, opts.publicKey);
        if (given.length && !publicKey)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz("--public-key", "is required to check a --checkpoint (the key `prodgate audit keygen` printed)");
        const url = (0,_audit_js__WEBPACK_IMPORTED_MODULE_10__.databaseUrlFromEnv)(ctx);
        // Read-only: verification migrates nothing and writes nothing.
        const store = await _store_audit_js__WEBPACK_IMPORTED_MODULE_6__/* .AuditStore */ .f.open(url, { table: opts.table, migrate: false });
        try {
            const report = await store.verify({ publicKey, checkpoints: given });
            if (opts.json)
                ctx.json(report);
            if (!report.ok)
                throw new _context_js__WEBPACK_IMPORTED_MODULE_7__/* .ExitError */ .RS((0,_core_audit_verify_js__WEBPACK_IMPORTED_MODULE_4__/* .describeReport */ .As)(report), _context_js__WEBPACK_IMPORTED_MODULE_7__/* .EXIT */ .dc.failed);
            ctx.reporter.info((0,_terminal_js__WEBPACK_IMPORTED_MODULE_9__/* .paint */ .nI)((0,_core_audit_verify_js__WEBPACK_IMPORTED_MODULE_4__/* .describeReport */ .As)(report), "green"));
            if (!publicKey && report.checkpoints.total)
                ctx.reporter.warning("checkpoint signatures were not checked: pass --public-key");
        }
        finally {
            await store.close();
        }
    });
    audit
        .command("checkpoint")
        .description("Sign a checkpoint of the chain's head with PRODGATE_AUDIT_SIGNING_KEY, store it, and write the document (for --checkpoint) to FILE or stdout")
        .option("--table <name>", "the audit table", "console_audit_log")
        .option("--out <file>", "write the document here instead of stdout")
        .action(async (opts) => {
        const key = signingKeyFromEnv(ctx, true);
        const store = await _store_audit_js__WEBPACK_IMPORTED_MODULE_6__/* .AuditStore */ .f.open((0,_audit_js__WEBPACK_IMPORTED_MODULE_10__.databaseUrlFromEnv)(ctx), { table: opts.table });
        try {
            const doc = await store.checkpoint(key, "manual", now());
            const text = (0,_core_audit_checkpoint_js__WEBPACK_IMPORTED_MODULE_3__/* .serialiseCheckpoint */ .KJ)(doc);
            if (opts.out) {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.writeFileSync)(opts.out, text, { mode: 0o644 });
                ctx.reporter.info(`checkpoint of ${doc.table} at position ${doc.position} written to ${opts.out}`);
            }
            else
                process.stdout.write(text);
        }
        finally {
            await store.close();
        }
    });
    audit
        .command("erase")
        .description("Erase a person from the audit log (seed 002 §10): their actor and approver values become a tombstone and lose their salts, every hash still verifies, and an audit.erased row records who erased how many rows")
        .requiredOption("--actor <email>", "the person to erase (matched ignoring case)")
        .option("--confirm <phrase>", 'the confirmation "erase EMAIL", for running without a terminal')
        .option("--as <email>", "who is erasing (default PRODGATE_ACTOR, then git config user.email)")
        .option("--table <name>", "the audit table", "console_audit_log")
        .option("--json", "print the result as JSON on stdout")
        .action(async (opts) => {
        const subject = opts.actor.trim();
        if (!subject)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz("--actor", "is required");
        const phrase = `erase ${subject}`;
        const prompter = io.prompter ?? (0,_prompt_js__WEBPACK_IMPORTED_MODULE_8__/* .terminalPrompter */ .kZ)();
        if (opts.confirm !== undefined) {
            if (opts.confirm !== phrase)
                throw new _context_js__WEBPACK_IMPORTED_MODULE_7__/* .ExitError */ .RS(`refused: --confirm must be exactly '${phrase}'. Nothing was erased.`, _context_js__WEBPACK_IMPORTED_MODULE_7__/* .EXIT */ .dc.refused);
        }
        else if (!prompter.interactive) {
            throw new _context_js__WEBPACK_IMPORTED_MODULE_7__/* .ExitError */ .RS(`refused: no terminal to confirm on. Pass --confirm "${phrase}". Nothing was erased.`, _context_js__WEBPACK_IMPORTED_MODULE_7__/* .EXIT */ .dc.refused);
        }
        const operator = await (0,_prompt_js__WEBPACK_IMPORTED_MODULE_8__/* .resolveActor */ .iy)(opts.as, ctx.env, process.cwd());
        const url = (0,_audit_js__WEBPACK_IMPORTED_MODULE_10__.databaseUrlFromEnv)(ctx);
        if (opts.confirm === undefined) {
            const answer = await prompter.ask(`${(0,_terminal_js__WEBPACK_IMPORTED_MODULE_9__/* .paint */ .nI)(`Type '${phrase}' to erase them from ${opts.table}:`, "bold")} `);
            if (answer !== phrase)
                throw new _context_js__WEBPACK_IMPORTED_MODULE_7__/* .ExitError */ .RS(`aborted: the answer is not '${phrase}'. Nothing was erased.`, _context_js__WEBPACK_IMPORTED_MODULE_7__/* .EXIT */ .dc.refused);
        }
        const store = await _store_audit_js__WEBPACK_IMPORTED_MODULE_6__/* .AuditStore */ .f.open(url, { table: opts.table });
        try {
            const result = await store.erase(subject, operator.email, now());
            if (opts.json)
                ctx.json({
                    rows: result.rows,
                    erasure: { id: result.erasure.id, position: result.erasure.position },
                });
            ctx.reporter.info((0,_terminal_js__WEBPACK_IMPORTED_MODULE_9__/* .paint */ .nI)(`erased from ${result.rows} row(s); recorded as audit.erased row #${result.erasure.id} (position ${result.erasure.position})`, "green"));
        }
        finally {
            await store.close();
        }
    });
    audit
        .command("export")
        .description('Write the rows and checkpoints as JSON lines (docs/audit-chain.md, "Export") to FILE or stdout')
        .option("--format <format>", "jsonl (the only format)", "jsonl")
        .option("--table <name>", "the audit table", "console_audit_log")
        .option("--out <file>", "write here instead of stdout")
        .action(async (opts) => {
        if (opts.format !== "jsonl")
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz("--format", `must be jsonl; got '${opts.format}'`);
        const store = await _store_audit_js__WEBPACK_IMPORTED_MODULE_6__/* .AuditStore */ .f.open((0,_audit_js__WEBPACK_IMPORTED_MODULE_10__.databaseUrlFromEnv)(ctx), { table: opts.table, migrate: false });
        const out = opts.out ? (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.createWriteStream)(opts.out) : process.stdout;
        try {
            const result = await store.export(async (line) => {
                // Rows are stored redacted; the export is written byte for byte, or its hashes would not hold.
                if (!out.write(`${line}\n`))
                    await (0,node_events__WEBPACK_IMPORTED_MODULE_1__.once)(out, "drain");
            }, now());
            ctx.reporter.info(`exported ${result.rows} row(s) and ${result.checkpoints} checkpoint(s) of ${opts.table}`);
        }
        finally {
            await store.close();
            if (opts.out)
                await new Promise((r) => out.end(r));
        }
    });
    audit
        .command("keygen")
        .description("Print a new Ed25519 key pair: the signing key for AUDIT_SIGNING_KEY / PRODGATE_AUDIT_SIGNING_KEY (a secret) and the public key for --public-key")
        .option("--json", "print the pair as JSON")
        .action((opts) => {
        const { privateKey } = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.generateKeyPairSync)("ed25519");
        const pair = (0,_core_audit_checkpoint_js__WEBPACK_IMPORTED_MODULE_3__/* .exportKeyPair */ .A_)(privateKey);
        // Printing the new key is this command's purpose: it goes to stdout only, never to the reporter.
        if (opts.json)
            process.stdout.write(`${JSON.stringify(pair, null, 2)}\n`);
        else
            process.stdout.write(`PRODGATE_AUDIT_SIGNING_KEY=${pair.privateKey}\nPRODGATE_AUDIT_PUBLIC_KEY=${pair.publicKey}\n`);
        ctx.reporter.info(`key ${pair.keyId}: store the signing key as the AUDIT_SIGNING_KEY secret; publish the public key`);
    });
}


/***/ }),

/***/ 819:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  databaseUrlFromEnv: () => (/* binding */ databaseUrlFromEnv),
  registerAudit: () => (/* binding */ registerAudit)
});

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./.build/js/core/errors.js
var errors = __webpack_require__(1723);
// EXTERNAL MODULE: ./.build/js/store/spool.js
var spool = __webpack_require__(7997);
;// CONCATENATED MODULE: ./.build/js/pipelines/audit-replay.js






/**
 * `prodgate audit replay --spool PATH`: PATH is a spool directory, or an artifact the reusable workflows
 * uploaded (`prodgate-audit-spool-<app>-<run>-<attempt>`) as downloaded: the directory `gh run download`
 * makes, or the zip the run page serves. A zip is unpacked by Info-ZIP `unzip` into a private temporary
 * directory that is removed afterwards; the zip itself is left as it is (replaying it again writes nothing
 * twice: every record has its idempotency key).
 */
/** Entries an artifact zip may hold; a spool holds a handful of records. */
const MAX_ENTRIES = 10_000;
async function isZip(path) {
    const handle = await (0,promises_.open)(path, "r");
    try {
        const head = Buffer.alloc(4);
        const { bytesRead } = await handle.read(head, 0, 4, 0);
        // A local file header, or the end-of-central-directory record of an empty archive.
        return bytesRead === 4 && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5);
    }
    finally {
        await handle.close();
    }
}
function unzip(args) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)("unzip", args, { stdio: ["ignore", "pipe", "pipe"] });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (d) => {
            stdout += d;
        });
        child.stderr.on("data", (d) => {
            stderr += d;
        });
        child.on("error", (err) => reject(err.code === "ENOENT"
            ? new errors/* ProdgateError */.fc("reading a zip needs the unzip program (Debian/Ubuntu: apt-get install unzip); or unzip the artifact yourself and pass its directory to --spool")
            : err));
        child.on("close", (code) => resolve({ code, stdout, stderr }));
    });
}
/** Unpacks `zip` into `into`, refusing entries that would land outside it. */
async function extract(zip, into) {
    const listing = await unzip(["-Z1", zip]);
    // An empty archive lists nothing (and unzip says so with status 1).
    if (listing.code !== 0 && !/Empty zipfile/i.test(`${listing.stdout}${listing.stderr}`))
        throw new errors/* InputError */.dz("spool", `is not a readable zip file (${listing.stderr.trim() || `unzip exited ${listing.code}`})`);
    const entries = listing.stdout.split("\n").filter(Boolean);
    if (entries.length > MAX_ENTRIES)
        throw new errors/* InputError */.dz("spool", `holds ${entries.length} entries; a spool artifact holds at most ${MAX_ENTRIES}`);
    for (const entry of entries) {
        if ((0,external_node_path_.isAbsolute)(entry) || /^[A-Za-z]:/.test(entry) || entry.split(/[\\/]/).includes(".."))
            throw new errors/* InputError */.dz("spool", `holds the entry '${entry}', which points outside the archive: refused`);
    }
    if (entries.length === 0)
        return;
    const r = await unzip(["-q", "-n", zip, "-d", into]);
    if (r.code !== 0)
        throw new errors/* InputError */.dz("spool", `could not be unpacked (${r.stderr.trim() || `unzip exited ${r.code}`})`);
}
/** The directory of an unpacked archive that holds the records: its root, or its only folder (a zipped spool folder). */
async function recordsDir(root) {
    const entries = await (0,promises_.readdir)(root, { withFileTypes: true });
    if (entries.some((e) => e.isFile() && e.name.endsWith(".json")))
        return root;
    const dirs = entries.filter((e) => e.isDirectory());
    return dirs.length === 1 && entries.length === 1 ? (0,external_node_path_.join)(root, dirs[0].name) : root;
}
/** Replays the spool at `path` (a directory or a zip of one) into `store`. */
async function replaySpoolFrom(path, store, opts = {}) {
    const info = await (0,promises_.stat)(path).catch((err) => {
        throw new errors/* InputError */.dz("spool", `'${path}' cannot be read (${err.code ?? err.message})`);
    });
    if (info.isDirectory())
        return { ...(await (0,spool/* replaySpool */.B8)(path, store, opts)), archive: false };
    if (!info.isFile() || !(await isZip(path)))
        throw new errors/* InputError */.dz("spool", `'${path}' is neither a spool directory nor a zip of one`);
    const temp = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), "prodgate-replay-"));
    try {
        await extract(path, temp);
        const dir = await recordsDir(temp);
        return { ...(await (0,spool/* replaySpool */.B8)(dir, store, opts)), archive: true };
    }
    finally {
        await (0,promises_.rm)(temp, { recursive: true, force: true });
    }
}

// EXTERNAL MODULE: ./.build/js/store/audit.js + 3 modules
var store_audit = __webpack_require__(7091);
// EXTERNAL MODULE: ./.build/js/store/db.js
var db = __webpack_require__(6522);
// EXTERNAL MODULE: ./.build/js/cli/context.js
var context = __webpack_require__(6773);
// EXTERNAL MODULE: ./.build/js/cli/terminal.js
var terminal = __webpack_require__(6481);
// EXTERNAL MODULE: ./.build/js/cli/commands/audit-chain.js
var audit_chain = __webpack_require__(6727);
;// CONCATENATED MODULE: ./.build/js/cli/commands/audit.js






/** DATABASE_URL from the environment, masked (with its password) before anything can print it. */
function databaseUrlFromEnv(ctx) {
    const url = (0,context/* envSecret */.eo)(ctx, "DATABASE_URL", true) ?? "";
    for (const secret of (0,db/* databaseUrlSecrets */.I6)(url))
        ctx.reporter.secret(secret);
    (0,db/* parseDatabaseUrl */.mx)("DATABASE_URL", url);
    return url;
}
function registerAudit(program, ctx) {
    const audit = program.command("audit").description("The audit log in Postgres (DATABASE_URL)");
    audit
        .command("replay")
        .description("Write spooled audit records (from a failed audit-write) to the database, each exactly once")
        .requiredOption("--spool <path>", "the directory holding the spooled .json records, or a downloaded prodgate-audit-spool artifact (its directory or .zip)")
        .option("--table <name>", "the audit table", "console_audit_log")
        .option("--no-migrate", "do not apply pending migrations first")
        .option("--json", "print the result as JSON on stdout")
        .action(async (opts) => {
        const url = databaseUrlFromEnv(ctx);
        const store = await store_audit/* AuditStore */.f.open(url, { table: opts.table, migrate: opts.migrate });
        try {
            const { archive, ...result } = await replaySpoolFrom(opts.spool, store, {
                onRecord: (file, r) => ctx.reporter.info(r.duplicate ? `${file}: already written as row #${r.id}` : `${file}: written as row #${r.id}`),
            });
            for (const problem of result.invalid)
                ctx.reporter.warning(`skipped: ${problem}`);
            if (opts.json)
                ctx.json(result);
            else
                ctx.reporter.info((0,terminal/* paint */.nI)(`${result.written} written, ${result.duplicates} already there (${archive ? "the zip is left as it is" : `moved to ${opts.spool}/replayed`})`, "green"));
            if (result.invalid.length)
                throw new context/* ExitError */.RS(`${result.invalid.length} file(s) in ${opts.spool} are not audit records`, context/* EXIT */.dc.failed);
        }
        finally {
            await store.close();
        }
    });
    (0,audit_chain/* registerAuditChain */.U)(audit, ctx);
}


/***/ }),

/***/ 4307:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MQ: () => (/* binding */ targetBanner),
/* harmony export */   SN: () => (/* binding */ scriptedPrompter),
/* harmony export */   gG: () => (/* binding */ confirmPhrase),
/* harmony export */   iy: () => (/* binding */ resolveActor),
/* harmony export */   kZ: () => (/* binding */ terminalPrompter),
/* harmony export */   pb: () => (/* binding */ precheckConfirmation)
/* harmony export */ });
/* unused harmony exports EMAIL, gitUserEmail */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_readline__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(481);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7975);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6773);
/* harmony import */ var _terminal_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6481);





const execFileAsync = (0,node_util__WEBPACK_IMPORTED_MODULE_2__.promisify)(node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile);
/**
 * The break-glass gate of a deploy from a terminal (seed 002 §4.1, P1 and P6): a banner naming the target, a
 * typed confirmation phrase that names it too, and an operator who is identified by an email.
 */
/**
 * The coloured "TARGET: PRODUCTION (app)" banner, red for production (one of --production-environments),
 * yellow for any other environment.
 */
function targetBanner(app, environment, production) {
    const text = `TARGET: ${environment.toUpperCase()} (${app})`;
    const width = text.length + 4;
    const colour = production ? "red" : "yellow";
    const line = (s) => (0,_terminal_js__WEBPACK_IMPORTED_MODULE_4__/* .paint */ .nI)(s, colour, "bold");
    return [
        line(`┏${"━".repeat(width)}┓`),
        `${line("┃")}  ${(0,_terminal_js__WEBPACK_IMPORTED_MODULE_4__/* .paint */ .nI)(text, colour, "bold", "inverse")}  ${line("┃")}`,
        line(`┗${"━".repeat(width)}┛`),
    ].join("\n");
}
/** Asks on the terminal: the question on stderr (stdout stays for --json), the answer from stdin. */
function terminalPrompter(input = process.stdin, output = process.stderr) {
    return {
        interactive: Boolean(input.isTTY),
        ask(question) {
            return new Promise((resolve, reject) => {
                const rl = (0,node_readline__WEBPACK_IMPORTED_MODULE_1__.createInterface)({ input, output, terminal: Boolean(input.isTTY) });
                let settled = false;
                const finish = (fn) => {
                    if (settled)
                        return;
                    settled = true;
                    rl.close();
                    fn();
                };
                rl.on("SIGINT", () => {
                    output.write("\n");
                    finish(() => reject(new _context_js__WEBPACK_IMPORTED_MODULE_3__/* .ExitError */ .RS("interrupted at the confirmation prompt: nothing was done", _context_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .dc.interrupted)));
                });
                rl.on("close", () => finish(() => resolve(undefined)));
                rl.question(question, (answer) => finish(() => resolve(answer)));
            });
        },
    };
}
/**
 * Answers every question with `answer`, shown as if typed (the sandbox demo): the question, then the answer a
 * character at a time.
 */
function scriptedPrompter(answer, output = process.stderr, typingDelayMs = 25, signal) {
    return {
        interactive: true,
        async ask(question) {
            output.write(question);
            for (const ch of answer) {
                if (signal?.aborted) {
                    output.write("\n");
                    return undefined;
                }
                output.write((0,_terminal_js__WEBPACK_IMPORTED_MODULE_4__/* .paint */ .nI)(ch, "cyan"));
                if (typingDelayMs > 0)
                    await new Promise((r) => setTimeout(r, typingDelayMs));
            }
            output.write(`   ${(0,_terminal_js__WEBPACK_IMPORTED_MODULE_4__/* .paint */ .nI)("(typed by the demo)", "gray")}\n`);
            return answer;
        },
    };
}
const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;
/** The email of `git config user.email` in `cwd`, or undefined. */
async function gitUserEmail(cwd, env) {
    try {
        const { stdout } = await execFileAsync("git", ["config", "user.email"], { cwd, env });
        return stdout.trim() || undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * The operator, by email (seed 002 open question 4, decided): `--actor`, else PRODGATE_ACTOR, else
 * `git config user.email`. The first one given must be an email; with none, the deploy is refused.
 */
async function resolveActor(flag, env, cwd) {
    const candidates = [
        ["--actor", async () => flag?.trim() || undefined],
        ["PRODGATE_ACTOR", async () => env.PRODGATE_ACTOR?.trim() || undefined],
        ["git config user.email", () => gitUserEmail(cwd, env)],
    ];
    for (const [source, read] of candidates) {
        const value = await read();
        if (value === undefined)
            continue;
        if (!EMAIL.test(value))
            throw new _context_js__WEBPACK_IMPORTED_MODULE_3__/* .ExitError */ .RS(`refused: the actor from ${source} must be an email address; got '${value}'`, _context_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .dc.refused);
        return { email: value, source };
    }
    throw new _context_js__WEBPACK_IMPORTED_MODULE_3__/* .ExitError */ .RS("refused: who is deploying? Every production change is attributed to an email: pass --actor you@example.com, export PRODGATE_ACTOR, or set git config user.email", _context_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .dc.refused);
}
/**
 * Refuses early what can never be confirmed: no terminal to ask on and no --confirm, or a --confirm that is
 * not the phrase. Runs before anything is read from Heroku or written anywhere.
 */
function precheckConfirmation(phrase, confirm, prompter) {
    if (confirm !== undefined) {
        if (confirm !== phrase)
            throw new _context_js__WEBPACK_IMPORTED_MODULE_3__/* .ExitError */ .RS(`refused: --confirm must be exactly '${phrase}'; got '${confirm}'. Nothing was deployed.`, _context_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .dc.refused);
        return;
    }
    if (!prompter.interactive)
        throw new _context_js__WEBPACK_IMPORTED_MODULE_3__/* .ExitError */ .RS(`refused: no terminal to confirm on. Run it in a terminal, or pass --confirm "${phrase}" to confirm without one. Nothing was deployed.`, _context_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .dc.refused);
}
/**
 * The typed confirmation: the answer must be the phrase exactly, else the deploy is aborted having done
 * nothing. A phrase given with --confirm (already checked by precheckConfirmation) stands for the answer.
 */
async function confirmPhrase(phrase, confirm, prompter, say) {
    if (confirm !== undefined) {
        precheckConfirmation(phrase, confirm, prompter);
        say(`Confirmed with --confirm "${phrase}"`);
        return;
    }
    const answer = await prompter.ask(`${(0,_terminal_js__WEBPACK_IMPORTED_MODULE_4__/* .paint */ .nI)(`Type '${phrase}' to continue:`, "bold")} `);
    if (answer === undefined)
        throw new _context_js__WEBPACK_IMPORTED_MODULE_3__/* .ExitError */ .RS("aborted: no answer at the confirmation prompt. Nothing was deployed.", _context_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .dc.refused);
    if (answer !== phrase)
        throw new _context_js__WEBPACK_IMPORTED_MODULE_3__/* .ExitError */ .RS(`aborted: '${answer}' is not '${phrase}'. Nothing was deployed: no audit row, no push.`, _context_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .dc.refused);
}


/***/ }),

/***/ 7997:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B8: () => (/* binding */ replaySpool),
/* harmony export */   h3: () => (/* binding */ recordAudit),
/* harmony export */   he: () => (/* binding */ spoolRecord)
/* harmony export */ });
/* unused harmony export REPLAYED_DIR */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var _core_audit_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(113);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1723);





/** Where replayed spool files are moved, inside the spool directory. */
const REPLAYED_DIR = "replayed";
function spoolFileName(record) {
    const slug = `${record.target}-${record.phase}`.replace(/[^A-Za-z0-9_-]+/g, "-").slice(0, 60);
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)("sha256").update(record.idempotencyKey).digest("hex").slice(0, 16);
    return `audit-${slug}-${hash}.json`;
}
/**
 * Saves a record that could not be written as JSON in `dir` (created 0700; the file 0600, written whole
 * then renamed into place). The name derives from the idempotency key: spooling the same record again
 * replaces its file. Returns the file's path.
 */
async function spoolRecord(dir, record) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(dir, { recursive: true, mode: 0o700 });
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, spoolFileName(record));
    const temp = `${file}.${process.pid}.tmp`;
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(temp, (0,_core_audit_js__WEBPACK_IMPORTED_MODULE_3__/* .serializeAuditRecord */ .d)(record), { mode: 0o600 });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(temp, file);
    return file;
}
/**
 * Writes every spooled record in `dir` (not its subdirectories) to the store, oldest first, and moves each
 * file written into `dir/replayed/`. Idempotent: a record already stored counts as a duplicate. A database
 * failure stops the replay with the files not yet written left in place.
 */
async function replaySpool(dir, store, opts = {}) {
    const entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(dir, { withFileTypes: true });
    const result = { written: 0, duplicates: 0, invalid: [] };
    const records = [];
    for (const entry of entries) {
        if (!entry.isFile() || !entry.name.endsWith(".json"))
            continue;
        try {
            records.push({
                name: entry.name,
                record: (0,_core_audit_js__WEBPACK_IMPORTED_MODULE_3__/* .parseAuditRecordJson */ .GI)(entry.name, await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, entry.name), "utf8")),
            });
        }
        catch (err) {
            result.invalid.push((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .describeError */ .Uc)(err));
        }
    }
    records.sort((a, b) => a.record.createdAt.getTime() - b.record.createdAt.getTime() || a.name.localeCompare(b.name));
    if (records.length)
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, REPLAYED_DIR), { recursive: true, mode: 0o700 });
    for (const { name, record } of records) {
        const written = await store.write(record);
        if (written.duplicate)
            result.duplicates++;
        else
            result.written++;
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, name), (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, REPLAYED_DIR, name));
        opts.onRecord?.(name, written);
    }
    return result;
}
/**
 * Writes a record the way a deploy needs it written. `started`: the row, or an AuditError
 * "audit database unreachable: deploy refused (...)" so that nothing is pushed. `completed`: the row, or
 * when it cannot be written after the store's retries, the record spooled to `spoolDir` (the caller shows
 * it and fails the step). `store` may be a pending open, so that a failure to open counts as unreachable.
 */
async function recordAudit(store, record, opts) {
    try {
        const written = await (await store).write(record, { retries: opts.retries });
        return { spooled: false, ...written };
    }
    catch (err) {
        const reason = (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .describeError */ .Uc)(err);
        if (record.phase === "started")
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .AuditError */ .M_(`${_core_audit_js__WEBPACK_IMPORTED_MODULE_3__/* .AUDIT_REFUSED */ .Z5} (${reason})`);
        let file;
        try {
            file = await spoolRecord(opts.spoolDir, record);
        }
        catch {
            file = undefined;
        }
        return { spooled: true, file, reason };
    }
}


/***/ })

};
