export const id = 613;
export const ids = [613];
export const modules = {

/***/ 3613:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {


// libsodium-wrappers' ES module build imports a file its package does not ship (0.7.16): it is loaded, and
// bundled, through its CommonJS build from this CommonJS module. Its emscripten start-up reads __dirname,
// which an ES module bundle does not define: it gets the working directory (nothing is read from it).
const g = globalThis;
g.__dirname ??= process.cwd();
const sodium = __webpack_require__(7071);
module.exports = sodium;


/***/ })

};
