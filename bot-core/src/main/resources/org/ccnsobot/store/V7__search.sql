-- Full-text search over events, kept in the database by triggers so that start-up builds nothing. The FTS5 row
-- id is the event's time order: sort_utc * 2^21 plus the low 21 bits of the event's rowid (unique while the
-- calendar holds fewer than two million events per millisecond of start time). FTS5 walks its doclists in row-id
-- order, so "the next matches after a moment" is a range scan that stops after a few rows, however many events
-- match. Columns: title, kind, committees (acronyms run together: tldops), place (meeting code, name and city),
-- about (the committees' names and aliases) and description. Words are folded (case, accents) by unicode61; a
-- trigram table was weighed, but typos are read against this table's word vocabulary instead (event_search_terms).
-- Trigger bodies keep each inner statement's semicolon mid-line: the migration runner splits at line ends.
CREATE VIRTUAL TABLE event_search USING fts5(title, kind, committees, place, about, description, content='',
  contentless_delete=1, tokenize='unicode61 remove_diacritics 2');

CREATE VIRTUAL TABLE event_search_terms USING fts5vocab(event_search, 'row');

-- Each indexed row's event, and until when the event is ahead (its end key; -1 once cancelled), so the search
-- skips what is over or cancelled without reading the event itself.
CREATE TABLE event_search_keys (
  key         INTEGER PRIMARY KEY,
  event_id    TEXT NOT NULL UNIQUE,
  ahead_until INTEGER NOT NULL
);

CREATE VIEW event_search_source AS
SELECT e.sort_utc * 2097152 + (e.rowid & 2097151) AS key, e.id AS event_id,
  CASE e.status WHEN 'CANCELLED' THEN -1 ELSE e.end_key_utc END AS ahead_until, e.title AS title,
  replace(e.kind, '-', ' ') AS kind,
  replace(replace(replace(replace(lower(e.committees), '-', ''), '_', ''), '.', ''), ',', ' ') AS committees,
  coalesce((SELECT m.code || ' ' || m.name || ' ' || coalesce(m.city, '') || ' ' || coalesce(m.country, '')
            FROM meetings m WHERE m.code = e.meeting_code), e.meeting_code, '') AS place,
  coalesce((SELECT group_concat(c.name || ' ' || c.aliases, ' ') FROM committees c
            WHERE instr(',' || e.committees || ',', ',' || c.acronym || ',') > 0), '') AS about,
  coalesce(e.description, '') AS description
FROM events e;

INSERT INTO event_search_keys(key, event_id, ahead_until) SELECT key, event_id, ahead_until FROM event_search_source;

INSERT INTO event_search(rowid, title, kind, committees, place, about, description)
SELECT key, title, kind, committees, place, about, description FROM event_search_source;

CREATE TRIGGER event_search_insert AFTER INSERT ON events BEGIN
  INSERT INTO event_search_keys(key, event_id, ahead_until)
  SELECT key, event_id, ahead_until FROM event_search_source WHERE event_id = new.id
  ; INSERT INTO event_search(rowid, title, kind, committees, place, about, description)
  SELECT key, title, kind, committees, place, about, description FROM event_search_source WHERE event_id = new.id
  ; END;

CREATE TRIGGER event_search_delete AFTER DELETE ON events BEGIN
  DELETE FROM event_search WHERE rowid = (SELECT key FROM event_search_keys WHERE event_id = old.id)
  ; DELETE FROM event_search_keys WHERE event_id = old.id
  ; END;

CREATE TRIGGER event_search_update AFTER UPDATE ON events
WHEN old.title IS NOT new.title OR old.kind IS NOT new.kind OR old.committees IS NOT new.committees
  OR old.meeting_code IS NOT new.meeting_code OR old.description IS NOT new.description
  OR old.sort_utc IS NOT new.sort_utc OR old.id IS NOT new.id BEGIN
  DELETE FROM event_search WHERE rowid = (SELECT key FROM event_search_keys WHERE event_id = old.id)
  ; DELETE FROM event_search_keys WHERE event_id = old.id
  ; INSERT INTO event_search_keys(key, event_id, ahead_until)
  SELECT key, event_id, ahead_until FROM event_search_source WHERE event_id = new.id
  ; INSERT INTO event_search(rowid, title, kind, committees, place, about, description)
  SELECT key, title, kind, committees, place, about, description FROM event_search_source WHERE event_id = new.id
  ; END;

CREATE TRIGGER event_search_ahead AFTER UPDATE OF status, end_key_utc ON events
WHEN (old.status IS NOT new.status OR old.end_key_utc IS NOT new.end_key_utc) AND old.id IS new.id BEGIN
  UPDATE event_search_keys SET ahead_until = CASE new.status WHEN 'CANCELLED' THEN -1 ELSE new.end_key_utc END
  WHERE event_id = new.id
  ; END;

-- "What is next" includes what is still going on: events keyed before now whose end is after it, read from the
-- index alone.
CREATE INDEX events_by_time_end ON events(sort_utc, end_key_utc);
