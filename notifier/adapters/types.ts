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

/** Every channel behind the same two calls; the worker knows nothing of SMTP or HTTP. */
export interface ChannelAdapter {
  readonly channel: NotifyChannel;
  /** Throws PermanentFailure for a definite no, any other error for "try again later". */
  send(message: OutgoingMessage): Promise<SendResult>;
  close(): Promise<void>;
}
