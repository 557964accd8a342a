/**
 * Splits narration into sentences: the unit of speech synthesis (and of its cache) and of caption
 * cues, so what is heard and what is read always break at the same places.
 * A sentence ends at . ! ? or : followed by a space and an upper-case letter, or at the end.
 * Decimal points ("4,33", "1.234,56") and abbreviations followed by lower case do not split.
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  const re = /[.!?:](?=\s+["“«(]?\p{Lu})/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + 1;
    const s = text.slice(start, end).trim();
    if (s) out.push(s);
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}
