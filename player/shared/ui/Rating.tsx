import React, { useEffect, useRef, useState } from 'react';
import type { Strings } from '../i18n';
import { Icon } from './icons';

/** Offered at the end: five large buttons, one choice per view. */
export const Rating: React.FC<{ t: Strings; onRate(value: number): void; onReplay(e: React.MouseEvent): void }> = ({ t, onRate, onReplay }) => {
  const [given, setGiven] = useState<number | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // The guide has just ended: bring the question into view and to the screen reader.
  useEffect(() => {
    heading.current?.scrollIntoView({ block: 'center', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
    heading.current?.focus({ preventScroll: true });
  }, []);
  return (
    <section className="vg-rating" aria-labelledby="vg-rating-h">
      <h2 id="vg-rating-h" className="vg-h2" tabIndex={-1} ref={heading}>
        {t.ratingQuestion}
      </h2>
      {given === null ? (
        <>
          <p className="vg-muted" id="vg-rating-hint">
            {t.ratingHint}
          </p>
          <div className="vg-stars" role="group" aria-labelledby="vg-rating-h" aria-describedby="vg-rating-hint">
            {[1, 2, 3, 4, 5].map((n) => (
              <button
                key={n}
                type="button"
                className="vg-star"
                aria-label={t.ratingValue(n)}
                data-rating={n}
                onClick={() => {
                  setGiven(n);
                  onRate(n);
                }}
              >
                <Icon name="star" size={30} />
                <span aria-hidden="true">{n}</span>
              </button>
            ))}
          </div>
        </>
      ) : (
        <p role="status" className="vg-thanks">
          {t.ratingThanks}
        </p>
      )}
      <button type="button" className="vg-btn vg-wide" onClick={onReplay}>
        <Icon name="replay" />
        <span>{t.replay}</span>
      </button>
    </section>
  );
};
