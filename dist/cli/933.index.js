export const id = 933;
export const ids = [933];
export const modules = {

/***/ 1933:
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
        const { runDemo } = await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(849), __webpack_require__.e(108), __webpack_require__.e(706), __webpack_require__.e(260), __webpack_require__.e(91), __webpack_require__.e(826), __webpack_require__.e(169), __webpack_require__.e(678), __webpack_require__.e(746), __webpack_require__.e(247), __webpack_require__.e(109), __webpack_require__.e(953)]).then(__webpack_require__.bind(__webpack_require__, 8953));
        await runDemo(ctx, opts);
    });
}


/***/ })

};
