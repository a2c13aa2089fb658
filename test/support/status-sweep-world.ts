import type pg from "pg";
import { parseHealthInputs } from "../../src/core/health-inputs.js";
import { type Clock, systemClock } from "../../src/core/ports.js";
import { parseRegistry, type Registry } from "../../src/core/registry.js";
import {
  DEFAULT_SWEEP_SETTINGS,
  type SweepPorts,
  type SweepSettings,
} from "../../src/pipelines/status-sweep.js";
import { sweepPorts } from "../../src/pipelines/status-sweep-setup.js";
import type { SweepETags } from "../../src/pipelines/sweep-etags.js";
import { CloudflareApiFake } from "../../src/sandbox/cloudflare-api.js";
import { FakeServer } from "../../src/sandbox/fake-server.js";
import { GitHubApiFake } from "../../src/sandbox/github-api.js";
import { HerokuApiFake } from "../../src/sandbox/heroku-api.js";
import { SlackFake } from "../../src/sandbox/slack-api.js";
import { canary } from "./canary.js";

/**
 * Every outside system of a status sweep on loopback: Heroku, Cloudflare, GitHub and Slack fakes and a
 * server of health endpoints (/ok, /down, /hang, /slow), with tokens that are canaries.
 */
export class SweepWorld {
  readonly tokens = {
    heroku: canary("heroku-key"),
    cloudflare: canary("cf-token"),
    github: canary("gh-token"),
    slack: `xoxb-${canary("slack")}`,
    header: canary("access-secret"),
  };
  readonly heroku = new HerokuApiFake({ apiKey: this.tokens.heroku });
  readonly cloudflare = new CloudflareApiFake({ apiToken: this.tokens.cloudflare });
  readonly github = new GitHubApiFake({ token: this.tokens.github });
  readonly slack = new SlackFake({ token: this.tokens.slack });
  readonly sites = new FakeServer("sites");
  readonly account = "0123456789abcdef0123456789abcdef";
  /** Per-path health answers; flip them between sweeps. */
  readonly health = new Map<string, number>();

  async start(): Promise<this> {
    this.sites.route("GET", "/:name", (req) => {
      if (req.params.name === "hang") return new Promise(() => {});
      if (req.params.name === "secret" && req.headers["x-access"] !== this.tokens.header)
        return { status: 403, body: "forbidden" };
      const status = this.health.get(req.params.name ?? "") ?? (req.params.name === "down" ? 503 : 200);
      return { status, body: { status: status < 400 ? "ok" : "down" } };
    });
    await Promise.all([
      this.heroku.start(),
      this.cloudflare.start(),
      this.github.start(),
      this.slack.start(),
      this.sites.start(),
    ]);
    return this;
  }

  async stop(): Promise<void> {
    await Promise.all([
      this.heroku.stop(),
      this.cloudflare.stop(),
      this.github.stop(),
      this.slack.stop(),
      this.sites.stop(),
    ]);
  }

  get env(): NodeJS.ProcessEnv {
    return {
      HEROKU_API_URL: this.heroku.url,
      CLOUDFLARE_API_URL: this.cloudflare.url,
      GITHUB_API_URL: this.github.url,
      SLACK_API_URL: this.slack.apiUrl,
      ACCESS_SECRET: this.tokens.header,
    };
  }

  /** A Heroku app with a release (one web dyno up). */
  herokuApp(name: string): void {
    if (!this.heroku.hasApp(name)) {
      this.heroku.createApp(name);
      this.heroku.addRelease(name, { commit: "a".repeat(40) });
    }
  }

  registry(yaml: string, file = "surfaces.yml"): Registry {
    return parseRegistry(yaml, {
      file,
      parseHealth: (get) => parseHealthInputs(get),
      healthDefaults: { attempts: "1", interval: "1s", timeout: "2s" },
    });
  }

  settings(over: Partial<SweepSettings> = {}): SweepSettings {
    return {
      ...DEFAULT_SWEEP_SETTINGS,
      timeoutMs: 2_000,
      deadlineMs: 10_000,
      defaultRepo: "acme/shop",
      runUrl: "https://github.com/acme/shop/actions/runs/1",
      ...over,
    };
  }

  ports(
    settings: SweepSettings,
    opts: { db?: pg.Pool; clock?: Clock; issues?: boolean; etags?: SweepETags } = {},
  ): SweepPorts {
    const ports = sweepPorts(
      {
        herokuApiKey: this.tokens.heroku,
        cloudflareApiToken: this.tokens.cloudflare,
        githubToken: this.tokens.github,
        slackToken: this.tokens.slack,
        slackChannel: "C0DEPLOYS",
      },
      settings,
      { reporter: silent, env: this.env, issues: opts.issues ?? true, db: opts.db, etags: opts.etags },
    );
    return { ...ports, clock: opts.clock ?? systemClock };
  }
}

const silent = {
  info() {},
  warning() {},
  error() {},
  debug() {},
  secret() {},
  group: <T>(_t: string, fn: () => Promise<T>) => fn(),
};

/** A clock the test moves: each sweep's time, so gaps and the sweep history are exact. */
export class StepClock implements Clock {
  constructor(public t = Date.now()) {}
  now(): Date {
    return new Date(this.t);
  }
  advance(ms: number): this {
    this.t += ms;
    return this;
  }
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return systemClock.sleep(ms, signal);
  }
}
