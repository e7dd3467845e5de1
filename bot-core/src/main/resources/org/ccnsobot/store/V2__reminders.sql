-- Reminders: members' subscriptions, per-event offset overrides, the planned reminder slots and the delivery ledger.
CREATE TABLE subscriptions (
  platform   TEXT NOT NULL,
  user_id    TEXT NOT NULL,
  topic_kind TEXT NOT NULL CHECK (topic_kind IN ('all', 'committee', 'event')),
  topic      TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (platform, user_id, topic_kind, topic)
);
CREATE INDEX subscriptions_by_topic ON subscriptions(topic_kind, topic);

-- A per-event override of the configured offsets (calendar key `reminders: [48h, 1h]`); offsets as ISO durations.
CREATE TABLE event_reminder_offsets (
  event_id TEXT PRIMARY KEY,
  offsets  TEXT NOT NULL
);

-- The version of each event the reminders last acted on: a change found against it (even one saved while the
-- reminders were down, or just before a crash) gets its notice, and the snapshot moves in the same transaction.
CREATE TABLE reminder_event_state (
  event_id TEXT PRIMARY KEY,
  snapshot TEXT NOT NULL
);

-- One row per (event, offset): when it falls due. At its due time it is expanded into ledger rows, one per
-- destination, with the subscriptions of that moment.
CREATE TABLE reminder_slots (
  event_id   TEXT NOT NULL,
  offset_key TEXT NOT NULL,
  due_at     INTEGER NOT NULL,
  generation INTEGER NOT NULL DEFAULT 1,
  state      TEXT NOT NULL CHECK (state IN ('planned', 'expanded', 'dropped')),
  PRIMARY KEY (event_id, offset_key)
);
CREATE INDEX reminder_slots_due ON reminder_slots(due_at) WHERE state = 'planned';

-- The delivery ledger: one row per (event, offset, destination), plus change notices, committee updates for the
-- committee's followers (event_id 'update:<id>') and staff alerts.
CREATE TABLE reminder_ledger (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  row_key     TEXT NOT NULL UNIQUE,
  kind        TEXT NOT NULL CHECK (kind IN ('reminder', 'change', 'update', 'alert')),
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
CREATE INDEX reminder_ledger_due ON reminder_ledger(next_at, id) WHERE state = 'pending';
CREATE INDEX reminder_ledger_sending ON reminder_ledger(id) WHERE state = 'sending';
CREATE INDEX reminder_ledger_by_event ON reminder_ledger(event_id, offset_key);
