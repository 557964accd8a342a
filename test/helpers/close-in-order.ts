/** Anything a test starts and must stop; undefined when it never started. */
export type Closable = { close(): Promise<unknown> } | undefined;

/** Closes each in turn, in the order given (what depends on another before it), skipping the ones never started. */
export async function closeInOrder(...items: Closable[]): Promise<void> {
  for (const item of items) await item?.close();
}
