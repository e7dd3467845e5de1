-- Deliveries a platform may send again (a Slack request replayed with its signature, an event Slack redelivers),
-- kept for as long as a replay could still be accepted, so a restart does not forget them. Independent of the
-- outbox: nothing here is sent. expires_at is epoch milliseconds on the bot's clock.
CREATE TABLE seen_deliveries (
  key        TEXT    PRIMARY KEY,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE INDEX seen_deliveries_expiry ON seen_deliveries(expires_at);
