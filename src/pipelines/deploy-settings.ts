import { parseDuration } from "../core/duration.js";
import { InputError } from "../core/errors.js";
import { isProduction } from "../core/gate.js";
import { parseHealthInputs } from "../core/health-inputs.js";
import { parseGitRef } from "../core/heroku.js";
import { parseBoolean, parseChoice, parseHerokuApp, parseList, requireValue } from "../core/inputs.js";
import { parseAccountId, parsePagesProject } from "../core/pages.js";
import { parseCommandTarget, parseSurface, type SurfaceKind } from "../core/surface.js";
import type { DeployHealthSettings, DeploySettings, SurfaceSettings } from "./deploy-types.js";

/**
 * The one builder of deploy settings. The root action and `prodgate deploy` are two thin parsers over it: each
 * hands in its raw values under the root action's input names and says how it names them in errors (the input
 * itself, or a flag / environment variable); what only one face knows (who the actor is, the run, GitHub,
 * Slack, the audit database) comes from the face. Every problem names its option, before anything is contacted.
 */

export interface DeployOptionSource {
  /** The raw value of an option by the root action's input name (`health-url`, `deploy-command`); "" if unset. */
  get(name: string): string;
  /** How this face names the option in an error: `health-url`, `--health-url`, `HEROKU_API_KEY`. */
  label(name: string): string;
}

/** What the deploy targets, parsed first: the face's own settings (Slack, the phrase) depend on it. */
export interface DeployTarget {
  surface: SurfaceKind;
  app: string;
  environment: string;
  productionEnvironments: string[];
  production: boolean;
}

/** What the face alone knows; the builder adds the target, the ref, the surface, /health, rollback and the lock. */
export type DeployFaceSettings = Omit<
  DeploySettings,
  | "app"
  | "environment"
  | "productionEnvironments"
  | "ref"
  | "surface"
  | "health"
  | "rollbackOnFailure"
  | "lockWaitMs"
>;

/** Stands in for an empty health-url while the other health inputs are parsed. */
const NO_URL = "http://health-url.invalid/";

export function parseDeployTarget(src: DeployOptionSource): DeployTarget {
  const surface = parseSurface(src.label("surface"), src.get("surface"));
  const rawApp = src.get("app");
  const app =
    surface === "heroku"
      ? parseHerokuApp(src.label("app"), rawApp)
      : surface === "cloudflare-pages"
        ? parsePagesProject(src.label("app"), rawApp)
        : parseCommandTarget(src.label("app"), rawApp);
  const environment = src.get("environment").trim() || "production";
  if (environment.length > 255 || /[\u0000-\u001f]/.test(environment))
    throw new InputError(src.label("environment"), "must be an environment name of at most 255 characters");
  const productionEnvironments = parseList(src.get("production-environments") || "production");
  return {
    surface,
    app,
    environment,
    productionEnvironments,
    production: isProduction(environment, productionEnvironments),
  };
}

/** The surface's own settings and credentials (`heroku-api-key`, `cloudflare-api-token`, the commands). */
export function parseSurfaceSettings(src: DeployOptionSource, surface: SurfaceKind): SurfaceSettings {
  const opt = (name: string) => src.get(name).trim();
  switch (surface) {
    case "heroku":
      return {
        kind: "heroku",
        apiKey: requireValue(src.label("heroku-api-key"), src.get("heroku-api-key")),
        method: parseChoice(src.label("method"), src.get("method"), ["git", "build"] as const, "git"),
        force: parseBoolean(src.label("force"), src.get("force"), false),
        ...(opt("heroku-api-url") ? { baseUrl: opt("heroku-api-url") } : {}),
      };
    case "cloudflare-pages":
      return {
        kind: "cloudflare-pages",
        apiToken: requireValue(src.label("cloudflare-api-token"), src.get("cloudflare-api-token")),
        accountId: parseAccountId(src.label("cloudflare-account-id"), src.get("cloudflare-account-id")),
        directory: requireValue(src.label("directory"), src.get("directory")),
        ...(opt("cloudflare-api-url") ? { baseUrl: opt("cloudflare-api-url") } : {}),
      };
    case "command": {
      // P5: no deploy without a smoke check. Refused here, before any of the commands runs.
      if (!opt("health-url"))
        throw new InputError(
          src.label("health-url"),
          "is required with surface command: no deploy without a smoke check, and a command has no URL of its own",
        );
      return {
        kind: "command",
        deployCommand: requireValue(src.label("deploy-command"), src.get("deploy-command")),
        ...(opt("rollback-command") ? { rollbackCommand: src.get("rollback-command") } : {}),
        ...(opt("live-version-command") ? { liveVersionCommand: src.get("live-version-command") } : {}),
      };
    }
  }
}

/** The health inputs (`health-url` may be left out where the surface has a URL of its own). */
export function parseDeployHealth(src: DeployOptionSource): DeployHealthSettings {
  const prefix = src.label("health-");
  const get = (n: string) => {
    const key = `health-${n.slice(prefix.length)}`;
    return key === "health-url" ? src.get(key).trim() || NO_URL : src.get(key);
  };
  const { failOnUnhealthy: _ignored, url, ...health } = parseHealthInputs(get, prefix);
  return { ...health, url: url.toString() === NO_URL ? undefined : url };
}

/**
 * The deploy settings: the target and its surface from `src`, then the face's settings (`face` sees the
 * target), then the ref (default `defaultRef`), /health, rollback-on-failure (default: production only) and
 * how long to wait for the lock (`lock-timeout`, default `defaultLockWait`).
 */
export function buildDeploySettings(
  src: DeployOptionSource,
  face: (target: DeployTarget) => DeployFaceSettings,
  defaults: { ref?: string; lockWait: string },
): DeploySettings {
  const target = parseDeployTarget(src);
  const surface = parseSurfaceSettings(src, target.surface);
  const faceSettings = face(target);
  const rawRef = src.get("ref").trim() || defaults.ref?.trim() || "";
  if (!rawRef) throw new InputError(src.label("ref"), "is required (there is no GITHUB_SHA to default to)");
  const ref = parseGitRef(src.label("ref"), rawRef);
  const health = parseDeployHealth(src);
  return {
    ...faceSettings,
    app: target.app,
    environment: target.environment,
    productionEnvironments: target.productionEnvironments,
    ref,
    surface,
    health,
    rollbackOnFailure: parseBoolean(
      src.label("rollback-on-failure"),
      src.get("rollback-on-failure"),
      target.production,
    ),
    lockWaitMs: parseDuration(src.label("lock-timeout"), src.get("lock-timeout") || defaults.lockWait),
  };
}
