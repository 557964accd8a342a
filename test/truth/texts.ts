import type { Storyboard } from '../../compositions/common/storyboard-types';

/** Every string a citizen reads or hears in one locale: narration, titles, screen text, buttons, pop-ups. */
export function textsOf(board: Storyboard, locale: 'it' | 'en'): { narration: string; screen: string[] } {
  const screen: string[] = [];
  const walk = (v: unknown): void => {
    if (!v || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach(walk);
    const o = v as Record<string, unknown>;
    if (typeof o.it === 'string' && typeof o.en === 'string') {
      screen.push(o[locale] as string);
      return;
    }
    for (const x of Object.values(o)) walk(x);
  };
  for (const s of board.scenes) {
    walk(s.title);
    walk(s.content);
    walk(s.actions);
  }
  return {
    narration: board.scenes
      .map((s) => s.narration[locale])
      .join(' ')
      .replace(/\s+/g, ' '),
    screen,
  };
}
