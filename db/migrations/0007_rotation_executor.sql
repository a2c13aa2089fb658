-- Rotation that runs itself (issue 18): when the old credential of a rotated secret is due to be revoked (the
-- end of its grace period). The rotation sweep revokes what is due. Times only; no value is stored.
ALTER TABLE console_rotation_jobs ADD COLUMN IF NOT EXISTS revoke_at timestamptz NULL;
CREATE INDEX IF NOT EXISTS console_rotation_jobs_revoke_at_idx
  ON console_rotation_jobs (revoke_at) WHERE revoke_at IS NOT NULL;
