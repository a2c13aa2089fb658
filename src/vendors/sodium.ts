import loaded from "./sodium-loader.cjs";

export type Sodium = typeof loaded;

let ready: Promise<Sodium> | undefined;

/** libsodium, initialised once. */
export function sodium(): Promise<Sodium> {
  ready ??= loaded.ready.then(() => loaded);
  return ready;
}
