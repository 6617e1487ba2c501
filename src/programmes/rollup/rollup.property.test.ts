// Properties of the pure roll-up: suppressed never becomes a number, pooling needs 3 partnerships and k people, percentiles bounded and monotone, input order irrelevant, a row needs only its two latest summaries.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildRow, headlineDistribution, latestSummaries, partnershipPercentile, percentileOf, pooledBaseline, sortRows, type PartnershipInput, type RollupRow, type SortKey, type WaveSummaryInput } from "./index.ts";

const OPTIONS = ["a_great_deal", "a_moderate_amount", "a_little", "none_at_all"];
const SECRET = 987654.321; // a raw value no released figure here can take: it must never surface

const suppressedScore = fc.record({ status: fc.constant("suppressed"), reason: fc.constantFrom("too_few", "remainder", "error"), mean: fc.constant(SECRET), n: fc.constant(SECRET) });
const score = fc.oneof(
  fc.record({ status: fc.constant("released"), n: fc.integer({ min: 3, max: 500 }), mean: fc.double({ min: 1, max: 5, noNaN: true }), lower: fc.constant(null), upper: fc.constant(null), band: fc.constant(null) }),
  fc.record({ status: fc.constant("coarse"), n: fc.integer({ min: 3, max: 500 }), band: fc.constant("discuss"), mean: fc.constant(SECRET) }),
  suppressedScore,
);
const question = fc.oneof(
  fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 4, maxLength: 4 }).map((counts) => ({ status: "released", n: counts.reduce((a, b) => a + b, 0), options: counts.map((count, i) => ({ value: OPTIONS[i]!, label: OPTIONS[i]!, count, percent: null })), mean: null, lower: null, upper: null, dontKnow: 0 })),
  fc.record({ status: fc.constant("suppressed"), reason: fc.constant("too_few"), options: fc.constant([{ value: "a_little", label: "x", count: SECRET, percent: null }]), n: fc.constant(SECRET) }),
);
const change = fc.oneof(fc.constant(null), fc.record({ status: fc.constant("suppressed"), reason: fc.constant("not released in both waves"), difference: fc.constant(SECRET) }));

const summary = fc.record({
  waveId: fc.uuid(),
  waveName: fc.constantFrom("Spring", "Autumn"),
  publishedAt: fc.integer({ min: 0, max: 1e6 }).map((d) => new Date(1.7e12 + d * 60000).toISOString()),
  k: fc.integer({ min: 3, max: 10 }),
  invited: fc.option(fc.integer({ min: 1, max: 600 })),
  respondents: fc.option(fc.integer({ min: 3, max: 500 })),
  overall: fc.option(score),
  baseline: fc.option(question),
  change,
});
const partnership = fc.record({ partnershipId: fc.uuid(), name: fc.string({ minLength: 1, maxLength: 8 }), sharedSince: fc.constant("2026-01-01T00:00:00.000Z"), summaries: fc.array(summary, { maxLength: 3 }), behaviour: fc.constant(null) });
const programme = fc.uniqueArray(partnership, { selector: (p) => p.partnershipId, maxLength: 12 });

describe("programme roll-up", () => {
  it("never turns a suppressed (or coarse) partnership figure into a number", () => {
    fc.assert(
      fc.property(programme, (parts: PartnershipInput[]) => {
        const rows = parts.map(buildRow);
        const out = JSON.stringify({ rows, d: headlineDistribution(rows), p: pooledBaseline(rows), pc: parts.map((p) => partnershipPercentile(rows, p.partnershipId)) });
        expect(out).not.toContain(String(SECRET));
        for (const r of rows) if (r.headline && r.headline.status !== "released") expect(r.headline).not.toHaveProperty("mean");
      }),
      { numRuns: 300 },
    );
  });

  it("pools only over at least 3 partnerships and at least the largest k among them", () => {
    fc.assert(
      fc.property(programme, (parts: PartnershipInput[]) => {
        const rows = parts.map(buildRow);
        const contributing = rows.filter((r) => r.baseline?.figure.status === "released");
        const pooled = pooledBaseline(rows);
        if (pooled.status === "released") {
          expect(pooled.partnerships).toBeGreaterThanOrEqual(3);
          expect(pooled.partnerships).toBe(contributing.length);
          expect(pooled.n).toBeGreaterThanOrEqual(Math.max(...contributing.map((r) => r.baseline!.wave.k)));
          expect(pooled.options.reduce((s, o) => s + o.count, 0)).toBe(contributing.reduce((s, r) => s + (r.baseline!.figure.status === "released" ? r.baseline!.figure.options.reduce((a, o) => a + o.count, 0) : 0), 0));
        } else expect(contributing.length < 3 || contributing.reduce((s, r) => s + (r.baseline!.figure.status === "released" ? r.baseline!.figure.n : 0), 0) < Math.max(...contributing.map((r) => r.baseline!.wave.k))).toBe(true);
        const dist = headlineDistribution(rows);
        if (dist.status === "released") expect(dist.histogram.reduce((s, b) => s + b.count, 0)).toBe(dist.partnerships);
        if (dist.status === "released") expect(dist.partnerships).toBeGreaterThanOrEqual(3);
      }),
      { numRuns: 300 },
    );
  });

  it("gives percentiles in [0, 100], monotone in the score, and only with 3 released headlines", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1, max: 5, noNaN: true }), { minLength: 1, maxLength: 30 }), fc.double({ min: 1, max: 5, noNaN: true }), fc.double({ min: 1, max: 5, noNaN: true }), (others, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const pLo = percentileOf(lo, [...others, lo]);
        const pHi = percentileOf(hi, [...others, hi]);
        for (const p of [pLo, pHi]) expect(p >= 0 && p <= 100).toBe(true);
        expect(pHi).toBeGreaterThanOrEqual(pLo);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(programme, (parts: PartnershipInput[]) => {
        const rows = parts.map(buildRow);
        const released = rows.filter((r) => r.headline?.status === "released").length;
        for (const r of rows) {
          const p = partnershipPercentile(rows, r.partnershipId);
          if (p.status === "released") {
            expect(r.headline?.status).toBe("released");
            expect(released).toBeGreaterThanOrEqual(3);
            expect(p.value).toBeGreaterThanOrEqual(0);
            expect(p.value).toBeLessThanOrEqual(100);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("builds the same row from the two summaries it shows (and the count of waves) as from every summary, which is what the roll-up's query reads", () => {
    // Few publication times, so waves published at the same moment (ordered by id) come up often.
    const tied = summary.chain((s) => fc.constantFrom("2026-01-01T09:00:00.000Z", "2026-03-01T09:00:00.000Z", s.publishedAt).map((publishedAt) => ({ ...s, publishedAt })));
    const withTies = fc.record({ partnershipId: fc.uuid(), name: fc.string({ minLength: 1, maxLength: 8 }), sharedSince: fc.constant("2026-01-01T00:00:00.000Z"), summaries: fc.array(tied, { maxLength: 6 }), behaviour: fc.constant(null) });
    fc.assert(
      fc.property(fc.oneof(partnership, withTies), (p: PartnershipInput) => {
        const { headline, baseline } = latestSummaries(p.summaries);
        const shown: WaveSummaryInput[] = [];
        if (headline) shown.push(headline === baseline ? headline : { ...headline, baseline: null });
        if (baseline && baseline !== headline) shown.push({ ...baseline, overall: null, change: null, invited: null, respondents: null });
        expect(buildRow({ ...p, summaries: shown, wavesPublished: p.summaries.length })).toEqual(buildRow(p));
        // Each is the latest of the waves holding that figure.
        for (const s of p.summaries) {
          if (s.overall !== null && headline) expect(s.publishedAt < headline.publishedAt || (s.publishedAt === headline.publishedAt && s.waveId <= headline.waveId)).toBe(true);
          if (s.baseline !== null && baseline) expect(s.publishedAt < baseline.publishedAt || (s.publishedAt === baseline.publishedAt && s.waveId <= baseline.waveId)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("pools exactly as summing partnership by partnership in id order would (counts, labels and the order of options)", () => {
    // The straightforward definition, kept here as the reference the one-pass version must match.
    const reference = (rows: readonly RollupRow[]) => {
      const released = [...rows].sort((a, b) => (a.partnershipId < b.partnershipId ? -1 : a.partnershipId > b.partnershipId ? 1 : 0)).flatMap((r) => (r.baseline?.figure.status === "released" ? [{ k: r.baseline.wave.k, figure: r.baseline.figure }] : []));
      if (released.length < 3) return { status: "suppressed", reason: "fewer_than_3_partnerships" };
      const n = released.reduce((sum, r) => sum + r.figure.n, 0);
      if (n < Math.max(...released.map((r) => r.k))) return { status: "suppressed", reason: "too_few" };
      const counts = new Map<string, { label: string; count: number }>();
      for (const r of released) for (const o of r.figure.options) counts.set(o.value, { label: counts.get(o.value)?.label ?? o.label, count: (counts.get(o.value)?.count ?? 0) + o.count });
      const total = [...counts.values()].reduce((sum, c) => sum + c.count, 0);
      return { status: "released", partnerships: released.length, n, options: [...counts.entries()].map(([value, c]) => ({ value, label: c.label, count: c.count, percent: total === 0 ? null : Math.round((100 * c.count) / total) })) };
    };
    // Options listed in any order, some left out, labels that differ between partnerships.
    const options = fc.shuffledSubarray(OPTIONS, { minLength: 1 }).chain((values) => fc.tuple(...values.map((value) => fc.record({ value: fc.constant(value), label: fc.constantFrom(value, `${value}!`), count: fc.integer({ min: 0, max: 40 }), percent: fc.constant(null) }))));
    const released = options.map((opts) => ({ status: "released", n: opts.reduce((sum, o) => sum + o.count, 0), options: opts, mean: null, lower: null, upper: null, dontKnow: 0 }));
    const withBaseline = fc.record({ partnershipId: fc.uuid(), name: fc.constant("p"), sharedSince: fc.constant("2026-01-01T00:00:00.000Z"), summaries: fc.array(summary.chain((s) => fc.oneof(released, question).map((baseline) => ({ ...s, baseline }))), { maxLength: 2 }), behaviour: fc.constant(null) });
    fc.assert(
      fc.property(fc.uniqueArray(withBaseline, { selector: (p) => p.partnershipId, maxLength: 10 }), (parts: PartnershipInput[]) => {
        const rows = parts.map(buildRow);
        expect(pooledBaseline(rows)).toEqual(reference(rows));
      }),
      { numRuns: 400 },
    );
  });

  it("does not depend on the order of the input rows or of each partnership's waves", () => {
    const keys: SortKey[] = ["name", "headline", "change", "respondents", "responseRate", "keptOnTime", "sharedSince"];
    fc.assert(
      fc.property(programme, fc.constantFrom(...keys), fc.constantFrom("asc" as const, "desc" as const), fc.integer(), (parts: PartnershipInput[], key, order, seed) => {
        const shuffled = shuffle(parts, seed).map((p) => ({ ...p, summaries: shuffle(p.summaries, seed + 1) }));
        const a = parts.map(buildRow);
        const b: RollupRow[] = shuffled.map(buildRow);
        expect(sortRows(b, key, order)).toEqual(sortRows(a, key, order));
        expect(headlineDistribution(b)).toEqual(headlineDistribution(a));
        expect(pooledBaseline(b)).toEqual(pooledBaseline(a));
        for (const p of parts) expect(partnershipPercentile(b, p.partnershipId)).toEqual(partnershipPercentile(a, p.partnershipId));
      }),
      { numRuns: 200 },
    );
  });
});

function shuffle<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
