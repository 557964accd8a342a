import { impactAnswer } from '../../contract/impact';
import { campaignStatsAnswer, statsAnswer } from '../../contract/stats';
import { AuthError } from '../shared/auth-error';
import { checkedAnswer as checked } from '../shared/checked-answer';
import type { CampaignFigures, Filters, Impact, Stats } from './types';

/** The analyst's key: typed once, kept for this tab only (sessionStorage), sent as a header, never in a URL. */
const KEY = 'videoguida.analystKey';
export const savedKey = (): string | null => sessionStorage.getItem(KEY);
export const saveKey = (key: string): void => sessionStorage.setItem(KEY, key);
export const forgetKey = (): void => sessionStorage.removeItem(KEY);

export { AuthError };

export function queryOf(f: Filters): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

async function get<T>(path: string, key: string): Promise<T> {
  const res = await fetch(path, { headers: { authorization: `Bearer ${key}` }, cache: 'no-store' });
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (res.status === 401) throw new AuthError('Chiave non riconosciuta: controllala e riprova.');
  if (res.status === 403) throw new AuthError('Questa chiave non è una chiave da analista.');
  if (!res.ok) throw new Error(body?.error?.message ?? `Errore ${res.status}`);
  return body as T;
}

export const fetchStats = (key: string, f: Filters): Promise<Stats> => get<unknown>(`/api/stats${queryOf(f)}`, key).then((r) => checked(statsAnswer, r));
export const fetchCampaigns = (key: string, f: Filters): Promise<CampaignFigures[]> =>
  get<unknown>(`/api/stats/campaigns${queryOf({ ...f, campaign: '', channel: '' })}`, key).then((r) => checked(campaignStatsAnswer, r).campaigns);

/** A campaign's impact, or (type) that of the guides created one at a time; windows in days. */
export function fetchImpact(key: string, scope: { campaign?: string; type?: string }, windows: number[]) {
  const q = new URLSearchParams();
  if (scope.campaign) q.set('campaign', scope.campaign);
  else if (scope.type) q.set('type', scope.type);
  q.set('windows', windows.join(','));
  return get<unknown>(`/api/impact?${q.toString()}`, key).then((r): Impact => checked(impactAnswer, r));
}
