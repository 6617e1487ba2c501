// How fresh each organisation's latest intentions statement is, as of a given day.
import { compareText, dayNumber } from "./dates.ts";

export interface IntentionStatement {
  organisationId: string;
  statedOn: string;
}

export type FreshnessBand = "current" | "ageing" | "stale" | "none";

export interface Freshness {
  organisationId: string;
  /** The latest statedOn on or before today (as written), or null. */
  latestStatedOn: string | null;
  /** Whole days from latestStatedOn to today, or null. */
  ageDays: number | null;
  band: FreshnessBand;
}

export const CURRENT_MAX_DAYS = 90;
export const AGEING_MAX_DAYS = 180;

/** current: ≤ 90 days old; ageing: ≤ 180; stale: older. */
export function freshnessBand(ageDays: number): Exclude<FreshnessBand, "none"> {
  if (ageDays <= CURRENT_MAX_DAYS) return "current";
  if (ageDays <= AGEING_MAX_DAYS) return "ageing";
  return "stale";
}

/**
 * Freshness per organisation as of `today`. Statements dated after today are ignored (not yet made as of
 * today, so the view of any past day can be reproduced). Organisations in `organisationIds` with no
 * statement get band "none"; organisations with statements appear whether listed or not.
 * Rows are sorted by organisationId.
 */
export function intentionsFreshness(
  statements: readonly IntentionStatement[],
  today: string,
  organisationIds: readonly string[] = [],
): Freshness[] {
  const todayN = dayNumber(today);
  const latest = new Map<string, { on: string; day: number } | null>();
  for (const id of organisationIds) if (!latest.has(id)) latest.set(id, null);
  for (const s of statements) {
    const day = dayNumber(s.statedOn);
    const prev = latest.get(s.organisationId) ?? null;
    if (day > todayN) {
      if (!latest.has(s.organisationId)) latest.set(s.organisationId, null);
      continue;
    }
    if (!prev || day > prev.day || (day === prev.day && compareText(s.statedOn, prev.on) > 0)) {
      latest.set(s.organisationId, { on: s.statedOn, day });
    }
  }
  return [...latest.entries()]
    .sort(([x], [y]) => compareText(x, y))
    .map(([organisationId, l]) =>
      l
        ? { organisationId, latestStatedOn: l.on, ageDays: todayN - l.day, band: freshnessBand(todayN - l.day) }
        : { organisationId, latestStatedOn: null, ageDays: null, band: "none" },
    );
}
