/** The demo's pressure events, recorded by the convenor: last winter, the council's in-year savings round and Eastgate's restructure. */
import { createPressureEvent } from "../health/pressure-events.ts";
import type { PressureKind } from "../health/tables.ts";
import { DEMO_CONVENOR } from "./demo-registers-agree.ts";
import type { DemoRegisterContext } from "./demo-registers-context.ts";

const DAY_MS = 86_400_000;

/**
 * The most recent winter (1 December to 31 March) that began at least a month before `now`, as calendar days;
 * it may still be running. Anchored to the calendar, not to `now`, so "winter" always means winter.
 */
export function lastWinter(now: Date): { startsOn: string; endsOn: string } {
  const monthAgo = new Date(now.getTime() - 30 * DAY_MS);
  const y = monthAgo.getUTCMonth() === 11 ? monthAgo.getUTCFullYear() : monthAgo.getUTCFullYear() - 1;
  return { startsOn: `${y}-12-01`, endsOn: `${y + 1}-03-31` };
}

/** Days from today: the savings round overlaps the last 90 days (Willowbank's quiet spell); the restructure ends before them, covering Eastgate's late deliveries. */
export const DEMO_PRESSURE: ReadonlyArray<{ label: string; kind: PressureKind; starts: number; ends: number; note: string }> = [
  {
    label: "Council in-year savings round",
    kind: "funding_cut",
    starts: -100,
    ends: -10,
    note: "£2.1m found during the year to cover the adult social care overspend: the home care fee uplift held below the rise in care workers' pay, and reablement recruitment paused.",
  },
  {
    label: "Eastgate Housing restructure",
    kind: "restructure",
    starts: -165,
    ends: -95,
    note: "Tenancy support and adaptations merged into one team; posts held vacant while staff were consulted.",
  },
];

export async function createDemoPressureEvents(ctx: DemoRegisterContext, now: Date): Promise<void> {
  const convenor = ctx.as(DEMO_CONVENOR);
  const winter = lastWinter(now);
  const recordedOn = Math.min(Date.parse(`${winter.startsOn}T00:00:00Z`) + 14 * DAY_MS, now.getTime() - 60_000);
  await createPressureEvent(
    ctx.db,
    convenor,
    ctx.partnershipId,
    { label: "Winter pressures", kind: "winter_pressures", ...winter, note: "The hospital at its highest escalation level for weeks at a time; discharges delayed and home care stretched." },
    { at: new Date(recordedOn) },
  );
  for (const e of DEMO_PRESSURE) {
    await createPressureEvent(ctx.db, convenor, ctx.partnershipId, { label: e.label, kind: e.kind, startsOn: ctx.day(e.starts), endsOn: ctx.day(e.ends), note: e.note }, ctx.at(e.starts + 3, 17));
  }
}
