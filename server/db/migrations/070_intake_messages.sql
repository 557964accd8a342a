-- Event intake from the institute's broker (issue #18, docs/intake.md).
--
-- One row per broker message that was handled, keyed by where it came from and the message id the
-- upstream system gave it. It is written in the transaction that writes the message's guide, its
-- tokens and its outbox rows, and the message is acknowledged only after that commit: a message
-- delivered again (a redelivery after a lost connection, a publisher's retry, a second consumer)
-- finds its row and creates nothing. Two transactions inserting the same key serialise on the
-- primary key, so the second waits for the first and then finds the row.
--
-- No personal data: the source is the configured name of the upstream queue, the message id is the
-- upstream's own opaque id. The row is inserted first (it claims the message: a concurrent
-- transaction with the same key waits here), then the guide, then guide_id is set, all in one
-- transaction; so a committed row has its guide_id, which becomes NULL only when the guide itself is
-- deleted or purged. The row stays then, so a very late redelivery still creates nothing.
CREATE TABLE intake_messages (
  source text NOT NULL,
  message_id text NOT NULL,
  guide_id uuid REFERENCES guides (id) ON DELETE SET NULL,
  -- True when this message created the guide; false when its externalRef already had one (created
  -- through the API or by another message), which the message was then answered with.
  created_guide boolean NOT NULL DEFAULT false,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (source, message_id)
);
-- Deleting a guide sets its rows' guide_id to NULL: without this index each delete would scan.
CREATE INDEX intake_messages_guide ON intake_messages (guide_id) WHERE guide_id IS NOT NULL;
