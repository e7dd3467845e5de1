-- Multi-day all-day events and each event's time of last change.
-- last_day: the last day (inclusive, in the event's zone) of a date-only event that spans several days, such as an
-- all-day 2 to 8 March; NULL for a single day and for timed events. end_key_utc already holds the end of that last
-- day, so "what is ahead" needs nothing else; the partial index finds the few spanning events still going on that
-- the look-back of "ongoing" (48 hours) would miss.
-- updated_at: epoch milliseconds of the last write that changed the event (set by the store only when something
-- changed), the DTSTAMP of the feeds, so an unchanged feed is byte for byte the same between two fetches.
ALTER TABLE events ADD COLUMN last_day TEXT;
ALTER TABLE events ADD COLUMN updated_at INTEGER;
UPDATE events SET updated_at = CAST(unixepoch('subsec') * 1000 AS INTEGER);
CREATE INDEX events_spanning ON events(end_key_utc) WHERE last_day IS NOT NULL;
