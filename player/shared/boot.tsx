import React, { useEffect, useState } from 'react';
import type { Locale } from '../../compositions/common/locale';
import { EventQueue } from './events/event-queue';
import { initialLang, saveLang, STRINGS, type Strings } from './i18n';
import { fetchManifest, ManifestError, type Manifest } from './manifest';
import type { Playback } from './playback/playback';
import { tokenKey } from './token';

export type Loaded = { manifest: Manifest; queue: EventQueue; key: string };
export type BootState = { phase: 'loading' } | { phase: 'ready'; loaded: Loaded } | { phase: 'error'; kind: ManifestError['kind'] };

declare global {
  interface Window {
    /** Read by the tests and the bench: never anything personal. */
    __videoguida?: { firstFrameMs?: number; queue?: EventQueue; playback?: Playback };
  }
}

/** Fetches the manifest and prepares the event queue; both the citizen page and the embed start here. */
export function useBoot(token: string | null): [BootState, () => void] {
  const [state, setState] = useState<BootState>(token ? { phase: 'loading' } : { phase: 'error', kind: 'not-found' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!token) return;
    let live = true;
    setState({ phase: 'loading' });
    Promise.all([fetchManifest(token), tokenKey(token)]).then(
      ([manifest, key]) => {
        if (!live) return;
        const queue = new EventQueue(token, `vg:ev:${key}`);
        window.__videoguida = { ...window.__videoguida, queue };
        setState({ phase: 'ready', loaded: { manifest, queue, key } });
      },
      (err: unknown) => live && setState({ phase: 'error', kind: err instanceof ManifestError ? err.kind : 'network' }),
    );
    return () => {
      live = false;
    };
  }, [token, attempt]);
  return [state, () => setAttempt((n) => n + 1)];
}

export function useLang(guideLocale: Locale | undefined): [Locale, Strings, (l: Locale) => void] {
  const [lang, setLang] = useState<Locale>(() => initialLang(guideLocale));
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return [
    lang,
    STRINGS[lang],
    (l) => {
      saveLang(l);
      setLang(l);
    },
  ];
}

/**
 * Marks the moment the guide's first frame is on screen: the composition has drawn something (it
 * renders nothing until its fonts are in) and the browser has painted it.
 */
export function watchFirstFrame(root: HTMLElement): void {
  const drawn = () => root.querySelector('.vg-surface svg, .vg-surface img, .vg-picture video[poster]') !== null;
  const done = () =>
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        const ms = Math.round(performance.now());
        performance.mark('videoguida:first-frame');
        window.__videoguida = { ...window.__videoguida, firstFrameMs: ms };
        document.documentElement.dataset.firstFrame = String(ms);
      }),
    );
  if (drawn()) {
    done();
    return;
  }
  const obs = new MutationObserver(() => {
    if (!drawn()) return;
    obs.disconnect();
    done();
  });
  obs.observe(root, { childList: true, subtree: true });
}

export const ErrorView: React.FC<{ t: Strings; kind: ManifestError['kind']; onRetry(): void }> = ({ t, kind, onRetry }) => (
  <div className="vg-error" role="alert">
    <h1>{t.notFoundTitle}</h1>
    <p>{kind === 'not-found' ? t.notFound : t.error}</p>
    {kind !== 'not-found' ? (
      <button type="button" className="vg-btn vg-btn-primary" onClick={onRetry}>
        {t.retry}
      </button>
    ) : null}
  </div>
);
