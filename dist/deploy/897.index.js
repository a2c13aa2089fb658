export const id = 897;
export const ids = [897];
export const modules = {

/***/ 2897:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  commandSurface: () => (/* binding */ commandSurface)
});

// EXTERNAL MODULE: ./.build/js/core/errors.js
var errors = __webpack_require__(1723);
// EXTERNAL MODULE: ./.build/js/core/heroku.js
var heroku = __webpack_require__(1844);
// EXTERNAL MODULE: ./.build/js/core/preview.js
var preview = __webpack_require__(2634);
// EXTERNAL MODULE: ./.build/js/core/surface.js
var surface = __webpack_require__(6061);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:readline"
var external_node_readline_ = __webpack_require__(481);
;// CONCATENATED MODULE: ./.build/js/vendors/shell.js


const MAX_CAPTURE = 1024 * 1024;
/** The environment a command runs with: the base without the action's inputs, plus `extra`. */
function commandEnvironment(base, extra) {
    const env = {};
    for (const [k, v] of Object.entries(base))
        if (v !== undefined && !k.toUpperCase().startsWith("INPUT_"))
            env[k] = v;
    return { ...env, ...extra };
}
function runBash(script, opts) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", script], {
            cwd: opts.cwd,
            env: commandEnvironment(opts.baseEnv ?? process.env, opts.env),
            stdio: ["ignore", "pipe", "pipe"],
            signal: opts.signal,
        });
        let stdout = "";
        const lines = (stream, name) => new Promise((done) => {
            const rl = (0,external_node_readline_.createInterface)({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
            rl.on("line", (line) => {
                if (name === "stdout" && opts.captureStdout && stdout.length < MAX_CAPTURE)
                    stdout += `${line}\n`;
                opts.onLine(line, name);
            });
            rl.on("close", done);
        });
        const read = Promise.all([lines(child.stdout, "stdout"), lines(child.stderr, "stderr")]);
        child.on("error", reject);
        child.on("close", (code, signal) => {
            void read.then(() => resolve({ code: code ?? 1, ...(signal ? { signal } : {}), stdout }));
        });
    });
}

;// CONCATENATED MODULE: ./.build/js/pipelines/surface-command.js





const SHA = /^[0-9a-f]{7,64}$/i;
function commandSurface(target, settings, deps) {
    const { reporter, cwd } = deps;
    const secrets = (deps.secrets ?? []).filter((x) => x.length >= 4).sort((a, b) => b.length - a.length);
    const redact = (line) => secrets.reduce((l, x) => l.split(x).join("***"), line);
    const run = async (name, script, vars, opts = {}) => {
        const action = name.replace(/-command$/, "");
        const r = await runBash(script, {
            cwd,
            baseEnv: deps.env,
            env: {
                PRODGATE_APP: target,
                PRODGATE_ENVIRONMENT: deps.environment,
                PRODGATE_FROM_SHA: vars.from ?? "",
                PRODGATE_TO_SHA: vars.to ?? "",
                PRODGATE_ACTION: action,
            },
            captureStdout: opts.capture,
            signal: opts.signal,
            // The live version is read quietly (its stdout is the answer); everything else is logged.
            onLine: (line, stream) => opts.capture && stream === "stdout"
                ? reporter.debug(redact(line))
                : reporter.info(`[${action}] ${redact(line)}`),
        });
        if (r.code !== 0)
            throw new errors/* ProdgateError */.fc(`${name} ${r.signal ? `was stopped by ${r.signal}` : `exited with status ${r.code}`}`);
        return r.stdout;
    };
    /** What live-version-command prints: its last non-empty line; a SHA when it looks like one. */
    const live = async () => {
        if (!settings.liveVersionCommand)
            return {};
        const out = await run("live-version-command", settings.liveVersionCommand, {}, { capture: true });
        const text = out
            .split("\n")
            .map((l) => l.trim())
            .filter(Boolean)
            .at(-1)
            ?.slice(0, 200);
        if (!text)
            return {};
        return SHA.test(text) ? { sha: text.toLowerCase(), label: text.toLowerCase() } : { label: text };
    };
    let before;
    return {
        kind: "command",
        target,
        method: "command",
        auditContext: { surface: "command", method: "command" },
        requiresHealthUrl: true,
        async inspect() {
            before = await live();
            return { ...before };
        },
        async liveSha() {
            before = await live();
            return before.sha;
        },
        async ship(sha, io) {
            const from = before?.sha;
            await run("deploy-command", settings.deployCommand, { from, to: sha }, { signal: io.signal });
            let now = {};
            if (settings.liveVersionCommand) {
                now = await live();
                if (now.sha && !(0,preview/* sameSha */.vo)(now.sha, sha))
                    throw new errors/* ProdgateError */.fc(`deploy-command succeeded, but live-version-command prints ${(0,heroku/* shortSha */.Fu)(now.sha)}, not ${(0,heroku/* shortSha */.Fu)(sha)}: the deploy did not take`);
            }
            const alreadyLive = Boolean(from && (0,preview/* sameSha */.vo)(from, sha));
            return {
                release: now.label && !now.sha ? now.label : undefined,
                previousRelease: before?.label && !before.sha ? before.label : undefined,
                fromSha: from,
                alreadyLive,
                noRollback: !settings.rollbackCommand
                    ? "no rollback-command was given: nothing to roll back with"
                    : alreadyLive
                        ? `${target} already ran ${(0,heroku/* shortSha */.Fu)(sha)} before this deploy: nothing to roll back`
                        : undefined,
                context: { live_version_before: before?.label, live_version_after: now.label },
            };
        },
        async rollBack(shipped, io) {
            if (!settings.rollbackCommand)
                throw new errors/* ProdgateError */.fc("no rollback-command was given");
            await run("rollback-command", settings.rollbackCommand, { from: io.sha, to: shipped.fromSha });
            const now = settings.liveVersionCommand ? await live() : {};
            const toSha = now.sha ?? shipped.fromSha;
            return {
                to: toSha ? (0,heroku/* shortSha */.Fu)(toSha) : (now.label ?? shipped.previousRelease ?? "the previous version"),
                toSha,
                context: { live_version_after: now.label },
            };
        },
        rollbackHint: () => (0,surface/* rollbackHint */.If)("command", target),
    };
}


/***/ })

};
