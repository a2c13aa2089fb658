DROP TABLE IF EXISTS prodgate_http_etags;
