import type { OutgoingMessage } from '../../notifier/adapters/types';

/**
 * A message as the notifier hands it to a channel's adapter: the content fixed, the recipient and
 * the channel the test's; `n` tells the notifications of one file apart.
 */
export const outgoingMessage = (channel: OutgoingMessage['channel'], to: string, n = 1): OutgoingMessage => ({
  notificationId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  channel,
  to,
  guideType: 'naspi',
  locale: 'it',
  link: 'http://x/g/t',
  expiresAt: new Date(),
  subject: 's',
  text: 't',
  html: '<p>t</p>',
});
