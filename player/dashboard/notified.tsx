import { channelLabel, count } from './format';
import type { ChannelRow } from './types';

/**
 * "Inviati": the notifications that went out; for the letter, which the notifier does not send, the
 * letters, i.e. the links issued for the print shop (GET /api/stats: notifiedSource).
 */
export function NotifiedCell({ c }: { c: ChannelRow }) {
  return c.notifiedSource === 'links_issued' ? (
    <td className="num" title="Lettere: link emessi per la stampa (una lettera per videoguida)">
      {count(c.notified)} <span className="unit">lettere</span>
    </td>
  ) : (
    <td className="num" title="Notifiche partite verso il cittadino">
      {count(c.notified)}
    </td>
  );
}

/** A channel without a link of its own (PEC): its openings and viewers are counted under the link it carries. */
export const ownLink = (c: ChannelRow): boolean => c.linkChannel === c.channel;

export function CountedUnder({ c, span }: { c: ChannelRow; span: number }) {
  return (
    <td colSpan={span} className="muted under">
      aperture e visualizzazioni contate in «{channelLabel(c.linkChannel)}»: la {channelLabel(c.channel)} porta quel link
    </td>
  );
}
