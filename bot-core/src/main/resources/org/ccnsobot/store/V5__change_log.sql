-- The change log: one row per write to a table whose rows a running bot caches or acts on, appended by triggers so
-- that no writer (another process, an import, a second console, a hand-typed sqlite3 session) can skip it. Each
-- running bot follows it (store.ChangeFeed) to refresh its caches and plans. The reminder ledger, slots and state
-- are not logged: they are the bot's own bookkeeping, not data it caches.
-- row_key: the changed row's key as text (composite keys joined with ':'); op: INSERT, UPDATE or DELETE;
-- at: epoch milliseconds, which pruning uses to drop rows older than a few minutes.
CREATE TABLE change_log (
  seq     INTEGER PRIMARY KEY AUTOINCREMENT,
  tbl     TEXT NOT NULL,
  row_key TEXT NOT NULL,
  op      TEXT NOT NULL CHECK (op IN ('INSERT', 'UPDATE', 'DELETE')),
  at      INTEGER NOT NULL
);
CREATE INDEX change_log_by_at ON change_log(at);

CREATE TRIGGER change_log_events_insert AFTER INSERT ON events
BEGIN
  INSERT INTO change_log(tbl, row_key, op, at)
  VALUES ('events', NEW.id, 'INSERT', CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;

CREATE TRIGGER change_log_events_update AFTER UPDATE ON events
BEGIN
  INSERT INTO change_log(tbl, row_key, op, at)
  VALUES ('events', NEW.id, 'UPDATE', CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;

CREATE TRIGGER change_log_events_delete AFTER DELETE ON events
BEGIN
  INSERT INTO change_log(tbl, row_key, op, at)
  VALUES ('events', OLD.id, 'DELETE', CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;

CREATE TRIGGER change_log_event_committees_insert AFTER INSERT ON event_committees
BEGIN
  INSERT INTO change_log(tbl, row_key, op, at)
  VALUES ('event_committees', NEW.event_id, 'INSERT', CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;

CREATE TRIGGER change_log_event_committees_update AFTER UPDATE ON event_committees
BEGIN
  INSERT INTO change_log(tbl, row_key, op, at)
  VALUES ('event_committees', NEW.event_id, 'UPDATE', CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;

CREATE TRIGGER change_log_event_committees_delete AFTER DELETE ON event_committees
BEGIN
  INSERT INTO change_log(tbl, row_key, op, at)
  VALUES ('event_committees', OLD.event_id, 'DELETE', CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;

CREATE TRIGGER change_log_meetings_insert AFTER INSERT ON meetings
BEGIN
  INSERT INTO change_log(tbl, row_key, op, at)
  VALUES ('meetings', NEW.code, 'INSERT', CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;

CREATE TRIGGER change_log_meetings_update AFTER UPDATE ON meetings
BEGIN
  INSERT INTO change_log(tbl, row_key, op, at)
  VALUES ('meetings', NEW.code, 'UPDATE', CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;

CREATE TRIGGER change_log_meetings_delete AFTER DELETE ON meetings
BEGIN
  INSERT INTO change_log(tbl, row_key, op, at)
  VALUES ('meetings', OLD.code, 'DELETE', CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;

CREATE TRIGGER change_log_committees_insert AFTER INSERT ON committees
BEGIN
  INSERT INTO change_log(tbl, row_key, op, at)
  VALUES ('committees', NEW.acronym, 'INSERT', CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;

CREATE TRIGGER change_log_committees_update AFTER UPDATE ON committees
BEGIN
  INSERT INTO change_log(tbl, row_key, op, at)
  VALUES ('committees', NEW.acronym, 'UPDATE', CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;

CREATE TRIGGER change_log_committees_delete AFTER DELETE ON committees
BEGIN
  INSERT INTO change_log(tbl, row_key, op, at)
  VALUES ('committees', OLD.acronym, 'DELETE', CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;

CREATE TRIGGER change_log_committee_updates_insert AFTER INSERT ON committee_updates
BEGIN
  INSERT INTO change_log(tbl, row_key, op, at)
  VALUES ('committee_updates', CAST(NEW.id AS TEXT), 'INSERT', CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;

CREATE TRIGGER change_log_committee_updates_update AFTER UPDATE ON committee_updates
BEGIN
  INSERT INTO change_log(tbl, row_key, op, at)
  VALUES ('committee_updates', CAST(NEW.id AS TEXT), 'UPDATE', CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;

CREATE TRIGGER change_log_committee_updates_delete AFTER DELETE ON committee_updates
BEGIN
  INSERT INTO change_log(tbl, row_key, op, at)
  VALUES ('committee_updates', CAST(OLD.id AS TEXT), 'DELETE', CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;

CREATE TRIGGER change_log_user_prefs_insert AFTER INSERT ON user_prefs
BEGIN
  INSERT INTO change_log(tbl, row_key, op, at)
  VALUES ('user_prefs', NEW.platform || ':' || NEW.user_id, 'INSERT', CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;

CREATE TRIGGER change_log_user_prefs_update AFTER UPDATE ON user_prefs
BEGIN
  INSERT INTO change_log(tbl, row_key, op, at)
  VALUES ('user_prefs', NEW.platform || ':' || NEW.user_id, 'UPDATE', CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;

CREATE TRIGGER change_log_user_prefs_delete AFTER DELETE ON user_prefs
BEGIN
  INSERT INTO change_log(tbl, row_key, op, at)
  VALUES ('user_prefs', OLD.platform || ':' || OLD.user_id, 'DELETE', CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;

CREATE TRIGGER change_log_subscriptions_insert AFTER INSERT ON subscriptions
BEGIN
  INSERT INTO change_log(tbl, row_key, op, at)
  VALUES ('subscriptions', NEW.platform || ':' || NEW.user_id || ':' || NEW.topic_kind || ':' || NEW.topic, 'INSERT', CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;

CREATE TRIGGER change_log_subscriptions_update AFTER UPDATE ON subscriptions
BEGIN
  INSERT INTO change_log(tbl, row_key, op, at)
  VALUES ('subscriptions', NEW.platform || ':' || NEW.user_id || ':' || NEW.topic_kind || ':' || NEW.topic, 'UPDATE', CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;

CREATE TRIGGER change_log_subscriptions_delete AFTER DELETE ON subscriptions
BEGIN
  INSERT INTO change_log(tbl, row_key, op, at)
  VALUES ('subscriptions', OLD.platform || ':' || OLD.user_id || ':' || OLD.topic_kind || ':' || OLD.topic, 'DELETE', CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;

CREATE TRIGGER change_log_event_reminder_offsets_insert AFTER INSERT ON event_reminder_offsets
BEGIN
  INSERT INTO change_log(tbl, row_key, op, at)
  VALUES ('event_reminder_offsets', NEW.event_id, 'INSERT', CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;

CREATE TRIGGER change_log_event_reminder_offsets_update AFTER UPDATE ON event_reminder_offsets
BEGIN
  INSERT INTO change_log(tbl, row_key, op, at)
  VALUES ('event_reminder_offsets', NEW.event_id, 'UPDATE', CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;

CREATE TRIGGER change_log_event_reminder_offsets_delete AFTER DELETE ON event_reminder_offsets
BEGIN
  INSERT INTO change_log(tbl, row_key, op, at)
  VALUES ('event_reminder_offsets', OLD.event_id, 'DELETE', CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;

CREATE TRIGGER change_log_announcements_insert AFTER INSERT ON announcements
BEGIN
  INSERT INTO change_log(tbl, row_key, op, at)
  VALUES ('announcements', CAST(NEW.id AS TEXT), 'INSERT', CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;

CREATE TRIGGER change_log_announcements_update AFTER UPDATE ON announcements
BEGIN
  INSERT INTO change_log(tbl, row_key, op, at)
  VALUES ('announcements', CAST(NEW.id AS TEXT), 'UPDATE', CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;

CREATE TRIGGER change_log_announcements_delete AFTER DELETE ON announcements
BEGIN
  INSERT INTO change_log(tbl, row_key, op, at)
  VALUES ('announcements', CAST(OLD.id AS TEXT), 'DELETE', CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
