// Unit tests for scoring: construct tags decide what counts, reverse items flip, "don't know" is left out.
import { describe, expect, it } from "vitest";
import { getInstrument } from "../instruments/registry.ts";
import type { Answers, Instrument } from "../instruments/types.ts";
import { itemValue, respondentScores } from "./scoring.ts";

const tiny: Instrument = {
  key: "tiny",
  version: 1,
  title: "Tiny",
  description: "",
  minutes: 1,
  sections: [
    {
      key: "s",
      title: "S",
      items: [
        { key: "b", text: "B", required: true, response: { kind: "agreement5" }, construct: { kind: "trustworthiness", level: "system", dimension: "integrity" } },
        { key: "a", text: "A", required: true, response: { kind: "agreement5" }, construct: { kind: "trustworthiness", level: "interpersonal", dimension: "competence" } },
        { key: "r", text: "R", required: true, reverse: true, response: { kind: "agreement5" }, construct: { kind: "trustworthiness", level: "interpersonal", dimension: "competence" } },
        { key: "p", text: "P", required: true, response: { kind: "agreement5" }, construct: { kind: "practice", practice: "openness" } },
      ],
    },
  ],
};

describe("scoring", () => {
  it("reverse-scores and skips don't know", () => {
    expect(itemValue({ value: 2 }, true)).toBe(4);
    expect(itemValue({ value: "dont_know" }, false)).toBeUndefined();
    expect(itemValue({ value: 7 }, false)).toBeUndefined();
  });

  it("scores by construct tags, whatever the item order", () => {
    const answers: Answers = { a: { value: 5 }, r: { value: 2 }, b: { value: 3 }, p: { value: 1 } };
    const s = respondentScores(tiny, answers);
    expect(s["interpersonal:competence"]).toBe(4.5); // 5 and (6 − 2)
    expect(s["system:integrity"]).toBe(3);
    expect(s["all:all"]).toBe(4); // practice items are not trust scores
    expect(s["interorganisational:benevolence"]).toBeUndefined();
    const shuffled = { ...tiny, sections: [{ ...tiny.sections[0]!, items: [...tiny.sections[0]!.items].reverse() }] };
    expect(respondentScores(shuffled, answers)).toEqual(s);
  });

  it("gives every cell of the real instrument a score when all items are answered", () => {
    const instrument = getInstrument("accord-trust", 1);
    const answers: Answers = {};
    for (const item of instrument.sections.flatMap((x) => x.items)) answers[item.key] = item.response.kind === "choice" ? { value: "a_little" } : { value: 4 };
    const s = respondentScores(instrument, answers);
    expect(Object.keys(s)).toHaveLength(9 + 3 + 3 + 1);
  });
});
