import type { Gender } from './envelope';
import type { Locale, Localized } from './locale';

export const FPS = 30;

export type SceneKind = 'greeting' | 'amount' | 'calendar' | 'deductions' | 'status' | 'obligations' | 'services' | 'closing';

/** Online services a button can open; URLs come from the theme so an institute can point them at its portal. */
export type ServiceId =
  | 'naspi-payments'
  | 'naspi-com'
  | 'naspi-advance'
  | 'pension-payslip'
  | 'pension-cu'
  | 'pension-certificate'
  | 'pension-deductions'
  | 'red-online'
  | 'find-intermediary'
  | 'auu-manage'
  | 'auu-iban'
  | 'auu-documents'
  | 'sfl-apply'
  | 'sfl-tutorial'
  | 'verdict-online'
  | 'disability-card'
  | 'medical-documents'
  | 'red-simplified'
  | 'reserved-area';

export interface Popup {
  title: Localized;
  /** Paragraphs. */
  body: Localized[];
}

interface ActionBase {
  id: string;
  label: Localized;
  /** Frames relative to the start of the scene; the action is visible in [startFrame, endFrame). */
  startFrame: number;
  endFrame: number;
}
export interface ButtonAction extends ActionBase {
  kind: 'button';
  service: ServiceId;
}
export interface PopupAction extends ActionBase {
  kind: 'popup';
  popup: Popup;
}
export type Action = ButtonAction | PopupAction;

/** A number on screen; raw values so each renderer formats them for the locale. */
export type Figure =
  | { format: 'cents'; value: number }
  | { format: 'date'; value: string }
  | { format: 'month'; value: string }
  | { format: 'percent'; value: number }
  | { format: 'text'; value: Localized }
  | { format: 'count'; value: number };

export interface GreetingContent {
  /** Already the right form of address: "Gentile Maria". */
  salutation: Localized;
  name: string;
  subtitle: Localized;
}

export interface AmountContent {
  headline: Localized;
  amount: Figure;
  caption: Localized;
  /** Optional breakdown shown as bars or rows under the big number. */
  rows: { label: Localized; figure: Figure; emphasis?: boolean }[];
  note?: Localized;
}

export interface CalendarContent {
  headline: Localized;
  /** Each entry is one payment (or due date) drawn on the calendar strip. */
  entries: { date: string; label: Localized; cents?: number; highlight?: boolean }[];
  note?: Localized;
}

export interface DeductionsContent {
  headline: Localized;
  grossCents: number;
  lines: { label: Localized; cents: number }[];
  netCents: number;
  note?: Localized;
}

export interface StatusContent {
  headline: Localized;
  tone: 'ok' | 'info' | 'warning' | 'blocked';
  badge: Localized;
  facts: { label: Localized; figure: Figure }[];
  /** Numbered steps or bullet points. */
  steps: { title: Localized; text: Localized }[];
  numbered: boolean;
}

export interface ObligationsContent {
  headline: Localized;
  items: { title: Localized; text: Localized; deadline?: string }[];
}

export interface ServicesContent {
  headline: Localized;
  /** Ids of this scene's actions, in the order they are introduced. */
  items: { actionId: string; text: Localized }[];
}

export interface ClosingContent {
  headline: Localized;
  text: Localized;
  /** Last day the guide stays available, when known at render time. */
  availableUntil?: string;
}

export type SceneByKind = {
  greeting: GreetingContent;
  amount: AmountContent;
  calendar: CalendarContent;
  deductions: DeductionsContent;
  status: StatusContent;
  obligations: ObligationsContent;
  services: ServicesContent;
  closing: ClosingContent;
};

interface SceneBase {
  /** Stable within a guide type: the render cache and the analytics key on it. */
  id: string;
  title: Localized;
  /** First frame in the guide and length, 30 fps. */
  from: number;
  durationInFrames: number;
  narration: Localized;
  actions: Action[];
  /**
   * Guide fields the scene's pixels and sound depend on (dot paths; a path covers everything under it).
   * Empty means the scene is the same for every citizen of this type, version and locale.
   */
  deps: string[];
}

export type Scene = {
  [K in SceneKind]: SceneBase & { kind: K; content: SceneByKind[K] };
}[SceneKind];

export interface Storyboard {
  type: string;
  version: string;
  locale: Locale;
  fps: typeof FPS;
  presenter: Exclude<Gender, 'X'>;
  durationInFrames: number;
  scenes: Scene[];
}
