import React from 'react';
import type { Locale } from '../../compositions/common/locale';
import { defaultTheme } from '../../compositions/common/theme';
import { loadedGuideType } from '../shared/guide-types';
import { LogoMark } from '../../compositions/scenes/ui/logo';
import { ErrorView, useBoot, useLang } from '../shared/boot';
import { formatDate } from '../shared/i18n';
import { GuideApp } from '../shared/ui/GuideApp';

/** The page behind the QR code: the institute's bar, the guide's title, the player, help. */
export const CitizenPage: React.FC<{ token: string | null }> = ({ token }) => {
  const [state, retry] = useBoot(token);
  const manifest = state.phase === 'ready' ? state.loaded.manifest : undefined;
  const [lang, t, setLang] = useLang(manifest?.locale);
  const other: Locale = lang === 'it' ? 'en' : 'it';
  const title = manifest ? loadedGuideType(manifest.guide.type).title[lang] : t.video;
  return (
    <>
      <a className="vg-skip" href="#vg-main">
        {t.skip}
      </a>
      <header className="vg-top">
        <div className="vg-brand">
          <LogoMark size={36} />
          <span>{defaultTheme.instituteName[lang]}</span>
        </div>
        <button type="button" className="vg-lang" lang={other} aria-label={t.switchLabel} onClick={() => setLang(other)}>
          {t.switchTo}
        </button>
      </header>
      <main id="vg-main" className="vg-main">
        {state.phase === 'error' ? <ErrorView t={t} kind={state.kind} onRetry={retry} /> : null}
        {state.phase === 'loading' ? (
          <>
            <h1 className="vg-title">{t.video}</h1>
            <div className="vg-card">
              <div className="vg-picture vg-placeholder" role="status">
                {t.loading}
              </div>
            </div>
          </>
        ) : null}
        {state.phase === 'ready' ? (
          <>
            <p className="vg-eyebrow">{t.personalGuide}</p>
            <h1 className="vg-title">{title}</h1>
            <GuideApp initial={state.loaded.manifest} token={token!} tokenKey={state.loaded.key} queue={state.loaded.queue} lang={lang} />
          </>
        ) : null}
      </main>
      <footer className="vg-foot">
        {manifest ? <p>{t.availableUntil(formatDate(manifest.expiresAt, lang))}</p> : null}
        <p>{t.help(defaultTheme.contactCenter, defaultTheme.contactCenterMobile)}</p>
      </footer>
    </>
  );
};
