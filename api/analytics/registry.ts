import type { AppContext } from '../deps';
import type { EventWriter } from '../../server/analytics/event-writer';

const writers = new WeakMap<AppContext, EventWriter>();

export function registerEventWriter(ctx: AppContext, writer: EventWriter): void {
  writers.set(ctx, writer);
}

export const eventWriterOf = (ctx: AppContext): EventWriter | undefined => writers.get(ctx);

/**
 * For the process's shutdown, after the HTTP server has stopped taking requests and before the
 * database closes: refuses new batches and writes every batch already accepted.
 *   stops.push({ name: 'event ingestion', stop: () => closeEventIngestion(contextOf(app)) });
 */
export async function closeEventIngestion(ctx: AppContext): Promise<void> {
  await writers.get(ctx)?.close();
}
