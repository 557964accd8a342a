/** The console's view of GET /api/notifications/stats and POST /api/notifications/history, both parsed with the one contract. */
import { citizenHistory, type CitizenHistory } from '../../contract/notification-history';
import {
  NOTIFY_CHANNELS,
  notificationStatsAnswer,
  type CampaignNotificationStats,
  type ChannelFiguresAnswer,
  type NotifyChannel,
} from '../../contract/notification-stats';
import { AuthError } from '../shared/auth-error';
import { checkedAnswer as checked } from '../shared/checked-answer';

export const CHANNELS = NOTIFY_CHANNELS;
export type Channel = NotifyChannel;
export type ChannelFigures = ChannelFiguresAnswer;
export type CampaignStats = CampaignNotificationStats;

export interface Filters {
  from: string;
  to: string;
  province: string;
}

export type { CitizenHistory };

/** The key is typed once and kept for this tab only (sessionStorage); it travels in a header, never in a URL. */
const KEY = 'videoguida.consoleKey';
export const savedKey = (): string | null => sessionStorage.getItem(KEY);
export const saveKey = (key: string): void => sessionStorage.setItem(KEY, key);
export const forgetKey = (): void => sessionStorage.removeItem(KEY);

export { AuthError };

async function call<T>(path: string, key: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(path, { ...init, headers: { ...init.headers, authorization: `Bearer ${key}` }, cache: 'no-store' });
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (res.status === 401) throw new AuthError('Chiave non riconosciuta: controllala e riprova.');
  if (res.status === 403) throw new AuthError('Questa chiave non può farlo: lo storico del cittadino richiede una chiave da operatore.');
  if (!res.ok) throw new Error(body?.error?.message ?? `Errore ${res.status}`);
  return body as T;
}

export function fetchStats(key: string, f: Filters): Promise<CampaignStats[]> {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) q.set(k, v);
  const s = q.toString();
  return call<unknown>(`/api/notifications/stats${s ? `?${s}` : ''}`, key).then((r) => checked(notificationStatsAnswer, r).campaigns);
}

/** The fiscal code goes in the body of a POST: never in a URL, a history entry or a log. */
export function fetchHistory(key: string, fiscalCode: string): Promise<CitizenHistory> {
  return call<unknown>('/api/notifications/history', key, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ fiscalCode: fiscalCode.trim().toUpperCase() }),
  }).then((r) => checked(citizenHistory, r));
}
