export const id = 487;
export const ids = [487];
export const modules = {

/***/ 1715:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  registerDb: () => (/* binding */ registerDb)
});

// EXTERNAL MODULE: ./.build/js/core/audit.js
var audit = __webpack_require__(113);
// EXTERNAL MODULE: ./.build/js/store/audit.js + 3 modules
var store_audit = __webpack_require__(7091);
// EXTERNAL MODULE: ./.build/js/store/db.js
var store_db = __webpack_require__(6522);
// EXTERNAL MODULE: ./.build/js/store/migrate.js
var migrate = __webpack_require__(1243);
// EXTERNAL MODULE: ./.build/js/store/poll-log.js
var poll_log = __webpack_require__(6742);
// EXTERNAL MODULE: ./.build/js/core/audit-checkpoint.js
var audit_checkpoint = __webpack_require__(9856);
// EXTERNAL MODULE: ./.build/js/core/errors.js
var errors = __webpack_require__(1723);
// EXTERNAL MODULE: ./.build/js/store/chain.js
var chain = __webpack_require__(6379);
// EXTERNAL MODULE: ./.build/js/store/checkpoints.js
var checkpoints = __webpack_require__(5221);
;// CONCATENATED MODULE: ./.build/js/store/prune.js






/**
 * Deletes the audit rows older than the retention (seed 000: two years) while keeping the chain verifiable:
 * only a prefix of the chain goes (the rows up to the last position before the first row that is still
 * inside the retention, and never the head), so a row written late with an old time (a spool replay) waits
 * for the rows before it (the genesis row's own time does not hold anything back). Before deleting, a checkpoint of the pruned prefix (its last position and
 * row_hash) is stored, signed when a key is given, so that the remaining chain verifies from there. Rows
 * outside the chain (no position) go by their time alone.
 */
async function pruneAuditTrail(client, opts) {
    const name = opts.table?.trim() || migrate/* DEFAULT_TABLES */.uB.audit;
    const table = (0,store_db/* quoteIdent */.v4)("table", name);
    const batch = Math.max(1, Math.min(opts.batchSize ?? 5000, 100_000));
    try {
        const head = await (0,chain/* readHead */.zy)(client, name);
        let last = -1;
        if (head) {
            const kept = await client.query(`SELECT min(position)::text AS p FROM ${table} WHERE position > 0 AND created_at >= $1`, [opts.before]);
            const firstKept = kept.rows[0]?.p;
            last = Math.min(head.position - 1, firstKept === null || firstKept === undefined ? Infinity : Number(firstKept) - 1);
            // The genesis row goes only with older rows after it, never alone.
            if (last === 0)
                last = -1;
        }
        const prefix = await client.query(`SELECT count(*)::text AS n, min(position)::text AS first FROM ${table} WHERE position <= $1`, [last]);
        const chained = Number(prefix.rows[0]?.n ?? 0);
        const unchainedWhere = `position IS NULL AND created_at < $1`;
        const loose = await client.query(`SELECT count(*)::text AS n FROM ${table} WHERE ${unchainedWhere}`, [opts.before]);
        const looseCount = Number(loose.rows[0]?.n ?? 0);
        if (opts.dryRun)
            return { count: chained + looseCount };
        let checkpoint;
        if (chained > 0) {
            const first = Number(prefix.rows[0]?.first);
            if (chained !== last - first + 1) {
                throw new errors/* ProdgateError */.fc(`the audit chain of ${name} has a gap before position ${last}: nothing was pruned (run 'prodgate audit verify')`);
            }
            const pinned = await client.query(`SELECT id::text AS id, row_hash FROM ${table} WHERE position = $1`, [last]);
            const row = pinned.rows[0];
            checkpoint = (0,audit_checkpoint/* buildCheckpoint */.tW)({
                table: name,
                position: last,
                rowId: row.id,
                headHash: row.row_hash,
                time: opts.now ?? new Date(),
                reason: "prune",
                prunedRows: chained,
            }, opts.signingKey);
            await (0,checkpoints/* insertCheckpoint */.Ox)(client, name, checkpoint);
        }
        let total = 0;
        for (const [where, param] of [
            [`position <= $1`, last],
            [unchainedWhere, opts.before],
        ]) {
            for (;;) {
                const res = await client.query(`DELETE FROM ${table} WHERE id IN (SELECT id FROM ${table} WHERE ${where} ORDER BY id LIMIT $2)`, [param, batch]);
                total += res.rowCount ?? 0;
                if ((res.rowCount ?? 0) < batch)
                    break;
            }
        }
        return { count: total, ...(checkpoint ? { checkpoint } : {}) };
    }
    catch (err) {
        if (err instanceof errors/* ProdgateError */.fc)
            throw err;
        throw (0,store_db/* dbFailure */.LU)("cannot prune the audit log", err);
    }
}
/** pruneAuditTrail, returning how many rows (would) go. */
async function pruneAuditLog(client, opts) {
    return (await pruneAuditTrail(client, opts)).count;
}

// EXTERNAL MODULE: ./.build/js/cli/terminal.js
var terminal = __webpack_require__(6481);
// EXTERNAL MODULE: ./.build/js/cli/commands/audit.js + 1 modules
var commands_audit = __webpack_require__(819);
// EXTERNAL MODULE: ./.build/js/cli/commands/audit-chain.js
var audit_chain = __webpack_require__(6727);
;// CONCATENATED MODULE: ./.build/js/cli/commands/db.js









function registerDb(program, ctx) {
    const db = program.command("db").description("The prodgate tables in Postgres (DATABASE_URL)");
    db.command("migrate")
        .description("Apply pending migrations (each in a transaction; concurrent runners wait for each other)")
        .option("--table <name>", "the audit table", "console_audit_log")
        .option("--json", "print the migrations applied as JSON on stdout")
        .action(async (opts) => {
        const client = await (0,store_db/* connect */.Ng)((0,commands_audit.databaseUrlFromEnv)(ctx));
        try {
            const applied = await (0,migrate/* migrateUp */.Pi)(client, { audit: opts.table });
            // Rows written before the chain existed are chained now, after a genesis row.
            const store = await store_audit/* AuditStore */.f.open((0,commands_audit.databaseUrlFromEnv)(ctx), { table: opts.table, migrate: false });
            await store.ensureChain().finally(() => store.close());
            if (opts.json)
                ctx.json({ applied });
            else if (applied.length)
                ctx.reporter.info((0,terminal/* paint */.nI)(`applied: ${applied.join(", ")}`, "green"));
            else
                ctx.reporter.info("up to date: no migration pending");
        }
        finally {
            await client.end().catch(() => { });
        }
    });
    db.command("prune")
        .description("Delete audit rows older than the retention (two years unless --older-than says otherwise) and status-sweep poll rows older than theirs (30 days unless --poll-older-than says otherwise)")
        .option("--older-than <age>", "the audit retention: 2y, 18mo, 90d, 12w, 36h", "2y")
        .option("--table <name>", "the audit table", "console_audit_log")
        .option("--poll-older-than <age>", "the poll-log retention, written like --older-than", "30d")
        .option("--poll-table <name>", "the status sweep's poll table", poll_log/* DEFAULT_POLL_TABLE */.Fk)
        .option("--dry-run", "count the rows that would be deleted, delete nothing")
        .option("--json", "print the result as JSON on stdout")
        .action(async (opts) => {
        const now = new Date();
        const before = (0,audit/* retentionCutoff */.c3)("--older-than", opts.olderThan, now);
        const pollBefore = (0,audit/* retentionCutoff */.c3)("--poll-older-than", opts.pollOlderThan, now);
        const url = (0,commands_audit.databaseUrlFromEnv)(ctx);
        const signingKey = (0,audit_chain/* signingKeyFromEnv */.I)(ctx, false);
        // The chain must exist before its prefix can be pruned behind a checkpoint.
        await (await store_audit/* AuditStore */.f.open(url, { table: opts.table })).close();
        const client = await (0,store_db/* connect */.Ng)(url);
        try {
            const pruned = await pruneAuditTrail(client, {
                before,
                table: opts.table,
                dryRun: opts.dryRun,
                signingKey,
                now,
            });
            const count = pruned.count;
            const doing = opts.dryRun ? "would delete" : "deleted";
            if (pruned.checkpoint && !opts.json)
                ctx.reporter.info(pruned.checkpoint.signature
                    ? `checkpoint of the pruned prefix (position ${pruned.checkpoint.position}) signed and stored: ${JSON.stringify(pruned.checkpoint)}`
                    : `checkpoint of the pruned prefix (position ${pruned.checkpoint.position}) stored NOT signed: set PRODGATE_AUDIT_SIGNING_KEY so that it can be proven`);
            if (!opts.json)
                ctx.reporter.info(`${doing} ${count} audit row(s) of ${opts.table} created before ${before.toISOString()}`);
            let pollExists;
            let pollCount = 0;
            try {
                pollExists = await (0,poll_log/* pollLogExists */.sE)(client, opts.pollTable);
                if (pollExists)
                    pollCount = await (0,poll_log/* prunePollLog */.gH)(client, pollBefore, opts.pollTable, { dryRun: opts.dryRun });
            }
            catch (err) {
                throw (0,store_db/* dbFailure */.LU)("cannot prune the poll log", err, url);
            }
            if (opts.json)
                ctx.json({
                    table: opts.table,
                    before: before.toISOString(),
                    dryRun: Boolean(opts.dryRun),
                    count,
                    checkpoint: pruned.checkpoint ?? null,
                    poll: {
                        table: opts.pollTable,
                        before: pollBefore.toISOString(),
                        exists: pollExists,
                        count: pollCount,
                    },
                });
            else if (pollExists)
                ctx.reporter.info(`${doing} ${pollCount} poll row(s) of ${opts.pollTable} polled before ${pollBefore.toISOString()}`);
            else
                ctx.reporter.info(`no poll table ${opts.pollTable}: no poll row to delete`);
        }
        finally {
            await client.end().catch(() => { });
        }
    });
}


/***/ }),

/***/ 333:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ escapeMd)
/* harmony export */ });
/** Markdown helpers for the renderers (job summaries, comments, issues). Pure. */
/** Escapes text for one line of GitHub Markdown (a table cell, a heading): markup characters, newlines. */
function escapeMd(text) {
    return text.replace(/[|\\`*_[\]<>]/g, (c) => `\\${c}`).replace(/\r?\n/g, " ");
}


/***/ })

};
