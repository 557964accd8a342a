/**
 * One batch written while the next one fills: parsing overlaps the database's work, and the reader
 * waits (back-pressure) while both are busy. A failed write is thrown at the next submit or at finish.
 */
export function batchPipeline<T>(write: (batch: T[]) => Promise<void>): { submit(batch: T[]): Promise<void>; finish(): Promise<void> } {
  let inflight: Promise<void> | undefined;
  let failure: unknown;
  const settle = async () => {
    await inflight;
    if (failure) throw failure;
  };
  return {
    async submit(batch) {
      await settle();
      inflight = write(batch).catch((err: unknown) => {
        failure = err;
      });
    },
    finish: settle,
  };
}
