/** How a call settled, and after how many milliseconds. */
export async function timed<T>(p: Promise<T>): Promise<{ value?: T; error?: Error; ms: number }> {
  const started = performance.now();
  const r = await p.then(
    (value) => ({ value }),
    (error: Error) => ({ error }),
  );
  return { ...r, ms: performance.now() - started };
}

/** A call that must fail: its error (a success becomes an error saying so), and when. */
export async function timedFailure(p: Promise<unknown>): Promise<{ error: Error; ms: number }> {
  const r = await timed(p);
  return { error: 'error' in r ? r.error! : new Error('expected a failure'), ms: r.ms };
}
