// Tests for the fortress-mentality early warnings: windows, baselines, thresholds, trust drops, pressure events, properties.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayNumber, isoDay } from "../../registers/metrics/index.ts";
import { activityWindows, earlyWarnings, median, type OutwardAct, type OutwardKind, overlappingPressure, type PressureEvent } from "./early-warning.ts";

const AS_OF = "2024-12-31";
const end = dayNumber(AS_OF);
/** `n` acts of a kind for an organisation, spread over the window `w` back from AS_OF (0 = current). */
function acts(organisationId: string, w: number, n: number, kind: OutwardKind = "offer"): OutwardAct[] {
  return Array.from({ length: n }, (_, i) => ({ organisationId, kind, on: isoDay(end - w * 90 - (i % 90)) }));
}

describe("median", () => {
  it("takes the middle value, or the mean of the middle two", () => {
    expect(median([])).toBe(0);
    expect(median([5])).toBe(5);
    expect(median([4, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
  });
});

describe("activityWindows", () => {
  it("counts acts in back-to-back 90-day windows ending on asOf, with the median of earlier windows as baseline", () => {
    const all = [...acts("a", 0, 2), ...acts("a", 0, 1, "risk_shared"), ...acts("a", 1, 6), ...acts("a", 2, 8), ...acts("a", 3, 4), ...acts("a", 4, 10), ...acts("a", 5, 99)];
    const [row] = activityWindows(all, AS_OF);
    expect(row?.current).toEqual({ from: isoDay(end - 89), to: AS_OF, count: 3, byKind: { offer: 2, risk_shared: 1, commitment_kept: 0, opportunity_joined: 0 } });
    expect(row?.previous.map((p) => p.count)).toEqual([6, 8, 4, 10]);
    expect(row?.previous[0]).toEqual({ from: isoDay(end - 179), to: isoDay(end - 90), count: 6 });
    expect(row?.baseline).toBe(7);
    expect(row?.ratio).toBeCloseTo(3 / 7, 12);
  });

  it("ignores acts after asOf and lists named organisations with no activity", () => {
    const rows = activityWindows([{ organisationId: "b", kind: "offer", on: "2025-01-01" }], AS_OF, ["a"]);
    expect(rows.map((r) => [r.organisationId, r.current.count, r.baseline, r.ratio])).toEqual([["a", 0, 0, null], ["b", 0, 0, null]]);
  });
});

describe("earlyWarnings", () => {
  const pressure: PressureEvent[] = [
    { id: "winter", label: "Winter pressures", from: "2024-12-01", to: "2025-02-28" },
    { id: "cut", label: "Funding cut", from: "2024-03-01", to: "2024-03-31" },
  ];

  it("flags a marked fall against the organisation's own baseline, with the overlapping pressure events", () => {
    const all = [...acts("a", 0, 2), ...acts("a", 1, 6), ...acts("a", 2, 8), ...acts("a", 3, 6), ...acts("a", 4, 7), ...acts("b", 0, 3), ...acts("b", 1, 6), ...acts("b", 2, 6), ...acts("b", 3, 6), ...acts("b", 4, 6)];
    const flags = earlyWarnings(all, [], pressure, AS_OF);
    expect(flags).toHaveLength(1);
    const f = flags[0];
    expect(f?.kind).toBe("activity_drop");
    expect(f?.organisationId).toBe("a");
    if (f?.kind !== "activity_drop") throw new Error("expected an activity drop");
    expect(f.activity.baseline).toBe(6.5);
    expect(f.activity.current.count).toBe(2);
    expect(f.pressure.map((p) => p.id)).toEqual(["winter"]);
    // b is at exactly 50% of its baseline: not below it, so no flag.
  });

  it("does not flag tiny baselines", () => {
    const all = [...acts("a", 1, 3), ...acts("a", 2, 3), ...acts("a", 3, 3), ...acts("a", 4, 3)];
    expect(earlyWarnings(all, [], [], AS_OF)).toEqual([]);
    expect(earlyWarnings(all, [], [], AS_OF, [], { minBaseline: 3 })).toHaveLength(1);
  });

  it("flags a drop in trust received between the last two waves by at least the threshold", () => {
    const trust = [
      { organisationId: "a", waveId: "w1", on: "2024-01-15", score: 3.6 },
      { organisationId: "a", waveId: "w2", on: "2024-06-15", score: 3.1 },
      { organisationId: "a", waveId: "w3", on: "2024-11-15", score: 2.6 },
      { organisationId: "b", waveId: "w2", on: "2024-06-15", score: 3.4 },
      { organisationId: "b", waveId: "w3", on: "2024-11-15", score: 3.0 },
      { organisationId: "c", waveId: "w4", on: "2025-03-01", score: 1.0 }, // after asOf
      { organisationId: "c", waveId: "w3", on: "2024-11-15", score: 3.9 },
    ];
    const flags = earlyWarnings([], trust, pressure, AS_OF);
    expect(flags).toEqual([
      { kind: "trust_drop", organisationId: "a", previous: { waveId: "w2", on: "2024-06-15", score: 3.1 }, latest: { waveId: "w3", on: "2024-11-15", score: 2.6 }, drop: 3.1 - 2.6, pressure: [] },
    ]);
    expect(earlyWarnings([], trust, pressure, AS_OF, [], { trustDrop: 0.4 }).map((f) => f.organisationId)).toEqual(["a", "b"]);
  });

  it("overlappingPressure includes events touching either end of the period", () => {
    expect(overlappingPressure(pressure, "2024-03-31", "2024-12-01").map((p) => p.id)).toEqual(["cut", "winter"]);
    expect(overlappingPressure(pressure, "2024-04-01", "2024-11-30")).toEqual([]);
  });

  const org = fc.constantFrom("a", "b", "c");
  const act: fc.Arbitrary<OutwardAct> = fc.record({
    organisationId: org,
    kind: fc.constantFrom("offer", "risk_shared", "commitment_kept", "opportunity_joined" as const),
    on: fc.integer({ min: -30, max: 600 }).map((d) => isoDay(end - d)),
  });

  it("window counts add up to the acts in range; flags meet their rule; more current activity never adds a flag (property)", () => {
    fc.assert(
      fc.property(fc.array(act, { maxLength: 80 }), fc.array(act, { maxLength: 10 }), (list, extra) => {
        const rows = activityWindows(list, AS_OF);
        const total = rows.reduce((s, r) => s + r.current.count + r.previous.reduce((t, p) => t + p.count, 0), 0);
        const inRange = list.filter((a) => {
          const back = end - dayNumber(a.on);
          return back >= 0 && back < 450;
        }).length;
        expect(total).toBe(inRange);
        for (const r of rows) expect(Object.values(r.current.byKind).reduce((s, n) => s + n, 0)).toBe(r.current.count);
        const flags = earlyWarnings(list, [], [], AS_OF);
        for (const f of flags) {
          if (f.kind !== "activity_drop") continue;
          expect(f.activity.baseline).toBeGreaterThanOrEqual(4);
          expect(f.activity.current.count).toBeLessThan(0.5 * f.activity.baseline);
        }
        const currentExtra = extra.map((a) => ({ ...a, on: AS_OF }));
        const more = earlyWarnings([...list, ...currentExtra], [], [], AS_OF);
        expect(new Set(more.map((f) => f.organisationId)).size).toBeLessThanOrEqual(new Set(flags.map((f) => f.organisationId)).size);
        for (const f of more) expect(flags.some((g) => g.organisationId === f.organisationId)).toBe(true);
      }),
    );
  });
});
