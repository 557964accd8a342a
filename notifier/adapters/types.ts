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
  /** Sent past the point of no return without the provider's answer (SMTP: the line dropped after the "."): why. */
  unconfirmed?: string;
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

/**
 * Asked right before a point of no return: resolves to the synchronous function that records it
 * (the adapter calls it right before the byte that makes the provider take the message), or null
 * when the message must be abandoned.
 */
export type FinalDotGate = () => Promise<(() => void) | null>;

/** Every channel behind the same calls; the worker knows nothing of SMTP or HTTP. */
export interface ChannelAdapter {
  readonly channel: NotifyChannel;
  /** The provider's acceptance is the delivery (a local mailbox): "delivered" at once. */
  readonly acceptIsDelivery: boolean;
  /**
   * Throws PermanentFailure for a definite no, any other error for "try again later". An adapter
   * with a point of no return (SMTP's final ".") asks `gate` right before it: the function it
   * resolves to is called synchronously right before the "." is written, so the worker records that
   * the message is going out before it is out; null means another attempt holds the message: the
   * adapter abandons it before the point of no return and throws SendAbandoned (see notifier/worker.ts).
   */
  send(message: OutgoingMessage, gate?: FinalDotGate): Promise<SendResult>;
  close(): Promise<void>;
}
