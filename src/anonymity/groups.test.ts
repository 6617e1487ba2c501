// Unit tests for which groups of a breakdown may be released (k, remainder, overlap, atoms, waves, errors).
import { describe, expect, it } from "vitest";
import type { Breakdown, Group } from "./core.ts";
import { releasableGroups, releasedSizes } from "./groups.ts";

/** Respondent ids p0..p(n-1) with a prefix, so groups can be built by slicing. */
const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const group = (key: string, ...parts: string[][]): Group => ({ key, members: new Set(parts.flat()) });

function partnership(sizes: Record<string, number>) {
  const orgs = Object.entries(sizes).map(([key, n]) => group(key, ids(`${key}-`, n)));
  const total = group("total", ...orgs.map((o) => [...o.members]));
  return { total, orgs };
}

const decisions = (b: Breakdown) => Object.fromEntries(releasableGroups(b));

describe("releasableGroups", () => {
  it("suppresses everything when the total is below k", () => {
    const { total, orgs } = partnership({ a: 2, b: 2 });
    expect(decisions({ total, groups: orgs, k: 5 })).toEqual({
      total: { ok: false, reason: "too_few" },
      a: { ok: false, reason: "too_few" },
      b: { ok: false, reason: "too_few" },
    });
  });

  it("releases two halves of 10 (each half's rest is the other half)", () => {
    const { total, orgs } = partnership({ a: 10, b: 10 });
    expect(decisions({ total, groups: orgs, k: 5 })).toEqual({
      total: { ok: true, n: 20 },
      a: { ok: true, n: 10 },
      b: { ok: true, n: 10 },
    });
  });

  it("keeps the rest of the partnership at k or more (remainder rule)", () => {
    const { total, orgs } = partnership({ a: 9, b: 3 });
    expect(decisions({ total, groups: orgs, k: 5 })).toMatchObject({
      total: { ok: true, n: 12 },
      a: { ok: false, reason: "remainder" }, // 12 − 9 = 3
      b: { ok: false, reason: "too_few" },
    });
  });

  it("catches a remainder only visible by subtracting two groups: total − a − b = c (2 people)", () => {
    const { total, orgs } = partnership({ a: 10, b: 10, c: 2 });
    // Pairwise every difference is ≥ 5, yet total − a − b would expose c's two respondents.
    expect(decisions({ total, groups: orgs, k: 5 })).toMatchObject({
      a: { ok: true, n: 10 },
      b: { ok: false, reason: "remainder" },
      c: { ok: false, reason: "too_few" },
    });
  });

  it("prefers the sector to an organisation that differs from it by fewer than k (overlap)", () => {
    const { total, orgs } = partnership({ a: 10, b: 2, c: 18 });
    const [a, b, c] = orgs as [Group, Group, Group];
    const sector = group("sector:health", [...a.members], [...b.members]);
    expect(decisions({ total, groups: [a, b, c, sector], k: 5 })).toMatchObject({
      total: { ok: true, n: 30 },
      c: { ok: true, n: 18 },
      "sector:health": { ok: true, n: 12 },
      a: { ok: false, reason: "overlap" }, // sector − a = b, 2 people
      b: { ok: false, reason: "too_few" },
    });
  });

  it("releases a sector and its only organisation together (identical figures reveal nothing)", () => {
    const { total, orgs } = partnership({ a: 8, b: 9 });
    const sector = group("sector:council", [...(orgs[0] as Group).members]);
    expect(decisions({ total, groups: [...orgs, sector], k: 5 })).toMatchObject({
      a: { ok: true, n: 8 },
      "sector:council": { ok: true, n: 8 },
    });
  });

  it("breaks ties by key and ignores input order", () => {
    // x = p0..p5 and y = p4..p9 differ by 4 each way (< k = 5): only one can be released; "x" < "y".
    const total = group("total", ids("p", 20));
    const x = group("x", ids("p", 6));
    const y = group("y", ids("p", 10).slice(4));
    const forward = decisions({ total, groups: [x, y], k: 5 });
    expect(forward).toMatchObject({ x: { ok: true, n: 6 }, y: { ok: false, reason: "overlap" } });
    expect(decisions({ total, groups: [y, x], k: 5 })).toEqual(forward);
    // With k = 3 the pairwise test passes, but the atom x ∩ y has only 2 people (conservative for crossing groups).
    expect(decisions({ total, groups: [y, x], k: 3 })["y"]).toEqual({ ok: false, reason: "remainder" });
  });

  it("between waves: a released group's size must change by 0 or at least k", () => {
    const { total, orgs } = partnership({ a: 12, b: 10 });
    const previous = [new Map([["total", 21], ["a", 10], ["b", 10]])];
    expect(decisions({ total, groups: orgs, k: 5, previousWaves: previous })).toMatchObject({
      total: { ok: true, n: 22 }, // the total is exempt
      a: { ok: false, reason: "wave_difference" }, // 12 vs 10
      b: { ok: true, n: 10 },
    });
    const grown = partnership({ a: 15, b: 10 });
    expect(decisions({ ...grown, groups: grown.orgs, k: 5, previousWaves: previous })).toMatchObject({ a: { ok: true, n: 15 } });
  });

  it("checks every earlier wave", () => {
    const { total, orgs } = partnership({ a: 12, b: 10 });
    const previous = [new Map([["a", 12]]), new Map([["a", 11]])];
    expect(decisions({ total, groups: orgs, k: 5, previousWaves: previous })["a"]).toEqual({ ok: false, reason: "wave_difference" });
  });

  it("releasedSizes keeps only the released groups", () => {
    const { total, orgs } = partnership({ a: 10, b: 10, c: 2 });
    expect(releasedSizes(releasableGroups({ total, groups: orgs, k: 5 }))).toEqual(new Map([["total", 22], ["a", 10]]));
  });
});

describe("errors suppress everything", () => {
  const { total, orgs } = partnership({ a: 10, b: 10 });
  const allError = { total: { ok: false, reason: "error" }, a: { ok: false, reason: "error" }, b: { ok: false, reason: "error" } };

  it.each([2, 0, -1, 4.5, Number.NaN])("k = %s", (k) => {
    expect(decisions({ total, groups: orgs, k })).toEqual(allError);
  });

  it("a member outside the total", () => {
    const stray = group("a", [...(orgs[0] as Group).members, "stranger"]);
    expect(decisions({ total, groups: [stray, orgs[1] as Group], k: 5 })).toEqual(allError);
  });

  it("a key used twice", () => {
    expect(decisions({ total, groups: [orgs[0] as Group, { ...(orgs[1] as Group), key: "a" }], k: 5 })).toEqual({
      total: allError.total,
      a: allError.a,
    });
  });

  it("a members set that throws part-way", () => {
    const broken: Group = {
      key: "b",
      members: new Proxy((orgs[1] as Group).members, {
        get(target, prop) {
          if (prop === "has") throw new Error("injected");
          const v = Reflect.get(target, prop, target);
          return typeof v === "function" ? v.bind(target) : v;
        },
      }),
    };
    expect(decisions({ total, groups: [orgs[0] as Group, broken], k: 5 })).toEqual(allError);
  });

  it("a bad earlier wave size", () => {
    expect(decisions({ total, groups: orgs, k: 5, previousWaves: [new Map([["a", Number.NaN]])] })).toEqual(allError);
  });
});
