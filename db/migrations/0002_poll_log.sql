-- Every vendor call of every status sweep (seed 000 §4.4): drives the 24-hour sparklines, latency trends and
-- degraded-vendor detection (more than 3 consecutive failed polls). Retention: 30 days (prunePollLog).
-- polled_at is the UTC time of the sweep the call belongs to, so a sweep's rows share it.
CREATE TABLE IF NOT EXISTS console_poll_log (
  id           BIGSERIAL PRIMARY KEY,
  surface_id   TEXT      NOT NULL,
  probe_ok     BOOLEAN   NOT NULL,
  latency_ms   INTEGER   NOT NULL,
  status_code  INTEGER   NULL,
  vendor_call  TEXT      NOT NULL,
  error_msg    TEXT      NULL,
  polled_at    TIMESTAMP NOT NULL
);
CREATE INDEX IF NOT EXISTS console_poll_log_surface_polled_at_idx ON console_poll_log (surface_id, polled_at);
CREATE INDEX IF NOT EXISTS console_poll_log_vendor_polled_at_idx ON console_poll_log (vendor_call, polled_at);
CREATE INDEX IF NOT EXISTS console_poll_log_polled_at_idx ON console_poll_log (polled_at);

-- The time of each sweep (for the sweep-gap check) and the last state of each surface (for alerts on change).
CREATE TABLE IF NOT EXISTS prodgate_sweeps (
  id          BIGSERIAL   PRIMARY KEY,
  started_at  TIMESTAMPTZ NOT NULL,
  finished_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  surfaces    INTEGER     NOT NULL,
  calls       INTEGER     NOT NULL,
  shards      INTEGER     NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS prodgate_sweeps_started_at_idx ON prodgate_sweeps (started_at);

CREATE TABLE IF NOT EXISTS prodgate_surface_state (
  surface_id     TEXT        PRIMARY KEY,
  status         TEXT        NOT NULL,
  known_state    TEXT        NOT NULL,
  since          TIMESTAMPTZ NOT NULL,
  site           JSONB       NULL,
  incident_issue INTEGER     NULL,
  incident_since TIMESTAMPTZ NULL,
  updated_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
