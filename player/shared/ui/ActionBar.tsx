import React from 'react';
import type { Locale } from '../../../compositions/common/locale';
import { serviceUrl } from '../../../compositions/common/theme';
import type { Action } from '../../../compositions/common/storyboard-types';
import type { TimedAction } from '../guide-model';
import type { Strings } from '../i18n';
import { Icon } from './icons';

export interface ActionBarProps {
  t: Strings;
  lang: Locale;
  visible: TimedAction[];
  onService(a: TimedAction): void;
  onPopup(a: TimedAction, opener: HTMLElement): void;
}

/**
 * The storyboard's buttons while their time window is open, under the video where the presenter
 * says they are. Services open in a new tab without an opener or a referrer (the page URL holds
 * the token). New buttons are announced politely to screen readers.
 */
export const ActionBar: React.FC<ActionBarProps> = ({ t, lang, visible, onService, onPopup }) => (
  <section className="vg-actions" aria-labelledby="vg-actions-h">
    <h2 id="vg-actions-h" className="vg-h2">
      {t.servicesHeading}
    </h2>
    <div aria-live="polite" className="vg-action-list">
      {visible.length === 0 ? <p className="vg-muted">{t.servicesEmpty}</p> : null}
      {visible.map((a) => (
        <ActionItem key={a.action.id} t={t} lang={lang} a={a} onService={onService} onPopup={onPopup} />
      ))}
    </div>
  </section>
);

const ActionItem: React.FC<{
  t: Strings;
  lang: Locale;
  a: TimedAction;
  onService(a: TimedAction): void;
  onPopup(a: TimedAction, opener: HTMLElement): void;
}> = ({ t, lang, a, onService, onPopup }) => {
  const action: Action = a.action;
  if (action.kind === 'button') {
    return (
      <a
        className="vg-action vg-action-service"
        href={serviceUrl(action.service)}
        target="_blank"
        rel="noopener noreferrer"
        data-action-id={action.id}
        onClick={() => onService(a)}
      >
        <span>{action.label[lang]}</span>
        <Icon name="external" />
        <span className="vg-sr">{t.newTab}</span>
      </a>
    );
  }
  return (
    <button type="button" className="vg-action vg-action-popup" aria-haspopup="dialog" data-action-id={action.id} onClick={(e) => onPopup(a, e.currentTarget)}>
      <Icon name="info" />
      <span>{action.label[lang]}</span>
    </button>
  );
};
