DROP TABLE IF EXISTS console_audit_log_checkpoints;
ALTER TABLE console_audit_log
  DROP COLUMN IF EXISTS personal,
  DROP COLUMN IF EXISTS row_hash,
  DROP COLUMN IF EXISTS prev_hash,
  DROP COLUMN IF EXISTS position;
