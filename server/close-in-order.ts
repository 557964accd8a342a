/**
 * Closes a process's parts one after the other, each awaited before the next: a part is listed
 * before what it still uses (a relay before its queue, a worker before its connection), so nothing
 * is closed under a part that is still draining.
 */
export async function closeInOrder(parts: readonly { close(): unknown }[]): Promise<void> {
  for (const part of parts) await part.close();
}
