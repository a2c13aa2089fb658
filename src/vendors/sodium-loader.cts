// libsodium-wrappers' ES module build imports a file its package does not ship (0.7.16): it is loaded, and
// bundled, through its CommonJS build from this CommonJS module. Its emscripten start-up reads __dirname,
// which an ES module bundle does not define: it gets the working directory (nothing is read from it).
const g = globalThis as { __dirname?: string };
g.__dirname ??= process.cwd();
import sodium = require("libsodium-wrappers");
export = sodium;
