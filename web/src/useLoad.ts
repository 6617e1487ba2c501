// Loads one thing from the API for a component, again whenever `load` changes; keeps the last good value while reloading.
import { useCallback, useEffect, useRef, useState } from "react";

export interface Loaded<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  reload: () => void;
  /** Replaces the value (e.g. with what a change returned) without loading again. */
  set: (value: T) => void;
}

/** `load` must be memoised (useCallback); its identity says when to load again. */
export function useLoad<T>(load: () => Promise<T>): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  const ticket = useRef(0);

  useEffect(() => {
    const mine = ++ticket.current;
    setLoading(true);
    setError(null);
    load().then(
      (value) => {
        if (mine !== ticket.current) return;
        setData(value);
        setLoading(false);
      },
      (e: unknown) => {
        if (mine !== ticket.current) return;
        setError(e);
        setLoading(false);
      },
    );
  }, [load, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, error, loading, reload, set: setData };
}
