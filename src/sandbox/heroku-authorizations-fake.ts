import { createHash, randomUUID } from "node:crypto";
import type { FakeRequest, FakeServer } from "./fake-server.js";
import { error, notFound, safeJson } from "./heroku-api.js";

/**
 * The Heroku fake's OAuth authorizations (GET, POST and DELETE /oauth/authorizations), in Heroku's shape with
 * their tokens, as the rotation sweep reads them and the rotation executor makes and revokes them. Heroku refuses
 * a missing or unknown scope and a non-positive expires_in, and so does this.
 */

export interface FakeAuthorization {
  id: string;
  description: string;
  token: string;
  refreshToken: string | null;
  createdAt: string;
  updatedAt: string;
  expiresIn: number | null;
  scope: string[];
}

export interface NewAuthorization {
  description: string;
  token: string;
  updatedAt?: string;
  createdAt?: string;
  /** Seconds the access token has left; null for one that does not expire. */
  expiresIn?: number | null;
  refreshToken?: string;
  id?: string;
  scope?: string[];
}

export class FakeAuthorizations {
  readonly list: FakeAuthorization[] = [];
  /** How many POST /oauth/authorizations made. */
  created = 0;

  constructor(
    server: FakeServer,
    private readonly deps: {
      user: { id: string; email: string };
      now: () => string;
      authorized: (req: FakeRequest) => boolean;
    },
  ) {
    const json = (a: FakeAuthorization) => ({
      access_token: {
        expires_in: a.expiresIn,
        id: createHash("sha1").update(a.token).digest("hex").slice(0, 32),
        token: a.token,
      },
      client: null,
      created_at: a.createdAt,
      description: a.description,
      grant: null,
      id: a.id,
      refresh_token: a.refreshToken
        ? {
            expires_in: null,
            id: createHash("sha1").update(a.refreshToken).digest("hex").slice(0, 32),
            token: a.refreshToken,
          }
        : null,
      session: null,
      scope: a.scope,
      updated_at: a.updatedAt,
      user: { id: this.deps.user.id, email: this.deps.user.email, full_name: null },
    });
    const find = (id: string) => this.list.find((a) => a.id === id);
    server.route("GET", "/oauth/authorizations", (req) => {
      if (!this.deps.authorized(req)) return error(401, "unauthorized", "Invalid credentials provided.");
      return { body: this.list.map(json) };
    });
    server.route("GET", "/oauth/authorizations/:id", (req) => {
      if (!this.deps.authorized(req)) return error(401, "unauthorized", "Invalid credentials provided.");
      const a = find(req.params.id ?? "");
      return a ? { body: json(a) } : notFound("authorization");
    });
    // Heroku: `scope` is required and each entry must be a known scope; expires_in a positive number.
    server.route("POST", "/oauth/authorizations", (req) => {
      if (!this.deps.authorized(req)) return error(401, "unauthorized", "Invalid credentials provided.");
      const body = safeJson(req.body) as { scope?: unknown; description?: unknown; expires_in?: unknown };
      const known = ["global", "identity", "read", "write", "read-protected", "write-protected"];
      if (
        !Array.isArray(body.scope) ||
        body.scope.length === 0 ||
        !body.scope.every((x) => typeof x === "string" && known.includes(x))
      )
        return error(
          422,
          "invalid_params",
          "Invalid params: scope is required (global, identity, read, write, ...).",
        );
      if (body.expires_in !== undefined && !(typeof body.expires_in === "number" && body.expires_in > 0))
        return error(422, "invalid_params", "Invalid params: expires_in must be a positive integer.");
      this.created++;
      const a = this.add({
        description: typeof body.description === "string" ? body.description : "",
        token: randomUUID(),
        expiresIn: typeof body.expires_in === "number" ? body.expires_in : null,
        scope: body.scope as string[],
      });
      return { status: 201, body: json(a) };
    });
    server.route("DELETE", "/oauth/authorizations/:id", (req) => {
      if (!this.deps.authorized(req)) return error(401, "unauthorized", "Invalid credentials provided.");
      const i = this.list.findIndex((a) => a.id === req.params.id);
      if (i < 0) return notFound("authorization");
      const [gone] = this.list.splice(i, 1);
      return { body: json(gone!) };
    });
  }

  add(a: NewAuthorization): FakeAuthorization {
    const created = a.createdAt ?? this.deps.now();
    const auth: FakeAuthorization = {
      id: a.id ?? randomUUID(),
      description: a.description,
      token: a.token,
      refreshToken: a.refreshToken ?? null,
      createdAt: created,
      updatedAt: a.updatedAt ?? created,
      expiresIn: a.expiresIn === undefined ? null : a.expiresIn,
      scope: a.scope ?? ["global"],
    };
    this.list.push(auth);
    return auth;
  }
}
