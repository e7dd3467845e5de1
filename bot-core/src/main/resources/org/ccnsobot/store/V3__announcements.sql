-- Announcements and the weekly digest, both delivered through the reminder ledger.

-- The ledger learns three more kinds of row. SQLite cannot change a CHECK constraint in place, so the table is
-- rebuilt with the same rows and ids (ids keep ordering claims; AUTOINCREMENT continues past the highest).
CREATE TABLE reminder_ledger_v3 (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  row_key     TEXT NOT NULL UNIQUE,
  kind        TEXT NOT NULL CHECK (kind IN ('reminder', 'change', 'alert', 'announcement', 'digest', 'update')),
  event_id    TEXT NOT NULL,
  offset_key  TEXT NOT NULL,
  platform    TEXT NOT NULL,
  destination TEXT NOT NULL,
  generation  INTEGER NOT NULL DEFAULT 1,
  due_at      INTEGER NOT NULL,
  next_at     INTEGER NOT NULL,
  state       TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'dropped', 'failed')),
  attempts    INTEGER NOT NULL DEFAULT 0,
  last_error  TEXT,
  message_ref TEXT,
  note        TEXT,
  updated_at  INTEGER NOT NULL
);
INSERT INTO reminder_ledger_v3 SELECT id, row_key, kind, event_id, offset_key, platform, destination, generation,
  due_at, next_at, state, attempts, last_error, message_ref, note, updated_at FROM reminder_ledger;
DROP TABLE reminder_ledger;
ALTER TABLE reminder_ledger_v3 RENAME TO reminder_ledger;
CREATE INDEX reminder_ledger_due ON reminder_ledger(next_at, id) WHERE state = 'pending';
CREATE INDEX reminder_ledger_sending ON reminder_ledger(id) WHERE state = 'sending';
CREATE INDEX reminder_ledger_by_event ON reminder_ledger(event_id, offset_key);

-- One announcement: a staff member's draft until confirmed, then scheduled, then sent (or cancelled/deleted).
-- targets holds destination keys ("discord:channel:123"), one per line; ping is 'everyone', a role or group id,
-- or NULL (pings nobody).
CREATE TABLE announcements (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  platform    TEXT NOT NULL,
  author      TEXT NOT NULL,
  text        TEXT NOT NULL,
  publish_at  INTEGER NOT NULL,
  targets     TEXT NOT NULL,
  ping        TEXT,
  state       TEXT NOT NULL CHECK (state IN ('draft', 'scheduled', 'cancelled', 'deleted')),
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);
CREATE INDEX announcements_by_author ON announcements(platform, author, state);

-- The weekly digest needs no table of its own: its ledger rows are keyed by ISO week ("digest|2024-W10|1|<channel>").
