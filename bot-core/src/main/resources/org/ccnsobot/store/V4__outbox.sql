-- One durable outbox for everything the bot sends on its own. It replaces reminder_ledger: kind is free text (a
-- feature adds a kind without a migration), the payload is the kind's JSON, and the idempotency key is stored.
-- Every ledger row is copied with its id (ids keep ordering claims; AUTOINCREMENT continues past the highest) and
-- its idempotency key (row_key#generation), so a row a crash left in 'sending' is still found by that key.
CREATE TABLE outbox (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  kind            TEXT NOT NULL,
  job_key         TEXT NOT NULL UNIQUE,
  idempotency_key TEXT NOT NULL UNIQUE,
  subject         TEXT NOT NULL,
  part            TEXT NOT NULL,
  platform        TEXT NOT NULL,
  destination     TEXT NOT NULL,
  generation      INTEGER NOT NULL DEFAULT 1,
  payload         TEXT NOT NULL DEFAULT '{}',
  due_at          INTEGER NOT NULL,
  next_at         INTEGER NOT NULL,
  state           TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'dropped', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  last_error      TEXT,
  message_ref     TEXT,
  updated_at      INTEGER NOT NULL
);
-- job_key is kind|subject|part|destination; reminder rows had no kind in front of their key. Change notices kept
-- their change (before and after, JSON) in note; updates and alerts kept their words.
INSERT INTO outbox(id, kind, job_key, idempotency_key, subject, part, platform, destination, generation, payload,
  due_at, next_at, state, attempts, last_error, message_ref, updated_at)
  SELECT id, kind, CASE WHEN kind = 'reminder' THEN 'reminder|' || row_key ELSE row_key END,
    row_key || '#' || generation, event_id, offset_key, platform, destination, generation,
    CASE WHEN kind = 'change' AND note IS NOT NULL AND json_valid(note) THEN note
         WHEN kind IN ('update', 'alert') THEN json_object('text', COALESCE(note, ''))
         ELSE '{}' END,
    due_at, next_at, state, attempts, last_error, message_ref, updated_at
  FROM reminder_ledger;
DROP TABLE reminder_ledger;
CREATE INDEX outbox_due ON outbox(next_at, id) WHERE state = 'pending';
CREATE INDEX outbox_sending ON outbox(id) WHERE state = 'sending';
CREATE INDEX outbox_by_subject ON outbox(subject, kind, part);
