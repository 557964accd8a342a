import { loadFont } from '@remotion/fonts';
import { staticFile } from 'remotion';

export const FONT_FAMILY = 'Titillium Web';
/** DejaVu is Debian's default: it draws scripts Titillium lacks (a registry name may use any). */
export const FONT_STACK = `'${FONT_FAMILY}', 'DejaVu Sans', sans-serif`;

// The same split as @fontsource: the latin file covers Italian and English, latin-ext the rest
// of Europe (Ł, Ș, Ő...), so most guides download only the small latin files.
const LATIN =
  'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';
const LATIN_EXT =
  'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF';

export const FONT_WEIGHTS = [400, 600, 700] as const;

let loading: Promise<void> | null = null;

/** Loads the self-hosted faces once (from assets/fonts through staticFile: no network). */
export function loadFonts(): Promise<void> {
  loading ??= Promise.all(
    FONT_WEIGHTS.flatMap((weight) =>
      (
        [
          ['latin', LATIN],
          ['latin-ext', LATIN_EXT],
        ] as const
      ).map(([subset, unicodeRange]) =>
        loadFont({
          family: FONT_FAMILY,
          url: staticFile(`fonts/titillium-web-${subset}-${weight}-normal.woff2`),
          weight: String(weight),
          style: 'normal',
          unicodeRange,
        }),
      ),
    ),
  ).then(() => undefined);
  return loading;
}
