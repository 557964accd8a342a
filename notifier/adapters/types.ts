import type { Locale } from '../../compositions/common/locale';
import type { GuideType } from '../../compositions/common/envelope';
import type { NotifyChannel } from '../../server/notify/channels';

/** One message, ready for its channel. `to` is an address, a number, or the app's citizen reference. */
export interface OutgoingMessage {
  notificationId: string;
  channel: NotifyChannel;
  to: string;
  guideType: GuideType;
  locale: Locale;
  link: string;
  expiresAt: Date;
  subject: string;
  text: string;
  html: string;
}

export interface SendResult {
  /** The provider's id for the message (SMTP Message-ID, gateway id), for receipts. */
  providerId: string | null;
  /** True when acceptance is delivery (the receiving server is the mailbox). */
  delivered: boolean;
}

/**
 * The provider refused for good: no retry. `bounced` when the recipient does not exist or refuses,
 * `failed` when our message or configuration is at fault. The message is already scrubbed.
 */
export class PermanentFailure extends Error {
  constructor(
    readonly outcome: 'bounced' | 'failed',
    message: string,
  ) {
    super(message);
    this.name = 'PermanentFailure';
  }
}

/** Every channel behind the same calls; the worker knows nothing of SMTP or HTTP. */
export interface ChannelAdapter {
  readonly channel: NotifyChannel;
  /** The provider's acceptance is the delivery (a local mailbox): "delivered" at once. */
  readonly acceptIsDelivery: boolean;
  /**
   * Throws PermanentFailure for a definite no, any other error for "try again later". An adapter
   * with a point of no return (SMTP's final ".") calls `commit` synchronously right before it, so
   * the worker can record that the message is going out before it is out (see notifier/worker.ts).
   */
  send(message: OutgoingMessage, commit?: () => void): Promise<SendResult>;
  close(): Promise<void>;
}
