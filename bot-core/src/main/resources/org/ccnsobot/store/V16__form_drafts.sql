-- What staff typed into a form that the bot refused (a bad date, an unknown committee), kept so "Fix it" can
-- open the form again with it after a restart: a button's id (100 characters on Discord) cannot carry it.
-- values_json and fixed_json are JSON objects of option name to text; created_at is epoch milliseconds on the
-- bot's clock. Rows older than a week are removed when a new one is written.
CREATE TABLE form_drafts (
  id         INTEGER PRIMARY KEY,
  platform   TEXT    NOT NULL,
  user_id    TEXT    NOT NULL,
  command    TEXT    NOT NULL,
  values_json TEXT   NOT NULL,
  fixed_json TEXT    NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE INDEX form_drafts_created ON form_drafts(created_at);
