// Property test over the whole results computation: every figure any breakdown releases covers ≥ k people, alone or as a difference.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getInstrument } from "../instruments/registry.ts";
import type { Answers } from "../instruments/types.ts";
import { computeResults, type BreakdownKind, type ResponseRecord } from "./compute-results.ts";

const instrument = getInstrument("accord-trust", 1);
const items = instrument.sections.flatMap((s) => s.items);
const SECTORS = ["nhs_trust", "local_authority", "housing"];

const world = fc.record({
  k: fc.integer({ min: 3, max: 7 }),
  organisations: fc.array(fc.constantFrom(...SECTORS), { minLength: 1, maxLength: 5 }),
  people: fc.array(fc.record({ org: fc.nat(6), lean: fc.integer({ min: 1, max: 5 }), noise: fc.double({ min: 0, max: 1, noNaN: true }) }), { minLength: 0, maxLength: 40 }),
});

interface World {
  k: number;
  organisations: string[];
  people: Array<{ org: number; lean: number; noise: number }>;
}

function responsesOf(w: World): ResponseRecord[] {
  return w.people.map((p, i) => {
    const answers: Answers = {};
    for (const [j, item] of items.entries()) {
      if (item.response.kind === "choice") answers[item.key] = { value: item.response.options[(p.lean + j) % item.response.options.length]!.value };
      else answers[item.key] = (i + j) % 13 === 0 ? { value: "dont_know" } : { value: Math.min(5, Math.max(1, p.lean + (p.noise > 0.7 ? 1 : 0) - (j % 3 === 0 && p.noise < 0.2 ? 1 : 0))) };
    }
    const orgIndex = p.org < w.organisations.length ? p.org : undefined; // some people have no organisation
    return { id: `r${i}`, organisationId: orgIndex === undefined ? null : `o${orgIndex}`, sector: orgIndex === undefined ? null : w.organisations[orgIndex]!, answers };
  });
}

describe("computeResults under the anonymity rules", () => {
  it("never releases a figure, or a difference of two figures, covering fewer than k respondents", () => {
    fc.assert(
      fc.property(world, (w) => {
        const responses = responsesOf(w);
        const membersOf = (key: string) =>
          new Set(responses.filter((r) => key === "all" || key === `organisation:${r.organisationId}` || key === `sector:${r.sector}`).map((r) => r.id));
        const released = new Map<string, Set<string>>();
        for (const breakdown of ["none", "organisation", "sector"] as BreakdownKind[]) {
          const r = computeResults({ instrument, responses, k: w.k, breakdown, organisationNames: new Map(), sectorLabels: {} });
          for (const g of r.groups) {
            if (g.status === "released") {
              expect(g.n).toBeGreaterThanOrEqual(w.k);
              released.set(g.key, membersOf(g.key));
            }
          }
          for (const q of r.questions) for (const [key, f] of Object.entries(q.figures)) {
            if (f.status !== "suppressed") {
              expect(f.n, `${q.itemKey} ${key}`).toBeGreaterThanOrEqual(w.k);
              expect(released.has(key), `${key} released a figure without being a released group`).toBe(true);
            }
            if (f.status === "released" && q.kind === "choice") expect(f.options.reduce((s, o) => s + o.count, 0)).toBe(f.n);
          }
          for (const s of r.scores) for (const f of Object.values(s.figures)) if (f.status !== "suppressed") expect(f.n).toBeGreaterThanOrEqual(w.k);
          if (r.respondents.status === "released") expect(r.respondents.n).toBe(responses.length);
          else expect(responses.length).toBeLessThan(w.k);
        }
        const sets = [...released.values()];
        for (const a of sets) for (const b of sets) {
          const onlyA = [...a].filter((x) => !b.has(x)).length;
          expect(onlyA === 0 || onlyA >= w.k, `two released groups differ by ${onlyA}`).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("marks a suppressed figure as suppressed, never as zero", () => {
    const responses = responsesOf({ k: 5, organisations: ["nhs_trust"], people: [1, 2, 3].map((lean) => ({ org: 0, lean, noise: 0.5 })) });
    const r = computeResults({ instrument, responses, k: 5, breakdown: "none", organisationNames: new Map(), sectorLabels: {} });
    expect(r.respondents).toEqual({ status: "suppressed", reason: "too_few" });
    for (const q of r.questions) expect(q.figures["all"]).toMatchObject({ status: "suppressed" });
    for (const s of r.scores) expect(s.figures["all"]).toMatchObject({ status: "suppressed" });
  });
});
