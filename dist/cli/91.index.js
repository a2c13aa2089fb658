export const id = 91;
export const ids = [91];
export const modules = {

/***/ 341:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ sealRow),
/* harmony export */   GP: () => (/* binding */ personalValue),
/* harmony export */   Kc: () => (/* binding */ commitment),
/* harmony export */   Q9: () => (/* binding */ TOMBSTONE),
/* harmony export */   Sj: () => (/* binding */ ERASED_ACTION),
/* harmony export */   cd: () => (/* binding */ commitPersonal),
/* harmony export */   fS: () => (/* binding */ chainTime),
/* harmony export */   jE: () => (/* binding */ eraseSubject),
/* harmony export */   kj: () => (/* binding */ GENESIS_ACTION),
/* harmony export */   mG: () => (/* binding */ ZERO_HASH),
/* harmony export */   rG: () => (/* binding */ rowHash),
/* harmony export */   tz: () => (/* binding */ PERSONAL_FIELDS)
/* harmony export */ });
/* unused harmony exports CHAIN_VERSION, sha256Hex, hashDocument, matchesSubject */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var _canonical_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6375);


/**
 * The hash chain of the audit log (docs/audit-chain.md is its specification; keep the two in step). Every
 * row carries its place in one gapless sequence (`position`), the hash of the row before it (`prev_hash`)
 * and its own hash (`row_hash`): SHA-256 over the RFC 8785 canonical JSON of its fields. Personal data (the
 * actor, the approver) enters the hash only through salted commitments kept in the row's `personal` column,
 * so that erasing a person (seed 002 §10) replaces the values and drops the salts while every hash holds.
 * Pure: salts, times and rows are handed in.
 */
const CHAIN_VERSION = 1;
/** The `prev_hash` of the genesis row (position 0). */
const ZERO_HASH = "0".repeat(64);
/** What an erased personal value becomes. */
const TOMBSTONE = "[erased]";
/** The action of the first row of every chain. */
const GENESIS_ACTION = "audit.genesis";
/** The action of the row an erasure writes (who erased how many rows, never whose). */
const ERASED_ACTION = "audit.erased";
/**
 * Where personal data lives in a row: the `actor` column, and the `actor` and `approved_by` members of the
 * context. Each present value has an entry of its own in `personal` (its own salt); the hashed context
 * leaves these members out.
 */
const PERSONAL_FIELDS = ["actor", "context.actor", "context.approved_by"];
const CONTEXT_PERSONAL_KEYS = ["actor", "approved_by"];
function sha256Hex(text) {
    // crypto.hash: the one-shot form of createHash (UTF-8 input, hex output), several times faster per row.
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.hash)("sha256", text, "hex");
}
/** The time as the chain hashes it: RFC 3339 in UTC with exactly six fractional digits. */
function chainTime(date) {
    const iso = date.toISOString(); // 2026-04-29T14:33:00.123Z
    return `${iso.slice(0, 23)}000Z`;
}
function commitment(salt, value) {
    return sha256Hex((0,_canonical_json_js__WEBPACK_IMPORTED_MODULE_1__/* .canonicalJson */ .d)({ salt, value }));
}
function personalValue(row, field) {
    if (field === "actor")
        return row.actor;
    return row.context[field.slice("context.".length)];
}
/** Salted commitments for every personal value of a row; `salt()` gives 32 hex digits (random in the store). */
function commitPersonal(row, salt) {
    const out = {};
    for (const field of PERSONAL_FIELDS) {
        const value = personalValue(row, field);
        if (value === undefined)
            continue;
        const s = salt();
        out[field] = { commitment: commitment(s, value), salt: s };
    }
    return out;
}
/** The object a row's hash is taken over (docs/audit-chain.md, "Row hash"). */
function hashDocument(row, position = row.position) {
    const context = {};
    for (const [k, v] of Object.entries(row.context))
        if (!CONTEXT_PERSONAL_KEYS.includes(k))
            context[k] = v;
    const personal = {};
    for (const [field, entry] of Object.entries(row.personal))
        if (entry)
            personal[field] = entry.commitment;
    return {
        v: CHAIN_VERSION,
        position,
        id: row.id,
        prev_hash: row.prevHash,
        action: row.action,
        target: row.target,
        outcome: row.outcome,
        context,
        idempotency_key: row.idempotencyKey,
        created_at: row.createdAt,
        personal,
    };
}
function rowHash(row, position = row.position) {
    return sha256Hex((0,_canonical_json_js__WEBPACK_IMPORTED_MODULE_1__/* .canonicalJson */ .d)(hashDocument(row, position)));
}
/** Seals a row: its row_hash computed from its fields. */
function sealRow(row) {
    return { ...row, rowHash: rowHash(row) };
}
/** A person's values match `subject` when equal ignoring case and surrounding spaces. */
function matchesSubject(value, subject) {
    return typeof value === "string" && value.trim().toLowerCase() === subject.trim().toLowerCase();
}
/**
 * The erasure of `subject` from one row: every personal value equal to it becomes the tombstone, its salt
 * goes, and its entry names the audit.erased row at `erasedBy`. Returns undefined when nothing matches.
 */
function eraseSubject(row, subject, erasedBy) {
    let changed = false;
    let actor = row.actor;
    const context = { ...row.context };
    const personal = { ...row.personal };
    for (const field of PERSONAL_FIELDS) {
        const entry = personal[field];
        if (!entry?.salt || !matchesSubject(personalValue(row, field), subject))
            continue;
        changed = true;
        personal[field] = { commitment: entry.commitment, erased_by: erasedBy };
        if (field === "actor")
            actor = TOMBSTONE;
        else
            context[field.slice("context.".length)] = TOMBSTONE;
    }
    return changed ? { actor, context, personal } : undefined;
}


/***/ }),

/***/ 9856:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A_: () => (/* binding */ exportKeyPair),
/* harmony export */   KJ: () => (/* binding */ serialiseCheckpoint),
/* harmony export */   S7: () => (/* binding */ parseCheckpoint),
/* harmony export */   UG: () => (/* binding */ parseSigningKey),
/* harmony export */   ee: () => (/* binding */ parsePublicKey),
/* harmony export */   eu: () => (/* binding */ parseCheckpointJson),
/* harmony export */   jC: () => (/* binding */ checkSignature),
/* harmony export */   jV: () => (/* binding */ renderCheckpointSummary),
/* harmony export */   tW: () => (/* binding */ buildCheckpoint)
/* harmony export */ });
/* unused harmony exports CHECKPOINT_TYPE, CHECKPOINT_REASONS, rawPublicKey, keyId, signingPayload */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var _canonical_json_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6375);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1723);



/**
 * Signed checkpoints of the audit chain (docs/audit-chain.md, "Checkpoints"): the table, a position, the
 * row_hash at that position and a time, signed with Ed25519 over the RFC 8785 canonical JSON of the
 * document without its `signature`. Published where someone with only database access cannot rewrite them
 * (the job summary and log, a file), they pin the chain: a later rewrite of any row up to the position, or a
 * truncation behind it, no longer agrees with them. Pure.
 */
const CHECKPOINT_TYPE = "prodgate.audit.checkpoint";
const CHECKPOINT_REASONS = ["deploy", "rollback", "manual", "prune", "audit-write"];
const SPKI_ED25519_PREFIX = Buffer.from("302a300506032b6570032100", "hex");
const HEX64 = /^[0-9a-f]{64}$/;
function decodeKeyText(raw) {
    const text = raw.trim();
    if (text.includes("-----BEGIN"))
        return { pem: text.replace(/\\n/g, "\n") };
    const compact = text.replace(/\s+/g, "");
    if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(compact))
        return {};
    return { der: Buffer.from(compact.replace(/-/g, "+").replace(/_/g, "/"), "base64") };
}
/**
 * The Ed25519 signing key: base64 of its PKCS#8 DER (what `prodgate audit keygen` prints, one line) or a
 * PKCS#8 PEM. The error never quotes the value.
 */
function parseSigningKey(input, raw) {
    const { pem, der } = decodeKeyText(raw);
    let key;
    try {
        if (pem)
            key = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPrivateKey)({ key: pem, format: "pem" });
        else if (der)
            key = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPrivateKey)({ key: der, format: "der", type: "pkcs8" });
        else
            throw new Error("not base64");
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, "is not an Ed25519 private key (expected the one-line base64 PKCS#8 key `prodgate audit keygen` prints, or a PKCS#8 PEM)");
    }
    if (key.asymmetricKeyType !== "ed25519") {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, `must be an Ed25519 key; got a ${key.asymmetricKeyType ?? "unknown"} key`);
    }
    return key;
}
/** The public key: base64 of its SubjectPublicKeyInfo DER (what keygen prints), or a PEM. */
function parsePublicKey(input, raw) {
    const { pem, der } = decodeKeyText(raw);
    let key;
    try {
        if (pem)
            key = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPublicKey)({ key: pem, format: "pem" });
        else if (der?.length === 32)
            key = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPublicKey)({ key: Buffer.concat([SPKI_ED25519_PREFIX, der]), format: "der", type: "spki" });
        else if (der)
            key = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPublicKey)({ key: der, format: "der", type: "spki" });
        else
            throw new Error("not base64");
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, "is not an Ed25519 public key (expected the base64 key `prodgate audit keygen` prints, or a PEM)");
    }
    if (key.asymmetricKeyType !== "ed25519") {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, `must be an Ed25519 key; got a ${key.asymmetricKeyType ?? "unknown"} key`);
    }
    return key;
}
/** The raw 32 bytes of an Ed25519 public key. */
function rawPublicKey(key) {
    const spki = (key.type === "private" ? (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPublicKey)(key) : key).export({ format: "der", type: "spki" });
    return spki.subarray(spki.length - 32);
}
function keyId(key) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)("sha256").update(rawPublicKey(key)).digest("hex").slice(0, 16);
}
/** The printable forms of a key pair: base64 PKCS#8 DER (secret) and base64 SPKI DER (public). */
function exportKeyPair(privateKey) {
    const publicKey = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPublicKey)(privateKey);
    return {
        privateKey: privateKey.export({ format: "der", type: "pkcs8" }).toString("base64"),
        publicKey: publicKey.export({ format: "der", type: "spki" }).toString("base64"),
        keyId: keyId(publicKey),
    };
}
/** The bytes a checkpoint's signature covers: the canonical JSON of the document without `signature`. */
function signingPayload(doc) {
    const { signature: _ignored, ...rest } = doc;
    return (0,_canonical_json_js__WEBPACK_IMPORTED_MODULE_2__/* .canonicalJson */ .d)(rest);
}
/** A checkpoint document, signed when a key is given (prune without a key records an unsigned one). */
function buildCheckpoint(facts, key) {
    const doc = {
        type: CHECKPOINT_TYPE,
        version: 1,
        table: facts.table,
        position: facts.position,
        row_id: facts.rowId,
        head_hash: facts.headHash,
        time: facts.time.toISOString(),
        reason: facts.reason,
        ...(facts.prunedRows !== undefined ? { pruned_rows: facts.prunedRows } : {}),
        key_id: key ? keyId(key) : null,
        signature: null,
    };
    if (!key)
        return doc;
    const signature = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.sign)(null, Buffer.from(signingPayload(doc), "utf8"), key).toString("base64");
    return { ...doc, signature };
}
/** valid / invalid against `key`; unsigned when the document carries no signature; unchecked without a key. */
function checkSignature(doc, key) {
    if (!doc.signature)
        return "unsigned";
    if (!key)
        return "unchecked";
    if (doc.key_id !== keyId(key))
        return "invalid";
    try {
        const sig = Buffer.from(doc.signature, "base64");
        return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.verify)(null, Buffer.from(signingPayload(doc), "utf8"), key, sig) ? "valid" : "invalid";
    }
    catch {
        return "invalid";
    }
}
/** Reads a checkpoint document (a --checkpoint file, a row of the checkpoints table), checking its shape. */
function parseCheckpoint(source, value) {
    const doc = value;
    const bad = (what) => new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(source, `is not a prodgate audit checkpoint: ${what}`);
    if (!doc || typeof doc !== "object" || Array.isArray(doc))
        throw bad("not a JSON object");
    if (doc.type !== CHECKPOINT_TYPE || doc.version !== 1)
        throw bad(`type must be ${CHECKPOINT_TYPE}, version 1`);
    if (typeof doc.table !== "string" || !doc.table)
        throw bad("no table");
    if (!Number.isSafeInteger(doc.position) || doc.position < 0)
        throw bad("position is not a whole number");
    if (typeof doc.row_id !== "string")
        throw bad("no row_id");
    if (typeof doc.head_hash !== "string" || !HEX64.test(doc.head_hash))
        throw bad("head_hash is not 64 hex digits");
    if (typeof doc.time !== "string" || Number.isNaN(Date.parse(doc.time)))
        throw bad("time is not a time");
    if (!CHECKPOINT_REASONS.includes(doc.reason))
        throw bad("unknown reason");
    if (doc.pruned_rows !== undefined && !Number.isSafeInteger(doc.pruned_rows))
        throw bad("pruned_rows is not a number");
    if (doc.key_id !== null && typeof doc.key_id !== "string")
        throw bad("key_id must be a string or null");
    if (doc.signature !== null && typeof doc.signature !== "string")
        throw bad("signature must be a string or null");
    return doc;
}
/** Reads a --checkpoint file's text. */
function parseCheckpointJson(source, raw) {
    let value;
    try {
        value = JSON.parse(raw);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(source, "is not valid JSON");
    }
    return parseCheckpoint(source, value);
}
/** The document as a file holds it: pretty JSON with a newline. */
function serialiseCheckpoint(doc) {
    return `${JSON.stringify(doc, null, 2)}\n`;
}
/**
 * The job-summary block of a checkpoint, or of its absence: someone with only database access cannot
 * rewrite a run's summary or log, so the document printed here pins the chain as it stood.
 */
function renderCheckpointSummary(doc, table) {
    if (!doc?.signature) {
        return [
            "## Audit trail not signed",
            "",
            `The rows of \`${table}\` are hash-chained, but no checkpoint was signed: set \`audit-signing-key\` (the \`AUDIT_SIGNING_KEY\` secret; \`PRODGATE_AUDIT_SIGNING_KEY\` for the CLI) so that a rewrite of the table can be proven. \`prodgate audit keygen\` makes a key pair.`,
            "",
        ].join("\n");
    }
    return [
        `## Audit checkpoint: ${doc.table} at position ${doc.position}`,
        "",
        `Signed with key \`${doc.key_id}\`. Save it and check the trail with \`prodgate audit verify --checkpoint FILE --public-key KEY\`:`,
        "",
        "```json",
        serialiseCheckpoint(doc).trimEnd(),
        "```",
        "",
    ].join("\n");
}


/***/ }),

/***/ 7999:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   As: () => (/* binding */ describeReport),
/* harmony export */   O6: () => (/* binding */ ChainVerifier)
/* harmony export */ });
/* unused harmony export BREAK_KINDS */
/* harmony import */ var _audit_chain_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(341);

/**
 * Verification of the audit chain, one row at a time in position order (constant memory: one row of
 * look-ahead, the checkpoints, and a count per erasure). The rules, and the order they are applied in, are
 * docs/audit-chain.md's "Verification"; an independent verifier written from that document must name the
 * same first break. Pure.
 */
const BREAK_KINDS = (/* unused pure expression or super */ null && ([
    "modified",
    "inserted",
    "deleted",
    "out_of_order",
    "truncated",
    "rewritten",
    "bad_checkpoint",
]));
const HEX32 = /^[0-9a-f]{32}$/;
function brk(kind, row, message) {
    return { kind, id: row.id, position: row.position, message };
}
class ChainVerifier {
    table;
    checkpoints;
    prev;
    pending;
    found;
    count = 0;
    head;
    byPosition = new Map();
    /** position of an audit.erased row -> rows naming it, and the first of them. */
    erasures = new Map();
    start;
    constructor(table, checkpoints, 
    /** The prune checkpoint the chain starts after, when its first row is not the genesis row. */
    anchor) {
        this.table = table;
        this.checkpoints = checkpoints;
        for (const cp of checkpoints) {
            const list = this.byPosition.get(cp.doc.position) ?? [];
            list.push(cp);
            this.byPosition.set(cp.doc.position, list);
        }
        this.prev = anchor
            ? { position: anchor.position, rowHash: anchor.head_hash, prevHash: null, id: null }
            : { position: -1, rowHash: _audit_chain_js__WEBPACK_IMPORTED_MODULE_0__/* .ZERO_HASH */ .mG, prevHash: null, id: null };
        this.start = this.prev.position + 1;
    }
    get broken() {
        return this.found;
    }
    /** Feeds the next row in (position, id) order. */
    push(row) {
        if (this.found)
            return;
        if (this.pending)
            this.step(this.pending, row);
        this.pending = row;
    }
    fail(kind, row, message) {
        this.found ??= { kind, id: row.id, position: row.position, message };
    }
    step(r, next) {
        if (this.found)
            return;
        this.found = this.check(r, next);
        if (this.found)
            return;
        this.prev = { position: r.position, rowHash: r.rowHash, prevHash: r.prevHash, id: r.id };
        this.head = r;
        this.count++;
    }
    /** The rules of docs/audit-chain.md "Verification", in their order, for the row after `this.prev`. */
    check(r, next) {
        const prev = this.prev;
        const where = `row id ${r.id} at position ${r.position}`;
        if (r.position <= prev.position) {
            return brk("inserted", r, `${where}: a second row at a position already taken`);
        }
        if (r.position > prev.position + 1) {
            const missing = r.position - 1 === prev.position + 1
                ? `position ${prev.position + 1} is`
                : `positions ${prev.position + 1} to ${r.position - 1} are`;
            return brk("deleted", r, `${where}: ${missing} missing (rows deleted)`);
        }
        if ((0,_audit_chain_js__WEBPACK_IMPORTED_MODULE_0__/* .rowHash */ .rG)(r) !== r.rowHash) {
            if ((0,_audit_chain_js__WEBPACK_IMPORTED_MODULE_0__/* .rowHash */ .rG)(r, r.position + 1) === r.rowHash) {
                if (next && next.rowHash === r.prevHash) {
                    return brk("out_of_order", r, `${where} was written at position ${r.position + 1}: rows swapped`);
                }
                return brk("deleted", r, `${where} was written at position ${r.position + 1}: a row before it was deleted and the later ones renumbered`);
            }
            if ((0,_audit_chain_js__WEBPACK_IMPORTED_MODULE_0__/* .rowHash */ .rG)(r, r.position - 1) === r.rowHash) {
                if (prev.id !== null && prev.prevHash === r.prevHash) {
                    return brk("inserted", { id: prev.id, position: prev.position }, `row id ${prev.id} at position ${prev.position} is not part of the chain: the rows after it were pushed down to make room`);
                }
                return brk("out_of_order", r, `${where} was written at position ${r.position - 1}`);
            }
            return brk("modified", r, `${where}: its fields no longer match its row_hash`);
        }
        if (r.prevHash !== prev.rowHash) {
            if (prev.id === null) {
                return brk("modified", r, `${where}: its prev_hash is not ${r.position === 0 ? "the genesis value" : "the hash the prune checkpoint signed"}`);
            }
            return brk("modified", { id: prev.id, position: prev.position }, `row id ${prev.id} at position ${prev.position} was changed and its hash recomputed: the next row was chained to a different hash`);
        }
        if (prev.id !== null && BigInt(r.id) <= BigInt(prev.id)) {
            return brk("out_of_order", r, `${where}: its id is not greater than the id of the row before it (${prev.id})`);
        }
        if (r.position === 0 && r.action !== _audit_chain_js__WEBPACK_IMPORTED_MODULE_0__/* .GENESIS_ACTION */ .kj) {
            return brk("modified", r, `${where}: the row at position 0 must be the ${_audit_chain_js__WEBPACK_IMPORTED_MODULE_0__/* .GENESIS_ACTION */ .kj} row`);
        }
        const personal = this.checkPersonal(r);
        if (personal)
            return brk("modified", r, `${where}: ${personal}`);
        const erasure = this.erasures.get(r.position);
        if (erasure) {
            const claim = (k) => {
                const v = r.context[k];
                return typeof v === "number" ? v : -1;
            };
            // From the genesis row on, the counts are exact; after a prune, some erased rows may be gone.
            const holds = (seen, claimed) => this.start === 0 ? seen === claimed : seen <= claimed;
            if (r.action !== _audit_chain_js__WEBPACK_IMPORTED_MODULE_0__/* .ERASED_ACTION */ .Sj ||
                !holds(erasure.rows, claim("rows")) ||
                !holds(erasure.fields, claim("fields"))) {
                return brk("modified", { id: erasure.firstId, position: erasure.firstPosition }, `row id ${erasure.firstId} at position ${erasure.firstPosition} is marked erased by position ${r.position}, which is not an ${_audit_chain_js__WEBPACK_IMPORTED_MODULE_0__/* .ERASED_ACTION */ .Sj} row that erased ${erasure.rows} row(s) and ${erasure.fields} value(s)`);
            }
            this.erasures.delete(r.position);
        }
        for (const cp of this.byPosition.get(r.position) ?? []) {
            if (cp.doc.head_hash !== r.rowHash) {
                return brk("rewritten", r, `${where} does not carry the hash checkpoint ${cp.source} (${cp.doc.time}) signed: the chain up to it was rewritten and rehashed`);
            }
        }
        return undefined;
    }
    checkPersonal(r) {
        const erasedBy = new Map();
        for (const field of _audit_chain_js__WEBPACK_IMPORTED_MODULE_0__/* .PERSONAL_FIELDS */ .tz) {
            const value = (0,_audit_chain_js__WEBPACK_IMPORTED_MODULE_0__/* .personalValue */ .GP)(r, field);
            const entry = r.personal[field];
            if (value === undefined && !entry)
                continue;
            if (!entry)
                return `${field} has no commitment`;
            if (value === undefined)
                return `${field} is missing but committed to`;
            if (entry.salt !== undefined) {
                if (typeof entry.salt !== "string" || !HEX32.test(entry.salt))
                    return `the salt of ${field} is malformed`;
                if ((0,_audit_chain_js__WEBPACK_IMPORTED_MODULE_0__/* .commitment */ .Kc)(entry.salt, value) !== entry.commitment)
                    return `${field} no longer matches its commitment`;
                continue;
            }
            if (value !== _audit_chain_js__WEBPACK_IMPORTED_MODULE_0__/* .TOMBSTONE */ .Q9)
                return `${field} has no salt but is not the tombstone`;
            if (!Number.isSafeInteger(entry.erased_by) || entry.erased_by <= r.position) {
                return `${field} is erased without naming a later ${_audit_chain_js__WEBPACK_IMPORTED_MODULE_0__/* .ERASED_ACTION */ .Sj} row`;
            }
            const by = entry.erased_by;
            erasedBy.set(by, (erasedBy.get(by) ?? 0) + 1);
        }
        for (const [by, fields] of erasedBy) {
            const e = this.erasures.get(by);
            if (e) {
                e.rows++;
                e.fields += fields;
            }
            else
                this.erasures.set(by, { rows: 1, fields, firstId: r.id, firstPosition: r.position });
        }
        return undefined;
    }
    /** After the last row: `unchained` is the first row (by id) that has no position, if any. */
    finish(unchained) {
        if (this.pending)
            this.step(this.pending, undefined);
        this.pending = undefined;
        if (!this.found && this.count === 0 && this.start === 0 && unchained === undefined) {
            // An empty table before its genesis row: nothing to hold.
        }
        else if (!this.found && this.count === 0 && this.start === 0) {
            this.fail("deleted", { id: null, position: 0 }, "the genesis row (position 0) is missing: rows were deleted, or the table was never chained (prodgate db migrate chains it)");
        }
        if (!this.found) {
            for (const [position, e] of this.erasures) {
                this.fail("modified", { id: e.firstId, position: e.firstPosition }, `row id ${e.firstId} at position ${e.firstPosition} is marked erased by position ${position}, which is not in the chain`);
                break;
            }
        }
        const headPosition = this.head?.position ?? this.start - 1;
        if (!this.found) {
            const behind = this.checkpoints
                .filter((cp) => cp.doc.position > headPosition)
                .sort((a, b) => b.doc.position - a.doc.position)[0];
            if (behind) {
                this.fail("truncated", { id: this.head?.id ?? null, position: this.head?.position ?? null }, `the chain ends at position ${headPosition}${this.head ? ` (row id ${this.head.id})` : ""}, behind checkpoint ${behind.source} (${behind.doc.time}) at position ${behind.doc.position}: rows were deleted from the end`);
            }
        }
        if (!this.found && unchained) {
            this.fail("inserted", { id: unchained.id, position: null }, `row id ${unchained.id} is not part of the chain (it has no position)`);
        }
        const checkpoints = { total: this.checkpoints.length, valid: 0, unsigned: 0, unchecked: 0 };
        for (const cp of this.checkpoints) {
            if (cp.signature === "valid")
                checkpoints.valid++;
            else if (cp.signature === "unsigned")
                checkpoints.unsigned++;
            else if (cp.signature === "unchecked")
                checkpoints.unchecked++;
        }
        return {
            ok: !this.found,
            table: this.table,
            rows: this.count,
            head: this.head ? { position: this.head.position, id: this.head.id, hash: this.head.rowHash } : null,
            start: this.start,
            checkpoints,
            ...(this.found ? { break: this.found } : {}),
        };
    }
}
/** One line for the terminal or a log. */
function describeReport(report) {
    if (report.break)
        return `audit chain of ${report.table} is broken: ${report.break.kind}: ${report.break.message}`;
    const signed = report.checkpoints.valid
        ? `, ${report.checkpoints.valid} signed checkpoint(s) hold`
        : report.checkpoints.unchecked
            ? `, ${report.checkpoints.unchecked} checkpoint(s) not checked (no public key)`
            : "";
    const from = report.start > 0 ? ` from position ${report.start} (after a prune checkpoint)` : "";
    return `audit chain of ${report.table} holds: ${report.rows} row(s)${from}, head at position ${report.head?.position ?? "-"}${signed}`;
}


/***/ }),

/***/ 113:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GI: () => (/* binding */ parseAuditRecordJson),
/* harmony export */   In: () => (/* binding */ renderSpoolSummary),
/* harmony export */   Ti: () => (/* binding */ buildAuditRecord),
/* harmony export */   Z5: () => (/* binding */ AUDIT_REFUSED),
/* harmony export */   ZD: () => (/* binding */ redactContext),
/* harmony export */   c3: () => (/* binding */ retentionCutoff),
/* harmony export */   d: () => (/* binding */ serializeAuditRecord),
/* harmony export */   zt: () => (/* binding */ toAuditRow)
/* harmony export */ });
/* unused harmony exports AUDIT_PHASES, AUDIT_OUTCOMES, AUDIT_TRIGGERS, idempotencyKey, isSecretKey, REDACTED, parseContextJson, renderWrittenSummary */
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1723);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1621);



/**
 * The audit trail of production changes (seed 002 §2, §8; seed 000): one row when the work starts, written
 * before it starts, and one row with the outcome after, each keyed so that a retried step writes no second
 * row. Pure: time, secrets and identifiers are handed in.
 */
const AUDIT_PHASES = ["started", "completed"];
const AUDIT_OUTCOMES = [
    "success",
    "deploy_failed",
    "health_check_failed",
    "rolled_back",
    "rejected",
    "rotation_failed",
];
const AUDIT_TRIGGERS = ["ci", "local-script"];
/** The message of a deploy refused because its `started` row could not be written (fail closed). */
const AUDIT_REFUSED = "audit database unreachable: deploy refused";
const MAX_FIELD = 200;
const MAX_CONTEXT_BYTES = 64 * 1024;
function text(input, value, required) {
    const v = (value ?? "").trim();
    if (!v) {
        if (required)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, "is required");
        return undefined;
    }
    if (v.length > MAX_FIELD)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, `must be at most ${MAX_FIELD} characters`);
    if (/[\u0000-\u001f\u007f]/.test(v))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, "must not contain control characters");
    return v;
}
/** Validates the fields, redacts the context and derives the idempotency key. Input names match the action's. */
function buildAuditRecord(fields) {
    const action = text("action", fields.action, true);
    if (!/^[A-Za-z0-9][A-Za-z0-9._:-]*$/.test(action)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz("action", `must be letters, digits, '.', '_', ':' or '-' (e.g. deploy.production)`);
    }
    const phase = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .parseChoice */ .HU)("phase", fields.phase ?? "", AUDIT_PHASES);
    const outcome = fields.outcome ? (0,_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .parseChoice */ .HU)("outcome", fields.outcome, AUDIT_OUTCOMES) : undefined;
    if (phase === "completed" && !outcome) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz("outcome", `is required when phase is completed (one of ${AUDIT_OUTCOMES.join(", ")})`);
    }
    if (phase === "started" && outcome) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz("outcome", "must be empty when phase is started (the outcome is not known yet)");
    }
    const runId = text("run-id", fields.runId, true);
    const runAttempt = fields.runAttempt ?? 1;
    if (!Number.isInteger(runAttempt) || runAttempt < 1)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz("run-attempt", "must be 1 or more");
    if (Number.isNaN(fields.createdAt.getTime()))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz("created-at", "must be a valid time");
    const target = text("target", fields.target, true);
    const context = redactContext(fields.context ?? {}, fields.secrets ?? []);
    if (JSON.stringify(context).length > MAX_CONTEXT_BYTES) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz("context", `must be at most ${MAX_CONTEXT_BYTES / 1024} KiB of JSON`);
    }
    return {
        action,
        phase,
        outcome,
        actor: text("actor", fields.actor, true),
        approvedBy: text("approved-by", fields.approvedBy, false),
        target,
        fromSha: fields.fromSha ? (0,_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .parseSha */ .qL)("from-sha", fields.fromSha) : undefined,
        toSha: fields.toSha ? (0,_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .parseSha */ .qL)("to-sha", fields.toSha) : undefined,
        trigger: (0,_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .parseChoice */ .HU)("trigger", fields.trigger ?? "", AUDIT_TRIGGERS, "ci"),
        environment: text("environment", fields.environment, false),
        runUrl: text("run-url", fields.runUrl, false),
        runId,
        runAttempt,
        context,
        idempotencyKey: idempotencyKey({ runId, runAttempt, action, target, phase }),
        createdAt: new Date(fields.createdAt.getTime()),
    };
}
/**
 * `run:<run id>:<attempt>:<action>:<target>:<phase>`, each part percent-encoded: a step that runs twice in
 * one attempt of a run derives the same key; a re-run of the workflow (next attempt) is a new deploy.
 */
function idempotencyKey(parts) {
    return ["run", parts.runId, String(parts.runAttempt), parts.action, parts.target, parts.phase]
        .map((p) => encodeURIComponent(p))
        .join(":");
}
/** Words that make a key name a secret; matched as whole words of the key (api_key, apiKey, API-KEY). */
const SECRET_WORDS = new Set([
    "token",
    "key",
    "password",
    "passwd",
    "pwd",
    "passphrase",
    "secret",
    "authorization",
    "auth",
    "cookie",
    "cookies",
    "credential",
    "credentials",
    "dsn",
    "apikey",
    "privatekey",
]);
/** Parts of run-together key names (accesstoken, dbpassword) that make them secrets. */
const SECRET_SUBSTRINGS = ["token", "password", "passwd", "secret", "authorization", "cookie", "apikey"];
/** A key naming something about a secret rather than the secret itself (secret_name, token_expires_at). */
const METADATA_WORDS = new Set([
    "name",
    "names",
    "id",
    "ids",
    "type",
    "count",
    "at",
    "expires",
    "expiry",
    "age",
]);
function keyWords(key) {
    return key
        .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter(Boolean);
}
/** True when a key names a secret (token, key, password, secret, authorization, cookie, ...). */
function isSecretKey(key) {
    const words = keyWords(key);
    const last = words[words.length - 1];
    if (words.length > 1 && last && METADATA_WORDS.has(last))
        return false;
    return words.some((w) => SECRET_WORDS.has(w) || SECRET_SUBSTRINGS.some((s) => w.includes(s)));
}
const REDACTED = "***";
/** Credential shapes replaced even when nobody registered them: tokens of GitHub and Slack, URL passwords. */
const SECRET_SHAPES = [
    [/\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})\b/g, REDACTED],
    [/\bxox[abeprs]-[A-Za-z0-9-]{10,}\b/g, REDACTED],
    [/\b([a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:)[^@\s/]+@/gi, `$1${REDACTED}@`],
];
/**
 * A copy of `context` fit for storage: keys naming secrets dropped at every depth, and every occurrence of
 * a registered secret (4 characters or more) or of a known credential shape replaced by `***`.
 */
function redactContext(context, secrets) {
    const known = [...new Set(secrets.filter((s) => s && s.length >= 4))].sort((a, b) => b.length - a.length);
    const scrubText = (value) => {
        let out = value;
        for (const s of known)
            out = out.split(s).join(REDACTED);
        for (const [re, replacement] of SECRET_SHAPES)
            out = out.replace(re, replacement);
        return out;
    };
    const walk = (value) => {
        if (typeof value === "string")
            return scrubText(value);
        if (Array.isArray(value))
            return value.map(walk);
        if (value && typeof value === "object") {
            const out = {};
            for (const [k, v] of Object.entries(value)) {
                if (isSecretKey(k))
                    continue;
                out[scrubText(k)] = walk(v);
            }
            return out;
        }
        return value;
    };
    return walk(context);
}
/** The `context` input: a JSON object. The error never quotes the text (it may hold a secret). */
function parseContextJson(input, raw) {
    const textValue = raw.trim();
    if (!textValue)
        return {};
    let parsed;
    try {
        parsed = JSON.parse(textValue);
    }
    catch (err) {
        const at = /position (\d+)/.exec(err.message)?.[1];
        throw new InputError(input, `must be a JSON object; it is not valid JSON${at ? ` (at character ${at})` : ""}`);
    }
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
        const kind = Array.isArray(parsed) ? "an array" : parsed === null ? "null" : `a ${typeof parsed}`;
        throw new InputError(input, `must be a JSON object; got ${kind}`);
    }
    return parsed;
}
function toAuditRow(record) {
    const payload = {
        action: record.action,
        phase: record.phase,
        actor: record.actor,
        approved_by: record.approvedBy,
        from_sha: record.fromSha,
        to_sha: record.toSha,
        target_app: record.target,
        trigger: record.trigger,
        environment: record.environment,
        outcome: record.outcome,
        ts_utc: record.createdAt.toISOString(),
        run_url: record.runUrl,
        run_id: record.runId,
        run_attempt: record.runAttempt,
        details: record.context,
    };
    for (const [k, v] of Object.entries(payload))
        if (v === undefined)
            delete payload[k];
    return {
        action: record.action,
        actor: record.actor,
        target: record.target,
        outcome: record.outcome ?? null,
        context: payload,
        idempotencyKey: record.idempotencyKey,
        createdAt: record.createdAt,
    };
}
/** A record as JSON (the spool file format): dates as ISO strings, a version to read it back. */
function serializeAuditRecord(record) {
    return `${JSON.stringify({ version: 1, record: { ...record, createdAt: record.createdAt.toISOString() } }, null, 2)}\n`;
}
/**
 * Reads a record back from its JSON (a spool file), checking every field as buildAuditRecord would. The
 * idempotency key is kept as written, so a replay finds the row the original write may have made.
 */
function parseAuditRecordJson(source, raw) {
    let doc;
    try {
        doc = JSON.parse(raw);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(source, "is not valid JSON");
    }
    const r = doc?.record;
    if (doc?.version !== 1 || !r || typeof r !== "object") {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(source, "is not a prodgate audit record (expected {version: 1, record: {...}})");
    }
    const str = (k) => (typeof r[k] === "string" ? r[k] : undefined);
    const key = str("idempotencyKey");
    if (!key)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(source, "has no idempotencyKey");
    const createdAt = new Date(str("createdAt") ?? "");
    if (Number.isNaN(createdAt.getTime()))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(source, "has no valid createdAt");
    const context = r.context;
    if (!context || typeof context !== "object" || Array.isArray(context)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(source, "has a context that is not an object");
    }
    try {
        const record = buildAuditRecord({
            action: str("action") ?? "",
            phase: (str("phase") ?? ""),
            outcome: str("outcome"),
            actor: str("actor") ?? "",
            approvedBy: str("approvedBy"),
            target: str("target") ?? "",
            fromSha: str("fromSha"),
            toSha: str("toSha"),
            trigger: str("trigger"),
            environment: str("environment"),
            runUrl: str("runUrl"),
            runId: str("runId") ?? key,
            runAttempt: typeof r.runAttempt === "number" ? r.runAttempt : undefined,
            context: context,
            createdAt,
        });
        return { ...record, runId: str("runId"), idempotencyKey: key };
    }
    catch (err) {
        if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(source, `has an invalid field: ${err.message}`);
        throw err;
    }
}
/**
 * A retention age in the one duration grammar (core/duration.ts) with a unit required: `2y`, `18mo`, `90d`,
 * `12w`, `36h`; a bare number is refused so that `2` never means two seconds. Returns the cutoff: rows
 * created before it are older than the age. Months and years count back on the UTC calendar.
 */
function retentionCutoff(input, raw, now) {
    return (0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .ageCutoffOf */ .iI)(input, raw, now);
}
/** The job summary of a record that could not be written: the record in full, and how to replay it. */
function renderSpoolSummary(record, file, reason) {
    const json = serializeAuditRecord(record).trimEnd();
    const longest = Math.max(2, ...(json.match(/`+/g) ?? []).map((run) => run.length));
    const fence = "`".repeat(longest + 1);
    const lines = [
        "## ⚠️ Audit record spooled, not in the database",
        "",
        `The \`${record.phase}\` row of \`${record.action}\` for \`${record.target}\` could not be written: ${reason}.`,
        file
            ? `It was saved to \`${file}\`.`
            : "It could not be saved to disk either: this summary is its only copy.",
        "",
        "Save the JSON below as a file in a directory and write it later, exactly once:",
        "",
        "```sh",
        "DATABASE_URL=... npx prodgate audit replay --spool DIR",
        "```",
        "",
        `${fence}json`,
        json,
        fence,
        "",
    ];
    return lines.join("\n");
}
function cell(value) {
    return value.replace(/[|\\`*_<>[\]]/g, "\\$&");
}
function renderWrittenSummary(record, id, duplicate) {
    const rows = [
        ["Action", record.action],
        ["Phase", record.phase],
        ["Outcome", record.outcome],
        ["Target", record.target],
        ["Actor", record.actor],
        ["Approved by", record.approvedBy],
        [
            "From → to",
            record.fromSha || record.toSha ? `${record.fromSha ?? "?"} → ${record.toSha ?? "?"}` : undefined,
        ],
        ["Time (UTC)", record.createdAt.toISOString()],
    ];
    return [
        `## Audit row #${id} ${duplicate ? "already written (retried step: no second row)" : "written"}`,
        "",
        "| Field | Value |",
        "| --- | --- |",
        ...rows.filter(([, v]) => v).map(([k, v]) => `| ${k} | ${cell(String(v))} |`),
        "",
    ].join("\n");
}


/***/ }),

/***/ 6375:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ canonicalJson)
/* harmony export */ });
/* unused harmony export CanonicalJsonError */
/**
 * The JSON Canonicalization Scheme of RFC 8785 (JCS): the one serialisation of a JSON value that the audit
 * chain hashes and signs. No npm package for it is part of this project's dependencies, so it lives here;
 * test/unit/canonical-json.test.ts runs it over the RFC's own examples.
 *
 * RFC 8785 builds on ECMAScript's JSON.stringify: strings are escaped exactly as JSON.stringify escapes them
 * (RFC 8785 §3.2.2.2), numbers are written as ECMAScript's Number::toString writes an IEEE 754 double
 * (§3.2.2.3), and object members are sorted by their names compared as arrays of UTF-16 code units
 * (§3.2.3), which is what Array.prototype.sort does with strings. What RFC 8785 refuses is refused here:
 * numbers that are not finite, and strings that are not well-formed Unicode (lone surrogates; I-JSON, RFC
 * 7493). Values JSON has no form for (undefined, functions, symbols, bigints) are refused rather than
 * dropped, so that a value never hashes as something else.
 */
class CanonicalJsonError extends Error {
    name = "CanonicalJsonError";
}
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const ANY_SURROGATE = /[\uD800-\uDFFF]/;
/** Nothing to escape and no surrogate: the string stands between quotes as it is. */
const PLAIN = /^[^"\\\u0000-\u001f\uD800-\uDFFF]*$/;
function str(value) {
    if (PLAIN.test(value))
        return `"${value}"`;
    // Only strings with a surrogate need the (slower) pairing check.
    if (ANY_SURROGATE.test(value) && LONE_SURROGATE.test(value)) {
        throw new CanonicalJsonError("a string is not well-formed Unicode (a lone surrogate)");
    }
    return JSON.stringify(value);
}
function serialise(value, depth) {
    if (value === null)
        return "null";
    switch (typeof value) {
        case "boolean":
            return value ? "true" : "false";
        case "number":
            if (!Number.isFinite(value))
                throw new CanonicalJsonError(`${value} has no JSON form`);
            // Number::toString, with -0 written as 0 (RFC 8785 §3.2.2.3).
            return Object.is(value, -0) ? "0" : String(value);
        case "string":
            return str(value);
        case "object":
            break;
        default:
            throw new CanonicalJsonError(`a ${typeof value} has no JSON form`);
    }
    if (depth > 1000)
        throw new CanonicalJsonError("the value nests too deep (or refers to itself)");
    if (Array.isArray(value)) {
        let out = "[";
        for (let i = 0; i < value.length; i++)
            out += (i ? "," : "") + serialise(value[i], depth + 1);
        return `${out}]`;
    }
    if (value instanceof Date)
        throw new CanonicalJsonError("a Date must be written as a string first");
    const obj = value;
    const keys = Object.keys(obj).sort();
    let out = "{";
    let first = true;
    for (const k of keys) {
        const v = obj[k];
        if (v === undefined)
            continue;
        out += `${first ? "" : ","}${str(k)}:${serialise(v, depth + 1)}`;
        first = false;
    }
    return `${out}}`;
}
/**
 * The RFC 8785 canonical form of `value`. Object members whose value is `undefined` are left out (as
 * JSON.stringify leaves them out); anything else without a JSON form throws a CanonicalJsonError.
 */
function canonicalJson(value) {
    return serialise(value, 0);
}


/***/ }),

/***/ 8760:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   JJ: () => (/* binding */ parseDurationSpec),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   iI: () => (/* binding */ ageCutoffOf),
/* harmony export */   pc: () => (/* binding */ durationMs)
/* harmony export */ });
/* unused harmony exports parseAge, ageCutoff */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1723);

const FIXED_MS = {
    ms: 1,
    s: 1000,
    m: 60_000,
    h: 3_600_000,
    d: 86_400_000,
    w: 604_800_000,
};
const GRAMMAR = /^(\d+(?:\.\d+)?)\s*(ms|mo|s|m|h|d|w|y)?$/i;
const isCalendar = (unit) => unit === "mo" || unit === "y";
/**
 * Reads `raw` by the grammar above. `bare` is the unit a number without one is taken in (none: refused);
 * `expected` is the phrase the error message uses for what a valid value looks like.
 */
function parseDurationSpec(input, raw, opts) {
    const m = GRAMMAR.exec(raw.trim());
    const unit = (m?.[2]?.toLowerCase() ?? opts.bare);
    if (!m || !unit)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `must be ${opts.expected}; got '${raw}'`);
    const amount = Number(m[1]);
    if (!Number.isFinite(amount))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `is too large; got '${raw}'`);
    if (isCalendar(unit) && !Number.isInteger(amount))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `must count whole months or years; got '${raw}'`);
    return { amount, unit };
}
/** A fixed length in milliseconds (`mo` and `y` have none). */
function durationMs(input, spec, raw) {
    if (isCalendar(spec.unit))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `cannot be in months or years, which have no fixed length: write days or weeks (e.g. 30d); got '${raw}'`);
    const ms = Math.round(spec.amount * FIXED_MS[spec.unit]);
    if (!Number.isSafeInteger(ms))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `is too large; got '${raw}'`);
    return ms;
}
/**
 * A timeout or an interval: `500ms`, `10s`, `2m`, `1h`, `7d`, `2w`, or a bare number of seconds (`10`,
 * `0.5`), in milliseconds. `input` names the input in the error message.
 */
function parseDuration(input, raw) {
    const spec = parseDurationSpec(input, raw, {
        bare: "s",
        expected: "a duration like 500ms, 10s, 2m, 1h, 7d or a number of seconds",
    });
    return durationMs(input, spec, raw);
}
/** An age (a retention): a unit is required and the amount is at least 1 of it (`2y`, `18mo`, `90d`, `36h`). */
function parseAge(input, raw) {
    const spec = parseDurationSpec(input, raw, { expected: "an age like 2y, 18mo, 90d, 12w or 36h" });
    if (spec.amount < 1)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `must be at least 1 of its unit; got '${raw}'`);
    if (!isCalendar(spec.unit))
        durationMs(input, spec, raw);
    return spec;
}
/**
 * The instant `age` before `now`. Fixed units subtract their length. Months and years move back on the UTC
 * calendar keeping the time of day; when the target month is shorter than the day of the month, the result is
 * that month's last day (31 March − 1mo = 28 or 29 February; 29 February 2024 − 1y = 28 February 2023).
 * `12mo` and `1y` are the same age.
 */
function ageCutoff(age, now) {
    if (!isCalendar(age.unit))
        return new Date(now.getTime() - age.amount * FIXED_MS[age.unit]);
    const months = age.unit === "y" ? age.amount * 12 : age.amount;
    const total = now.getUTCFullYear() * 12 + now.getUTCMonth() - months;
    const year = Math.floor(total / 12);
    const month = total - year * 12;
    const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    const cutoff = new Date(now.getTime());
    cutoff.setUTCFullYear(year, month, Math.min(now.getUTCDate(), lastDay));
    return cutoff;
}
/** Parses an age and returns its cutoff before `now`, with an error naming the input if it is out of range. */
function ageCutoffOf(input, raw, now) {
    const cutoff = ageCutoff(parseAge(input, raw), now);
    if (Number.isNaN(cutoff.getTime()))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `reaches too far back; got '${raw}'`);
    return cutoff;
}
/** Renders milliseconds for humans: `850ms`, `12.3s`, `2m 5s`. */
function formatDuration(ms) {
    if (ms < 1000)
        return `${Math.round(ms)}ms`;
    if (ms < 60_000)
        return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)}s`;
    const minutes = Math.floor(ms / 60_000);
    const seconds = Math.round((ms % 60_000) / 1000);
    if (minutes < 60)
        return `${minutes}m ${seconds}s`;
    return `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
}


/***/ }),

/***/ 1621:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BO: () => (/* binding */ redactUrl),
/* harmony export */   E1: () => (/* binding */ parseList),
/* harmony export */   HU: () => (/* binding */ parseChoice),
/* harmony export */   QG: () => (/* binding */ parseHeaders),
/* harmony export */   cG: () => (/* binding */ parseInteger),
/* harmony export */   f$: () => (/* binding */ parseHttpUrl),
/* harmony export */   j0: () => (/* binding */ parseHerokuApp),
/* harmony export */   qL: () => (/* binding */ parseSha),
/* harmony export */   vd: () => (/* binding */ requireValue),
/* harmony export */   yG: () => (/* binding */ parseBoolean)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1723);

/** Pure validators shared by every action's input helper and the CLI's flag parsing. */
function requireValue(input, raw) {
    const v = (raw ?? "").trim();
    if (!v)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, "is required");
    return v;
}
function parseInteger(input, raw, min, max) {
    const text = raw.trim();
    if (!/^-?\d+$/.test(text))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `must be a whole number from ${min} to ${max}; got '${raw}'`);
    const n = Number(text);
    if (n < min || n > max)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `must be from ${min} to ${max}; got ${n}`);
    return n;
}
function parseBoolean(input, raw, fallback) {
    const text = raw.trim().toLowerCase();
    if (text === "")
        return fallback;
    if (["true", "yes", "1", "on"].includes(text))
        return true;
    if (["false", "no", "0", "off"].includes(text))
        return false;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `must be true or false; got '${raw}'`);
}
function parseChoice(input, raw, choices, fallback) {
    const text = raw.trim();
    if (text === "" && fallback !== undefined)
        return fallback;
    if (choices.includes(text))
        return text;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `must be one of ${choices.join(", ")}; got '${raw}'`);
}
/** An http(s) URL. The error never echoes userinfo (it may hold a password). */
function parseHttpUrl(input, raw) {
    const text = raw.trim();
    let url;
    try {
        url = new URL(text);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `must be an http:// or https:// URL; got '${redactUrl(text)}'`);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `must be an http:// or https:// URL; got scheme '${url.protocol.replace(/:$/, "")}'`);
    }
    return url;
}
/** A URL safe to print: userinfo removed, query string values removed. */
function redactUrl(raw) {
    try {
        const url = new URL(String(raw));
        url.username = "";
        url.password = "";
        for (const key of [...url.searchParams.keys()])
            url.searchParams.set(key, "***");
        return url.toString();
    }
    catch {
        return String(raw).replace(/\/\/[^/@\s]*@/, "//");
    }
}
/** Comma- or newline-separated list, trimmed, empties dropped. */
function parseList(raw) {
    return raw
        .split(/[,\n]/)
        .map((s) => s.trim())
        .filter(Boolean);
}
/** Multi-line `Name: value` headers. */
function parseHeaders(input, raw) {
    const headers = {};
    const lines = raw.split(/\r?\n/);
    lines.forEach((line, i) => {
        if (!line.trim())
            return;
        const idx = line.indexOf(":");
        if (idx <= 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `line ${i + 1} must look like 'Name: value' (no colon found)`);
        const name = line.slice(0, idx).trim();
        if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `line ${i + 1} has an invalid header name`);
        }
        headers[name] = line.slice(idx + 1).trim();
    });
    return headers;
}
/** Heroku app names: lowercase letters, digits and dashes, 3–30 characters, starting with a letter. */
function parseHerokuApp(input, raw) {
    const app = requireValue(input, raw);
    if (!/^[a-z][a-z0-9-]{2,29}$/.test(app)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `must be a Heroku app name (3-30 lowercase letters, digits and dashes, starting with a letter); got '${app}'`);
    }
    return app;
}
/** A full or abbreviated git SHA. */
function parseSha(input, raw) {
    const sha = raw.trim();
    if (!/^[0-9a-f]{7,40}$/i.test(sha))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `must be a git commit SHA; got '${raw}'`);
    return sha.toLowerCase();
}


/***/ }),

/***/ 7091:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  f: () => (/* binding */ AuditStore),
  j: () => (/* binding */ latestStartedRow)
});

// EXTERNAL MODULE: ./.build/js/core/audit.js
var audit = __webpack_require__(113);
// EXTERNAL MODULE: ./.build/js/store/chain.js
var chain = __webpack_require__(6379);
// EXTERNAL MODULE: ./node_modules/pg/esm/index.mjs
var esm = __webpack_require__(3849);
// EXTERNAL MODULE: ./.build/js/store/db.js
var store_db = __webpack_require__(6522);
;// CONCATENATED MODULE: ./.build/js/store/chain-append.js



const { escapeLiteral } = esm/* default */.Ay;
const lit = (v) => (v === null ? "NULL" : escapeLiteral(v));
/** `count` new ids from the table's sequence, in increasing order, as text[] (column `next`). */
function nextIdsSql(quoted, count) {
    const seq = `pg_get_serial_sequence('${quoted.replace(/'/g, "''")}', 'id')`;
    const n = Math.max(1, Math.floor(count));
    if (n === 1)
        return `SELECT ARRAY[nextval(${seq})::text] AS next`;
    return `SELECT array_agg(n::text ORDER BY n) AS next
    FROM (SELECT nextval(${seq}) AS n FROM generate_series(1, ${n})) AS ids`;
}
/** The row as literals for a multi-statement query (which takes no parameters), escaped by pg. */
function valuesSql(r) {
    return `(${lit(r.id)}::bigint, ${lit(r.action)}, ${lit(r.actor)}, ${lit(r.target)}, ${lit(r.outcome)}::text,
    ${lit(JSON.stringify(r.context))}::jsonb, ${lit(r.idempotencyKey)}, ${lit(r.createdAt)}::timestamptz,
    ${r.position}::bigint, ${lit(r.prevHash)}, ${lit(r.rowHash)}, ${lit(JSON.stringify(r.personal))}::jsonb)`;
}
/** The row's values, in INSERT_COLUMNS order, and the casts they take in a VALUES list. */
function rowParams(r) {
    return [
        r.id,
        r.action,
        r.actor,
        r.target,
        r.outcome,
        JSON.stringify(r.context),
        r.idempotencyKey,
        r.createdAt,
        r.position,
        r.prevHash,
        r.rowHash,
        JSON.stringify(r.personal),
    ];
}
const ROW_CASTS = [
    "bigint",
    "text",
    "text",
    "text",
    "text",
    "jsonb",
    "text",
    "timestamptz",
    "bigint",
    "text",
    "text",
    "jsonb",
];
const INSERT_COLUMNS = `(id, action, actor, target, outcome, context, idempotency_key, created_at,
  position, prev_hash, row_hash, personal)`;
/** Most rows one statement appends. */
const MAX_BATCH = 100;
/** Ids reserved at once for the appends to come. */
const ID_BLOCK = 16;
/**
 * The appends of one store to one table. They are queued, so that each knows the head the one before wrote;
 * the rows waiting when a statement starts go in it together (group commit). With a known head an append is
 * one statement: an insert at head + 1 guarded by "the head is still the one I know", which the unique
 * indexes on position and key make safe without a lock. When that fails (another process appended, or a key
 * was already written) each row is appended under the table's chain lock after the head read there (two
 * round trips), and a key already written returns its row. Either way no two rows share a position and every
 * row follows the head it was hashed after: one gapless chain.
 */
class ChainAppender {
    pool;
    table;
    queue = [];
    running = false;
    known;
    constructor(pool, table) {
        this.pool = pool;
        this.table = table;
    }
    append(row, now = new Date()) {
        return new Promise((resolve, reject) => {
            this.queue.push({ row, now, resolve, reject });
            void this.pump();
        });
    }
    async pump() {
        if (this.running)
            return;
        this.running = true;
        try {
            while (this.queue.length)
                await this.run(this.queue.splice(0, MAX_BATCH));
        }
        finally {
            this.running = false;
        }
    }
    async run(batch) {
        // A key twice in one batch (a write racing its own retry): the first writes, the others get its row.
        const leaders = new Map();
        const followers = [];
        for (const p of batch) {
            const leader = leaders.get(p.row.idempotencyKey);
            if (leader)
                followers.push([p, leader]);
            else
                leaders.set(p.row.idempotencyKey, p);
        }
        const results = new Map();
        let client;
        try {
            client = await this.pool.connect();
            const unique = [...leaders.values()];
            const known = this.known;
            this.known = undefined;
            let rest = unique;
            if (known?.ids.length) {
                const fast = unique.slice(0, known.ids.length);
                const done = await this.guarded(client, fast, known);
                if (done) {
                    for (const [i, p] of fast.entries())
                        results.set(p, done[i]);
                    rest = unique.slice(fast.length);
                    // Rows beyond the ids reserved go back to the front of the queue, for the next transaction.
                    if (rest.length)
                        this.queue.unshift(...rest, ...followers.filter(([, l]) => rest.includes(l)).map(([f]) => f));
                    rest = [];
                }
            }
            for (const p of rest) {
                try {
                    results.set(p, await this.locked(client, p.row, p.now));
                }
                catch (err) {
                    results.set(p, { error: err });
                }
            }
        }
        catch (err) {
            for (const p of leaders.values())
                if (!results.has(p))
                    results.set(p, { error: err });
        }
        finally {
            client?.release();
        }
        const settle = (p, r) => {
            if (!r)
                return;
            if ("error" in r)
                p.reject(r.error);
            else
                p.resolve(r);
        };
        for (const p of leaders.values())
            settle(p, results.get(p));
        for (const [f, leader] of followers) {
            const r = results.get(leader);
            if (!r)
                continue;
            settle(f, "error" in r ? r : { ...r, duplicate: true });
        }
    }
    /**
     * The one-statement append (no explicit transaction, no lock): safe because the unique index on position
     * lets only one row take head + 1, and the guard refuses to write unless the head is the one known. A row
     * that loses a race to another writer fails on that index, a key already written on the key's: then
     * undefined, and the caller takes the locked path (which returns the row of a key already written).
     */
    async guarded(client, batch, known) {
        const quoted = (0,store_db/* quoteIdent */.v4)("table", this.table);
        let head = known.head;
        const rows = batch.map((p, i) => {
            const r = (0,chain/* sealAfter */.qf)(head, known.ids[i], p.row);
            head = { position: r.position, id: r.id, rowHash: r.rowHash };
            return r;
        });
        // A key already written fails on its unique index, as a lost race fails on the position's.
        const params = [known.head.rowHash];
        // Ids are reserved a block at a time (the sequence skips numbers anyway), so most appends take none.
        const left = known.ids.slice(rows.length);
        const reserve = left.length >= this.queue.length + 1 ? 0 : Math.max(ID_BLOCK, this.queue.length + 1);
        const tuples = rows.map((r) => {
            const at = params.length;
            params.push(...rowParams(r));
            return `(${ROW_CASTS.map((cast, k) => `$${at + k + 1}::${cast}`).join(", ")})`;
        });
        try {
            const res = await client.query(`WITH ins AS (
           INSERT INTO ${quoted} ${INSERT_COLUMNS}
           SELECT * FROM (VALUES ${tuples.join(", ")}) AS v
            WHERE (SELECT row_hash FROM ${quoted} WHERE position IS NOT NULL ORDER BY position DESC LIMIT 1) = $1
           RETURNING id)
         SELECT (SELECT count(*) FROM ins)::int AS inserted, ${reserve ? `(${nextIdsSql(quoted, reserve)})` : "NULL::text[]"} AS next`, params);
            const out = res.rows[0];
            if (out.inserted !== rows.length)
                return undefined;
            this.known = { head, ids: reserve ? out.next : left };
            return rows.map((r) => ({ id: r.id, duplicate: false, position: r.position, rowHash: r.rowHash }));
        }
        catch (err) {
            if (err.code === chain/* UNIQUE_VIOLATION */.Ak)
                return undefined;
            throw err;
        }
    }
    /** Appends under the chain lock, reading the head first; a position taken meanwhile is tried again. */
    async locked(client, row, now) {
        for (let attempt = 0;; attempt++) {
            try {
                return await this.lockedOnce(client, row, now);
            }
            catch (err) {
                if (err.code !== chain/* UNIQUE_VIOLATION */.Ak || attempt >= 20)
                    throw err;
            }
        }
    }
    async lockedOnce(client, row, now) {
        const quoted = (0,store_db/* quoteIdent */.v4)("table", this.table);
        try {
            const results = (await client.query(`BEGIN; ${(0,chain/* lockSql */.Qy)(this.table)}; ${(0,chain/* headSql */.hW)(quoted, lit(row.idempotencyKey))}`));
            const found = results[2].rows[0];
            if (found.dup_id) {
                await client.query("COMMIT");
                if (found.position !== null) {
                    const head = {
                        position: Number(found.position),
                        id: found.id ?? "",
                        rowHash: found.row_hash ?? "",
                    };
                    this.known = { head, ids: [found.next] };
                }
                return { id: found.dup_id, duplicate: true, position: -1, rowHash: "" };
            }
            const head = found.position !== null
                ? { position: Number(found.position), id: found.id ?? "", rowHash: found.row_hash ?? "" }
                : await (0,chain/* startChain */.aY)(client, this.table, now);
            const r = (0,chain/* sealAfter */.qf)(head, found.next, row);
            const done = (await client.query(`INSERT INTO ${quoted} ${INSERT_COLUMNS} VALUES ${valuesSql(r)}; ${nextIdsSql(quoted, Math.max(ID_BLOCK, this.queue.length + 1))}; COMMIT`));
            this.known = {
                head: { position: r.position, id: r.id, rowHash: r.rowHash },
                ids: done[1].rows[0].next,
            };
            return { id: r.id, duplicate: false, position: r.position, rowHash: r.rowHash };
        }
        catch (err) {
            await client.query("ROLLBACK").catch(() => { });
            throw err;
        }
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./.build/js/core/audit-chain.js
var audit_chain = __webpack_require__(341);
;// CONCATENATED MODULE: ./.build/js/store/chain-erase.js




/**
 * Erases a person (seed 002 §10): in one transaction holding the chain lock, appends the `audit.erased` row
 * (who erased, how many rows; never whose) and replaces every personal value equal to `subject` (ignoring
 * case) with the tombstone, dropping its salt, so that every hash still verifies. Rows outside the chain
 * (no position) are scrubbed too. Returns the rows changed and the erasure row.
 */
async function eraseActor(pool, table, subject, erasedBy, now) {
    const quoted = (0,store_db/* quoteIdent */.v4)("table", table);
    // A writer that appends without the lock (ChainAppender's one-statement path) may take the position the
    // erasure row wanted: the whole erasure is then done again after the new head.
    for (let attempt = 0;; attempt++) {
        try {
            return await eraseOnce(pool, table, quoted, subject, erasedBy, now);
        }
        catch (err) {
            if (err.code !== chain/* UNIQUE_VIOLATION */.Ak || attempt >= 20)
                throw err;
        }
    }
}
async function eraseOnce(pool, table, quoted, subject, erasedBy, now) {
    return (0,chain/* inTransaction */.sA)(pool, table, async (client) => {
        const match = `(lower(btrim(actor)) = lower(btrim($1)) OR lower(btrim(context->>'actor')) = lower(btrim($1))
                    OR lower(btrim(context->>'approved_by')) = lower(btrim($1)))`;
        const unchained = await client.query(`SELECT count(*)::text AS n FROM ${quoted} WHERE position IS NULL AND ${match}`, [subject]);
        // The candidates are counted first so that the erasure row can say how many rows it erased; it is
        // appended before the rows change so that each erased entry can name its position.
        const head = (await (0,chain/* readHead */.zy)(client, table)) ?? (await (0,chain/* startChain */.aY)(client, table, now));
        const rows = [];
        const erasurePosition = head.position + 1;
        let lastId = "0";
        for (;;) {
            const page = await client.query(`SELECT ${chain/* CHAIN_COLUMNS */.U_} FROM ${quoted} WHERE position IS NOT NULL AND ${match} AND id > $2 ORDER BY id LIMIT 1000`, [subject, lastId]);
            if (!page.rows.length)
                break;
            for (const raw of page.rows) {
                lastId = raw.id;
                const r = (0,chain/* toChainRow */.XK)(raw);
                const erased = (0,audit_chain/* eraseSubject */.jE)(r, subject, erasurePosition);
                if (erased)
                    rows.push({ id: r.id, ...erased });
            }
        }
        const count = rows.length;
        const fields = rows.reduce((n, r) => n + Object.values(r.personal).filter((e) => e?.erased_by === erasurePosition).length, 0);
        const scrubbed = Number(unchained.rows[0]?.n ?? 0);
        const erasure = await (0,chain/* appendIn */.QI)(client, table, {
            action: audit_chain/* ERASED_ACTION */.Sj,
            actor: erasedBy,
            target: table,
            outcome: null,
            context: { rows: count, fields, unchained_rows: scrubbed },
            idempotencyKey: `audit:erased:${(0,external_node_crypto_.randomUUID)()}`,
            createdAt: now,
        }, now);
        if (erasure.position !== erasurePosition)
            throw new Error("the chain moved during the erasure");
        for (let i = 0; i < rows.length; i += 1000) {
            const batch = rows.slice(i, i + 1000);
            await client.query(`UPDATE ${quoted} AS t SET actor = u.actor, context = u.context, personal = u.personal
           FROM unnest($1::bigint[], $2::text[], $3::jsonb[], $4::jsonb[]) AS u(id, actor, context, personal)
          WHERE t.id = u.id`, [
                batch.map((r) => r.id),
                batch.map((r) => r.actor),
                batch.map((r) => JSON.stringify(r.context)),
                batch.map((r) => JSON.stringify(r.personal)),
            ]);
        }
        if (scrubbed) {
            await client.query(`UPDATE ${quoted} SET
           actor = CASE WHEN lower(btrim(actor)) = lower(btrim($1)) THEN $2 ELSE actor END,
           context = context
             || CASE WHEN lower(btrim(context->>'actor')) = lower(btrim($1)) THEN jsonb_build_object('actor', $2::text) ELSE '{}'::jsonb END
             || CASE WHEN lower(btrim(context->>'approved_by')) = lower(btrim($1)) THEN jsonb_build_object('approved_by', $2::text) ELSE '{}'::jsonb END
         WHERE position IS NULL AND ${match}`, [subject, "[erased]"]);
        }
        return { rows: count + scrubbed, erasure };
    });
}

// EXTERNAL MODULE: ./.build/js/core/audit-checkpoint.js
var audit_checkpoint = __webpack_require__(9856);
// EXTERNAL MODULE: ./.build/js/core/audit-verify.js
var audit_verify = __webpack_require__(7999);
// EXTERNAL MODULE: ./.build/js/store/checkpoints.js
var checkpoints = __webpack_require__(5221);
;// CONCATENATED MODULE: ./.build/js/store/chain-verify.js





/**
 * Reads the chain in position order, a page at a time (keyset pagination over the position index; the next
 * page is fetched while the current one is checked), so that memory stays constant however long the table.
 */
async function* chainPages(pool, table, pageSize = 5000) {
    const quoted = (0,store_db/* quoteIdent */.v4)("table", table);
    // `position >= last` and skipping what was seen keeps rows that share a position (possible only when the
    // unique index was dropped) from falling between two pages.
    const fetch = (after) => pool
        .query(after
        ? `SELECT ${chain/* CHAIN_COLUMNS */.U_} FROM ${quoted} WHERE position >= $1 ORDER BY position, id LIMIT $2`
        : `SELECT ${chain/* CHAIN_COLUMNS */.U_} FROM ${quoted} WHERE position IS NOT NULL ORDER BY position, id LIMIT $1`, after ? [after.position, pageSize + 1] : [pageSize])
        .then((res) => after
        ? res.rows.filter((r) => BigInt(r.position ?? "0") > BigInt(after.position) ||
            (r.position === after.position && BigInt(r.id) > BigInt(after.id)))
        : res.rows);
    let next = fetch(undefined);
    for (;;) {
        const rows = await next;
        if (!rows.length)
            return;
        const last = rows[rows.length - 1];
        next = fetch({ position: last.position ?? "0", id: last.id });
        yield rows;
    }
}
/** Rows outside the chain (no position), by id, a page at a time. */
async function* unchainedPages(pool, table, pageSize = 5000) {
    const quoted = (0,store_db/* quoteIdent */.v4)("table", table);
    let lastId = "-1";
    for (;;) {
        const res = await pool.query(`SELECT ${chain/* CHAIN_COLUMNS */.U_} FROM ${quoted} WHERE position IS NULL AND id > $1 ORDER BY id LIMIT $2`, [lastId, pageSize]);
        if (!res.rows.length)
            return;
        lastId = res.rows[res.rows.length - 1].id;
        yield res.rows;
    }
}
function badCheckpoint(table, source, message) {
    return {
        ok: false,
        table,
        rows: 0,
        head: null,
        start: 0,
        checkpoints: { total: 0, valid: 0, unsigned: 0, unchecked: 0 },
        break: { kind: "bad_checkpoint", id: null, position: null, message: `checkpoint ${source}: ${message}` },
    };
}
/**
 * Verifies the chain of `table` against the checkpoints stored with it and those given (docs/audit-chain.md,
 * "Verification"): the first break, or a report that it holds.
 */
async function verifyChain(pool, table, opts = {}) {
    const known = [];
    const stored = await (0,checkpoints/* listCheckpoints */.Ep)(pool, table);
    for (const s of stored) {
        if (!s.doc)
            return badCheckpoint(table, `row ${s.id} of ${(0,chain/* checkpointsTable */.mc)(table)}`, s.error ?? "unreadable");
    }
    const all = [
        ...stored.map((s) => ({ source: `#${s.id} (table)`, doc: s.doc })),
        ...(opts.checkpoints ?? []),
    ];
    for (const { source, doc } of all) {
        if (doc.table !== table)
            return badCheckpoint(table, source, `is of table ${doc.table}, not ${table}`);
        const signature = (0,audit_checkpoint/* checkSignature */.jC)(doc, opts.publicKey);
        if (signature === "invalid") {
            return badCheckpoint(table, source, "its signature does not verify with the public key given");
        }
        known.push({ source, doc, signature });
    }
    const first = await pool.query(`SELECT min(position)::text AS position FROM ${(0,store_db/* quoteIdent */.v4)("table", table)}`);
    const start = first.rows[0]?.position === null || first.rows[0]?.position === undefined
        ? 0
        : Number(first.rows[0].position);
    let anchor;
    if (start > 0) {
        anchor = known.find((cp) => cp.doc.reason === "prune" &&
            cp.doc.position === start - 1 &&
            (opts.publicKey ? cp.signature === "valid" : true))?.doc;
    }
    const floor = anchor ? anchor.position + 1 : 0;
    const verifier = new audit_verify/* ChainVerifier */.O6(table, known.filter((cp) => cp.doc.position >= floor), anchor);
    for await (const page of chainPages(pool, table, opts.pageSize)) {
        for (const raw of page)
            verifier.push((0,chain/* toChainRow */.XK)(raw));
        if (verifier.broken)
            break;
    }
    const unchained = await pool.query(`SELECT id FROM ${(0,store_db/* quoteIdent */.v4)("table", table)} WHERE position IS NULL ORDER BY id LIMIT 1`);
    const report = verifier.finish(unchained.rows[0]);
    report.checkpoints.total = known.length;
    return report;
}
/** One line of an export (docs/audit-chain.md, "Export"). */
function exportRowLine(r) {
    return JSON.stringify({
        type: "row",
        id: r.id,
        position: r.position === null ? null : Number(r.position),
        prev_hash: r.prev_hash,
        row_hash: r.row_hash,
        action: r.action,
        actor: r.actor,
        target: r.target,
        outcome: r.outcome,
        context: r.context,
        idempotency_key: r.idempotency_key,
        created_at: r.created_at_text,
        personal: r.personal,
    });
}
/**
 * Writes the whole trail as JSON lines: a header, every stored checkpoint, the chained rows in position
 * order, then the rows outside the chain by id. Streams; `write` may return a promise to apply back-pressure.
 */
async function exportChain(pool, table, write, now) {
    await write(JSON.stringify({ type: "prodgate.audit.export", version: 1, table, exported_at: now.toISOString() }));
    const stored = await (0,checkpoints/* listCheckpoints */.Ep)(pool, table);
    for (const s of stored) {
        await write(JSON.stringify({ type: "checkpoint", source: `#${s.id} (table)`, document: s.doc ?? null }));
    }
    let rows = 0;
    for (const pages of [chainPages(pool, table), unchainedPages(pool, table)]) {
        for await (const page of pages) {
            for (const r of page) {
                await write(exportRowLine(r));
                rows++;
            }
        }
    }
    return { rows, checkpoints: stored.length };
}

// EXTERNAL MODULE: ./.build/js/store/table-store.js
var table_store = __webpack_require__(5766);
;// CONCATENATED MODULE: ./.build/js/store/audit.js








function fromRaw(r) {
    return {
        id: r.id,
        action: r.action,
        actor: r.actor,
        target: r.target,
        outcome: r.outcome,
        context: r.context,
        idempotencyKey: r.idempotency_key,
        createdAt: r.created_at,
    };
}
const COLUMNS = "id, action, actor, target, outcome, context, idempotency_key, created_at";
/** The newest `started` row for a target: who is (or last was) deploying it. */
async function latestStartedRow(db, table, target) {
    const res = await db.query(`SELECT ${COLUMNS} FROM ${(0,store_db/* quoteIdent */.v4)("table", table)}
      WHERE target = $1 AND context->>'phase' = 'started' ORDER BY created_at DESC, id DESC LIMIT 1`, [target]);
    return res.rows[0] ? fromRaw(res.rows[0]) : undefined;
}
/**
 * The audit log in Postgres. Writes are idempotent on the record's key: writing a record whose key is
 * already stored returns the stored row's id with `duplicate: true`, however many writers race. Transient
 * failures (connection refused, reset, server restarting) are retried with backoff. Error messages never
 * carry the URL or its parts.
 */
class AuditStore extends table_store/* TableStore */.s {
    appender;
    constructor(parts) {
        super(parts);
    }
    static async open(databaseUrl, opts = {}) {
        const store = new AuditStore(await (0,table_store/* openTable */.R)(databaseUrl, opts, "audit", "table", "cannot migrate the audit database"));
        if (opts.migrate ?? true) {
            try {
                await store.ensureChain();
            }
            catch (err) {
                await store.close();
                throw err;
            }
        }
        return store;
    }
    /** Starts the chain when the table has none: a genesis row, then the rows written before it (in id order). */
    async ensureChain() {
        await this.attempt("cannot start the audit chain", () => (0,chain/* ensureChain */.YZ)(this.pool, this.table), this.retry);
    }
    /** Writes one row (or finds the row already written under the record's key). */
    async write(record, opts = {}) {
        const row = (0,audit/* toAuditRow */.zt)(record);
        const retry = { ...this.retry, ...(opts.retries !== undefined ? { retries: opts.retries } : {}) };
        return this.attempt("cannot write the audit row", () => this.insert(row), retry);
    }
    /**
     * Appends the row to the chain (docs/audit-chain.md; see ChainAppender), or returns the row already stored
     * under its idempotency key: a key written meanwhile by another writer fails on its unique index, and the
     * row is then looked up under the table's chain lock, where every committed row is seen.
     */
    async insert(row) {
        this.appender ??= new ChainAppender(this.pool, this.table);
        const appended = await this.appender.append(row);
        return { id: appended.id, duplicate: appended.duplicate };
    }
    /** Signs and stores a checkpoint of the head (see writeCheckpoint in checkpoints.ts). */
    async checkpoint(key, reason, now) {
        return this.attempt("cannot write the audit checkpoint", () => (0,checkpoints/* checkpointHead */.Nm)(this.pool, this.table, key, reason, now));
    }
    /** Verifies the chain and the checkpoints (stored and given). */
    async verify(opts = {}) {
        return this.attempt("cannot verify the audit log", () => verifyChain(this.pool, this.table, opts));
    }
    /** Writes the rows and checkpoints as JSON lines. */
    async export(write, now) {
        return this.attempt("cannot export the audit log", () => exportChain(this.pool, this.table, write, now));
    }
    /** Erases a person from every row (see eraseActor in chain.ts). */
    async erase(subject, erasedBy, now) {
        return this.attempt("cannot erase from the audit log", () => eraseActor(this.pool, this.table, subject, erasedBy, now));
    }
    /** Rows, newest first. */
    async read(query = {}) {
        const where = [];
        const params = [];
        const add = (sql, value) => {
            params.push(value);
            where.push(sql.replace("?", `$${params.length}`));
        };
        if (query.target)
            add("target = ?", query.target);
        if (query.action)
            add("action = ?", query.action);
        if (query.phase)
            add("context->>'phase' = ?", query.phase);
        params.push(Math.max(1, Math.min(query.limit ?? 100, 10_000)));
        const res = await this.attempt("cannot read the audit log", () => this.pool.query(`SELECT ${COLUMNS} FROM ${this.quoted} ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
          ORDER BY created_at DESC, id DESC LIMIT $${params.length}`, params));
        return res.rows.map(fromRaw);
    }
    /** The row stored under an idempotency key, if any. */
    async findByKey(idempotencyKey) {
        const res = await this.attempt("cannot read the audit log", () => this.pool.query(`SELECT ${COLUMNS} FROM ${this.quoted} WHERE idempotency_key = $1`, [
            idempotencyKey,
        ]));
        return res.rows[0] ? fromRaw(res.rows[0]) : undefined;
    }
}


/***/ }),

/***/ 6379:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ak: () => (/* binding */ UNIQUE_VIOLATION),
/* harmony export */   QI: () => (/* binding */ appendIn),
/* harmony export */   Qy: () => (/* binding */ lockSql),
/* harmony export */   U_: () => (/* binding */ CHAIN_COLUMNS),
/* harmony export */   XK: () => (/* binding */ toChainRow),
/* harmony export */   YZ: () => (/* binding */ ensureChain),
/* harmony export */   aY: () => (/* binding */ startChain),
/* harmony export */   hW: () => (/* binding */ headSql),
/* harmony export */   mc: () => (/* binding */ checkpointsTable),
/* harmony export */   qf: () => (/* binding */ sealAfter),
/* harmony export */   sA: () => (/* binding */ inTransaction),
/* harmony export */   zy: () => (/* binding */ readHead)
/* harmony export */ });
/* unused harmony exports newSalt, insertSealed */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var _core_audit_chain_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(341);
/* harmony import */ var _db_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6522);



/**
 * The audit chain in Postgres (docs/audit-chain.md): reading rows as the chain sees them, the chain lock,
 * the genesis row and the chaining of rows written before the chain existed. Appends are in chain-append.ts,
 * erasure in chain-erase.ts. Nothing here trusts the database to keep the chain: `prodgate audit verify`
 * recomputes every hash.
 */
/** The first key of the chain lock of a table (the second is hashtext of the table's name). */
const CHAIN_LOCK_SPACE = 72_468_131;
function newSalt() {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(16).toString("hex");
}
/** The checkpoints table of an audit table, named as the migration names it (see migrate.ts applyNames). */
function checkpointsTable(table) {
    const bare = table.split(".").pop() ?? table;
    return (0,_db_js__WEBPACK_IMPORTED_MODULE_2__/* .quoteIdent */ .v4)("table", `${bare}_checkpoints`);
}
function lockSql(table) {
    (0,_db_js__WEBPACK_IMPORTED_MODULE_2__/* .quoteIdent */ .v4)("table", table);
    // The name passed quoteIdent's check (letters, digits, underscores, one dot): safe as a literal.
    return `SELECT pg_advisory_xact_lock(${CHAIN_LOCK_SPACE}, hashtext('${table}'))`;
}
/** The time column as the chain hashes it (microseconds, UTC). Bigint columns come back as strings (pg's default), uncast, so that ORDER BY sorts them as numbers. */
const CREATED_AT_TEXT = `to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at_text`;
const CHAIN_COLUMNS = `id, position, prev_hash, row_hash, action, actor, target,
  outcome, context, idempotency_key, ${CREATED_AT_TEXT}, personal`;
function toChainRow(r) {
    return {
        id: r.id,
        position: r.position === null ? -1 : Number(r.position),
        prevHash: r.prev_hash ?? "",
        rowHash: r.row_hash ?? "",
        action: r.action,
        actor: r.actor,
        target: r.target,
        outcome: r.outcome,
        context: r.context ?? {},
        idempotencyKey: r.idempotency_key,
        createdAt: r.created_at_text,
        personal: r.personal ?? {},
    };
}
async function readHead(db, table) {
    const res = await db.query(`SELECT position, id, row_hash FROM ${(0,_db_js__WEBPACK_IMPORTED_MODULE_2__/* .quoteIdent */ .v4)("table", table)}
      WHERE position IS NOT NULL ORDER BY position DESC LIMIT 1`);
    const r = res.rows[0];
    return r ? { position: Number(r.position), id: r.id, rowHash: r.row_hash } : undefined;
}
async function insertSealed(client, quoted, row) {
    await client.query(`INSERT INTO ${quoted} (id, action, actor, target, outcome, context, idempotency_key, created_at,
       position, prev_hash, row_hash, personal)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8::timestamptz, $9, $10, $11, $12::jsonb)`, [
        row.id,
        row.action,
        row.actor,
        row.target,
        row.outcome,
        JSON.stringify(row.context),
        row.idempotencyKey,
        row.createdAt,
        row.position,
        row.prevHash,
        row.rowHash,
        JSON.stringify(row.personal),
    ]);
}
/**
 * Starts the chain of a table that has none, inside the caller's transaction (which holds the chain lock):
 * the genesis row at position 0, then every row written before the chain existed, in id order.
 */
async function startChain(client, table, now) {
    const quoted = (0,_db_js__WEBPACK_IMPORTED_MODULE_2__/* .quoteIdent */ .v4)("table", table);
    const existing = await client.query(`SELECT count(*)::text AS n, min(created_at) AS oldest FROM ${quoted} WHERE position IS NULL`);
    // The genesis row takes the time of the oldest row it precedes, so that retention can prune it with them.
    const genesisTime = existing.rows[0]?.oldest ?? now;
    const genesisContext = { chain: "prodgate-audit-v1", chained_rows: Number(existing.rows[0]?.n ?? 0) };
    const genesisFields = { actor: "prodgate", context: genesisContext };
    let prev = (0,_core_audit_chain_js__WEBPACK_IMPORTED_MODULE_1__/* .sealRow */ .C)({
        // Id 0, which the id sequence never hands out: the genesis row precedes every row, the ones written
        // before the chain existed included, in id order as in position order.
        id: "0",
        position: 0,
        prevHash: _core_audit_chain_js__WEBPACK_IMPORTED_MODULE_1__/* .ZERO_HASH */ .mG,
        action: _core_audit_chain_js__WEBPACK_IMPORTED_MODULE_1__/* .GENESIS_ACTION */ .kj,
        actor: "prodgate",
        target: table,
        outcome: null,
        context: genesisContext,
        idempotencyKey: `audit:genesis:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)()}`,
        createdAt: (0,_core_audit_chain_js__WEBPACK_IMPORTED_MODULE_1__/* .chainTime */ .fS)(genesisTime),
        personal: (0,_core_audit_chain_js__WEBPACK_IMPORTED_MODULE_1__/* .commitPersonal */ .cd)(genesisFields, newSalt),
    });
    await insertSealed(client, quoted, prev);
    let lastId = "0";
    for (;;) {
        const page = await client.query(`SELECT ${CHAIN_COLUMNS} FROM ${quoted} WHERE position IS NULL AND id > $1 ORDER BY id LIMIT 1000`, [lastId]);
        if (!page.rows.length)
            break;
        const sealed = [];
        for (const raw of page.rows) {
            const r = toChainRow(raw);
            const row = (0,_core_audit_chain_js__WEBPACK_IMPORTED_MODULE_1__/* .sealRow */ .C)({
                ...r,
                position: prev.position + 1,
                prevHash: prev.rowHash,
                personal: (0,_core_audit_chain_js__WEBPACK_IMPORTED_MODULE_1__/* .commitPersonal */ .cd)(r, newSalt),
            });
            sealed.push(row);
            prev = row;
            lastId = r.id;
        }
        await client.query(`UPDATE ${quoted} AS t SET position = u.position, prev_hash = u.prev_hash, row_hash = u.row_hash,
              personal = u.personal
         FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::jsonb[])
              AS u(id, position, prev_hash, row_hash, personal)
        WHERE t.id = u.id`, [
            sealed.map((r) => r.id),
            sealed.map((r) => r.position),
            sealed.map((r) => r.prevHash),
            sealed.map((r) => r.rowHash),
            sealed.map((r) => JSON.stringify(r.personal)),
        ]);
    }
    return { position: prev.position, id: prev.id, rowHash: prev.rowHash };
}
async function inTransaction(pool, table, fn) {
    const client = await pool.connect();
    try {
        await client.query(`BEGIN; ${lockSql(table)}`);
        try {
            const out = await fn(client);
            await client.query("COMMIT");
            return out;
        }
        catch (err) {
            await client.query("ROLLBACK").catch(() => { });
            throw err;
        }
    }
    finally {
        client.release();
    }
}
/**
 * Makes sure the table has a chain: a table with no chained row gets its genesis row, and the rows written
 * before the chain existed are chained after it. Cheap when the chain exists (one indexed read).
 */
async function ensureChain(pool, table, now = new Date()) {
    if (await readHead(pool, table))
        return;
    await inTransaction(pool, table, async (client) => {
        if (!(await readHead(client, table)))
            await startChain(client, table, now);
    });
}
/** The sealed row that `row` becomes when appended after `head` with the id `id`. */
function sealAfter(head, id, row) {
    return (0,_core_audit_chain_js__WEBPACK_IMPORTED_MODULE_1__/* .sealRow */ .C)({
        id,
        position: head.position + 1,
        prevHash: head.rowHash,
        action: row.action,
        actor: row.actor,
        target: row.target,
        outcome: row.outcome,
        context: row.context,
        idempotencyKey: row.idempotencyKey,
        createdAt: (0,_core_audit_chain_js__WEBPACK_IMPORTED_MODULE_1__/* .chainTime */ .fS)(row.createdAt),
        personal: (0,_core_audit_chain_js__WEBPACK_IMPORTED_MODULE_1__/* .commitPersonal */ .cd)(row, newSalt),
    });
}
/**
 * One statement, run after the chain lock is held (a new statement: its snapshot sees every append committed
 * before the lock was granted): the row already stored under the key, if any; the head; and a new id.
 */
function headSql(quoted, key) {
    const seq = `pg_get_serial_sequence('${quoted.replace(/'/g, "''")}', 'id')`;
    return `SELECT d.id AS dup_id, h.position, h.id, h.row_hash, nextval(${seq})::text AS next
    FROM (SELECT 1) AS one
    LEFT JOIN LATERAL (SELECT id FROM ${quoted} WHERE idempotency_key = ${key}) AS d ON true
    LEFT JOIN LATERAL (SELECT position, id, row_hash FROM ${quoted} WHERE position IS NOT NULL
                        ORDER BY position DESC LIMIT 1) AS h ON true`;
}
/** Appends a row at the head inside the caller's transaction (which holds the chain lock). */
async function appendIn(client, table, row, now) {
    const quoted = (0,_db_js__WEBPACK_IMPORTED_MODULE_2__/* .quoteIdent */ .v4)("table", table);
    const found = (await client.query(headSql(quoted, "$1"), [row.idempotencyKey])).rows[0];
    if (found.dup_id)
        return { id: found.dup_id, duplicate: true, position: -1, rowHash: "" };
    const head = found.position !== null
        ? { position: Number(found.position), id: found.id ?? "", rowHash: found.row_hash ?? "" }
        : await startChain(client, table, now);
    const sealed = sealAfter(head, found.next, row);
    await insertSealed(client, quoted, sealed);
    return { id: sealed.id, duplicate: false, position: sealed.position, rowHash: sealed.rowHash };
}
/** The error code of a unique index refusing a row (a position or key already taken). */
const UNIQUE_VIOLATION = "23505";


/***/ }),

/***/ 5221:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ep: () => (/* binding */ listCheckpoints),
/* harmony export */   Kp: () => (/* binding */ writeCheckpoint),
/* harmony export */   Nm: () => (/* binding */ checkpointHead),
/* harmony export */   Ox: () => (/* binding */ insertCheckpoint)
/* harmony export */ });
/* harmony import */ var _core_audit_checkpoint_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9856);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1723);
/* harmony import */ var _chain_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6379);



/** Stores a checkpoint document in the table's checkpoints table. */
async function insertCheckpoint(db, table, doc) {
    await db.query(`INSERT INTO ${(0,_chain_js__WEBPACK_IMPORTED_MODULE_2__/* .checkpointsTable */ .mc)(table)} (position, head_hash, reason, signed, document)
     VALUES ($1, $2, $3, $4, $5::jsonb)`, [doc.position, doc.head_hash, doc.reason, doc.signature !== null, JSON.stringify(doc)]);
}
/** Every stored checkpoint, oldest first; a row that is not a checkpoint document is returned as an error. */
async function listCheckpoints(db, table) {
    const res = await db.query(`SELECT id, document FROM ${(0,_chain_js__WEBPACK_IMPORTED_MODULE_2__/* .checkpointsTable */ .mc)(table)} ORDER BY id`);
    return res.rows.map((r) => {
        try {
            return { id: r.id, doc: (0,_core_audit_checkpoint_js__WEBPACK_IMPORTED_MODULE_0__/* .parseCheckpoint */ .S7)(`checkpoint row ${r.id}`, r.document) };
        }
        catch (err) {
            return { id: r.id, error: err.message };
        }
    });
}
/**
 * A checkpoint of the head as it stands: signed with `key` when given, unsigned otherwise (only prune records
 * unsigned ones). Stored in the checkpoints table and returned.
 */
async function checkpointHead(pool, table, key, reason, now) {
    const head = await (0,_chain_js__WEBPACK_IMPORTED_MODULE_2__/* .readHead */ .zy)(pool, table);
    if (!head)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ProdgateError */ .fc(`the audit table ${table} has no chain yet: nothing to checkpoint`);
    const doc = (0,_core_audit_checkpoint_js__WEBPACK_IMPORTED_MODULE_0__/* .buildCheckpoint */ .tW)({ table, position: head.position, rowId: head.id, headHash: head.rowHash, time: now, reason }, key);
    await insertCheckpoint(pool, table, doc);
    return doc;
}
/**
 * The one call a deploy or rollback makes after its outcome row: with a signing key (the raw
 * `audit-signing-key` / PRODGATE_AUDIT_SIGNING_KEY value, or a parsed key), signs and stores a checkpoint of
 * the head; without one, writes nothing and says the trail is not signed. The caller masks the raw key
 * before calling (it is never part of what comes back) and puts `summary` in the job summary and `logLine`
 * in the log.
 */
async function writeCheckpoint(store, signingKey, opts = {}) {
    const key = typeof signingKey === "string"
        ? signingKey.trim()
            ? (0,_core_audit_checkpoint_js__WEBPACK_IMPORTED_MODULE_0__/* .parseSigningKey */ .UG)("audit-signing-key", signingKey)
            : undefined
        : signingKey;
    if (!key) {
        return {
            document: undefined,
            summary: (0,_core_audit_checkpoint_js__WEBPACK_IMPORTED_MODULE_0__/* .renderCheckpointSummary */ .jV)(undefined, store.table),
            logLine: `audit trail of ${store.table} not signed: no audit signing key is configured`,
        };
    }
    const document = await store.checkpoint(key, opts.reason ?? "manual", opts.now ?? new Date());
    return {
        document,
        summary: (0,_core_audit_checkpoint_js__WEBPACK_IMPORTED_MODULE_0__/* .renderCheckpointSummary */ .jV)(document, store.table),
        logLine: `audit checkpoint ${JSON.stringify(document)}`,
    };
}


/***/ }),

/***/ 6522:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I6: () => (/* binding */ databaseUrlSecrets),
/* harmony export */   LH: () => (/* binding */ withRetries),
/* harmony export */   LU: () => (/* binding */ dbFailure),
/* harmony export */   Ng: () => (/* binding */ connect),
/* harmony export */   Zm: () => (/* binding */ safeDbMessage),
/* harmony export */   h9: () => (/* binding */ newPool),
/* harmony export */   mx: () => (/* binding */ parseDatabaseUrl),
/* harmony export */   v4: () => (/* binding */ quoteIdent)
/* harmony export */ });
/* unused harmony exports sslFor, clientConfig, DatabaseError, isRetryable */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var pg__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3849);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1723);



function parseDatabaseUrl(input, raw) {
    const text = raw.trim();
    if (!text)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, "is required");
    let url;
    try {
        url = new URL(text);
    }
    catch {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, "is not a valid postgres:// URL");
    }
    if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, `must be a postgres:// URL; got scheme '${url.protocol.replace(/:$/, "")}'`);
    }
    if (!url.hostname)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, "has no host");
    if (!url.pathname || url.pathname === "/")
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, "has no database name");
    if (url.port && !/^\d+$/.test(url.port))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, "has an invalid port");
    const sslmode = url.searchParams.get("sslmode");
    if (sslmode !== null && !SSL_MODES.includes(sslmode.toLowerCase())) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, `has an unknown sslmode '${sslmode}' (expected one of ${SSL_MODES.join(", ")})`);
    }
    return url;
}
const SSL_MODES = ["disable", "allow", "prefer", "require", "no-verify", "verify-ca", "verify-full"];
function isLoopback(host) {
    return host === "localhost" || host === "::1" || host === "[::1]" || /^127\./.test(host);
}
function decode(part) {
    try {
        return decodeURIComponent(part);
    }
    catch {
        return part;
    }
}
/** TLS settings for an `sslmode` (as libpq names them), given the host. */
function sslFor(sslmode, host, rootCert) {
    const ca = rootCert ? { ca: rootCert } : {};
    switch (sslmode) {
        case "disable":
            return false;
        case "":
            return isLoopback(host) ? false : { rejectUnauthorized: true, ...ca };
        case "allow":
        case "prefer":
            return isLoopback(host) ? false : { rejectUnauthorized: false };
        case "require":
        case "no-verify":
            return { rejectUnauthorized: false };
        case "verify-ca":
            return { rejectUnauthorized: true, checkServerIdentity: () => undefined, ...ca };
        case "verify-full":
            return { rejectUnauthorized: true, ...ca };
        default:
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz("database-url", `has an unknown sslmode '${sslmode}'`);
    }
}
/**
 * The client settings for a URL. The URL is taken apart here rather than handed to pg as a connection
 * string, so that pg's own reading of `sslmode` cannot override the TLS settings chosen above.
 */
function clientConfig(databaseUrl, opts = {}) {
    const url = parseDatabaseUrl("database-url", databaseUrl);
    const sslmode = (url.searchParams.get("sslmode") ?? "").toLowerCase();
    const rootCertPath = url.searchParams.get("sslrootcert");
    const rootCert = rootCertPath ? (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(rootCertPath, "utf8") : undefined;
    const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
    return {
        host,
        port: url.port ? Number(url.port) : 5432,
        user: decode(url.username) || undefined,
        password: decode(url.password) || undefined,
        database: decode(url.pathname.slice(1)),
        ssl: sslFor(sslmode, host, rootCert),
        connectionTimeoutMillis: opts.connectTimeoutMs ?? 10_000,
        statement_timeout: opts.statementTimeoutMs ?? 30_000,
        application_name: opts.applicationName ?? url.searchParams.get("application_name") ?? "prodgate",
        keepAlive: opts.keepAlive ?? false,
    };
}
/** Opens one client. Errors never carry the URL nor its parts (user, password, host, database). */
async function connect(databaseUrl, opts = {}) {
    const client = new pg__WEBPACK_IMPORTED_MODULE_1__/* ["default"].Client */ .Ay.Client(clientConfig(databaseUrl, opts));
    // An idle client whose server goes away emits 'error'; without a listener that would crash the process.
    client.on("error", () => { });
    try {
        await client.connect();
    }
    catch (err) {
        throw new DatabaseError(`cannot connect to the database: ${safeDbMessage(err, databaseUrl)}`, err);
    }
    return client;
}
function newPool(databaseUrl, opts = {}) {
    const pool = new pg__WEBPACK_IMPORTED_MODULE_1__/* ["default"].Pool */ .Ay.Pool({ ...clientConfig(databaseUrl, opts), max: opts.max ?? 4 });
    pool.on("error", () => { });
    // A checked-out client whose server goes away also emits 'error' (the query in flight rejects as well):
    // every client the pool makes gets a listener, so a lost connection fails the call, never the process.
    pool.on("connect", (client) => client.on("error", () => { }));
    return pool;
}
/** The values a database URL holds that must never be shown: the URL itself and its password. */
function databaseUrlSecrets(raw) {
    const secrets = [raw, raw.trim()];
    try {
        const url = new URL(raw.trim());
        if (url.password)
            secrets.push(url.password, decode(url.password));
    }
    catch { }
    return [...new Set(secrets.filter((s) => s.length >= 4))];
}
/** Quotes an SQL identifier (table names are configurable). Accepts `schema.table`. */
function quoteIdent(input, name) {
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}(\.[A-Za-z_][A-Za-z0-9_]{0,62})?$/.test(name)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, `must be a table name (letters, digits, underscores, optionally schema.table); got '${name}'`);
    }
    return name
        .split(".")
        .map((p) => `"${p}"`)
        .join(".");
}
/**
 * A database failure with a message safe to print. `retryable` says whether trying again may help
 * (connection refused, reset or timed out, server shutting down, too many connections, serialization).
 */
class DatabaseError extends _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ProdgateError */ .fc {
    name = "DatabaseError";
    code;
    retryable;
    constructor(message, cause) {
        super(message);
        this.code = errorCode(cause);
        this.retryable = isRetryable(cause);
    }
}
function errorCode(err) {
    if (err instanceof DatabaseError)
        return err.code;
    const code = err?.code;
    return typeof code === "string" ? code : undefined;
}
const RETRYABLE_NODE_CODES = new Set([
    "ECONNREFUSED",
    "ECONNRESET",
    "ETIMEDOUT",
    "EPIPE",
    "EHOSTUNREACH",
    "ENETUNREACH",
    "EAI_AGAIN",
    "ENOTFOUND",
]);
/** Connection-level failures and transient server states; not SQL, permission or configuration errors. */
function isRetryable(err) {
    if (err instanceof DatabaseError)
        return err.retryable;
    const code = errorCode(err);
    if (code) {
        if (RETRYABLE_NODE_CODES.has(code))
            return true;
        // 08: connection exception; 57P01-03: shutdown / cannot connect now; 53300: too many connections;
        // 40001 / 40P01: serialization failure / deadlock.
        if (/^08/.test(code) || /^57P0[123]$/.test(code))
            return true;
        return ["53300", "40001", "40P01"].includes(code);
    }
    const message = err instanceof Error ? err.message : String(err);
    return /timeout|terminated|Connection ended|connection closed|ECONNRESET|not queryable/i.test(message);
}
/** Node's and OpenSSL's codes for a certificate that does not verify (unknown CA, wrong name, expired, ...). */
const CERT_UNVERIFIED = new Set([
    "DEPTH_ZERO_SELF_SIGNED_CERT",
    "SELF_SIGNED_CERT_IN_CHAIN",
    "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
    "UNABLE_TO_GET_ISSUER_CERT",
    "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
    "UNABLE_TO_GET_CRL",
    "CERT_UNTRUSTED",
    "CERT_REJECTED",
    "CERT_SIGNATURE_FAILURE",
    "CERT_HAS_EXPIRED",
    "CERT_NOT_YET_VALID",
    "INVALID_CA",
    "HOSTNAME_MISMATCH",
    "ERR_TLS_CERT_ALTNAME_INVALID",
]);
/** What a server error means, in words that carry no names from the URL. */
const CODE_MEANINGS = {
    ECONNREFUSED: "connection refused",
    ECONNRESET: "connection reset",
    ETIMEDOUT: "connection timed out",
    EHOSTUNREACH: "host unreachable",
    ENETUNREACH: "network unreachable",
    ENOTFOUND: "host not found",
    EAI_AGAIN: "host name lookup failed",
    "28P01": "password authentication failed",
    "28000": "the server refused the connection (authentication or pg_hba.conf rule)",
    "3D000": "the database does not exist",
    "53300": "too many connections",
    "57P01": "the server is shutting down",
    "57P03": "the server is not accepting connections yet",
    "57014": "statement timed out (statement_timeout)",
    "42501": "permission denied",
};
/**
 * A user-safe description of a pg or socket error: a fixed wording for connection and authentication
 * failures, the server's message for SQL errors (never its detail, which quotes row values), and in every
 * case the user, password, host and database of `databaseUrl` replaced.
 */
function safeDbMessage(err, databaseUrl) {
    if (err instanceof DatabaseError)
        return scrub(err.message, databaseUrl);
    const code = errorCode(err);
    const raw = err instanceof Error ? err.message : String(err);
    let message;
    if (code && CODE_MEANINGS[code])
        message = CODE_MEANINGS[code];
    else if (code && CERT_UNVERIFIED.has(code))
        message =
            `the server's TLS certificate could not be verified (${raw.replace(/; if the root CA is installed.*$/s, "")}). ` +
                "For Heroku Postgres, whose certificates no public CA signs, add sslmode=no-verify to the database URL " +
                "(postgres://...?sslmode=no-verify); for a server with its own CA, add sslrootcert=<CA file>";
    else if (/does not support SSL/i.test(raw))
        message = "the server does not offer TLS; add ?sslmode=disable to the database URL to connect without it";
    else if (/self[- ]signed|certificate|SSL|TLS/i.test(raw) && !/^[0-9A-Z]{5}$/.test(code ?? ""))
        message = `TLS handshake failed (${raw}); check sslmode and sslrootcert`;
    else if (/timeout expired|connection timeout/i.test(raw))
        message = "connection timed out";
    else if (/Connection terminated/i.test(raw))
        message = "the connection was closed by the server";
    else
        message = code && !raw.includes(code) ? `${raw} (${code})` : raw;
    return scrub(message, databaseUrl);
}
function scrub(message, databaseUrl) {
    if (!databaseUrl)
        return message;
    let url;
    try {
        url = new URL(databaseUrl);
    }
    catch {
        return message;
    }
    const parts = [
        [url.password, "<password>"],
        [decode(url.password), "<password>"],
        [url.username, "<user>"],
        [decode(url.username), "<user>"],
        [decode(url.pathname.slice(1)), "<database>"],
        [url.hostname.replace(/^\[(.*)\]$/, "$1"), "<host>"],
    ];
    let out = message.split(databaseUrl).join("<database-url>");
    for (const [value, placeholder] of parts)
        if (value.length >= 2)
            out = out.split(value).join(placeholder);
    return out;
}
/** Wraps any database failure into a DatabaseError whose message says what was being done. */
function dbFailure(doing, err, databaseUrl) {
    if (err instanceof DatabaseError && err.message.startsWith(doing))
        return err;
    return new DatabaseError(`${doing}: ${safeDbMessage(err, databaseUrl)}`, err);
}
/** Runs `fn` again after a retryable failure (see isRetryable), with exponential backoff. */
async function withRetries(fn, opts = {}) {
    const retries = opts.retries ?? 4;
    const base = opts.baseMs ?? 200;
    const max = opts.maxMs ?? 3000;
    const sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    for (let attempt = 0;; attempt++) {
        try {
            return await fn(attempt);
        }
        catch (err) {
            if (attempt >= retries || !isRetryable(err))
                throw err;
            const wait = Math.min(max, base * 2 ** attempt) * (0.75 + Math.random() * 0.5);
            opts.onRetry?.(attempt + 1, err, wait);
            await sleep(wait);
        }
    }
}


/***/ }),

/***/ 1243:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Pi: () => (/* binding */ migrateUp),
/* harmony export */   uB: () => (/* binding */ DEFAULT_TABLES)
/* harmony export */ });
/* unused harmony exports migrationsDir, loadMigrations, applyNames, migrationScope, splitDown, migrateDown */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3136);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1723);
/* harmony import */ var _db_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6522);





/** The key of the advisory lock that serialises migration runners (any constant unique to prodgate). */
const MIGRATION_LOCK = 7_246_813_001;
/**
 * Finds db/migrations: next to the source tree in the repository, or next to a bundle in dist/<name>/
 * (the build copies nothing; bundles resolve ../../db/migrations from the action's checkout).
 */
function migrationsDir() {
    const here = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)((0,node_url__WEBPACK_IMPORTED_MODULE_2__.fileURLToPath)(import.meta.url));
    const candidates = [
        process.env.PRODGATE_MIGRATIONS_DIR,
        (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(here, "../../db/migrations"),
        (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(here, "../../../db/migrations"),
        (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(process.cwd(), "db/migrations"),
    ].filter((p) => Boolean(p));
    const found = candidates.find((p) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(p));
    if (!found)
        throw new Error(`db/migrations not found (looked in ${candidates.join(", ")})`);
    return found;
}
/** `0001_console_audit_log.sql` + `0001_console_audit_log.down.sql`. */
function loadMigrations(dir = migrationsDir()) {
    const files = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir);
    return files
        .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f) && !f.endsWith(".down.sql"))
        .sort()
        .map((file) => {
        const version = Number(file.slice(0, 4));
        const name = file.replace(/\.sql$/, "");
        const downFile = `${name}.down.sql`;
        if (!files.includes(downFile))
            throw new Error(`migration ${file} has no down file ${downFile}`);
        return {
            version,
            name,
            up: (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, file), "utf8"),
            down: (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, downFile), "utf8"),
        };
    });
}
const DEFAULT_TABLES = {
    audit: "console_audit_log",
    poll: "console_poll_log",
    rotation: "console_rotation_jobs",
};
function tablePattern(table, derived) {
    return new RegExp(`\\b${table}${derived ? "(\\w*)" : "\\b"}`, "g");
}
/**
 * Rewrites a migration for configured table names: `console_audit_log` becomes the configured name
 * (quoted, so `schema.table` and mixed case work), and identifiers derived from it, such as
 * `console_audit_log_target_created_at_idx`, take the table part of that name as their prefix.
 */
function applyNames(sql, names) {
    let out = sql;
    for (const key of Object.keys(DEFAULT_TABLES)) {
        const fallback = DEFAULT_TABLES[key];
        const custom = names[key];
        if (!custom || custom === fallback)
            continue;
        const quoted = (0,_db_js__WEBPACK_IMPORTED_MODULE_4__/* .quoteIdent */ .v4)("table", custom);
        const bare = custom.split(".").pop() ?? custom;
        out = out.replace(tablePattern(fallback, true), (_m, suffix) => suffix ? `"${bare}${suffix}"` : quoted);
    }
    return out;
}
/**
 * The tables a migration creates or changes, under their configured names, joined: the record of a
 * migration in `prodgate_migrations` is per (version, scope), so migrating a second, differently named audit
 * table on a database where the default one is already migrated creates it instead of finding nothing to do.
 */
function migrationScope(m, names) {
    return Object.keys(DEFAULT_TABLES)
        .filter((key) => tablePattern(DEFAULT_TABLES[key], false).test(m.up))
        .map((key) => names[key] || DEFAULT_TABLES[key])
        .sort()
        .join(",");
}
/** Creates `prodgate_migrations`, or upgrades one keyed by version alone (every row then had default names). */
async function ensureMigrationsTable(client, migrations) {
    await client.query(`CREATE TABLE IF NOT EXISTS prodgate_migrations (
       version integer NOT NULL, scope text NOT NULL DEFAULT '', name text NOT NULL,
       applied_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (version, scope))`);
    const pk = await client.query(`SELECT array_length(indkey::int2[], 1) AS n FROM pg_index
      WHERE indrelid = 'prodgate_migrations'::regclass AND indisprimary`);
    if (pk.rows[0]?.n === 2)
        return;
    await inTransaction(client, async () => {
        await client.query("ALTER TABLE prodgate_migrations ADD COLUMN IF NOT EXISTS scope text");
        for (const m of migrations) {
            await client.query("UPDATE prodgate_migrations SET scope = $2 WHERE version = $1 AND scope IS NULL", [
                m.version,
                migrationScope(m, {}),
            ]);
        }
        await client.query(`UPDATE prodgate_migrations SET scope = '' WHERE scope IS NULL;
       ALTER TABLE prodgate_migrations ALTER COLUMN scope SET NOT NULL, ALTER COLUMN scope SET DEFAULT '',
         DROP CONSTRAINT IF EXISTS prodgate_migrations_pkey, ADD PRIMARY KEY (version, scope)`);
    });
}
async function inTransaction(client, fn) {
    await client.query("BEGIN");
    try {
        await fn();
        await client.query("COMMIT");
    }
    catch (err) {
        await client.query("ROLLBACK").catch(() => { });
        throw err;
    }
}
/**
 * Runs `step` for each migration `pick` selects, in order, each in its own transaction, while holding the
 * advisory lock that makes concurrent runners wait for each other (the second then finds nothing to do).
 */
async function migrate(client, migrations, pick, step, direction) {
    const ran = [];
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    try {
        await ensureMigrationsTable(client, migrations);
        const rows = (await client.query("SELECT version, scope FROM prodgate_migrations")).rows;
        const keys = new Set(rows.map((r) => `${r.version}\u0000${r.scope}`));
        const applied = { has: (version, scope) => keys.has(`${version}\u0000${scope}`) };
        for (const m of migrations) {
            if (!pick(m, applied))
                continue;
            try {
                await inTransaction(client, () => step(m));
            }
            catch (err) {
                const what = direction === "up" ? m.name : `${m.name} (down)`;
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ProdgateError */ .fc(`migration ${what} failed: ${(0,_db_js__WEBPACK_IMPORTED_MODULE_4__/* .safeDbMessage */ .Zm)(err)}`);
            }
            ran.push(m.name);
        }
    }
    finally {
        await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => { });
    }
    return ran;
}
/**
 * Applies every pending migration, each in its own transaction, recorded in `prodgate_migrations` under
 * the table names it was applied with. Returns the names applied.
 */
async function migrateUp(client, names = {}, migrations = loadMigrations()) {
    return migrate(client, migrations, (m, applied) => !applied.has(m.version, migrationScope(m, names)), async (m) => {
        await client.query(applyNames(m.up, names));
        await client.query("INSERT INTO prodgate_migrations (version, scope, name) VALUES ($1, $2, $3)", [
            m.version,
            migrationScope(m, names),
            m.name,
        ]);
    }, "up");
}
/**
 * A down file may end with a section that starts with a line `-- prodgate:shared`: statements on tables that
 * TableNames does not rename (prodgate_sweeps, prodgate_surface_state), which every scope of the migration
 * creates with IF NOT EXISTS and so shares. That section runs only when the last scope of the version is
 * reverted; the part before it runs for each scope, under its names. Returns the two parts.
 */
function splitDown(down) {
    const marker = /^-- prodgate:shared\b.*$/m.exec(down);
    if (!marker)
        return { scoped: down, shared: "" };
    return { scoped: down.slice(0, marker.index), shared: down.slice(marker.index) };
}
/**
 * Reverts migrations newer than `target` (0 = all), newest first, for the scope `names` gives each one.
 * With renamed tables, only the migrations of those tables are reverted: a migration whose tables all keep
 * their default names belongs to the default scope, which other users of the database may share (revert it
 * with default names). Tables every scope shares are dropped only with the last scope (see splitDown).
 * Returns the names reverted.
 */
async function migrateDown(client, target = 0, names = {}, migrations = loadMigrations()) {
    return migrate(client, [...migrations].reverse(), (m, applied) => {
        const scope = migrationScope(m, names);
        const renamed = scope !== migrationScope(m, {});
        const defaults = Object.keys(DEFAULT_TABLES).every((key) => !names[key] || names[key] === DEFAULT_TABLES[key]);
        return m.version > target && applied.has(m.version, scope) && (defaults || renamed);
    }, async (m) => {
        const { scoped, shared } = splitDown(m.down);
        if (scoped.trim())
            await client.query(applyNames(scoped, names));
        await client.query("DELETE FROM prodgate_migrations WHERE version = $1 AND scope = $2", [
            m.version,
            migrationScope(m, names),
        ]);
        if (!shared.trim())
            return;
        const others = await client.query("SELECT 1 FROM prodgate_migrations WHERE version = $1 LIMIT 1", [
            m.version,
        ]);
        if (others.rowCount === 0)
            await client.query(shared);
    }, "down");
}


/***/ }),

/***/ 5766:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ openTable),
/* harmony export */   s: () => (/* binding */ TableStore)
/* harmony export */ });
/* harmony import */ var _db_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6522);
/* harmony import */ var _migrate_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1243);


/**
 * Checks the URL and the table name, applies the scope's pending migrations (retrying transient failures),
 * then opens a pool. `input` names the option in errors about the table name; `doing` words a failed
 * migration ("cannot migrate the audit database").
 */
async function openTable(databaseUrl, opts, scope, input, doing) {
    (0,_db_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDatabaseUrl */ .mx)("database-url", databaseUrl);
    const table = opts.table?.trim() || _migrate_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_TABLES */ .uB[scope];
    (0,_db_js__WEBPACK_IMPORTED_MODULE_0__/* .quoteIdent */ .v4)(input, table);
    const retry = opts.retry ?? {};
    if (opts.migrate ?? true) {
        try {
            await (0,_db_js__WEBPACK_IMPORTED_MODULE_0__/* .withRetries */ .LH)(async () => {
                const client = await (0,_db_js__WEBPACK_IMPORTED_MODULE_0__/* .connect */ .Ng)(databaseUrl, opts);
                try {
                    await (0,_migrate_js__WEBPACK_IMPORTED_MODULE_1__/* .migrateUp */ .Pi)(client, { [scope]: table });
                }
                finally {
                    await client.end().catch(() => { });
                }
            }, retry);
        }
        catch (err) {
            throw (0,_db_js__WEBPACK_IMPORTED_MODULE_0__/* .dbFailure */ .LU)(doing, err, databaseUrl);
        }
    }
    const pool = (0,_db_js__WEBPACK_IMPORTED_MODULE_0__/* .newPool */ .h9)(databaseUrl, { ...opts, max: opts.poolSize ?? 4 });
    return { pool, databaseUrl, table, retry };
}
/** A store over one table, holding a pool. Failures come out as DatabaseErrors naming what was being done. */
class TableStore {
    table;
    pool;
    databaseUrl;
    retry;
    /** The table's name, quoted for SQL. */
    quoted;
    constructor(parts) {
        this.pool = parts.pool;
        this.databaseUrl = parts.databaseUrl;
        this.table = parts.table;
        this.retry = parts.retry;
        this.quoted = (0,_db_js__WEBPACK_IMPORTED_MODULE_0__/* .quoteIdent */ .v4)("table", parts.table);
    }
    /** Runs `fn`, retrying transient failures when `retry` is given; wraps a failure as `doing: reason`. */
    async attempt(doing, fn, retry) {
        try {
            return retry ? await (0,_db_js__WEBPACK_IMPORTED_MODULE_0__/* .withRetries */ .LH)(fn, retry) : await fn();
        }
        catch (err) {
            throw (0,_db_js__WEBPACK_IMPORTED_MODULE_0__/* .dbFailure */ .LU)(doing, err, this.databaseUrl);
        }
    }
    async close() {
        await this.pool.end().catch(() => { });
    }
}


/***/ })

};
