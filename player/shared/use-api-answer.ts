import { useEffect, useState } from 'react';
import { AuthError } from './auth-error';

export interface ApiAnswer<T> {
  /** The last answer; kept while the next one loads, so the page does not flash empty. */
  answer: T | null;
  error: string | null;
  loading: boolean;
}

/**
 * Loads an API answer whenever `load` changes (the caller's useCallback names what it depends on) and
 * forgets it when there is nothing to load (no key). An answer that comes back after the inputs have
 * changed is dropped, a refused key goes to onAuthError, any other failure becomes `error` until the
 * next good answer.
 */
export function useApiAnswer<T>(load: (() => Promise<T>) | null, onAuthError: () => void): ApiAnswer<T> {
  const [answer, setAnswer] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    if (!load) {
      setAnswer(null);
      return;
    }
    let live = true;
    setLoading(true);
    load()
      .then((a) => {
        if (!live) return;
        setAnswer(a);
        setError(null);
      })
      .catch((err: Error) => {
        if (!live) return;
        if (err instanceof AuthError) onAuthError();
        else setError(err.message);
      })
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [load, onAuthError]);

  return { answer, error, loading };
}
