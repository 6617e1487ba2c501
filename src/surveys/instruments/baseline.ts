// The baseline instrument: the seed article's single question on trust to work more collaboratively.
import type { Instrument, Item, Section } from "./types.ts";

/** The article's question, word for word; reused as the first item of the accord trust instrument. */
export const BASELINE_ITEM: Item = {
  key: "baseline_trust",
  text: "To what extent do we trust each other to work more collaboratively?",
  response: {
    kind: "choice",
    options: [
      { value: "a_great_deal", label: "A great deal" },
      { value: "a_moderate_amount", label: "A moderate amount" },
      { value: "a_little", label: "A little" },
      { value: "none_at_all", label: "None at all" },
      { value: "other", label: "Other (please say)", other: true },
    ],
  },
  construct: { kind: "baseline" },
  required: true,
};

export const BASELINE_SECTION: Section = {
  key: "baseline",
  title: "Trust between us",
  intro: "One question about how far the partners trust each other right now. There is no right answer.",
  items: [BASELINE_ITEM],
};

export const baseline: Instrument = {
  key: "baseline",
  version: 1,
  title: "Baseline trust question",
  description: "A single question on how far partners trust each other to work more collaboratively, for a quick starting point.",
  minutes: 1,
  sections: [BASELINE_SECTION],
};
