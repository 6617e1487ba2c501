// Early warning ("fortress mentality"): outward activity falling against an organisation's own baseline, or trust received dropping.
import { compareText, dayNumber, isoDay } from "../../registers/metrics/index.ts";

export type OutwardKind = "offer" | "risk_shared" | "commitment_kept" | "opportunity_joined";
export const OUTWARD_KINDS: readonly OutwardKind[] = ["offer", "risk_shared", "commitment_kept", "opportunity_joined"];

/** One outward act by an organisation on a day: an offer made, a risk shared, a commitment kept, an opportunity joined. */
export interface OutwardAct {
  organisationId: string;
  kind: OutwardKind;
  on: string;
}

/** An organisation's trust received in one published wave (e.g. the mean rating others gave it). */
export interface TrustReceived {
  organisationId: string;
  waveId: string;
  /** When the wave closed or was published. */
  on: string;
  score: number;
}

/** Something recorded by a convenor that may explain a flag: winter pressures, a funding cut, a restructure. */
export interface PressureEvent {
  id: string;
  label: string;
  from: string;
  to: string;
}

export interface WindowCount {
  /** First and last day of the window, inclusive. */
  from: string;
  to: string;
  count: number;
}

export interface ActivityWindows {
  organisationId: string;
  current: WindowCount & { byKind: Record<OutwardKind, number> };
  /** The earlier windows, most recent first. */
  previous: WindowCount[];
  /** Median count of the earlier windows. */
  baseline: number;
  /** current.count / baseline, or null when the baseline is 0. */
  ratio: number | null;
}

export type EarlyWarning =
  | { kind: "activity_drop"; organisationId: string; activity: ActivityWindows; pressure: PressureEvent[] }
  | {
      kind: "trust_drop";
      organisationId: string;
      previous: { waveId: string; on: string; score: number };
      latest: { waveId: string; on: string; score: number };
      drop: number;
      pressure: PressureEvent[];
    };

export interface EarlyWarningOptions {
  /** Window length in days (default 90). */
  windowDays?: number;
  /** How many earlier windows make the baseline (default 4, about a year of quarters). */
  baselineWindows?: number;
  /** Flag when the current window is below this fraction of the baseline (default 0.5). */
  ratio?: number;
  /** Only flag activity when the baseline is at least this (default 4), so tiny numbers do not flag. */
  minBaseline?: number;
  /** Flag when trust received falls by at least this many scale points between the last two waves (default 0.5). */
  trustDrop?: number;
}

export const EARLY_WARNING_DEFAULTS = { windowDays: 90, baselineWindows: 4, ratio: 0.5, minBaseline: 4, trustDrop: 0.5 } as const;

/** The median of a non-empty list (the mean of the middle two for an even length); 0 for an empty one. */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((x, y) => x - y);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** The pressure events whose [from, to] overlaps the period [from, to] (all days inclusive), sorted by from then id. */
export function overlappingPressure(events: readonly PressureEvent[], from: string, to: string): PressureEvent[] {
  const f = dayNumber(from);
  const t = dayNumber(to);
  return events
    .filter((e) => dayNumber(e.from) <= t && dayNumber(e.to) >= f)
    .sort((x, y) => dayNumber(x.from) - dayNumber(y.from) || compareText(x.id, y.id));
}

function zeroByKind(): Record<OutwardKind, number> {
  return { offer: 0, risk_shared: 0, commitment_kept: 0, opportunity_joined: 0 };
}

/**
 * Outward activity per organisation in rolling windows ending on `asOf`: the current window is the
 * `windowDays` days up to and including asOf, and the earlier windows are the same length, back to back
 * before it. The baseline is the median count of the earlier windows, and the ratio is current ÷ baseline.
 * Organisations in `organisationIds` appear even with no activity; rows are sorted by organisationId.
 */
export function activityWindows(acts: readonly OutwardAct[], asOf: string, organisationIds: readonly string[] = [], options: EarlyWarningOptions = {}): ActivityWindows[] {
  const windowDays = options.windowDays ?? EARLY_WARNING_DEFAULTS.windowDays;
  const baselineWindows = options.baselineWindows ?? EARLY_WARNING_DEFAULTS.baselineWindows;
  if (!Number.isInteger(windowDays) || windowDays < 1) throw new RangeError(`windowDays must be a whole number ≥ 1, got ${windowDays}`);
  if (!Number.isInteger(baselineWindows) || baselineWindows < 1) throw new RangeError(`baselineWindows must be a whole number ≥ 1, got ${baselineWindows}`);
  const end = dayNumber(asOf);
  const counts = new Map<string, { windows: number[]; byKind: Record<OutwardKind, number> }>();
  const row = (id: string) => {
    let r = counts.get(id);
    if (!r) counts.set(id, (r = { windows: new Array<number>(baselineWindows + 1).fill(0), byKind: zeroByKind() }));
    return r;
  };
  for (const id of organisationIds) row(id);
  for (const act of acts) {
    const r = row(act.organisationId);
    const back = end - dayNumber(act.on);
    if (back < 0) continue; // after asOf: not yet happened
    const w = Math.floor(back / windowDays);
    if (w > baselineWindows) continue;
    r.windows[w] = (r.windows[w] ?? 0) + 1;
    if (w === 0) r.byKind[act.kind] += 1;
  }
  const windowOf = (w: number, count: number): WindowCount => ({
    from: isoDay(end - (w + 1) * windowDays + 1),
    to: isoDay(end - w * windowDays),
    count,
  });
  return [...counts.entries()]
    .sort(([x], [y]) => compareText(x, y))
    .map(([organisationId, r]) => {
      const previous = r.windows.slice(1).map((c, i) => windowOf(i + 1, c));
      const baseline = median(previous.map((p) => p.count));
      const current = r.windows[0] ?? 0;
      return { organisationId, current: { ...windowOf(0, current), byKind: r.byKind }, previous, baseline, ratio: baseline === 0 ? null : current / baseline };
    });
}

/**
 * Fortress-mentality flags, as of `asOf`. An activity drop is flagged when an organisation's outward acts
 * (offers made, risks shared, commitments kept, opportunities joined) in the latest window number fewer than
 * `ratio` (50%) of its baseline, the median of its earlier windows, and that baseline is at least `minBaseline`.
 * A trust drop is flagged when its trust received in its latest wave (on or before asOf) is lower than in the
 * wave before by at least `trustDrop`. Each flag carries its evidence and the pressure events overlapping its
 * period (the current window, or the time between the two waves). Flags are sorted by organisation, then kind.
 */
export function earlyWarnings(
  acts: readonly OutwardAct[],
  trust: readonly TrustReceived[],
  pressure: readonly PressureEvent[],
  asOf: string,
  organisationIds: readonly string[] = [],
  options: EarlyWarningOptions = {},
): EarlyWarning[] {
  const ratio = options.ratio ?? EARLY_WARNING_DEFAULTS.ratio;
  const minBaseline = options.minBaseline ?? EARLY_WARNING_DEFAULTS.minBaseline;
  const trustDrop = options.trustDrop ?? EARLY_WARNING_DEFAULTS.trustDrop;
  const flags: EarlyWarning[] = [];
  for (const activity of activityWindows(acts, asOf, organisationIds, options)) {
    if (activity.baseline >= minBaseline && activity.current.count < ratio * activity.baseline) {
      flags.push({ kind: "activity_drop", organisationId: activity.organisationId, activity, pressure: overlappingPressure(pressure, activity.current.from, activity.current.to) });
    }
  }
  const end = dayNumber(asOf);
  const byOrg = new Map<string, TrustReceived[]>();
  for (const t of trust) {
    if (dayNumber(t.on) > end) continue;
    const list = byOrg.get(t.organisationId) ?? [];
    list.push(t);
    byOrg.set(t.organisationId, list);
  }
  for (const [organisationId, list] of byOrg) {
    list.sort((x, y) => dayNumber(x.on) - dayNumber(y.on) || compareText(x.waveId, y.waveId));
    const latest = list[list.length - 1];
    const previous = list[list.length - 2];
    if (!latest || !previous) continue;
    const drop = previous.score - latest.score;
    if (drop >= trustDrop - 1e-9) {
      // (the small allowance keeps 3.1 − 2.6 a drop of 0.5 despite floating point)
      flags.push({
        kind: "trust_drop",
        organisationId,
        previous: { waveId: previous.waveId, on: previous.on, score: previous.score },
        latest: { waveId: latest.waveId, on: latest.on, score: latest.score },
        drop,
        pressure: overlappingPressure(pressure, previous.on, latest.on),
      });
    }
  }
  return flags.sort((x, y) => compareText(x.organisationId, y.organisationId) || compareText(x.kind, y.kind));
}
