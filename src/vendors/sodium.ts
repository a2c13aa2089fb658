export type Sodium = typeof import("./sodium-loader.cjs");

let ready: Promise<Sodium> | undefined;

/**
 * libsodium, loaded and initialised once, on first use: its WebAssembly build is most of a megabyte, so the
 * bundles load it (a chunk of their own) only when a secret is sealed.
 */
export function sodium(): Promise<Sodium> {
  ready ??= import("./sodium-loader.cjs").then(async (m) => {
    const loaded = ((m as { default?: Sodium }).default ?? m) as Sodium;
    await loaded.ready;
    return loaded;
  });
  return ready;
}
