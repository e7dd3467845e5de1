-- What each configured source last answered, kept across restarts: its validators (ETag, Last-Modified, or a file's
-- time and size), sent back on the next look, and the SHA-256 of the last body imported (an unchanged body is not
-- parsed again). So the first look after a restart is conditional too, and a 304 costs no parse and no write.
-- source: the source's name in lower case; url: where these came from (a changed url in the config drops them).
-- Written only when a look brings a new body, in its own small transaction after the import.
CREATE TABLE source_validators (
  source        TEXT PRIMARY KEY,
  url           TEXT NOT NULL,
  etag          TEXT,
  last_modified TEXT,
  body_hash     TEXT,
  updated_at    INTEGER NOT NULL
);
