#!/usr/bin/env node
// Bundles every action (actions/<name>/action.yml -> dist/<name>/index.js) and the CLI (dist/cli/index.js)
// with @vercel/ncc, from the JavaScript that tsc emits. `--out DIR` builds elsewhere (the dist check uses it).
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ncc from "@vercel/ncc";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const outIdx = args.indexOf("--out");
const outRoot = outIdx >= 0 ? resolve(args[outIdx + 1]) : join(root, "dist");
// `--only a,b` bundles just those targets (quicker while working on one action); the dist check builds all.
const onlyIdx = args.indexOf("--only");
const only = onlyIdx >= 0 ? new Set(args[onlyIdx + 1].split(",")) : undefined;
// The emitted JS sits inside the package (its "type": "module" and node_modules apply there) at one fixed
// path, because bundle module ids derive from it: builds take a lock so that two never share it at once.
const jsRoot = join(root, ".build", "js");
const lockDir = join(root, ".build", "lock");
// `--emitted` (internal): bundle from the JS a parent build already emitted, under the parent's lock.
const emitted = args.includes("--emitted");
mkdirSync(join(root, ".build"), { recursive: true });
for (let i = 0; !emitted; i++) {
  try {
    mkdirSync(lockDir);
    writeFileSync(join(lockDir, "pid"), String(process.pid));
    break;
  } catch {
    let holder = 0;
    try {
      holder = Number(readFileSync(join(lockDir, "pid"), "utf8"));
      process.kill(holder, 0);
    } catch {
      if (holder || i > 20) rmSync(lockDir, { recursive: true, force: true }); // its holder is gone
    }
    if (i > 1200) throw new Error("another build has held .build/lock for 10 minutes");
    await new Promise((r) => setTimeout(r, 500));
  }
}
if (!emitted) process.on("exit", () => rmSync(lockDir, { recursive: true, force: true }));

if (!emitted) rmSync(jsRoot, { recursive: true, force: true });
if (!emitted)
  execFileSync(
    process.execPath,
    [
      join(root, "node_modules/typescript/bin/tsc"),
      "-p",
      join(root, "tsconfig.build.json"),
      "--outDir",
      jsRoot,
    ],
    {
      stdio: "inherit",
    },
  );

const actions = readdirSync(join(root, "actions"), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(root, "actions", d.name, "action.yml")))
  .map((d) => d.name)
  .sort();

/** name -> module (relative to the emitted JS) whose run() is the entry. */
const targets = Object.fromEntries(actions.map((name) => [name, `actions/${name}.js`]));
if (existsSync(join(root, "src/cli/main.ts"))) targets.cli = "cli/main.js";
if (existsSync(join(root, "src/actions/deploy.ts"))) targets.deploy = "actions/deploy.js";

// Packages that must stay outside a bundle: native/optional pieces only the CLI's sandbox demo loads lazily.
const externals = ["pg-native", "playwright-core"];

const entries = join(jsRoot, "entries");
mkdirSync(entries, { recursive: true });

async function bundle(name, module) {
  const entry = join(entries, `${name}.js`);
  writeFileSync(entry, `import { run } from "../${module}";\nawait run();\n`);
  const { code, assets } = await ncc(entry, {
    minify: true,
    license: "licenses.txt",
    quiet: true,
    externals,
    sourceMap: false,
    target: "es2022",
  });
  const dir = join(outRoot, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "index.js"), code);
  writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
  for (const [file, asset] of Object.entries(assets ?? {})) {
    const dest = join(dir, file);
    mkdirSync(dirname(dest), { recursive: true });
    writeFileSync(dest, asset.source);
  }
  console.log(`built ${relative(root, join(dir, "index.js"))} (${(code.length / 1024).toFixed(0)} KiB)`);
}

// Bundling is CPU-bound and single-threaded: the targets are shared out among child processes, one per core.
const wanted = Object.keys(targets).filter((name) => !only || only.has(name));
const workers = emitted ? 1 : Math.min(availableParallelism(), wanted.length);
if (workers <= 1) {
  for (const name of wanted) await bundle(name, targets[name]);
} else {
  const shares = Array.from({ length: workers }, (_, i) => wanted.filter((_, j) => j % workers === i));
  const failed = await Promise.all(
    shares.map(
      (share) =>
        new Promise((done) => {
          const child = spawn(
            process.execPath,
            [fileURLToPath(import.meta.url), "--emitted", "--out", outRoot, "--only", share.join(",")],
            { stdio: "inherit" },
          );
          child.on("exit", (code) => done(code !== 0));
        }),
    ),
  );
  if (failed.some(Boolean)) throw new Error("a bundle failed to build (see above)");
}
// Remove bundles whose action is gone.
if (outIdx < 0 && !only && existsSync(outRoot)) {
  for (const d of readdirSync(outRoot))
    if (!(d in targets)) rmSync(join(outRoot, d), { recursive: true, force: true });
}
