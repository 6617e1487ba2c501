// The health period from the address (?from=&to=), and a setter that keeps it there.
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import type { Period } from "../api/health-types.ts";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function usePeriod(): { period: Period; search: string; setPeriod: (p: { from: string; to: string }) => void } {
  const [params, setParams] = useSearchParams();
  const fromParam = params.get("from");
  const toParam = params.get("to");
  const from = fromParam && DAY.test(fromParam) ? fromParam : undefined;
  const to = toParam && DAY.test(toParam) ? toParam : undefined;
  const period = useMemo(() => ({ from, to }), [from, to]);
  const search = useMemo(() => {
    const q = new URLSearchParams();
    if (from) q.set("from", from);
    if (to) q.set("to", to);
    const text = q.toString();
    return text ? `?${text}` : "";
  }, [from, to]);
  const setPeriod = useCallback((p: { from: string; to: string }) => setParams({ from: p.from, to: p.to }), [setParams]);
  return { period, search, setPeriod };
}
