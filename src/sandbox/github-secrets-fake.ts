import { sodium } from "../vendors/sodium.js";
import {
  ACTIONS_BOT,
  actionsState,
  environmentState,
  type FakeActionsSecret,
  type FakeRepo,
  fail,
  type GitHubApiFake,
  type RouteContext,
} from "./github-api.js";

/**
 * GitHub's sealed Actions secrets, as the REST API does them: each repository and each environment has a
 * libsodium key pair whose public half (`GET .../secrets/public-key`) seals a value; `PUT .../secrets/{name}`
 * takes `encrypted_value` (base64 of crypto_box_seal) and `key_id`. The fake keeps the sealed box and opens it
 * with the private key only it holds (`openSecret`), which proves a writer sealed it right. It refuses what
 * GitHub refuses: a run's GITHUB_TOKEN (403), a stale key_id or a box that does not open (422), names starting
 * with GITHUB_ (422), a missing environment (404).
 */

interface KeyPair {
  keyId: string;
  publicKey: Uint8Array;
  privateKey: Uint8Array;
}

interface Sealed {
  keyId: string;
  encrypted: string;
}

interface SecretStore {
  keys: Map<string, KeyPair>; // "" = repository, else lower-cased environment
  sealed: Map<string, Sealed>; // `${scope}\n${name}`
}

const stores = new WeakMap<FakeRepo, SecretStore>();

function storeOf(repo: FakeRepo): SecretStore {
  let s = stores.get(repo);
  if (!s) {
    s = { keys: new Map(), sealed: new Map() };
    stores.set(repo, s);
  }
  return s;
}

async function keyOf(repo: FakeRepo, scope: string): Promise<KeyPair> {
  const store = storeOf(repo);
  let kp = store.keys.get(scope);
  if (!kp) {
    const s = await sodium();
    const pair = s.crypto_box_keypair();
    kp = {
      keyId: String(repo.fake.nextId() * 7919),
      publicKey: pair.publicKey,
      privateKey: pair.privateKey,
    };
    store.keys.set(scope, kp);
  }
  return kp;
}

/** Opens a stored secret with the fake's private key: the value a workflow would get, or undefined. */
export async function openSecret(
  repo: FakeRepo,
  name: string,
  environment?: string,
): Promise<string | undefined> {
  const scope = environment?.toLowerCase() ?? "";
  const sealed = storeOf(repo).sealed.get(`${scope}\n${name}`);
  if (!sealed) return undefined;
  const kp = await keyOf(repo, scope);
  const s = await sodium();
  return s.to_string(
    s.crypto_box_seal_open(
      s.from_base64(sealed.encrypted, s.base64_variants.ORIGINAL),
      kp.publicKey,
      kp.privateKey,
    ),
  );
}

/** Rotates the key pair of a repository or environment (GitHub may): boxes sealed with the old key are refused. */
export async function rotateSecretsKey(repo: FakeRepo, environment?: string): Promise<void> {
  storeOf(repo).keys.delete(environment?.toLowerCase() ?? "");
  await keyOf(repo, environment?.toLowerCase() ?? "");
}

export function registerSecretWriteRoutes(fake: GitHubApiFake): void {
  const doc = "actions/secrets";
  const requireWriter = (ctx: RouteContext, what: string) => {
    if (ctx.token.login === ACTIONS_BOT)
      fail(403, "Resource not accessible by integration", `${doc}#${what}`);
    fake.requireWrite(ctx, ["secrets"], `${doc}#${what}`);
  };
  const envScope = (repo: FakeRepo, env: string | undefined, what: string) => {
    const name = (env ?? "").toLowerCase();
    if (!environmentState(repo).environments.has(name)) fail(404, "Not Found", `${doc}#${what}`);
    return name;
  };
  const publicKey = async (repo: FakeRepo, scope: string) => {
    const kp = await keyOf(repo, scope);
    const s = await sodium();
    return { body: { key_id: kp.keyId, key: s.to_base64(kp.publicKey, s.base64_variants.ORIGINAL) } };
  };
  const put = async (
    ctx: RouteContext,
    scope: string,
    name: string,
    body: { encrypted_value?: unknown; key_id?: unknown },
    list: FakeActionsSecret[],
    what: string,
  ) => {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || /^GITHUB_/i.test(name))
      fail(
        422,
        "Secret names can only contain alphanumeric characters or underscores and must not start with GITHUB_",
        `${doc}#${what}`,
      );
    if (typeof body.encrypted_value !== "string" || typeof body.key_id !== "string")
      fail(422, 'Invalid request.\n\n"encrypted_value" and "key_id" are required.', `${doc}#${what}`);
    const kp = await keyOf(ctx.repo, scope);
    if (body.key_id !== kp.keyId)
      fail(422, "Bad request: key_id does not match the current public key", `${doc}#${what}`);
    const s = await sodium();
    try {
      s.crypto_box_seal_open(
        s.from_base64(body.encrypted_value, s.base64_variants.ORIGINAL),
        kp.publicKey,
        kp.privateKey,
      );
    } catch {
      fail(422, "Bad request: encrypted_value is not a sealed box for this key", `${doc}#${what}`);
    }
    const store = storeOf(ctx.repo);
    store.sealed.set(`${scope}\n${name}`, { keyId: kp.keyId, encrypted: body.encrypted_value });
    const now = fake.timestamp();
    const existing = list.find((x) => x.name === name);
    if (existing) {
      existing.updatedAt = now;
      return { status: 204 };
    }
    list.push({ name, createdAt: now, updatedAt: now });
    return { status: 201, body: {} };
  };

  fake.on("GET", "/repos/:owner/:repo/actions/secrets/public-key", async (_req, ctx) => {
    requireWriter(ctx, "get-a-repository-public-key");
    return publicKey(ctx.repo, "");
  });
  fake.on("PUT", "/repos/:owner/:repo/actions/secrets/:name", async (req, ctx) => {
    const what = "create-or-update-a-repository-secret";
    requireWriter(ctx, what);
    return put(ctx, "", req.params.name ?? "", req.json(), actionsState(ctx.repo).secrets, what);
  });
  fake.on("GET", "/repos/:owner/:repo/environments/:env/secrets/public-key", async (req, ctx) => {
    const what = "get-an-environment-public-key";
    requireWriter(ctx, what);
    return publicKey(ctx.repo, envScope(ctx.repo, req.params.env, what));
  });
  fake.on("PUT", "/repos/:owner/:repo/environments/:env/secrets/:name", async (req, ctx) => {
    const what = "create-or-update-an-environment-secret";
    requireWriter(ctx, what);
    const scope = envScope(ctx.repo, req.params.env, what);
    const state = actionsState(ctx.repo);
    const envName = environmentState(ctx.repo).environments.get(scope)!.name;
    let list = state.environments.get(envName);
    if (!list) {
      list = [];
      state.environments.set(envName, list);
    }
    return put(ctx, scope, req.params.name ?? "", req.json(), list, what);
  });
}
