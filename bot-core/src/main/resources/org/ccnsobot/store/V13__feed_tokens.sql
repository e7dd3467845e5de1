-- Personal feeds: the one live token of each member's private feed address (`feed`, `feed reset`). Only the token's
-- SHA-256 (hex) is kept, so the database (and any copy or backup of it) cannot give the address away; the feed
-- server hashes the token of each request and looks it up. A reset replaces the row, so the old address answers 404
-- at once. No change_log trigger: nothing caches these rows, and every request reads the table.
CREATE TABLE feed_tokens (
  platform   TEXT NOT NULL,
  user_id    TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (platform, user_id)
);
