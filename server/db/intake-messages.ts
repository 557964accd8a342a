import type { Queryable } from './database';

/**
 * The broker messages the intake has handled (migration 070, docs/intake.md): one row per
 * (source, message id), written in the transaction that writes the message's guide.
 */

/**
 * Claims messages for this transaction: inserts their rows and returns the ids inserted now. An id
 * another transaction holds uncommitted makes this statement wait for it; committed, it is left out
 * (already handled). Ids go in sorted order, so two transactions claiming overlapping sets lock them
 * in the same order and cannot deadlock.
 */
export async function claimMessages(tx: Queryable, source: string, messageIds: readonly string[]): Promise<Set<string>> {
  if (messageIds.length === 0) return new Set();
  const rows = await tx.query<{ message_id: string }>(
    `INSERT INTO intake_messages (source, message_id)
     SELECT $1, m FROM unnest($2::text[]) AS m ORDER BY m
     ON CONFLICT DO NOTHING
     RETURNING message_id`,
    [source, [...messageIds].sort()],
  );
  return new Set(rows.map((r) => r.message_id));
}

export interface MessageGuide {
  messageId: string;
  guideId: string;
  /** This message created the guide (false: its externalRef had one already). */
  created: boolean;
}

/** Records the guide of each message claimed in this transaction. */
export async function recordMessageGuides(tx: Queryable, source: string, rows: readonly MessageGuide[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `UPDATE intake_messages m SET guide_id = r.g, created_guide = r.c
     FROM jsonb_to_recordset($2::jsonb) AS r(i text, g uuid, c boolean)
     WHERE m.source = $1 AND m.message_id = r.i`,
    [source, JSON.stringify(rows.map((r) => ({ i: r.messageId, g: r.guideId, c: r.created })))],
  );
}

export interface HandledMessage {
  message_id: string;
  /** null once the guide was deleted or purged. */
  guide_id: string | null;
  created_guide: boolean;
}

/** The rows of messages already handled. */
export async function handledMessages(q: Queryable, source: string, messageIds: readonly string[]): Promise<Map<string, HandledMessage>> {
  if (messageIds.length === 0) return new Map();
  const rows = await q.query<HandledMessage>(
    `SELECT message_id, guide_id, created_guide FROM intake_messages WHERE source = $1 AND message_id = ANY($2::text[])`,
    [source, messageIds],
  );
  return new Map(rows.map((r) => [r.message_id, r]));
}
