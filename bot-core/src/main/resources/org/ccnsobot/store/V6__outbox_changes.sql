-- Outbox jobs queued by another process (an announcement confirmed in a second console, a tool that queues a
-- notice) must wake the process that sends, which otherwise sleeps until the next due job it knows of. The change
-- log carries them like any other write, so the sender's change feed wakes its scheduler.
CREATE TRIGGER change_log_outbox_insert AFTER INSERT ON outbox
BEGIN
  INSERT INTO change_log(tbl, row_key, op, at)
  VALUES ('outbox', NEW.id, 'INSERT', CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;

CREATE TRIGGER change_log_outbox_reschedule AFTER UPDATE OF next_at, state ON outbox
WHEN NEW.state = 'pending'
BEGIN
  INSERT INTO change_log(tbl, row_key, op, at)
  VALUES ('outbox', NEW.id, 'UPDATE', CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
