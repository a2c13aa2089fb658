export const id = 871;
export const ids = [871];
export const modules = {

/***/ 80:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   localPreview: () => (/* binding */ localPreview),
/* harmony export */   previewTerminalLines: () => (/* binding */ previewTerminalLines),
/* harmony export */   registerPreview: () => (/* binding */ registerPreview),
/* harmony export */   resolveLocalRef: () => (/* binding */ resolveLocalRef)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7975);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1723);
/* harmony import */ var _core_gate_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5263);
/* harmony import */ var _core_inputs_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1621);
/* harmony import */ var _core_ports_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6482);
/* harmony import */ var _core_preview_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2634);
/* harmony import */ var _vendors_heroku_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6561);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(6773);
/* harmony import */ var _prompt_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(4307);
/* harmony import */ var _terminal_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(6481);











const execFileAsync = (0,node_util__WEBPACK_IMPORTED_MODULE_1__.promisify)(node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile);
async function git(cwd, args) {
    try {
        const { stdout } = await execFileAsync("git", args, { cwd, maxBuffer: 64 * 1024 * 1024 });
        return { code: 0, stdout };
    }
    catch (err) {
        const e = err;
        return { code: typeof e.code === "number" ? e.code : 1, stdout: e.stdout ?? "" };
    }
}
/** The full SHA `ref` names in the checkout at `cwd`; the error says what to do. */
async function resolveLocalRef(cwd, ref) {
    const inside = await git(cwd, ["rev-parse", "--is-inside-work-tree"]);
    if (inside.code !== 0 || inside.stdout.trim() !== "true")
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz("--ref", `needs a git checkout, but ${cwd} is not one: run prodgate from your app's repository`);
    const r = await git(cwd, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
    const sha = r.stdout.trim();
    if (r.code !== 0 || !/^[0-9a-f]{40}$/.test(sha))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz("--ref", `'${ref}' is not a commit in the checkout at ${cwd}: fetch it, or check the name`);
    return sha;
}
async function hasCommit(cwd, sha) {
    return (await git(cwd, ["cat-file", "-e", `${sha}^{commit}`])).code === 0;
}
async function count(cwd, range) {
    return Number((await git(cwd, ["rev-list", "--count", range])).stdout.trim()) || 0;
}
async function commitsIn(cwd, range, max) {
    if (max <= 0)
        return [];
    const r = await git(cwd, ["log", `--max-count=${max}`, "--format=%H%x1f%an%x1f%aI%x1f%B%x1e", range]);
    return r.stdout
        .split("\x1e")
        .map((rec) => rec.replace(/^\n/, ""))
        .filter((rec) => rec.includes("\x1f"))
        .map((rec) => {
        const [sha = "", author = "", date = "", message = ""] = rec.split("\x1f");
        return { sha, author, date: toUtc(date), message: message.trim() };
    });
}
function toUtc(iso) {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? undefined : d.toISOString().replace(/\.\d+Z$/, "Z");
}
const STATUS = { A: "added", D: "removed", M: "modified", T: "changed" };
/** The files that change from `base` to `head` (three-dot: from their merge base), as GitHub lists them. */
async function filesBetween(cwd, base, head) {
    const [numstat, names] = await Promise.all([
        git(cwd, ["diff", "--numstat", "--no-renames", `${base}...${head}`]),
        git(cwd, ["diff", "--name-status", "--no-renames", `${base}...${head}`]),
    ]);
    const status = new Map();
    for (const line of names.stdout.split("\n")) {
        const [code = "", name] = line.split("\t");
        if (name)
            status.set(name, STATUS[code[0] ?? ""] ?? "modified");
    }
    const files = [];
    for (const line of numstat.stdout.split("\n")) {
        const [add = "", del = "", name] = line.split("\t");
        if (!name)
            continue;
        const additions = Number(add) || 0;
        const deletions = Number(del) || 0;
        files.push({
            filename: name,
            status: status.get(name) ?? "modified",
            additions,
            deletions,
            changes: additions + deletions,
        });
    }
    return files;
}
async function localPreview(req, ports) {
    const clock = ports.clock ?? _core_ports_js__WEBPACK_IMPORTED_MODULE_5__/* .systemClock */ .m;
    const { cwd } = req;
    const max = Math.max(0, Math.min(req.maxCommits, _core_preview_js__WEBPACK_IMPORTED_MODULE_6__/* .MAX_PREVIEW_COMMITS */ .dT));
    const toSha = await resolveLocalRef(cwd, req.ref);
    const top = (await git(cwd, ["rev-parse", "--show-toplevel"])).stdout.trim() || cwd;
    const live = await ports.heroku.liveCommit(req.app);
    const base = {
        repository: top,
        serverUrl: "",
        app: req.app,
        environment: req.environment,
        production: req.production,
        to: { sha: toSha, ref: req.ref },
        generatedAt: clock.now().toISOString(),
    };
    const empty = {
        ahead: 0,
        behind: 0,
        commitCount: 0,
        commits: [],
        removed: [],
        files: [],
        filesDirection: "ship",
    };
    if (!live.sha) {
        const total = await count(cwd, toSha);
        return {
            ...base,
            ...empty,
            status: "first-deploy",
            ahead: total,
            commitCount: total,
            commits: await commitsIn(cwd, toSha, max),
        };
    }
    const from = {
        sha: live.sha,
        source: "heroku",
        release: live.release?.version !== undefined ? `release v${live.release.version}` : undefined,
    };
    if ((0,_core_preview_js__WEBPACK_IMPORTED_MODULE_6__/* .classifyPreview */ .L5)(live.sha, toSha, undefined) === "identical")
        return { ...base, ...empty, from, status: "identical" };
    if (!(await hasCommit(cwd, live.sha)))
        return {
            ...base,
            ...empty,
            from,
            status: "unknown",
            note: "not in the local checkout: git fetch, then look again",
        };
    const [ahead, behind] = await Promise.all([
        count(cwd, `${live.sha}..${toSha}`),
        count(cwd, `${toSha}..${live.sha}`),
    ]);
    const relation = ahead > 0 && behind > 0 ? "diverged" : behind > 0 ? "behind" : ahead > 0 ? "ahead" : "identical";
    const status = (0,_core_preview_js__WEBPACK_IMPORTED_MODULE_6__/* .classifyPreview */ .L5)(live.sha, toSha, relation);
    const [commits, removed] = await Promise.all([
        commitsIn(cwd, `${live.sha}..${toSha}`, max),
        behind > 0 ? commitsIn(cwd, `${toSha}..${live.sha}`, max) : Promise.resolve([]),
    ]);
    const revert = status === "behind";
    const files = revert ? await filesBetween(cwd, toSha, live.sha) : await filesBetween(cwd, live.sha, toSha);
    return {
        ...base,
        from,
        status,
        ahead,
        behind,
        commitCount: ahead,
        commits,
        removed,
        files,
        filesDirection: revert ? "revert" : "ship",
    };
}
/** The preview for a terminal: from → to, the status sentence (loud when it removes commits), commits, files. */
function previewTerminalLines(p) {
    const [, fromTo = "", sentence = "", ...commits] = (0,_core_preview_js__WEBPACK_IMPORTED_MODULE_6__/* .previewLogLines */ .w)(p);
    const loud = p.status === "behind" || p.status === "diverged" || p.status === "unknown";
    const lines = [
        (0,_terminal_js__WEBPACK_IMPORTED_MODULE_10__/* .paint */ .nI)(fromTo, "bold"),
        loud ? (0,_terminal_js__WEBPACK_IMPORTED_MODULE_10__/* .paint */ .nI)(sentence, "yellow", "bold") : p.status === "identical" ? (0,_terminal_js__WEBPACK_IMPORTED_MODULE_10__/* .paint */ .nI)(sentence, "gray") : sentence,
    ];
    for (const c of commits)
        lines.push(c.replace(/^( {2})([0-9a-f]{7})/, (_m, sp, sha) => `${sp}${(0,_terminal_js__WEBPACK_IMPORTED_MODULE_10__/* .paint */ .nI)(sha, "yellow")}`));
    if (p.removed.length) {
        lines.push((0,_terminal_js__WEBPACK_IMPORTED_MODULE_10__/* .paint */ .nI)(`Live commits this deploy removes (${p.behind}):`, "yellow", "bold"));
        for (const c of p.removed.slice(0, 10))
            lines.push(`  ${(0,_terminal_js__WEBPACK_IMPORTED_MODULE_10__/* .paint */ .nI)(c.sha.slice(0, 7), "yellow")} ${c.message.split("\n")[0] ?? ""} (${c.author})`);
    }
    if (p.files.length) {
        const t = (0,_core_preview_js__WEBPACK_IMPORTED_MODULE_6__/* .fileTotals */ .Ed)(p.files);
        const verb = p.filesDirection === "revert" ? "Files changed back" : "Files";
        lines.push(`${verb}: ${t.files} changed, ${(0,_terminal_js__WEBPACK_IMPORTED_MODULE_10__/* .paint */ .nI)(`+${t.additions}`, "green")} ${(0,_terminal_js__WEBPACK_IMPORTED_MODULE_10__/* .paint */ .nI)(`−${t.deletions}`, "red")}`);
        for (const f of (0,_core_preview_js__WEBPACK_IMPORTED_MODULE_6__/* .largestFiles */ .Sd)(p.files, 10))
            lines.push(`  ${f.filename} (${f.status}, +${f.additions} −${f.deletions})`);
        if (p.files.length > 10)
            lines.push(`  … and ${p.files.length - 10} more`);
    }
    return lines;
}
function registerPreview(program, ctx) {
    program
        .command("preview")
        .description("Show what a deploy of a local ref would ship: the SHA live on the app → the ref, from local git")
        .requiredOption("--app <name>", "the Heroku app")
        .option("--ref <ref>", "branch, tag or SHA in this checkout", "HEAD")
        .option("--environment <name>", "the environment the app serves", "production")
        .option("--production-environments <list>", "environments that count as production", "production")
        .option("--max-commits <n>", "list at most this many commits (counts stay exact)", "20")
        .option("--markdown", "print the preview as markdown on stdout (as the diff-preview action renders it)")
        .option("--json", "print the preview as JSON on stdout")
        .addHelpText("after", `
Read-only: it writes nothing and needs no GitHub (the commits come from this checkout).
Environment: HEROKU_API_KEY (required), HEROKU_API_URL (optional base URL).
Exit codes: 0 shown, 1 Heroku or git failed, 2 bad usage (unknown ref, no checkout, no HEROKU_API_KEY).`)
        .action(async (opts) => {
        const app = (0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .parseHerokuApp */ .j0)("--app", opts.app);
        const maxCommits = (0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .parseInteger */ .cG)("--max-commits", opts.maxCommits, 0, _core_preview_js__WEBPACK_IMPORTED_MODULE_6__/* .MAX_PREVIEW_COMMITS */ .dT);
        const apiKey = (0,_context_js__WEBPACK_IMPORTED_MODULE_8__/* .envSecret */ .eo)(ctx, "HEROKU_API_KEY", true) ?? "";
        const heroku = new _vendors_heroku_js__WEBPACK_IMPORTED_MODULE_7__/* .HerokuClient */ .K({
            apiKey,
            baseUrl: ctx.env.HEROKU_API_URL,
            onRetry: (m) => ctx.reporter.warning(m),
        });
        const production = (0,_core_gate_js__WEBPACK_IMPORTED_MODULE_3__/* .isProduction */ .KV)(opts.environment, (0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .parseList */ .E1)(opts.productionEnvironments));
        const preview = await localPreview({ app, environment: opts.environment, production, ref: opts.ref, cwd: process.cwd(), maxCommits }, { heroku });
        ctx.reporter.info((0,_prompt_js__WEBPACK_IMPORTED_MODULE_9__/* .targetBanner */ .MQ)(app, opts.environment, production));
        for (const line of previewTerminalLines(preview))
            ctx.reporter.info(line);
        if (opts.json)
            ctx.json(preview);
        else if (opts.markdown)
            process.stdout.write((0,_core_preview_js__WEBPACK_IMPORTED_MODULE_6__/* .renderPreviewMarkdown */ .mV)(preview));
    });
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

/***/ 5263:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bk: () => (/* binding */ isNeverAllowedEvent),
/* harmony export */   F$: () => (/* binding */ checkTriggerEvent),
/* harmony export */   G: () => (/* binding */ parseBranches),
/* harmony export */   KV: () => (/* binding */ isProduction),
/* harmony export */   RJ: () => (/* binding */ planEnvironment),
/* harmony export */   _y: () => (/* binding */ parseReviewers),
/* harmony export */   kz: () => (/* binding */ reviewerLabel),
/* harmony export */   yS: () => (/* binding */ requiredReviewers)
/* harmony export */ });
/* unused harmony exports PRODUCTION_EVENT, MAX_REVIEWERS */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1723);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1621);


/** The one event that starts a production deploy without a policy naming another (plus the CLI's typed phrase). */
const PRODUCTION_EVENT = "workflow_dispatch";
/**
 * Events that can never start a production deploy, not even when a policy names them: a push or a pull
 * request (any `pull_request*` event), a schedule, or another workflow's completion deploy by accident.
 */
function isNeverAllowedEvent(eventName) {
    const e = eventName.trim().toLowerCase();
    return e === "push" || e.startsWith("pull_request") || e === "schedule" || e === "workflow_run";
}
/** The one meaning of production: the environment is one of `production-environments` (case-insensitive). */
function isProduction(environment, productionEnvironments) {
    const env = environment.trim().toLowerCase();
    return productionEnvironments.some((p) => p.trim().toLowerCase() === env);
}
/**
 * The structural guard, an allow-list: production starts only from `workflow_dispatch`, or from an event the
 * policy file names deliberately (`events:`), and never from push, pull_request*, schedule or workflow_run.
 * The refusal quotes the event as GitHub spells it.
 */
function checkTriggerEvent(eventName, environment, productionEnvironments, allowedEvents = []) {
    if (!isProduction(environment, productionEnvironments))
        return;
    const event = eventName.trim();
    if (event === PRODUCTION_EVENT)
        return;
    if (!isNeverAllowedEvent(event) && allowedEvents.some((e) => e.trim() === event))
        return;
    const extra = allowedEvents.filter((e) => !isNeverAllowedEvent(e));
    const allowed = [PRODUCTION_EVENT, ...extra].join(", ");
    const hint = isNeverAllowedEvent(event)
        ? ` '${event}' can never deploy to production.`
        : ` To deploy from '${event}' deliberately, name it under environments.${environment}.events in .github/prodgate.yml on the default branch.`;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue(`refusing to deploy to ${environment}: the run was triggered by '${event}'. Production deploys start only from ${allowed} or the break-glass CLI.${hint}`);
}
/** Reviewers of the environment's required_reviewers rule; refuses when there are none and they are required. */
function requiredReviewers(env, environment, repository, require) {
    const rule = env?.protection_rules?.find((r) => r.type === "required_reviewers");
    const reviewers = (rule?.reviewers ?? []).map((r) => r.type === "Team" ? `@${r.reviewer.slug ?? r.reviewer.name ?? "team"}` : (r.reviewer.login ?? "unknown"));
    if (require && reviewers.length === 0) {
        const why = env ? "has no required reviewers" : "does not exist";
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue(`environment '${environment}' of ${repository} ${why}, so nobody would approve this deploy. Add required reviewers (Settings → Environments → ${environment} → Required reviewers, or \`prodgate env setup --repo ${repository} --environment ${environment} --reviewers LOGIN\`), or use the issue-comment gate (mode: issue) where required reviewers are not available.`);
    }
    return reviewers;
}
/** GitHub allows up to six reviewers (users or teams) on an environment. */
const MAX_REVIEWERS = 6;
function reviewerLabel(r) {
    return r.type === "User" ? r.login : `@${r.org}/${r.slug}`;
}
/** `alice,bob,@acme/ops`: users by login, teams as @org/slug; at most six, no duplicates. */
function parseReviewers(input, raw) {
    const out = [];
    for (const part of (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .parseList */ .E1)(raw)) {
        const team = /^@([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9_.-]{1,100})$/.exec(part);
        if (team)
            out.push({ type: "Team", org: team[1], slug: team[2].toLowerCase() });
        else if (/^@?[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/.test(part))
            out.push({ type: "User", login: part.replace(/^@/, "") });
        else
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `has '${part}', which is neither a GitHub login nor a team as @org/team-slug`);
    }
    if (out.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, "must name at least one reviewer (login or @org/team)");
    const labels = out.map((r) => reviewerLabel(r).toLowerCase());
    const dup = labels.find((l, i) => labels.indexOf(l) !== i);
    if (dup)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `names ${dup} twice`);
    if (out.length > MAX_REVIEWERS)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `names ${out.length} reviewers; GitHub allows at most ${MAX_REVIEWERS}`);
    return out;
}
/** Deployment branch names for `--branch`: `main`, `release/*`; fnmatch patterns GitHub takes. */
function parseBranches(input, raw) {
    const out = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .parseList */ .E1)(raw);
    for (const b of out)
        if (b.length > 255 || /[\s~^:?\\\u0000-\u001f\u007f]/.test(b) || b.startsWith("-") || b.includes(".."))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `has '${b}', which is not a branch name or pattern`);
    return [...new Set(out)];
}
/**
 * What `prodgate env setup` must change so that the environment matches `spec` (environment as code):
 * nothing when it already does, so running it again changes nothing. `ids` maps each reviewer's label to
 * the id GitHub knows it by; `currentBranches` are the names of the environment's branch policies.
 */
function planEnvironment(current, currentBranches, spec, ids) {
    const changes = [];
    const rule = current?.protection_rules?.find((r) => r.type === "required_reviewers");
    const have = new Set((rule?.reviewers ?? []).map((r) => r.type === "Team"
        ? `team:${r.reviewer.id ?? r.reviewer.slug}`
        : `user:${r.reviewer.id ?? r.reviewer.login}`));
    const want = new Set(spec.reviewers.map((r) => `${r.type === "Team" ? "team" : "user"}:${ids.get(reviewerLabel(r))}`));
    if (!current)
        changes.push("create the environment");
    if (have.size !== want.size || [...want].some((w) => !have.has(w)))
        changes.push(`required reviewers → ${spec.reviewers.map(reviewerLabel).join(", ")}`);
    if (Boolean(rule?.prevent_self_review) !== spec.preventSelfReview)
        changes.push(`prevent self-review → ${spec.preventSelfReview}`);
    const timerRule = current?.protection_rules?.find((r) => r.type === "wait_timer");
    if (spec.waitTimer !== undefined && (timerRule?.wait_timer ?? 0) !== spec.waitTimer)
        changes.push(`wait timer → ${spec.waitTimer} min`);
    const policy = current?.deployment_branch_policy ?? null;
    let branchPolicy;
    if (spec.branches !== undefined) {
        branchPolicy = spec.branches.length ? { protected_branches: false, custom_branch_policies: true } : null;
        const same = branchPolicy === null
            ? policy === null
            : Boolean(policy?.custom_branch_policies && !policy.protected_branches);
        if (!same)
            changes.push(branchPolicy ? "deployment branches → selected branches only" : "deployment branches → any branch");
    }
    const put = changes.length > 0
        ? {
            ...(spec.waitTimer !== undefined
                ? { wait_timer: spec.waitTimer }
                : timerRule?.wait_timer
                    ? { wait_timer: timerRule.wait_timer }
                    : {}),
            prevent_self_review: spec.preventSelfReview,
            reviewers: spec.reviewers.map((r) => ({ type: r.type, id: ids.get(reviewerLabel(r)) })),
            deployment_branch_policy: branchPolicy === undefined ? policy : branchPolicy,
        }
        : undefined;
    const wanted = spec.branches ?? [];
    const branchesToAdd = spec.branches ? wanted.filter((b) => !currentBranches.includes(b)) : [];
    const branchesToRemove = spec.branches ? currentBranches.filter((b) => !wanted.includes(b)) : [];
    for (const b of branchesToAdd)
        changes.push(`allow deploys from branch ${b}`);
    for (const b of branchesToRemove)
        changes.push(`no longer allow deploys from branch ${b}`);
    return { changes, put, branchesToAdd, branchesToRemove };
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

/***/ 2634:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ed: () => (/* binding */ fileTotals),
/* harmony export */   L5: () => (/* binding */ classifyPreview),
/* harmony export */   NI: () => (/* binding */ stickyKey),
/* harmony export */   Sd: () => (/* binding */ largestFiles),
/* harmony export */   dT: () => (/* binding */ MAX_PREVIEW_COMMITS),
/* harmony export */   h0: () => (/* binding */ short),
/* harmony export */   mV: () => (/* binding */ renderPreviewMarkdown),
/* harmony export */   vo: () => (/* binding */ sameSha),
/* harmony export */   w: () => (/* binding */ previewLogLines)
/* harmony export */ });
/* unused harmony exports DEFAULT_MAX_BYTES, isRollback, previewOutputs, targetBanner, firstLine, statusSentence */
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(333);

const MAX_PREVIEW_COMMITS = 250;
/** GitHub's comment limit is 65,536 characters; a summary stays well inside 64 KiB as well. */
const DEFAULT_MAX_BYTES = 60_000;
/**
 * The relation of the live SHA to the target. `compare` is GitHub's status of base=live...head=target, or
 * "unknown" when GitHub does not know the live SHA (or they share no history).
 */
function classifyPreview(fromSha, toSha, compare) {
    if (!fromSha)
        return "first-deploy";
    if (sameSha(fromSha, toSha))
        return "identical";
    return compare ?? "unknown";
}
/** Equal SHAs, one possibly abbreviated (at least 7 characters). */
function sameSha(a, b) {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    if (x.length < 7 || y.length < 7)
        return x === y;
    return x.startsWith(y) || y.startsWith(x);
}
const isRollback = (p) => p.status === "behind";
/** The action's outputs. */
function previewOutputs(p) {
    return {
        "from-sha": p.from?.sha ?? "",
        // What the deploy compares the live SHA with: the SHA, `none` (nothing was live), or '' (not known).
        "previewed-from": p.from?.sha ?? (p.liveKnown === false ? "" : "none"),
        "to-sha": p.to.sha,
        status: p.status,
        "commit-count": p.commitCount,
        ahead: p.ahead,
        behind: p.behind,
        "is-rollback": isRollback(p),
        "first-deploy": p.status === "first-deploy",
    };
}
/** The key of the one sticky comment per app and environment (shared with the deploy's outcome comment). */
function stickyKey(app, environment) {
    return `${app ?? "-"}@${environment}`;
}
/** "TARGET: PRODUCTION · my-app" */
function targetBanner(environment, app) {
    return `TARGET: ${environment.toUpperCase()}${app ? ` · ${app}` : ""}`;
}
function firstLine(message, max = 72) {
    const line = (message.split(/\r?\n/, 1)[0] ?? "").trim();
    return cut(line, max);
}
/** One plain sentence per status, for the log and the banner. */
function statusSentence(p) {
    const target = p.app ? `${p.app} (${p.environment})` : p.environment;
    const n = (count, word) => `${count.toLocaleString("en-US")} ${word}${count === 1 ? "" : "s"}`;
    switch (p.status) {
        case "ahead":
            return `${n(p.ahead, "commit")} will ship to ${target}.`;
        case "identical":
            return `Nothing to ship: ${target} already runs ${short(p.to.sha)}.`;
        case "behind":
            return `ROLLBACK: the target is ${n(p.behind, "commit")} BEHIND what ${target} runs now; deploying it removes them.`;
        case "diverged":
            return `DIVERGED: what ${target} runs is not an ancestor of the target (deployed from another branch?): ${n(p.ahead, "commit")} ship and ${n(p.behind, "live commit")} disappear.`;
        case "unknown":
            return `UNKNOWN: the SHA live on ${target} (${short(p.from?.sha ?? "")}) is not in ${p.repository}${p.note ? ` (${p.note})` : ""}; what changes cannot be listed.`;
        case "first-deploy":
            return `First deploy: nothing is live on ${target} yet; ${n(p.commitCount, "commit")} of history up to ${short(p.to.sha)} ship.`;
    }
}
/** Log lines (no markdown). */
function previewLogLines(p) {
    const from = p.from
        ? `${short(p.from.sha)}${p.from.release ? ` (live, ${p.from.release})` : ""}`
        : "(nothing live)";
    const ref = p.to.ref && !sameSha(p.to.ref, p.to.sha) ? ` (${p.to.ref})` : "";
    const lines = [targetBanner(p.environment, p.app), `${from} → ${short(p.to.sha)}${ref}`, statusSentence(p)];
    for (const c of p.commits.slice(0, 20))
        lines.push(`  ${short(c.sha)} ${firstLine(c.message)} (${c.author})`);
    if (p.commitCount > Math.min(20, p.commits.length))
        lines.push(`  … and ${(p.commitCount - Math.min(20, p.commits.length)).toLocaleString("en-US")} more`);
    return lines;
}
/**
 * The preview as markdown: banner, from → to with links, the status (a loud warning for a rollback or a
 * divergence), the commit table, the files table and a footer. Never over `maxBytes`: the tables shrink
 * until it fits, with "and N more" lines that keep the counts right.
 */
function renderPreviewMarkdown(p, opts = {}) {
    const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
    let commitRows = p.commits.length;
    let removedRows = p.removed.length;
    let fileRows = Math.min(10, p.files.length);
    for (let guard = 0; guard < 64; guard++) {
        const text = render(p, opts, commitRows, removedRows, fileRows);
        if (bytes(text) <= max)
            return text;
        if (commitRows === 0 && removedRows === 0 && fileRows === 0)
            return cutBytes(text, max);
        // Shrink the biggest table first, by half.
        if (commitRows >= removedRows && commitRows > 0)
            commitRows = Math.floor(commitRows / 2);
        else if (removedRows > 0)
            removedRows = Math.floor(removedRows / 2);
        else
            fileRows = Math.floor(fileRows / 2);
    }
    return cutBytes(render(p, opts, 0, 0, 0), max);
}
function render(p, opts, commitRows, removedRows, fileRows) {
    const out = [];
    if (opts.before)
        out.push(opts.before, "");
    const prod = p.production;
    const icon = prod ? "🔴" : "🟡";
    out.push(`## ${icon} ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMd */ .X)(targetBanner(p.environment, p.app))}`, "");
    const toLink = link(`\`${short(p.to.sha)}\``, p.to.url);
    const ref = p.to.ref && !sameSha(p.to.ref, p.to.sha) ? ` (${code(p.to.ref)})` : "";
    const fromText = p.from
        ? `${link(`\`${short(p.from.sha)}\``, p.from.url)} (live${p.from.release ? `, ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMd */ .X)(p.from.release)}` : ""})`
        : "_nothing live yet_";
    out.push(`**From** ${fromText} → **to** ${toLink}${ref}`, "");
    const sentence = (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMd */ .X)(statusSentence(p));
    const compare = p.compareUrl ? ` · [full comparison](${p.compareUrl})` : "";
    switch (p.status) {
        case "behind":
            out.push("> [!CAUTION]", `> **${sentence}**`, "");
            break;
        case "diverged":
        case "unknown":
            out.push("> [!WARNING]", `> **${sentence}**`, "");
            break;
        case "identical":
            out.push("> [!NOTE]", `> ${sentence}`, "");
            break;
        default:
            out.push(`**Status: ${p.status}** · ${sentence}`, "");
    }
    out.push(`| Status | Ships | Removed | Compare |`, `| --- | ---: | ---: | --- |`, `| ${p.status} | ${fmt(p.commitCount)} | ${fmt(p.behind)} | ${p.compareUrl ? `[${short(p.from?.sha ?? "")}...${short(p.to.sha)}](${p.compareUrl})` : "-"} |`, "");
    if (p.commits.length > 0) {
        const title = p.status === "first-deploy" ? "Commits that ship (newest first)" : "Commits that ship";
        out.push(...commitTable(title, p.commits.slice(0, commitRows), p.commitCount, compare, opts.variant));
    }
    if (p.removed.length > 0) {
        out.push(...commitTable("Commits live now that this deploy removes", p.removed.slice(0, removedRows), p.behind, compare, opts.variant));
    }
    if (p.files.length > 0)
        out.push(...fileSection(p, fileRows));
    const footer = [`prodgate diff-preview`, `generated ${p.generatedAt.replace(/\.\d+Z$/, "Z")}`];
    if (p.runUrl)
        footer.push(`[workflow run](${p.runUrl})`);
    out.push(`<sub>${footer.join(" · ")}</sub>`);
    if (opts.after)
        out.push("", opts.after);
    return `${out.join("\n")}\n`;
}
function commitTable(title, commits, total, compare, variant) {
    const rows = commits.map((c) => {
        const author = c.authorUrl
            ? `[${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMd */ .X)(cut(c.author, 39))}](${c.authorUrl})`
            : (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMd */ .X)(cut(c.author, 39));
        return `| ${link(`\`${short(c.sha)}\``, c.url)} | ${author} | ${safeText(firstLine(c.message))} | ${date(c.date)} |`;
    });
    const out = [`### ${title} (${fmt(total)})`, ""];
    if (rows.length > 0)
        out.push("| Commit | Author | Message | Date (UTC) |", "| --- | --- | --- | --- |", ...rows);
    const more = total - commits.length;
    if (more > 0)
        out.push("", `_…and ${fmt(more)} more commit${more === 1 ? "" : "s"}${compare}._`);
    out.push("");
    return variant === "comment" && rows.length > 15
        ? [
            `<details><summary>${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMd */ .X)(title)} (${fmt(total)})</summary>`,
            "",
            ...out.slice(2),
            "</details>",
            "",
        ]
        : out;
}
function fileSection(p, rows) {
    const totals = fileTotals(p.files);
    const capped = p.files.length >= 300 ? " (GitHub lists at most 300 files)" : "";
    const verb = p.filesDirection === "revert" ? "Files the rollback changes back" : "Changed files";
    const head = `${verb}: ${fmt(totals.files)}${capped}, +${fmt(totals.additions)} −${fmt(totals.deletions)}`;
    const out = [`### ${head}`, ""];
    const largest = largestFiles(p.files, rows);
    if (largest.length > 0) {
        out.push("| File | Status | + | − |", "| --- | --- | ---: | ---: |");
        for (const f of largest)
            out.push(`| ${safeText(cut(f.filename, 120))} | ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMd */ .X)(f.status)} | ${fmt(f.additions)} | ${fmt(f.deletions)} |`);
        if (p.files.length > largest.length)
            out.push("", `_Largest ${largest.length} of ${fmt(p.files.length)} shown._`);
        out.push("");
    }
    return out;
}
function fileTotals(files) {
    let additions = 0;
    let deletions = 0;
    for (const f of files) {
        additions += f.additions;
        deletions += f.deletions;
    }
    return { files: files.length, additions, deletions };
}
/** The `n` files with the most changed lines, largest first (ties by name). */
function largestFiles(files, n) {
    return [...files]
        .sort((a, b) => b.changes - a.changes || a.filename.localeCompare(b.filename))
        .slice(0, Math.max(0, n));
}
// ---- small helpers ----
function short(sha) {
    return sha.slice(0, 7);
}
/** Text from a commit: markdown-escaped, and @mentions / #refs defused so a comment pings nobody. */
function safeText(text) {
    return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMd */ .X)(text)
        .replace(/@(?=[A-Za-z0-9])/g, "@\u2060")
        .replace(/#(?=\d)/g, "#\u2060");
}
function code(text) {
    return `\`${cut(text, 100).replace(/`/g, "'")}\``;
}
function link(text, url) {
    return url ? `[${text}](${url})` : text;
}
function date(iso) {
    if (!iso)
        return "-";
    const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
    if (!m)
        return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMd */ .X)(cut(iso, 25));
    // Dates with an offset are shown as given (UTC when they end in Z).
    return iso.endsWith("Z")
        ? `${m[1]} ${m[2]}`
        : `${m[1]} ${m[2]} ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMd */ .X)(iso.slice(19).replace(/^\.\d+/, ""))}`;
}
function fmt(n) {
    return n.toLocaleString("en-US");
}
function cut(text, max) {
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
const encoder = new TextEncoder();
function bytes(text) {
    return encoder.encode(text).length;
}
function cutBytes(text, max) {
    const note = "\n\n_…cut to fit._\n";
    let out = text;
    while (bytes(out) + bytes(note) > max)
        out = out.slice(0, Math.floor(out.length * 0.9));
    return out + note;
}


/***/ })

};
