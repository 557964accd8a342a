import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/** The elements of a page file that go into the shell's head; everything else goes into its body. */
const HEAD_ELEMENT = /^<(title|meta|link|base|style)[\s>/]/i;

/** The shell with the page's lines in place of the marker, at the marker's indentation. */
function fill(page: string, marker: string, lines: string[]): string {
  return page.replace(new RegExp(`^( *)${marker}$`, 'm'), (_, indent: string) => lines.map((l) => indent + l).join('\n'));
}

/**
 * The four pages (index, embed, dashboard, console) share one document: page-shell.html holds the
 * language, the charset, the viewport and the no-index / no-referrer meta tags, and each page's own
 * .html file holds only what is its own: its title (and theme colour, where it has one), its root and
 * its entry script. Runs before Vite reads the page's scripts, so the built page is exactly the shell
 * with the page's lines in place of <!--page-head--> and <!--page-body-->.
 */
export function pageShell(root: string): Plugin {
  const shell = fs.readFileSync(path.join(root, 'page-shell.html'), 'utf8');
  return {
    name: 'videoguida-page-shell',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        const lines = html
          .split('\n')
          .map((l) => l.trim())
          .filter((l) => l && !/^<!doctype/i.test(l));
        const own = (inHead: boolean) => lines.filter((l) => HEAD_ELEMENT.test(l) === inHead);
        return fill(fill(shell, '<!--page-head-->', own(true)), '<!--page-body-->', own(false));
      },
    },
  };
}
