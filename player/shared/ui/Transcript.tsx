import React, { useMemo } from 'react';
import type { Locale } from '../../../compositions/common/locale';
import { serviceUrl } from '../../../compositions/common/theme';
import type { Storyboard } from '../../../compositions/common/storyboard-types';
import { transcriptOf } from '../../../compositions/speech/transcript';
import { clock, type Strings } from '../i18n';

export interface TranscriptProps {
  t: Strings;
  lang: Locale;
  storyboard: Storyboard;
  onPlayFrom(sceneId: string, frame: number, e: React.MouseEvent): void;
  onService(sceneId: string, actionId: string): void;
}

/**
 * The accessible alternative to the video (loaded on demand): what the presenter says, with the
 * buttons and pop-ups spoken, in the page's language; each service as a real link.
 */
const Transcript: React.FC<TranscriptProps> = ({ t, lang, storyboard, onPlayFrom, onService }) => {
  const transcript = useMemo(() => transcriptOf({ ...storyboard, locale: lang }), [storyboard, lang]);
  return (
    <div className="vg-transcript" lang={lang}>
      <p className="vg-muted">{t.transcriptIntro}</p>
      {transcript.sections.map((s) => (
        <section key={s.sceneId} aria-labelledby={`vg-tr-${s.sceneId}`}>
          <h3 id={`vg-tr-${s.sceneId}`}>
            {s.title} <span className="vg-muted">({clock(s.startSeconds)})</span>
          </h3>
          {s.paragraphs.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
          {s.buttons.map((b) => (
            <p key={b.actionId}>
              <a href={serviceUrl(b.service)} target="_blank" rel="noopener noreferrer" onClick={() => onService(s.sceneId, b.actionId)}>
                {b.label} <span className="vg-sr">{t.newTab}</span>
              </a>
            </p>
          ))}
          <button type="button" className="vg-link" onClick={(e) => onPlayFrom(s.sceneId, Math.round(s.startSeconds * storyboard.fps), e)}>
            {t.playFromHere(clock(s.startSeconds))}
          </button>
        </section>
      ))}
    </div>
  );
};
export default Transcript;
