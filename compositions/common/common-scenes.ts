import { welcomeIt } from './copy';
import type { Gender } from './envelope';
import { l, type Localized } from './locale';
import type { SceneDraft } from './storyboard-build';
import type { ServiceId } from './storyboard-types';

/** A draft of one kind of scene without its id, kind and title: what a guide writes for a scene every guide has. */
type SceneBody<K extends SceneDraft['kind']> = Omit<Extract<SceneDraft, { kind: K }>, 'id' | 'kind' | 'title'>;

/** The scene every guide opens with: the same id and title in all six. */
export const greetingScene = (body: SceneBody<'greeting'>): SceneDraft => ({
  id: 'greeting',
  kind: 'greeting',
  title: l('Introduzione', 'Introduction'),
  ...body,
});

/**
 * The formal greeting of a named citizen ("Gentile Maria, benvenuta nella tua videoguida."), then
 * what the guide is about. A guide about someone else (a child's verdict) is "this" guide, not "your" guide.
 */
export function dearGreeting(
  citizen: { givenName: string; gender: Gender },
  body: { deps: string[]; minSeconds: number; subtitle: Localized; about: Localized; ownGuide?: boolean },
): SceneDraft {
  const name = citizen.givenName;
  const own = body.ownGuide ?? true;
  return greetingScene({
    // The salutation names the citizen and agrees with their gender.
    deps: ['citizen.givenName', 'citizen.gender', ...body.deps],
    minSeconds: body.minSeconds,
    content: { salutation: l('Gentile', 'Dear'), name, subtitle: body.subtitle },
    narration: l(
      `Gentile ${name}, ${welcomeIt(citizen.gender)} ${own ? 'nella tua' : 'in questa'} videoguida. ${body.about.it}`,
      `Dear ${name}, welcome to ${own ? 'your' : 'this'} video guide. ${body.about.en}`,
    ),
  });
}

/** The scene every guide ends with: the same id and title in all six. */
export const closingScene = (body: SceneBody<'closing'>): SceneDraft => ({ id: 'closing', kind: 'closing', title: l('Saluti', 'Goodbye'), ...body });

/** The closing's request for a rating, in the words most guides use. */
export const RATING_REQUEST: Localized = l('Se questa guida ti è stata utile, lascia una valutazione.', 'If this guide helped you, please leave a rating.');

/** One online service of a services scene: its card on screen and the button that opens it, under one id. */
export interface ServiceButton {
  id: string;
  /** The card's text. */
  text: Localized;
  /** The button's label. */
  label: Localized;
  service: ServiceId;
  window: [number, number];
}

/**
 * A scene of online services: each card names the button it introduces, so cards and buttons are
 * written once, together, and can never point at a button the scene does not have.
 */
export function servicesScene(s: {
  id?: string;
  title?: Localized;
  deps: string[];
  minSeconds?: number;
  headline: Localized;
  narration: Localized;
  buttons: ServiceButton[];
}): SceneDraft {
  return {
    id: s.id ?? 'services',
    kind: 'services',
    title: s.title ?? l('I servizi online', 'Online services'),
    deps: s.deps,
    ...(s.minSeconds === undefined ? {} : { minSeconds: s.minSeconds }),
    content: { headline: s.headline, items: s.buttons.map((b) => ({ actionId: b.id, text: b.text })) },
    narration: s.narration,
    actions: s.buttons.map((b) => ({ id: b.id, kind: 'button', label: b.label, service: b.service, window: b.window })),
  };
}
