export const id = 311;
export const ids = [311];
export const modules = {

/***/ 311:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   revokeDue: () => (/* binding */ revokeDue)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1723);
/* harmony import */ var _core_rotation_executor_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3442);
/* harmony import */ var _rotation_executor_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(175);



async function revokeDue(inventory, facts, ports, clock, reporter, notes) {
    const out = [];
    const now = clock.now();
    for (const job of await ports.jobs.pendingRevokes()) {
        const state = (0,_core_rotation_executor_js__WEBPACK_IMPORTED_MODULE_1__/* .readState */ .un)(job.steps);
        const secret = inventory.secrets.find((s) => s.name === job.secretName);
        if (!state || !job.revokeAt)
            continue;
        const base = { secret: job.secretName, job_id: job.id, revoke_at: job.revokeAt.toISOString() };
        if (!secret?.rotate) {
            notes.push(`${job.secretName}: job ${job.id} has an old credential to revoke, but the inventory no longer rotates it`);
            continue;
        }
        const decision = (0,_core_rotation_executor_js__WEBPACK_IMPORTED_MODULE_1__/* .revokeDecision */ .h_)(job.revokeAt, state, now);
        if (decision === "wait")
            continue;
        if (decision === "warn") {
            state.revoke_warned_at = now.toISOString();
            await ports.jobs.progress(job.id, { steps: (0,_core_rotation_executor_js__WEBPACK_IMPORTED_MODULE_1__/* .serializeState */ .sU)(state) });
            if (ports.notify)
                await ports.notify
                    .post((0,_core_rotation_executor_js__WEBPACK_IMPORTED_MODULE_1__/* .revokeWarningSlack */ .fG)(job.secretName, job.id, job.revokeAt))
                    .catch((err) => notes.push(`Slack was not warned about ${job.secretName}: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(err)}`));
            reporter.info(`${job.secretName}: the old credential of job ${job.id} is revoked at ${base.revoke_at}`);
            out.push({ ...base, outcome: "warned" });
            continue;
        }
        const lock = await ports.lock.tryLock(job.secretName);
        if (!lock)
            continue; // a rotation of it is running: the next sweep revokes
        try {
            const ok = await (0,_rotation_executor_js__WEBPACK_IMPORTED_MODULE_2__/* .revokeOld */ .w)(job, state, "the grace period ended", facts, { ...ports, clock }, ports.generator(secret), reporter, notes);
            out.push({ ...base, outcome: ok ? "revoked" : "failed" });
            if (!ok)
                continue;
            if (ports.notify)
                await ports.notify.post((0,_core_rotation_executor_js__WEBPACK_IMPORTED_MODULE_1__/* .revokedSlack */ .$y)(job.secretName, job.id)).catch(() => { });
            if (ports.webhooks)
                for (const url of secret.rotate.notify)
                    await ports.webhooks
                        .send(url, (0,_core_rotation_executor_js__WEBPACK_IMPORTED_MODULE_1__/* .webhookBody */ .Cd)({
                        event: "secret.revoked",
                        secret: job.secretName,
                        jobId: job.id,
                        revokeAt: base.revoke_at,
                        compromised: state.compromised,
                        at: clock.now(),
                    }))
                        .catch((err) => notes.push(`webhook ${new URL(url).host} was not told: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(err)}`));
        }
        finally {
            await lock.release();
        }
    }
    return out;
}


/***/ })

};
