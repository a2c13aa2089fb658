DROP TABLE IF EXISTS prodgate_surface_state;
DROP TABLE IF EXISTS prodgate_sweeps;
DROP TABLE IF EXISTS console_poll_log;
