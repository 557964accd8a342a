-- Exactly one email per notification, recorded where the notification is (not in Redis): the
-- attempt that holds a send, and its point of no return (SMTP's final "."). server/notify/send-attempt.ts.
-- `send_attempt`: the attempt holding the row (a new id at every claim), `send_lease_until`: until
-- when (renewed right before the "."). A second attempt (a job Redis lost and the reconcile enqueued
-- again, a stalled job taken over) cannot claim the row while the lease runs, and an attempt whose
-- lease was taken over abandons its message before the ".".
-- `committed_at`: written in the same instant as the "."; an attempt that finds it set (its sender
-- died after the ".") records the message as sent instead of sending it again.
ALTER TABLE notifications ADD COLUMN send_attempt uuid;
ALTER TABLE notifications ADD COLUMN send_lease_until timestamptz;
ALTER TABLE notifications ADD COLUMN committed_at timestamptz;
