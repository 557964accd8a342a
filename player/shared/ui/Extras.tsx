import React, { lazy, Suspense, useState } from 'react';
import type { Locale } from '../../../compositions/common/locale';
import type { Storyboard } from '../../../compositions/common/storyboard-types';
import type { Manifest } from '../manifest';
import type { Strings } from '../i18n';
import { Chapters } from './Chapters';
import { Icon, type IconName } from './icons';

const Transcript = lazy(() => import('./Transcript'));

type Panel = 'chapters' | 'transcript' | 'audio';

export interface ExtrasProps {
  t: Strings;
  lang: Locale;
  manifest: Manifest;
  storyboard: Storyboard;
  currentSceneId: string;
  audioOnly: boolean;
  onAudioOnly(on: boolean): void;
  onJump(sceneId: string, frame: number, e: React.MouseEvent): void;
  onService(sceneId: string, actionId: string): void;
}

/** Chapters, the full text and the audio-only version: one open at a time, each behind a large toggle. */
export const Extras: React.FC<ExtrasProps> = (p) => {
  const { t } = p;
  const [open, setOpen] = useState<Panel | null>(null);
  const tabs: [Panel, IconName, string][] = [
    ['chapters', 'list', t.chapters],
    ['transcript', 'text', t.transcript],
    ['audio', 'headphones', t.audioOnly],
  ];
  return (
    <section className="vg-extras">
      <div className="vg-tabs">
        {tabs.map(([id, icon, label]) => (
          <button
            key={id}
            type="button"
            className="vg-tab"
            aria-expanded={open === id}
            aria-controls={`vg-panel-${id}`}
            onClick={() => setOpen(open === id ? null : id)}
          >
            <Icon name={icon} />
            <span>{label}</span>
          </button>
        ))}
      </div>
      {open ? (
        <div id={`vg-panel-${open}`} className="vg-panel" role="region" aria-label={tabs.find(([id]) => id === open)![2]}>
          {open === 'chapters' ? <Chapters t={t} lang={p.lang} storyboard={p.storyboard} currentSceneId={p.currentSceneId} onJump={p.onJump} /> : null}
          {open === 'transcript' ? (
            <Suspense fallback={<p>{t.loading}</p>}>
              <Transcript t={t} lang={p.lang} storyboard={p.storyboard} onPlayFrom={p.onJump} onService={p.onService} />
            </Suspense>
          ) : null}
          {open === 'audio' ? <AudioOnly {...p} /> : null}
        </div>
      ) : null}
    </section>
  );
};

/** The rendered M4A when there is one; until then the live guide with the picture hidden. */
const AudioOnly: React.FC<ExtrasProps> = ({ t, manifest, audioOnly, onAudioOnly }) => (
  <div className="vg-audio">
    <p>{t.audioOnlyIntro}</p>
    {manifest.media?.audio ? (
      <>
        <audio controls preload="none" src={manifest.media.audio} aria-label={t.audioOnly} className="vg-audio-el" />
        <p>
          <a href={manifest.media.audio} download>
            {t.audioOnlyFile}
          </a>
        </p>
      </>
    ) : (
      <>
        <button type="button" className="vg-btn vg-wide" aria-pressed={audioOnly} onClick={() => onAudioOnly(!audioOnly)}>
          <Icon name="headphones" />
          <span>{audioOnly ? t.audioOnlyBack : t.audioOnlyLive}</span>
        </button>
        <p className="vg-muted">{t.audioOnlyLiveNote}</p>
      </>
    )}
  </div>
);
