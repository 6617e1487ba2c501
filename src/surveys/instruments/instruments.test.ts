// Unit tests for the built-in survey instruments and their registry.
import { describe, expect, it } from "vitest";
import { accordTrust } from "./accord-trust.ts";
import { BASELINE_ITEM, baseline } from "./baseline.ts";
import { pulse } from "./pulse.ts";
import { INSTRUMENTS, UnknownInstrumentError, getInstrument, instrumentId, instrumentItems, latestInstrument } from "./registry.ts";
import { DIMENSIONS, LEVELS, PRACTICES, type Instrument, type Item } from "./types.ts";

const ALL: Instrument[] = Object.values(INSTRUMENTS);

function itemsWhere(instrument: Instrument, pred: (item: Item) => boolean): Item[] {
  return instrumentItems(instrument).filter(pred);
}

/** Lower-cased, punctuation and spacing removed: catches near-identical wording as well as identical. */
function normalise(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
}

describe("registry", () => {
  it("holds the three built-in instruments under key@version", () => {
    expect(Object.keys(INSTRUMENTS).sort()).toEqual(["accord-trust@1", "baseline@1", "pulse@1"]);
    for (const [id, instrument] of Object.entries(INSTRUMENTS)) expect(instrumentId(instrument)).toBe(id);
  });
  it("looks instruments up by key and version, and by latest version", () => {
    expect(getInstrument("baseline", 1)).toBe(baseline);
    expect(getInstrument("accord-trust", 1)).toBe(accordTrust);
    expect(latestInstrument("pulse")).toBe(pulse);
    expect(latestInstrument("accord-trust")).toBe(accordTrust);
  });
  it("throws a clear error for an unknown key or version", () => {
    expect(() => getInstrument("pulse", 2)).toThrow(UnknownInstrumentError);
    expect(() => getInstrument("pulse", 2)).toThrow(/Unknown survey instrument "pulse" version 2.*accord-trust@1, baseline@1, pulse@1/);
    expect(() => latestInstrument("nope")).toThrow(/Unknown survey instrument "nope"/);
    expect(() => getInstrument("toString", 1)).toThrow(UnknownInstrumentError);
    expect(() => latestInstrument("__proto__")).toThrow(UnknownInstrumentError);
  });
  it("flattens items in section order", () => {
    const keys = instrumentItems(accordTrust).map((i) => i.key);
    expect(keys[0]).toBe("baseline_trust");
    expect(keys).toEqual(accordTrust.sections.flatMap((s) => s.items.map((i) => i.key)));
    expect(keys.length).toBe(accordTrust.sections.reduce((n, s) => n + s.items.length, 0));
  });
  it("freezes instruments so shared definitions cannot be changed at run time", () => {
    expect(Object.isFrozen(accordTrust)).toBe(true);
    expect(Object.isFrozen(BASELINE_ITEM)).toBe(true);
    const firstItem = instrumentItems(pulse)[0];
    expect(firstItem && Object.isFrozen(firstItem.construct)).toBe(true);
    expect(() => {
      (BASELINE_ITEM as { text: string }).text = "changed";
    }).toThrow(TypeError);
  });
});

describe.each(ALL.map((i) => [instrumentId(i), i] as const))("%s", (_id, instrument) => {
  const items = instrumentItems(instrument);

  it("has metadata, and every section a key, title and a short intro", () => {
    expect(instrument.title.length).toBeGreaterThan(0);
    expect(instrument.description.length).toBeGreaterThan(0);
    expect(instrument.minutes).toBeGreaterThan(0);
    expect(Number.isInteger(instrument.version) && instrument.version >= 1).toBe(true);
    expect(new Set(instrument.sections.map((s) => s.key)).size).toBe(instrument.sections.length);
    for (const section of instrument.sections) {
      expect(section.title.length).toBeGreaterThan(0);
      expect(section.items.length).toBeGreaterThan(0);
      const intro = section.intro ?? "";
      const sentences = intro.split(/(?<=[.!?])\s+/).filter((s) => s.length > 0);
      expect(sentences.length, `intro of ${section.key}`).toBeGreaterThanOrEqual(1);
      expect(sentences.length, `intro of ${section.key}`).toBeLessThanOrEqual(2);
    }
  });

  it("has unique, stable snake_case item keys", () => {
    const keys = items.map((i) => i.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
  });

  it("has no two items with the same text", () => {
    const texts = items.map((i) => normalise(i.text));
    expect(new Set(texts).size).toBe(texts.length);
  });

  it("gives choice items unique option values and at most one 'other' option", () => {
    for (const item of items) {
      if (item.response.kind !== "choice") continue;
      const values = item.response.options.map((o) => o.value);
      expect(new Set(values).size, item.key).toBe(values.length);
      const others = item.response.options.filter((o) => o.other === true);
      if (others.length > 0) expect(others.length, item.key).toBe(1);
      for (const o of item.response.options) expect(o.label.length).toBeGreaterThan(0);
    }
  });

  it("tags every agreement5 item with a construct other than baseline", () => {
    for (const item of items) {
      if (item.response.kind === "agreement5") expect(item.construct.kind, item.key).not.toBe("baseline");
    }
  });

  it("marks only agreement5 items as reverse-worded", () => {
    for (const item of items) if (item.reverse === true) expect(item.response.kind, item.key).toBe("agreement5");
  });

  it("words items as complete sentences in UK spelling", () => {
    for (const item of items) {
      expect(item.text, item.key).toMatch(/^[A-Z].*[.?]$/);
      expect(item.text, item.key).not.toMatch(/\s{2,}/);
      expect(item.text.length, item.key).toBeLessThanOrEqual(110);
      const all = [item.text, item.hint ?? ""].join(" ");
      expect(all, item.key).not.toMatch(/\b\w+(iz(e|es|ed|ing|ation)|yz(e|ed|ing))\b|\bprogram\b|\bcenter|\bbehavior|\bfavor|\bcolor|\bhonor/i);
    }
    for (const section of instrument.sections) {
      expect(section.intro ?? "").not.toMatch(/\b\w+iz(e|es|ed|ing|ation)\b|\bbehavior|\bcenter/i);
    }
  });
});

describe("items shared between instruments", () => {
  it("reuse the same object whenever the text is the same", () => {
    const byText = new Map<string, Item>();
    for (const instrument of ALL) {
      for (const item of instrumentItems(instrument)) {
        const seen = byText.get(normalise(item.text));
        if (seen) expect(seen, item.key).toBe(item);
        else byText.set(normalise(item.text), item);
      }
    }
  });
});

describe("baseline", () => {
  it("asks the article's question with its options, exactly", () => {
    expect(baseline.key).toBe("baseline");
    expect(baseline.version).toBe(1);
    expect(baseline.sections).toHaveLength(1);
    expect(instrumentItems(baseline)).toEqual([BASELINE_ITEM]);
    expect(BASELINE_ITEM.key).toBe("baseline_trust");
    expect(BASELINE_ITEM.text).toBe("To what extent do we trust each other to work more collaboratively?");
    expect(BASELINE_ITEM.construct).toEqual({ kind: "baseline" });
    expect(BASELINE_ITEM.response).toEqual({
      kind: "choice",
      options: [
        { value: "a_great_deal", label: "A great deal" },
        { value: "a_moderate_amount", label: "A moderate amount" },
        { value: "a_little", label: "A little" },
        { value: "none_at_all", label: "None at all" },
        { value: "other", label: "Other (please say)", other: true },
      ],
    });
  });
});

describe("accord-trust", () => {
  const items = instrumentItems(accordTrust);

  it("opens with the baseline question, as the very same item object", () => {
    expect(accordTrust.key).toBe("accord-trust");
    expect(accordTrust.version).toBe(1);
    expect(accordTrust.sections[0]?.items).toEqual([BASELINE_ITEM]);
    expect(accordTrust.sections[0]?.items[0]).toBe(BASELINE_ITEM);
    expect(itemsWhere(accordTrust, (i) => i.construct.kind === "baseline")).toHaveLength(1);
  });

  it("has one section per level, then practices, then structures", () => {
    expect(accordTrust.sections.map((s) => s.key)).toEqual(["baseline", ...LEVELS, "practices", "structures"]);
    expect(accordTrust.sections[4]?.title).toBe("How we work together");
    expect(accordTrust.sections[5]?.title).toBe("Structures");
    for (const level of LEVELS) {
      const section = accordTrust.sections.find((s) => s.key === level);
      for (const item of section?.items ?? []) {
        expect(item.construct.kind === "trustworthiness" && item.construct.level === level, item.key).toBe(true);
      }
    }
  });

  it("has at least two items in every level × dimension cell, not all reverse-worded", () => {
    for (const level of LEVELS) {
      for (const dimension of DIMENSIONS) {
        const cell = itemsWhere(accordTrust, (i) => i.construct.kind === "trustworthiness" && i.construct.level === level && i.construct.dimension === dimension);
        expect(cell.length, `${level} × ${dimension}`).toBeGreaterThanOrEqual(2);
        expect(cell.filter((i) => i.reverse !== true).length, `${level} × ${dimension}`).toBeGreaterThanOrEqual(2);
        for (const item of cell) expect(item.response.kind).toBe("agreement5");
      }
    }
  });

  it("has a few reverse-worded items, but not many", () => {
    const reversed = items.filter((i) => i.reverse === true);
    expect(reversed.length).toBeGreaterThanOrEqual(2);
    expect(reversed.length).toBeLessThanOrEqual(Math.floor(items.length / 6));
  });

  it("has exactly one item per practice", () => {
    for (const practice of PRACTICES) {
      const matching = itemsWhere(accordTrust, (i) => i.construct.kind === "practice" && i.construct.practice === practice);
      expect(matching, practice).toHaveLength(1);
    }
    expect(itemsWhere(accordTrust, (i) => i.construct.kind === "practice")).toHaveLength(PRACTICES.length);
  });

  it("covers each structures aspect", () => {
    for (const aspect of ["decision_making", "processes", "procedures"] as const) {
      const matching = itemsWhere(accordTrust, (i) => i.construct.kind === "structures" && i.construct.aspect === aspect);
      expect(matching.length, aspect).toBeGreaterThanOrEqual(1);
    }
  });

  it("is all agreement5 apart from the baseline question", () => {
    expect(items.filter((i) => i.response.kind !== "agreement5").map((i) => i.key)).toEqual(["baseline_trust"]);
  });
});

describe("pulse", () => {
  it("has three short agreement5 pulse items in one section", () => {
    expect(pulse.key).toBe("pulse");
    expect(pulse.version).toBe(1);
    expect(pulse.sections).toHaveLength(1);
    const items = instrumentItems(pulse);
    expect(items).toHaveLength(3);
    for (const item of items) {
      expect(item.response.kind).toBe("agreement5");
      expect(item.construct.kind).toBe("pulse");
      expect(item.text.length).toBeLessThanOrEqual(80);
    }
    const aspects = items.map((i) => (i.construct.kind === "pulse" ? i.construct.aspect : ""));
    expect(new Set(aspects).size).toBe(3);
  });
});
