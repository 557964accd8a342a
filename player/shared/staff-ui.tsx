import type { ReactNode } from 'react';

/** A staff page's error (styled by staff-base.css), announced to screen readers; nothing when there is none. */
export function ErrorAlert({ error }: { error: string | null }) {
  return error ? (
    <p className="error" role="alert">
      {error}
    </p>
  ) : null;
}

interface CardProps {
  /** The section's accessible name; without it the heading names it (titleId). */
  label?: string;
  /** The heading's id, for a section named by its heading. */
  titleId?: string;
  title: ReactNode;
  /** The muted sentence under the heading: what the card counts. */
  intro: ReactNode;
  /** More classes beside "card" (staff-base.css draws the card, the page's stylesheet the rest). */
  className?: string;
  children: ReactNode;
}

/** A staff page's card: a section with its heading and the sentence that says what it shows, then its content. */
export function Card({ label, titleId, title, intro, className, children }: CardProps) {
  return (
    <section className={className ? `card ${className}` : 'card'} aria-label={label} aria-labelledby={label ? undefined : titleId}>
      <header>
        <h2 id={titleId}>{title}</h2>
        <p>{intro}</p>
      </header>
      {children}
    </section>
  );
}
