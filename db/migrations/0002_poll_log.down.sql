DROP TABLE IF EXISTS console_poll_log;
-- prodgate:shared: every poll-log scope (a renamed console_poll_log) shares the tables below, so they are
-- dropped only when the last scope of this migration is reverted (see splitDown in src/store/migrate.ts).
DROP TABLE IF EXISTS prodgate_surface_state;
DROP TABLE IF EXISTS prodgate_sweeps;
