import { useCallback, useEffect, useState } from 'react';

/** Loads data once (and on reload()); keeps the error for display. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): { data: T | null; error: unknown; reload: () => void } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stableLoad = useCallback(load, deps);
  useEffect(() => {
    let alive = true;
    setError(null);
    stableLoad()
      .then((d) => alive && setData(d))
      .catch((e: unknown) => alive && setError(e));
    return () => {
      alive = false;
    };
  }, [stableLoad, tick]);
  return { data, error, reload: () => setTick((n) => n + 1) };
}
