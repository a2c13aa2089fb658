DROP TABLE IF EXISTS console_audit_log;
