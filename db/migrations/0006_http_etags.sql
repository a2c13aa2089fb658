-- ETags of the status sweep's GitHub reads (workflow-run listings, commits), kept between sweeps: the next sweep
-- sends each read as a conditional request (If-None-Match), and what has not changed since is answered 304,
-- which GitHub does not count against the rate limit. `body` holds only the fields the sweep reads.
CREATE TABLE IF NOT EXISTS prodgate_http_etags (
  cache_key  TEXT        PRIMARY KEY,
  etag       TEXT        NOT NULL,
  body       JSONB       NOT NULL,
  link       TEXT        NULL,
  stored_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS prodgate_http_etags_stored_at_idx ON prodgate_http_etags (stored_at);
