-- The admin listener's /metrics counts failed jobs by kind on every scrape; failed rows stay in the table for
-- staff to see, so without this the count would read the whole outbox (sent rows included) each time.
CREATE INDEX outbox_failed ON outbox(kind) WHERE state = 'failed';
