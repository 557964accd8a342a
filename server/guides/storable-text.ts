import type { FieldError } from '../../compositions/common/validation';

const NUL = '\u0000';
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const UNPAIRED = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function problemOf(s: string): string | null {
  const nul = s.indexOf(NUL);
  if (nul !== -1) return `must not contain the NUL character (U+0000), got one at position ${nul}`;
  const m = UNPAIRED.exec(s);
  if (m) return `must be valid Unicode, got an unpaired UTF-16 surrogate (\\u${m[0].charCodeAt(0).toString(16)}) at position ${m.index}`;
  return null;
}

/**
 * Strings PostgreSQL cannot store, anywhere in a parsed request: JSON lets a client send "\u0000"
 * (refused in text and jsonb) and a lone "\ud800" (refused in jsonb, silently replaced in text).
 * Keys are checked too (they become jsonb keys). Walks without recursion, so no nesting depth can
 * overflow the stack; reports at most `max` problems, each naming the field and the position (never
 * the value, which may be a name). Schemas keep their own rules: this only guards the database.
 */
export function storableTextProblems(input: unknown, max = 10): FieldError[] {
  const out: FieldError[] = [];
  const stack: { value: unknown; path: string }[] = [{ value: input, path: '' }];
  const at = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));
  while (stack.length > 0 && out.length < max) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      const problem = problemOf(value);
      if (problem) out.push({ field: path || '(root)', message: problem });
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: at(path, i) });
    } else if (value !== null && typeof value === 'object') {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        const problem = problemOf(key);
        if (problem) out.push({ field: at(path, '(key)'), message: `a key ${problem}` });
        else stack.push({ value: (value as Record<string, unknown>)[key], path: at(path, key) });
      }
    }
  }
  return out.slice(0, max);
}
