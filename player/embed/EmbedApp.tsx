import React, { useEffect } from 'react';
import type { Locale } from '../../compositions/common/locale';
import { loadedGuideType } from '../shared/guide-types';
import { ErrorView, useBoot, useLang } from '../shared/boot';
import { formatDate } from '../shared/i18n';
import { GuideApp } from '../shared/ui/GuideApp';

/** Tells the host page how tall the player is, so its iframe never scrolls inside. Nothing personal. */
function useReportHeight(): void {
  useEffect(() => {
    if (window.parent === window) return;
    const send = () => window.parent.postMessage({ type: 'videoguida:height', height: Math.ceil(document.documentElement.scrollHeight) }, '*');
    const obs = new ResizeObserver(send);
    obs.observe(document.body);
    return () => obs.disconnect();
  }, []);
}

/** The player alone, for another site's iframe: same overlays, same events, no institute bar. */
export const EmbedApp: React.FC<{ token: string | null }> = ({ token }) => {
  const [state, retry] = useBoot(token);
  const manifest = state.phase === 'ready' ? state.loaded.manifest : undefined;
  const [lang, t, setLang] = useLang(manifest?.locale);
  const other: Locale = lang === 'it' ? 'en' : 'it';
  useReportHeight();
  if (state.phase === 'error') return <ErrorView t={t} kind={state.kind} onRetry={retry} />;
  return (
    <main className="vg-embed">
      <div className="vg-embed-head">
        <h1 className="vg-title">{manifest ? loadedGuideType(manifest.guide.type).title[lang] : t.video}</h1>
        <button type="button" className="vg-lang vg-lang-light" lang={other} aria-label={t.switchLabel} onClick={() => setLang(other)}>
          {t.switchTo}
        </button>
      </div>
      {state.phase === 'ready' ? (
        <>
          <GuideApp initial={state.loaded.manifest} token={token!} tokenKey={state.loaded.key} queue={state.loaded.queue} lang={lang} />
          {/* The closing scene points here for the guide's expiry: the embed shows it too. */}
          <p className="vg-embed-foot">{t.availableUntil(formatDate(state.loaded.manifest.expiresAt, lang))}</p>
        </>
      ) : (
        <div className="vg-card">
          <div className="vg-picture vg-placeholder" role="status">
            {t.loading}
          </div>
        </div>
      )}
    </main>
  );
};
