import type { z } from 'zod';
import type { FieldError } from '../../compositions/common/validation';
import { ApiError } from '../errors';

/**
 * CSV uploads: the header names envelope fields by dot path (externalRef, citizen.givenName,
 * benefit.firstPayment.grossCents, ...). Nested arrays and objects may also sit in one cell as JSON
 * (benefit.payments). Cells are coerced by what the envelope schema expects at that path, and only
 * then: "0071" stays a string where a string is expected (ibanLast4) and becomes 71 only where a
 * number is (an amount).
 */

type Leaf = 'string' | 'number' | 'boolean' | 'json';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
  values?: unknown[];
}
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
const isOptional = (s: z.ZodType): boolean => (s as unknown as { _zod: { optin?: string } })._zod.optin !== undefined;

const WRAPPERS = new Set(['optional', 'default', 'prefault', 'nullable', 'readonly', 'catch', 'nonoptional']);

function unwrap(s: z.ZodType): z.ZodType {
  for (;;) {
    const d = defOf(s);
    if (WRAPPERS.has(d.type) && d.innerType) s = d.innerType;
    else if (d.type === 'pipe' && d.in) s = d.in;
    else return s;
  }
}

function isNullable(s: z.ZodType): boolean {
  for (let d = defOf(s); ; d = defOf(d.innerType!)) {
    if (d.type === 'nullable') return true;
    if (!WRAPPERS.has(d.type) || !d.innerType) return false;
  }
}

function leafOf(s: z.ZodType): Leaf {
  const d = defOf(unwrap(s));
  switch (d.type) {
    case 'number':
    case 'int':
    case 'bigint':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'object':
    case 'array':
    case 'record':
    case 'tuple':
      return 'json';
    case 'literal': {
      const v = d.values?.[0];
      return typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'boolean' : 'string';
    }
    case 'union': {
      const kinds = new Set((d.options ?? []).map(leafOf));
      return kinds.size === 1 ? [...kinds][0]! : 'string';
    }
    default:
      return 'string';
  }
}

const shapeOf = (s: z.ZodType) => {
  const d = defOf(unwrap(s));
  return d.type === 'object' ? d.shape : undefined;
};

/**
 * The schema of one field by name: only the shape's own keys. A header segment is the client's text,
 * and `shape["__proto__"]`, `shape.constructor` or `shape.toString` would otherwise find
 * Object.prototype's members and treat them as schemas.
 */
const fieldOf = (s: z.ZodType | undefined, name: string): z.ZodType | undefined => {
  const shape = s && shapeOf(s);
  return shape && Object.hasOwn(shape, name) ? shape[name] : undefined;
};

export interface Column {
  path: string[];
  name: string;
  leaf: Leaf;
  nullable: boolean;
}

/** Checks the header once: unknown, duplicate and missing required columns are one clear 422. */
export function planColumns(envelope: z.ZodType, header: string[]): Column[] {
  const columns: Column[] = [];
  const seen = new Set<string>();
  for (const raw of header) {
    const name = raw.trim();
    if (seen.has(name)) throw new ApiError(422, 'duplicate_column', `CSV header: column "${name}" appears twice`, name);
    seen.add(name);
    const path = name.split('.');
    let schema: z.ZodType | undefined = envelope;
    for (const segment of path) schema = fieldOf(schema, segment);
    if (!name || !schema)
      throw new ApiError(
        422,
        'unknown_column',
        `CSV header: unknown column "${name.slice(0, 80)}" (columns are envelope field paths such as citizen.givenName or benefit.ibanLast4)`,
        name,
      );
    columns.push({ path, name, leaf: leafOf(schema), nullable: isNullable(schema) });
  }
  const missing = missingRequired(envelope, '', seen);
  if (missing.length) {
    const list = missing.join(', ');
    throw new ApiError(422, 'missing_columns', `CSV header lacks required column${missing.length > 1 ? 's' : ''}: ${list}`, missing[0]);
  }
  return columns;
}

function missingRequired(schema: z.ZodType, prefix: string, present: Set<string>): string[] {
  const out: string[] = [];
  for (const [key, child] of Object.entries(shapeOf(schema) ?? {})) {
    const path = prefix + key;
    // type comes from the campaign; optional and defaulted fields may be left out.
    if (path === 'type' || isOptional(child) || present.has(path)) continue;
    const covered = [...present].some((p) => p.startsWith(`${path}.`));
    if (covered && shapeOf(child)) out.push(...missingRequired(child, `${path}.`, present));
    else out.push(path);
  }
  return out;
}

/**
 * One record → an envelope-shaped object, or the cells that could not be read. The objects have no
 * prototype: the paths are schema keys (planColumns checked them), and even so no client text can
 * reach Object.prototype through an assignment here.
 */
export function buildRow(columns: Column[], cells: string[]): { value: Record<string, unknown> } | { errors: FieldError[] } {
  if (cells.length !== columns.length) {
    return { errors: [{ field: '(line)', message: `expected ${columns.length} cells as in the header, got ${cells.length}` }] };
  }
  const value: Record<string, unknown> = Object.create(null);
  const errors: FieldError[] = [];
  columns.forEach((col, i) => {
    const cell = cells[i]!;
    let v: unknown;
    if (cell === '') {
      if (!col.nullable) return;
      v = null;
    } else if (col.leaf === 'number') v = /^-?\d+(\.\d+)?$/.test(cell.trim()) ? Number(cell) : cell;
    else if (col.leaf === 'boolean') v = /^(true|false)$/i.test(cell.trim()) ? cell.trim().toLowerCase() === 'true' : cell;
    else if (col.leaf === 'json') {
      try {
        v = JSON.parse(cell);
      } catch {
        errors.push({ field: col.name, message: 'expected JSON (an array or an object) in this cell' });
        return;
      }
    } else v = cell;
    let target = value;
    for (const segment of col.path.slice(0, -1)) target = (target[segment] ??= Object.create(null)) as Record<string, unknown>;
    target[col.path[col.path.length - 1]!] = v;
  });
  return errors.length ? { errors } : { value };
}
