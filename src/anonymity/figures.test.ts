// Unit tests for releasing one question's distribution or mean per group: k per question, the coarse rule, errors.
import { describe, expect, it } from "vitest";
import type { Breakdown, Group } from "./core.ts";
import { releaseDistribution, releaseMean } from "./figures.ts";

const BASELINE = ["great_deal", "moderate", "little", "none", "other"];
const AGREE = ["1", "2", "3", "4", "5", "dont_know"];

/** Builds a breakdown from organisations given as lists of answers; respondent ids are `${org}-${i}`. */
function wave<V>(orgs: Record<string, Array<V | undefined>>, k = 5) {
  const answers = new Map<string, V>();
  const groups: Group[] = [];
  for (const [org, values] of Object.entries(orgs)) {
    const members = new Set<string>();
    values.forEach((v, i) => {
      members.add(`${org}-${i}`);
      if (v !== undefined) answers.set(`${org}-${i}`, v);
    });
    groups.push({ key: org, members });
  }
  const total: Group = { key: "total", members: new Set(groups.flatMap((g) => [...g.members])) };
  const b: Breakdown = { total, groups, k };
  return { b, answers };
}

const rep = <V>(v: V, n: number): V[] => Array<V>(n).fill(v);

describe("releaseDistribution", () => {
  it("releases the article's table for 9 respondents at k = 5", () => {
    const { b, answers } = wave({ a: ["great_deal", "moderate", ...rep("little", 5), "other", "other"] });
    const total = releaseDistribution(b, answers, BASELINE).get("total");
    expect(total?.status).toBe("released");
    if (total?.status !== "released") return;
    expect(total.n).toBe(9);
    expect(total.value.rows.map((r) => r.percent)).toEqual([11, 11, 56, 0, 22]);
    // The only organisation is the whole partnership: its rest is 0 < k.
    expect(releaseDistribution(b, answers, BASELINE).get("a")).toEqual({ status: "suppressed", reason: "remainder" });
  });

  it("all but one the same option → coarse: n only", () => {
    const { b, answers } = wave({ a: [...rep("little", 5), "none"] });
    expect(releaseDistribution(b, answers, BASELINE).get("total")).toEqual({ status: "coarse", n: 6, value: null });
  });

  it("all but two the same → released", () => {
    const { b, answers } = wave({ a: [...rep("little", 5), "none", "other"] });
    expect(releaseDistribution(b, answers, BASELINE).get("total")?.status).toBe("released");
  });

  it("“don't know” does not hide a near-unanimous scale", () => {
    const { b, answers } = wave({ a: [...rep("4", 4), "2", "dont_know", "dont_know", "dont_know"] });
    // Counted with "don't know" three options appear; among the substantive answers all but one are 4.
    expect(releaseDistribution(b, answers, AGREE).get("total")).toEqual({ status: "coarse", n: 8, value: null });
  });

  it("applies k to the respondents who answered this question", () => {
    const { b, answers } = wave({ a: ["little", "none", "little", undefined, "other"], b: ["little", "none", "other", "little", "moderate"] });
    const out = releaseDistribution(b, answers, BASELINE);
    expect(out.get("total")).toMatchObject({ status: "released", n: 9 });
    expect(out.get("a")).toEqual({ status: "suppressed", reason: "too_few" }); // 4 answered
  });

  it("applies the remainder rule per question: skipped answers cannot open a small difference", () => {
    // Groups of 10 and 10 pass, but only 3 of b answered: total − a would describe those 3.
    const { b, answers } = wave({
      a: ["little", "none", "other", "little", "moderate", "little", "none", "other", "little", "moderate"],
      b: ["little", "none", "other", ...rep(undefined, 7)],
    });
    const out = releaseDistribution(b, answers, BASELINE);
    expect(out.get("total")).toMatchObject({ status: "released", n: 13 });
    expect(out.get("a")).toEqual({ status: "suppressed", reason: "remainder" });
    expect(out.get("b")).toEqual({ status: "suppressed", reason: "too_few" });
  });

  it("coarsens a group whose complement is too alike (else total − b would reveal a)", () => {
    const { b, answers } = wave({
      a: rep("little", 6),
      b: ["great_deal", "moderate", "little", "none", "other", "other"],
    });
    const out = releaseDistribution(b, answers, BASELINE);
    expect(out.get("total")?.status).toBe("released");
    expect(out.get("a")).toEqual({ status: "coarse", n: 6, value: null });
    expect(out.get("b")).toEqual({ status: "coarse", n: 6, value: null });
  });

  it("carries the group-level reason for groups that cannot be shown at all", () => {
    const { b, answers } = wave({ a: rep("little", 10), b: rep("none", 2) });
    expect(releaseDistribution(b, answers, BASELINE).get("b")).toEqual({ status: "suppressed", reason: "too_few" });
  });

  it("an answer that is not an option, or from outside the total, suppresses everything", () => {
    const { b, answers } = wave({ a: [...rep("little", 5), "none", "other"] });
    const bad = new Map(answers).set("a-0", "maybe");
    expect([...releaseDistribution(b, bad, BASELINE).values()]).toEqual(rep({ status: "suppressed", reason: "error" }, 2));
    const stray = new Map(answers).set("someone", "little");
    expect([...releaseDistribution(b, stray, BASELINE).values()]).toEqual(rep({ status: "suppressed", reason: "error" }, 2));
  });
});

describe("releaseMean", () => {
  it("releases mean, interval and band", () => {
    const { b, answers } = wave({ a: [1, 2, 3, 4, 5], b: [4, 4, 5, 5, 3] });
    const out = releaseMean(b, answers);
    const total = out.get("total");
    expect(total).toMatchObject({ status: "released", n: 10, value: { mean: 3.6, band: "discuss" } });
    const a = out.get("a");
    expect(a).toMatchObject({ status: "released", n: 5, value: { mean: 3, band: "discuss" } });
    if (a?.status === "released") expect(a.value.upper).toBeCloseTo(3 + 1.96324316, 7);
  });

  it("all but one equal → band only", () => {
    const { b, answers } = wave({ a: [4, 4, 4, 4, 1] });
    expect(releaseMean(b, answers).get("total")).toEqual({ status: "coarse", n: 5, value: { band: "discuss" } });
  });

  it("unbanded scales release only n when coarse", () => {
    const { b, answers } = wave({ a: [2, 2, 2, 2, 7] });
    expect(releaseMean(b, answers, { banded: false }).get("total")).toEqual({ status: "coarse", n: 5, value: { band: null } });
  });

  it("a NaN answer suppresses every group; so does an impossible level", () => {
    const { b, answers } = wave({ a: [1, 2, 3, 4, 5], b: [4, 4, 5, 5, Number.NaN] });
    expect([...releaseMean(b, answers).values()]).toEqual(rep({ status: "suppressed", reason: "error" }, 3));
    const ok = wave({ a: [1, 2, 3, 4, 5] });
    expect(releaseMean(ok.b, ok.answers, { level: 2 }).get("total")).toEqual({ status: "suppressed", reason: "error" });
  });

  it("k below 3 suppresses", () => {
    const { b, answers } = wave({ a: [1, 2, 3, 4, 5] }, 2);
    expect(releaseMean(b, answers).get("total")).toEqual({ status: "suppressed", reason: "error" });
  });
});

describe("scale", () => {
  it("2,000 respondents in 50 organisations and 8 sectors: one question in well under a second", () => {
    const all = Array.from({ length: 2000 }, (_, i) => `r${i}`);
    const groups: Group[] = [
      ...Array.from({ length: 50 }, (_, o) => ({ key: `org:${o}`, members: new Set(all.filter((_, i) => i % 50 === o)) })),
      ...Array.from({ length: 8 }, (_, s) => ({ key: `sector:${s}`, members: new Set(all.filter((_, i) => (i % 50) % 8 === s)) })),
    ];
    const b: Breakdown = { total: { key: "total", members: new Set(all) }, groups, k: 5 };
    const answers = new Map(all.map((id, i) => [id, 1 + (Math.floor(i / 50) % 5)]));
    const started = performance.now();
    const out = releaseMean(b, answers);
    expect(performance.now() - started).toBeLessThan(1500); // ~30 ms when written; guards against quadratic blow-ups
    expect([...out.values()].filter((r) => r.status === "released").length).toBeGreaterThan(50);
  });
});
