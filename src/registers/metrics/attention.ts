// The "what needs attention" lists: overdue and soon-due actions, commitments and review dates.
import { compareText, dayNumber } from "./dates.ts";

export type AttentionKind = "action" | "commitment" | "decision_review" | "procedure_review";

export interface AttentionItem {
  kind: AttentionKind;
  id: string;
  dueOn: string;
  done: boolean;
}

/** An item with its distance from today: days > 0 overdue by that many; days ≥ 0 until due for dueSoon. */
export interface AttentionEntry<T extends AttentionItem = AttentionItem> {
  item: T;
  days: number;
}

export interface Attention<T extends AttentionItem = AttentionItem> {
  /** Not done, due strictly before today; `days` = days overdue (≥ 1). */
  overdue: AttentionEntry<T>[];
  /** Not done, due from today up to and including today + soonDays; `days` = days until due (≥ 0). */
  dueSoon: AttentionEntry<T>[];
}

function byDateThenId<T extends AttentionItem>(x: { item: T; day: number }, y: { item: T; day: number }): number {
  return x.day - y.day || compareText(x.item.id, y.item.id) || compareText(x.item.kind, y.item.kind);
}

/**
 * Split the not-done items into overdue and due soon, as of `today`. Items due after the soon window and
 * done items never appear. Both lists are sorted by due date, then id, then kind.
 */
export function needsAttention<T extends AttentionItem>(items: readonly T[], today: string, soonDays = 14): Attention<T> {
  if (!Number.isInteger(soonDays) || soonDays < 0) throw new RangeError(`soonDays must be a whole number ≥ 0, got ${soonDays}`);
  const todayN = dayNumber(today);
  const overdue: { item: T; day: number }[] = [];
  const dueSoon: { item: T; day: number }[] = [];
  for (const item of items) {
    if (item.done) continue;
    const day = dayNumber(item.dueOn);
    if (day < todayN) overdue.push({ item, day });
    else if (day <= todayN + soonDays) dueSoon.push({ item, day });
  }
  return {
    overdue: overdue.sort(byDateThenId).map(({ item, day }) => ({ item, days: todayN - day })),
    dueSoon: dueSoon.sort(byDateThenId).map(({ item, day }) => ({ item, days: day - todayN })),
  };
}
