import { defineConfig } from "vitest/config";

export default defineConfig({
  // @actions/workflow-parser must be inlined (its ESM imports JSON without import attributes), and inlining
  // makes vite warn about the source maps it ships without sources. Those warnings say nothing about this
  // project, so vite's own log stays at errors; test output is unaffected.
  logLevel: "error",
  // src/vendors/sodium-loader.cts (libsodium-wrappers through its CommonJS build) is TypeScript too.
  oxc: { include: /\.(m?ts|cts|[jt]sx)$/ },
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 20_000,
    server: { deps: { inline: [/@actions\/workflow-parser/, /@actions\/expressions/] } },
  },
});
