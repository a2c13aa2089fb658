DROP INDEX IF EXISTS console_rotation_jobs_revoke_at_idx;
ALTER TABLE console_rotation_jobs DROP COLUMN IF EXISTS revoke_at;
