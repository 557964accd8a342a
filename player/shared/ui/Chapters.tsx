import React from 'react';
import type { Locale } from '../../../compositions/common/locale';
import type { Storyboard } from '../../../compositions/common/storyboard-types';
import { clock, type Strings } from '../i18n';

export interface ChaptersProps {
  t: Strings;
  lang: Locale;
  storyboard: Storyboard;
  currentSceneId: string;
  onJump(sceneId: string, frame: number, e: React.MouseEvent): void;
}

/** One chapter per scene (the same as chapters.json), in the page's language; the current one marked. */
export const Chapters: React.FC<ChaptersProps> = ({ t, lang, storyboard, currentSceneId, onJump }) => (
  <ol className="vg-chapters" aria-label={t.chapters}>
    {storyboard.scenes.map((s) => (
      <li key={s.id}>
        <button
          type="button"
          className="vg-chapter"
          aria-current={s.id === currentSceneId ? 'true' : undefined}
          data-scene-id={s.id}
          onClick={(e) => onJump(s.id, s.from, e)}
        >
          <span className="vg-chapter-time">{clock(s.from / storyboard.fps)}</span>
          <span>{s.title[lang]}</span>
        </button>
      </li>
    ))}
  </ol>
);
