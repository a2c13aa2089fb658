DROP TABLE IF EXISTS prodgate_console_secrets;
DROP TABLE IF EXISTS prodgate_console_builds;
DROP TABLE IF EXISTS prodgate_console_deploys;
DROP TABLE IF EXISTS prodgate_console_issues;
DROP TABLE IF EXISTS prodgate_console_incidents;
DROP TABLE IF EXISTS prodgate_console_daily;
