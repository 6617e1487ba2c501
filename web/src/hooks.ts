// Small shared React hooks: page title and paginated lists with "Load more".
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError } from "./api/client.ts";
import type { Page } from "./api/types.ts";

/** Sets document.title to "{title} – accord". */
export function useTitle(title: string | null): void {
  useEffect(() => {
    document.title = title ? `${title} – accord` : "accord";
  }, [title]);
}

export interface PagedList<T> {
  items: T[];
  nextCursor: string | null;
  loading: boolean;
  loadingMore: boolean;
  error: ApiError | null;
  loadMore: () => void;
  reload: () => void;
  setItems: (update: (items: T[]) => T[]) => void;
}

/** Loads the first page from `load`, and further pages on loadMore(). `load` must be memoised. */
export function usePaged<T>(load: (cursor: string | null) => Promise<Page<T>>): PagedList<T> {
  const [items, setItemsState] = useState<T[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [generation, setGeneration] = useState(0);
  const current = useRef(0);

  useEffect(() => {
    const ticket = ++current.current;
    setLoading(true);
    setError(null);
    load(null).then(
      (page) => {
        if (ticket !== current.current) return;
        setItemsState(page.items);
        setNextCursor(page.nextCursor);
        setLoading(false);
      },
      (err: unknown) => {
        if (ticket !== current.current) return;
        setError(toApiError(err));
        setLoading(false);
      },
    );
  }, [load, generation]);

  const loadMore = useCallback(() => {
    if (!nextCursor) return;
    const ticket = current.current;
    setLoadingMore(true);
    load(nextCursor).then(
      (page) => {
        if (ticket !== current.current) return;
        setItemsState((prev) => [...prev, ...page.items]);
        setNextCursor(page.nextCursor);
        setLoadingMore(false);
      },
      (err: unknown) => {
        if (ticket !== current.current) return;
        setError(toApiError(err));
        setLoadingMore(false);
      },
    );
  }, [load, nextCursor]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const setItems = useCallback((update: (items: T[]) => T[]) => setItemsState(update), []);

  return { items, nextCursor, loading, loadingMore, error, loadMore, reload, setItems };
}

export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  return new ApiError(0, { title: "Something went wrong", detail: String(err) });
}
