// fast-check properties of the anonymity rules over generated partnerships, answers and waves, and proof they can fail.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Distribution } from "../stats/index.ts";
import type { Breakdown, GroupDecision } from "./core.ts";
import { releaseDistribution, releaseMean } from "./figures.ts";
import { releaseFreeText } from "./free-text.ts";
import { releasableGroups, releasedSizes } from "./groups.ts";
import {
  CHOICES,
  SCALE,
  buildWorld,
  checkFigure,
  checkGroups,
  checkWaves,
  distributionTooAlike,
  faulty,
  nearlyUniform,
  partnershipSpec,
  type PartnershipSpec,
} from "./property-harness.ts";

type GroupRules = (b: Breakdown) => Map<string, GroupDecision>;

const groupsProperty = (rules: GroupRules) =>
  fc.property(partnershipSpec, (spec) => {
    const { breakdown } = buildWorld(spec);
    checkGroups(breakdown, rules(breakdown));
  });

const twoWaves = fc.tuple(partnershipSpec, fc.array(fc.integer({ min: -5, max: 6 }), { minLength: 7, maxLength: 7 }));

const wavesProperty = (rules: GroupRules) =>
  fc.property(twoWaves, ([spec, deltas]) => {
    const before = releasedSizes(rules(buildWorld(spec, "w1").breakdown));
    const spec2: PartnershipSpec = { ...spec, orgs: spec.orgs.map((o, i) => ({ ...o, size: Math.max(0, o.size + (deltas[i] ?? 0)) })) };
    const { breakdown } = buildWorld(spec2, "w2");
    const now = rules({ ...breakdown, previousWaves: [before] });
    checkGroups(breakdown, now);
    checkWaves(spec.k, before, now);
  });

const distributionProperty = (release: typeof releaseDistribution) =>
  fc.property(partnershipSpec, (spec) => {
    const w = buildWorld(spec);
    checkFigure(w.breakdown, w.choices, release(w.breakdown, w.choices, CHOICES), distributionTooAlike);
    checkFigure(w.breakdown, w.scaleChoices, release(w.breakdown, w.scaleChoices, SCALE), distributionTooAlike);
  });

describe("the anonymity rules hold on generated partnerships", () => {
  it("groups: ≥ k each, rest ≥ k, pairwise differences 0 or ≥ k, no small remainder by adding and subtracting", () => {
    fc.assert(groupsProperty(releasableGroups), { numRuns: 300 });
  });

  it("distributions (with and without “don't know”): the same per question, and all-but-one-agree is never released in full", () => {
    fc.assert(distributionProperty(releaseDistribution), { numRuns: 300 });
  });

  it("means: the same, with equal values as the coarse test", () => {
    fc.assert(
      fc.property(partnershipSpec, (spec) => {
        const w = buildWorld(spec);
        checkFigure(w.breakdown, w.scale, releaseMean(w.breakdown, w.scale), nearlyUniform);
      }),
      { numRuns: 300 },
    );
  });

  it("two waves: a subgroup released in both changed size by 0 or ≥ k", () => {
    fc.assert(wavesProperty(releasableGroups), { numRuns: 300 });
  });

  it("the release does not depend on the order the groups are given in, and keeps that order", () => {
    fc.assert(
      fc.property(partnershipSpec, fc.infiniteStream(fc.nat()), (spec, randoms) => {
        const w = buildWorld(spec);
        const shuffled = { ...w.breakdown, groups: [...w.breakdown.groups].sort(() => (randoms.next().value % 3) - 1) };
        expect(releasableGroups(shuffled)).toEqual(releasableGroups(w.breakdown));
        // Keys come back in the caller's order, not in size order (which would hint at sizes).
        const keys = [shuffled.total, ...shuffled.groups].map((g) => g.key);
        expect([...releasableGroups(shuffled).keys()]).toEqual(keys);
        expect([...releaseMean(shuffled, w.scale).keys()]).toEqual(keys);
        expect(releaseDistribution(shuffled, w.choices, CHOICES)).toEqual(releaseDistribution(w.breakdown, w.choices, CHOICES));
      }),
    );
  });

  it("an injected fault suppresses every figure with reason “error”", () => {
    let fired = 0;
    fc.assert(
      fc.property(partnershipSpec, fc.nat(), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 2 }), (spec, pick, after, which) => {
        const w = buildWorld(spec);
        const groups = [...w.breakdown.groups];
        const i = pick % groups.length;
        const target = groups[i];
        if (!target) return;
        const fault = faulty(target.members, after);
        groups[i] = { key: target.key, members: fault.members };
        const b = { ...w.breakdown, groups };
        const out =
          which === 0 ? releasableGroups(b) : which === 1 ? releaseDistribution(b, w.choices, CHOICES) : releaseMean(b, w.scale);
        if (!fault.fired()) return;
        fired++;
        expect(out.size).toBe(groups.length + 1);
        for (const r of out.values()) expect(r).toEqual(which === 0 ? { ok: false, reason: "error" } : { status: "suppressed", reason: "error" });
      }),
    );
    expect(fired).toBeGreaterThan(40); // the fault really fires in most runs (79 of 100 when written)
  });

  it("a non-numeric answer suppresses every mean, never releases a partial one", () => {
    fc.assert(
      fc.property(partnershipSpec, fc.nat(), fc.constantFrom(Number.NaN, Infinity), (spec, pick, bad) => {
        const w = buildWorld(spec);
        const ids = [...w.scale.keys()];
        const id = ids[pick % Math.max(1, ids.length)];
        if (id === undefined) return;
        const out = releaseMean(w.breakdown, new Map(w.scale).set(id, bad));
        for (const r of out.values()) expect(r.status).toBe("suppressed");
        if (w.scale.size >= spec.k) for (const r of out.values()) expect(r).toEqual({ status: "suppressed", reason: "error" });
      }),
    );
  });

  it("free text: released only with ≥ max(10, k) non-empty texts, as a permutation of them", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constant(""), fc.constant("  "))), fc.integer({ min: 3, max: 15 }), fc.infiniteStream(fc.nat()), (texts, k, randoms) => {
        const r = releaseFreeText(texts, k, (n) => randoms.next().value % n);
        const kept = texts.map((t) => t.trim()).filter((t) => t !== "");
        if (kept.length < Math.max(10, k)) {
          expect(r).toEqual({ status: "suppressed", reason: "too_few" });
          return;
        }
        expect(r.status).toBe("released");
        if (r.status === "released") expect([...r.value].sort()).toEqual([...kept].sort());
      }),
    );
  });
});

// ---- The same properties against deliberately weakened rules: each must be caught. ----

const bySizeThenKey = (b: Breakdown) =>
  [...b.groups].sort((x, y) => y.members.size - x.members.size || (x.key < y.key ? -1 : 1));
const diffOk = (k: number, a: ReadonlySet<string>, c: ReadonlySet<string>) => {
  const d = [...a].filter((id) => !c.has(id)).length;
  return d === 0 || d >= k;
};

/** Rule 1 only: any group with at least k respondents. */
const onlyK: GroupRules = (b) =>
  new Map(
    [b.total, ...b.groups].map((g): [string, GroupDecision] => [
      g.key,
      g.members.size >= b.k ? { ok: true, n: g.members.size } : { ok: false, reason: "too_few" },
    ]),
  );

/** Rules 1–3 read literally: size, rest of the partnership, pairwise differences; no atoms, no waves. */
const pairwiseOnly: GroupRules = (b) => {
  const out = onlyK(b);
  if (b.total.members.size < b.k) return new Map([...out.keys()].map((key) => [key, { ok: false, reason: "too_few" }]));
  const accepted = [b.total.members];
  for (const g of bySizeThenKey(b)) {
    const rest = b.total.members.size - g.members.size;
    const ok = g.members.size >= b.k && rest >= b.k && accepted.every((a) => diffOk(b.k, a, g.members) && diffOk(b.k, g.members, a));
    out.set(g.key, ok ? { ok: true, n: g.members.size } : { ok: false, reason: "overlap" });
    if (ok) accepted.push(g.members);
  }
  return out;
};

/** Everything but the wave rule. */
const noWaveRule: GroupRules = (b) => releasableGroups({ ...b, previousWaves: [] });

/** Everything but the coarse rule: coarse figures go out in full. */
const noCoarseRule: typeof releaseDistribution = (...args) =>
  new Map(
    [...releaseDistribution(...args)].map(([key, r]) => [
      key,
      r.status === "coarse" ? { status: "released" as const, n: r.n, value: null as unknown as Distribution } : r,
    ]),
  );

describe("the properties catch weakened rules", () => {
  const caught = <T extends [unknown, ...unknown[]]>(property: fc.IProperty<T>, message: RegExp) => {
    const run = fc.check(property, { numRuns: 500 });
    expect(run.failed).toBe(true);
    expect(String(run.errorInstance)).toMatch(message);
  };

  it("rule 1 alone breaks the rest-of-partnership and difference rules", () => {
    caught(groupsProperty(onlyK), /rest of the partnership|\\|isolates/);
  });

  it("pairwise checks alone leave remainders such as total − org A − org B", () => {
    caught(groupsProperty(pairwiseOnly), /adding and subtracting released groups isolates/);
  });

  it("without the wave rule, a subgroup's size changes by fewer than k between waves", () => {
    caught(wavesProperty(noWaveRule), /between waves, a change below k/);
  });

  it("without the coarse rule, near-unanimous cells are released in full", () => {
    caught(distributionProperty(noCoarseRule), /all but one answers agree|too-alike/);
  });
});
