-- The audit trail of every production deploy and rollback (seed 002 §8), one row per phase.
CREATE TABLE IF NOT EXISTS console_audit_log (
  id              bigserial PRIMARY KEY,
  action          text        NOT NULL,
  actor           text        NOT NULL,
  target          text        NOT NULL,
  outcome         text,
  context         jsonb       NOT NULL DEFAULT '{}'::jsonb,
  idempotency_key text        NOT NULL UNIQUE,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS console_audit_log_target_created_at_idx ON console_audit_log (target, created_at);
