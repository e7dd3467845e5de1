-- The calendar: meetings, committees, events and committee updates; user preferences and the audit log.
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE meetings (
  code      TEXT PRIMARY KEY,
  name      TEXT NOT NULL,
  city      TEXT,
  country   TEXT,
  venue     TEXT,
  zone      TEXT NOT NULL,
  first_day TEXT NOT NULL,
  last_day  TEXT NOT NULL,
  host      TEXT,
  links     TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE committees (
  acronym     TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  description TEXT,
  link        TEXT,
  aliases     TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE events (
  id           TEXT PRIMARY KEY,
  title        TEXT NOT NULL,
  kind         TEXT NOT NULL,
  meeting_code TEXT REFERENCES meetings(code),
  start_utc    INTEGER,
  end_utc      INTEGER,
  local_date   TEXT NOT NULL,
  zone         TEXT NOT NULL,
  sort_utc     INTEGER NOT NULL,
  end_key_utc  INTEGER NOT NULL,
  room         TEXT,
  access       TEXT NOT NULL,
  description  TEXT,
  links        TEXT NOT NULL DEFAULT '[]',
  status       TEXT NOT NULL,
  source       TEXT,
  source_uid   TEXT,
  sequence     INTEGER NOT NULL DEFAULT 0,
  -- the event's committee acronyms, sorted and comma-joined: read with every event without a join,
  -- event_committees below serves the look-ups by committee
  committees   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX events_by_time ON events(sort_utc);
CREATE INDEX events_by_meeting ON events(meeting_code, sort_utc);
CREATE UNIQUE INDEX events_by_source ON events(source, source_uid) WHERE source_uid IS NOT NULL;

CREATE TABLE event_committees (
  event_id  TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  committee TEXT NOT NULL REFERENCES committees(acronym),
  PRIMARY KEY (event_id, committee)
);
CREATE INDEX event_committees_by_committee ON event_committees(committee, event_id);

CREATE TABLE committee_updates (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  committee TEXT NOT NULL REFERENCES committees(acronym),
  posted_at INTEGER NOT NULL,
  author    TEXT,
  text      TEXT NOT NULL
);
CREATE INDEX committee_updates_by_committee ON committee_updates(committee, posted_at);

CREATE TABLE user_prefs (
  platform TEXT NOT NULL,
  user_id  TEXT NOT NULL,
  zone     TEXT,
  PRIMARY KEY (platform, user_id)
);

CREATE TABLE audit (
  id       INTEGER PRIMARY KEY AUTOINCREMENT,
  at       INTEGER NOT NULL,
  platform TEXT NOT NULL,
  user_id  TEXT NOT NULL,
  action   TEXT NOT NULL,
  outcome  TEXT NOT NULL,
  detail   TEXT
);
