export const id = 535;
export const ids = [535];
export const modules = {

/***/ 5535:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   registerDemo: () => (/* binding */ registerDemo)
/* harmony export */ });
/**
 * `prodgate demo`: registered here, loaded only when run, so that a real `prodgate deploy` starts without the
 * sandbox (the fakes, the embedded PostgreSQL) in its bundle.
 */
function registerDemo(program, ctx) {
    program
        .command("demo")
        .description("A complete gated deploy in a local sandbox: embedded Postgres, Heroku fakes, /health, Slack (127.0.0.1 only)")
        .option("--typing-delay <ms>", "delay between the characters of the auto-typed confirmation", "25")
        .option("--json", "also print the deploys and audit rows as JSON on stdout")
        .addHelpText("after", "\nTakes about 15 s. Ctrl-C stops it and removes everything it started.\nExit codes: 0 done, 1 the demo broke, 130 interrupted.")
        .action(async (opts) => {
        const { runDemo } = await Promise.all(/* import() */[__webpack_require__.e(480), __webpack_require__.e(977), __webpack_require__.e(692), __webpack_require__.e(578), __webpack_require__.e(980), __webpack_require__.e(448), __webpack_require__.e(794), __webpack_require__.e(419), __webpack_require__.e(63), __webpack_require__.e(556), __webpack_require__.e(982), __webpack_require__.e(992), __webpack_require__.e(750)]).then(__webpack_require__.bind(__webpack_require__, 8750));
        await runDemo(ctx, opts);
    });
}


/***/ })

};
