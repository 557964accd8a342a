import React, { useEffect, useRef } from 'react';
import type { Locale } from '../../../compositions/common/locale';
import type { Popup } from '../../../compositions/common/storyboard-types';
import type { Strings } from '../i18n';

export interface PopupDialogProps {
  t: Strings;
  lang: Locale;
  popup: Popup;
  /** Where focus goes back when the dialog closes (the button that opened it). */
  opener: HTMLElement | null;
  onClose(): void;
}

/**
 * A modal <dialog>: showModal() makes the rest of the page inert (focus stays inside) and Escape
 * closes it (the `cancel` event); focus returns to the opener.
 */
export const PopupDialog: React.FC<PopupDialogProps> = ({ t, lang, popup, opener, onClose }) => {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (!d.open) d.showModal();
    const cancel = (e: Event) => {
      e.preventDefault();
      onClose();
    };
    d.addEventListener('cancel', cancel);
    return () => {
      d.removeEventListener('cancel', cancel);
      if (d.open) d.close();
      if (opener?.isConnected) opener.focus();
    };
  }, [onClose, opener]);
  return (
    <dialog ref={ref} className="vg-dialog" aria-labelledby="vg-dialog-h">
      <div className="vg-dialog-head">
        <h2 id="vg-dialog-h">{popup.title[lang]}</h2>
        <button type="button" className="vg-btn vg-close" onClick={onClose} aria-label={t.close}>
          ×
        </button>
      </div>
      <div className="vg-dialog-body">
        {popup.body.map((p, i) => (
          <p key={i}>{p[lang]}</p>
        ))}
      </div>
      <button type="button" className="vg-btn vg-btn-primary vg-wide" onClick={onClose} autoFocus>
        {t.backToVideo}
      </button>
    </dialog>
  );
};
