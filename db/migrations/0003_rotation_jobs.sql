-- Rotation jobs (seed 000 §4.5): one row per dispatched rotation of a secret, the source of truth for its state.
-- Retention: 1 year. No secret value is ever stored here: names, times, statuses and step progress only.
CREATE TABLE IF NOT EXISTS console_rotation_jobs (
  id           text        PRIMARY KEY CHECK (id ~ '^rot_[a-z0-9]+$'),
  secret_name  text        NOT NULL,
  triggered_by text        NOT NULL,
  triggered_at timestamptz NOT NULL,
  status       text        NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'failed')),
  steps_json   jsonb       NULL,
  completed_at timestamptz NULL,
  error_msg    text        NULL
);
-- At most one queued or running job per secret, however many sweeps race to create one.
CREATE UNIQUE INDEX IF NOT EXISTS console_rotation_jobs_one_active_idx
  ON console_rotation_jobs (secret_name) WHERE status IN ('queued', 'running');
CREATE INDEX IF NOT EXISTS console_rotation_jobs_secret_triggered_idx
  ON console_rotation_jobs (secret_name, triggered_at DESC);

-- The last status of each secret and its open issue, for alerts on change (the sweep's memory).
CREATE TABLE IF NOT EXISTS console_rotation_jobs_secret_state (
  secret_name  text        PRIMARY KEY,
  status       text        NOT NULL,
  since        timestamptz NOT NULL,
  issue_number integer     NULL,
  updated_at   timestamptz NOT NULL DEFAULT now()
);
