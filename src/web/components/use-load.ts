import { useEffect, useRef, useState } from 'react';

/**
 * Loads data once per distinct `deps` (and on reload()); keeps the error for display. `deps` are
 * primitives (ids, dates, filters): they are compared by value, so a new array each render is fine.
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): { data: T | null; error: unknown; reload: () => void } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  const latestLoad = useRef(load);
  useEffect(() => {
    latestLoad.current = load;
  });
  const depsKey = JSON.stringify(deps);
  useEffect(() => {
    let alive = true;
    latestLoad
      .current()
      .then((d) => {
        if (!alive) return;
        setData(d);
        setError(null);
      })
      .catch((e: unknown) => alive && setError(e));
    return () => {
      alive = false;
    };
  }, [depsKey, tick]);
  return { data, error, reload: () => setTick((n) => n + 1) };
}
