import fs from 'node:fs/promises';
import type { z } from 'zod';
import { envelopeSchema, guideSchema, type Envelope, type Guide, publicPart } from '../compositions/guide-types';

export class EnvelopeError extends Error {
  constructor(
    message: string,
    readonly problems: { path: string; message: string }[] = [],
  ) {
    super(problems.length ? `${message}\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}` : message);
    this.name = 'EnvelopeError';
  }
}

const describe = (issues: z.core.$ZodIssue[]): { path: string; message: string }[] =>
  issues.map((i) => ({ path: i.path.length ? i.path.map(String).join('.') : '(envelope)', message: i.message }));

/** The first JSON object of a file: a whole-file JSON document, or the first line of NDJSON. */
export function firstJson(text: string): unknown {
  const trimmed = text.trim();
  if (!trimmed) throw new EnvelopeError('the file is empty');
  try {
    return JSON.parse(trimmed);
  } catch {
    const line = trimmed.split(/\r?\n/).find((l) => l.trim());
    try {
      return JSON.parse(line ?? '');
    } catch (err) {
      throw new EnvelopeError(`not JSON, nor NDJSON: ${(err as Error).message}`);
    }
  }
}

/** Validates an envelope at the edge and returns the guide a composition reads (no fiscal code). */
export function guideFromEnvelope(input: unknown): { envelope: Envelope; guide: Guide } {
  const parsed = envelopeSchema.safeParse(input);
  if (!parsed.success) throw new EnvelopeError('invalid guide envelope:', describe(parsed.error.issues));
  const guide = guideSchema.parse(publicPart(parsed.data as Parameters<typeof publicPart>[0]));
  return { envelope: parsed.data, guide };
}

export async function loadEnvelopeFile(file: string): Promise<{ envelope: Envelope; guide: Guide }> {
  const text = await fs.readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    throw new EnvelopeError(`cannot read ${file}: ${err.code ?? err.message}`);
  });
  return guideFromEnvelope(firstJson(text));
}
