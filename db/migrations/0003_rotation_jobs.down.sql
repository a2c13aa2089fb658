DROP TABLE IF EXISTS console_rotation_jobs_secret_state;
DROP TABLE IF EXISTS console_rotation_jobs;
