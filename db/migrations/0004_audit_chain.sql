-- The audit chain (docs/audit-chain.md): every row's place in one gapless sequence (ids come from a sequence,
-- which skips numbers), the hash of the row before it, its own hash, and the salted commitments through which
-- its personal data (actor, approver) enters that hash. Rows written before this migration are chained, from
-- a genesis row, the first time prodgate opens the table (the hashes are RFC 8785 JSON, computed by prodgate,
-- not by SQL).
ALTER TABLE console_audit_log
  ADD COLUMN IF NOT EXISTS position  bigint,
  ADD COLUMN IF NOT EXISTS prev_hash text,
  ADD COLUMN IF NOT EXISTS row_hash  text,
  ADD COLUMN IF NOT EXISTS personal  jsonb;
CREATE UNIQUE INDEX IF NOT EXISTS console_audit_log_position_key ON console_audit_log (position);

-- Signed checkpoints of the chain: (table, position, head hash, time) signed with Ed25519; one row per
-- checkpoint, the signed document whole in `document`.
CREATE TABLE IF NOT EXISTS console_audit_log_checkpoints (
  id         bigserial   PRIMARY KEY,
  position   bigint      NOT NULL,
  head_hash  text        NOT NULL,
  reason     text        NOT NULL,
  signed     boolean     NOT NULL,
  document   jsonb       NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS console_audit_log_checkpoints_position_idx ON console_audit_log_checkpoints (position);
