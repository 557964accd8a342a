import { NOTIFICATION_STATUSES, type NotificationStatus } from '../../contract/notification-history';
import { NOTIFY_CHANNELS, type NotifyChannel } from '../../contract/notification-stats';
import type { Channel } from '../db/token-derivation';

/**
 * The channels a notification can travel on. The paper letter (token channel `qr`) is not one of
 * them: it stays the print export. PEC has no token of its own and carries the email link.
 */
export { NOTIFY_CHANNELS, type NotifyChannel };

export const TOKEN_CHANNEL: Record<NotifyChannel, Exclude<Channel, 'qr'>> = { email: 'email', sms: 'sms', app: 'app', pec: 'email' };

export { NOTIFICATION_STATUSES, type NotificationStatus };

/** Statuses a notification never leaves by sending (a late bounce may still follow a delivery). */
export const FINISHED: ReadonlySet<NotificationStatus> = new Set(['sent', 'delivered', 'bounced', 'failed', 'skipped']);

/** Why a queued notification was not sent; stored in `reason`, shown to operators. */
export type SkipReason = 'consent_withdrawn' | 'contact_removed' | 'guide_deleted' | 'guide_expired' | 'link_revoked' | 'held_out';
