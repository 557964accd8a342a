import type { GuideType } from '../../compositions/common/envelope';
import type { Queryable } from '../db/database';
import type { NotificationStatus, NotifyChannel } from './channels';

export interface CitizenNotification {
  id: string;
  guide_id: string;
  guide_type: GuideType;
  campaign_id: string | null;
  channel: NotifyChannel;
  status: NotificationStatus;
  reason: string | null;
  attempts: number;
  consent_history_id: number | null;
  created_at: Date;
  sent_at: Date | null;
  final_at: Date | null;
  opened_at: Date | null;
}

/** Everything sent (or not) to one citizen, newest first: what an operator sees at the counter. */
export async function notificationsOfCitizen(q: Queryable, hmac: string, limit = 500): Promise<CitizenNotification[]> {
  return q.query<CitizenNotification>(
    `SELECT id, guide_id, guide_type, campaign_id, channel, status, reason, attempts, consent_history_id,
            created_at, sent_at, final_at, opened_at
     FROM notifications WHERE fiscal_code_hmac = $1 ORDER BY created_at DESC, channel LIMIT $2`,
    [hmac, limit],
  );
}

/** Who looked up whom, and when; the citizen appears as the HMAC only. */
export async function auditLookup(q: Queryable, entry: { action: string; actor: string; subjectHmac: string; requestId: string | null }): Promise<void> {
  await q.query(`INSERT INTO notification_audit (action, actor, subject_hmac, request_id) VALUES ($1, $2, $3, $4)`, [
    entry.action,
    entry.actor,
    entry.subjectHmac,
    entry.requestId,
  ]);
}
