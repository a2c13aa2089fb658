export const id = 51;
export const ids = [51];
export const modules = {

/***/ 2051:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {


// libsodium-wrappers' ES module build imports a file its package does not ship (0.7.16): it is loaded, and
// bundled, through its CommonJS build from this CommonJS module. Its emscripten start-up reads __dirname,
// which an ES module bundle does not define: it gets the working directory (nothing is read from it).
const g = globalThis;
g.__dirname ??= process.cwd();
const sodium = __webpack_require__(8607);
module.exports = sodium;


/***/ })

};
