-- Not scoped by table names (like prodgate_sweeps): every poll-log and rotation-jobs scope shares them.
-- The operator console's history beyond the raw poll log's 30 days, derived from the raw poll log by every
-- status sweep and `prodgate console build`, kept 400 days; and the secrets' metadata the rotation sweep
-- last saw. No secret value is stored here: names, times and statuses only.

-- One row per surface and UTC day: the surface's liveness polls, split into passing, failing (the vendor or
-- the endpoint answered), without data (the vendor did not answer) and inside a maintenance window; latency
-- percentiles of the polls with data outside maintenance. A day still in the raw log is recomputed from it.
CREATE TABLE IF NOT EXISTS prodgate_console_daily (
  surface_id        TEXT        NOT NULL,
  day               DATE        NOT NULL,
  polls_ok          INTEGER     NOT NULL,
  polls_failed      INTEGER     NOT NULL,
  polls_no_data     INTEGER     NOT NULL,
  polls_maintenance INTEGER     NOT NULL,
  latency_p50_ms    INTEGER     NULL,
  latency_p95_ms    INTEGER     NULL,
  computed_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (surface_id, day)
);
CREATE INDEX IF NOT EXISTS prodgate_console_daily_day_idx ON prodgate_console_daily (day);

-- Incidents derived from the poll log: a run of failing liveness polls of a surface (outside maintenance),
-- from its first to its last failing poll (UTC, like polled_at). open: no passing poll has followed yet.
CREATE TABLE IF NOT EXISTS prodgate_console_incidents (
  surface_id    TEXT      NOT NULL,
  started_at    TIMESTAMP NOT NULL,
  ended_at      TIMESTAMP NOT NULL,
  failing_polls INTEGER   NOT NULL,
  open          BOOLEAN   NOT NULL,
  recovered_at  TIMESTAMP NULL,
  PRIMARY KEY (surface_id, started_at)
);
CREATE INDEX IF NOT EXISTS prodgate_console_incidents_started_at_idx ON prodgate_console_incidents (started_at);

-- Incident issues the sweep opened and closed, joined to the derived incidents by time.
CREATE TABLE IF NOT EXISTS prodgate_console_issues (
  surface_id TEXT        NOT NULL,
  issue      INTEGER     NOT NULL,
  url        TEXT        NULL,
  opened_at  TIMESTAMPTZ NOT NULL,
  closed_at  TIMESTAMPTZ NULL,
  PRIMARY KEY (surface_id, issue)
);
CREATE INDEX IF NOT EXISTS prodgate_console_issues_opened_at_idx ON prodgate_console_issues (opened_at);

-- Deploys (seed 000 DeployInfo) and CI runs (BuildInfo) the sweep saw, for the drill-down's recent five.
CREATE TABLE IF NOT EXISTS prodgate_console_deploys (
  surface_id  TEXT        NOT NULL,
  deploy_id   TEXT        NOT NULL,
  deployed_at TIMESTAMPTZ NOT NULL,
  author      TEXT        NOT NULL,
  status      TEXT        NOT NULL,
  seen_at     TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (surface_id, deploy_id)
);
CREATE INDEX IF NOT EXISTS prodgate_console_deploys_surface_deployed_idx
  ON prodgate_console_deploys (surface_id, deployed_at DESC);

CREATE TABLE IF NOT EXISTS prodgate_console_builds (
  surface_id TEXT        NOT NULL,
  run_id     TEXT        NOT NULL,
  conclusion TEXT        NOT NULL,
  run_url    TEXT        NOT NULL,
  trigger    TEXT        NOT NULL,
  author     TEXT        NOT NULL,
  started_at TIMESTAMPTZ NOT NULL,
  seen_at    TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (surface_id, run_id)
);
CREATE INDEX IF NOT EXISTS prodgate_console_builds_surface_started_idx
  ON prodgate_console_builds (surface_id, started_at DESC);

-- The last rotation sweep's view of each secret (seed 000 SecretMeta): metadata only.
CREATE TABLE IF NOT EXISTS prodgate_console_secrets (
  secret_name     TEXT        PRIMARY KEY,
  meta            JSONB       NOT NULL,
  fetched_at      TIMESTAMPTZ NOT NULL,
  vault_reachable BOOLEAN     NOT NULL DEFAULT true
);
