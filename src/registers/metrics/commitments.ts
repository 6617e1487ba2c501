// Kept-on-time rate per organisation, derived from the commitments register.
import { compareText, dayNumber } from "./dates.ts";

export type CommitmentOutcome = "open" | "kept" | "broken" | "renegotiated" | "withdrawn";

export interface Commitment {
  id: string;
  /** The organisation that made the promise. */
  organisationId: string;
  /** The organisation promised to, or null for the partnership as a whole. */
  toOrganisationId: string | null;
  dueOn: string;
  outcome: CommitmentOutcome;
  /** When the outcome was recorded (kept, broken, withdrawn…); null while open. */
  outcomeOn: string | null;
  /** The agreed new due date once renegotiated; it stays set if the commitment is later kept or broken. */
  renegotiatedDueOn: string | null;
}

export interface KeptOnTime {
  organisationId: string;
  /** Every commitment the organisation made: keptOnTime + keptLate + broken + renegotiated + withdrawn + open. */
  total: number;
  /** The commitments the rate is taken over (see keptOnTimeRate). */
  due: number;
  keptOnTime: number;
  keptLate: number;
  broken: number;
  /** Renegotiated and not yet kept or broken (whether or not the new date has passed). */
  renegotiated: number;
  withdrawn: number;
  /** Open (whether or not the due date has passed). */
  open: number;
  /** keptOnTime / due, or null when nothing is due yet. */
  rate: number | null;
}

/** The date a commitment is judged against: the renegotiated date if there is one, else the original. */
export function effectiveDueOn(c: Commitment): string {
  return c.renegotiatedDueOn ?? c.dueOn;
}

/** Kept, with an outcome date on or before the effective due date. A kept commitment with no outcome date is not shown to be on time. */
export function isKeptOnTime(c: Commitment): boolean {
  return c.outcome === "kept" && c.outcomeOn !== null && dayNumber(c.outcomeOn) <= dayNumber(effectiveDueOn(c));
}

/**
 * Whether a commitment counts in the denominator of the kept-on-time rate, as of `today`:
 * - withdrawn: never (a promise taken back by agreement is neither kept nor broken);
 * - kept or broken: always, whatever the dates (it is resolved);
 * - open or renegotiated (not yet resolved): only once its effective due date (renegotiated date if any)
 *   is strictly before today — a commitment due today still has today to be kept — and then it counts
 *   as not kept on time.
 */
export function isDue(c: Commitment, today: string): boolean {
  switch (c.outcome) {
    case "withdrawn":
      return false;
    case "kept":
    case "broken":
      return true;
    case "open":
    case "renegotiated":
      return dayNumber(effectiveDueOn(c)) < dayNumber(today);
  }
}

function emptyRow(organisationId: string): KeptOnTime {
  return { organisationId, total: 0, due: 0, keptOnTime: 0, keptLate: 0, broken: 0, renegotiated: 0, withdrawn: 0, open: 0, rate: null };
}

/**
 * Kept-on-time rate per promising organisation, as of `today` (an ISO date, passed in).
 * rate = keptOnTime / due, where keptOnTime = kept with outcomeOn ≤ (renegotiatedDueOn ?? dueOn) and
 * due is as defined by isDue. Organisations listed in `organisationIds` appear even with no commitments.
 * Rows are sorted by organisationId.
 */
export function keptOnTimeRate(commitments: readonly Commitment[], today: string, organisationIds: readonly string[] = []): KeptOnTime[] {
  dayNumber(today);
  const rows = new Map<string, KeptOnTime>();
  const row = (id: string): KeptOnTime => {
    let r = rows.get(id);
    if (!r) {
      r = emptyRow(id);
      rows.set(id, r);
    }
    return r;
  };
  for (const id of organisationIds) row(id);
  for (const c of commitments) {
    const r = row(c.organisationId);
    r.total += 1;
    if (isDue(c, today)) r.due += 1;
    switch (c.outcome) {
      case "kept":
        if (isKeptOnTime(c)) r.keptOnTime += 1;
        else r.keptLate += 1;
        break;
      case "broken":
        r.broken += 1;
        break;
      case "renegotiated":
        r.renegotiated += 1;
        break;
      case "withdrawn":
        r.withdrawn += 1;
        break;
      case "open":
        r.open += 1;
        break;
    }
  }
  for (const r of rows.values()) r.rate = r.due === 0 ? null : r.keptOnTime / r.due;
  return [...rows.values()].sort((x, y) => compareText(x.organisationId, y.organisationId));
}
