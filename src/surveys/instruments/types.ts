/** The shape of a survey instrument: sections of items, each item tagged with what it measures. */

export const LEVELS = ["interpersonal", "interorganisational", "system"] as const;
export type Level = (typeof LEVELS)[number];

export const DIMENSIONS = ["competence", "benevolence", "integrity"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const PRACTICES = ["communicate_directly", "joint_opportunities", "reciprocity", "commitment", "openness"] as const;
export type Practice = (typeof PRACTICES)[number];

/** What an item measures. Scores are computed from these tags, never from item positions. */
export type Construct =
  | { kind: "baseline" }
  | { kind: "trustworthiness"; level: Level; dimension: Dimension }
  | { kind: "practice"; practice: Practice }
  | { kind: "structures"; aspect: "decision_making" | "processes" | "procedures" }
  | { kind: "pulse"; aspect: string };

export interface ChoiceOption {
  value: string;
  label: string;
  /** "Other (please say)": the respondent may add free text. */
  other?: boolean;
}

export type ItemResponse =
  /** Nominal single choice (the baseline question). */
  | { kind: "choice"; options: ChoiceOption[] }
  /** 1 = strongly disagree … 5 = strongly agree, plus "dont_know" (excluded from scores). */
  | { kind: "agreement5" };

export interface Item {
  /** Stable within an instrument version; answers are keyed by it. */
  key: string;
  text: string;
  hint?: string;
  response: ItemResponse;
  construct: Construct;
  /** Reverse-worded items are scored 6 − answer. */
  reverse?: boolean;
  /** Whether the respondent must answer (all items allow "Don't know" where the scale has it). */
  required: boolean;
}

export interface Section {
  key: string;
  title: string;
  intro?: string;
  items: Item[];
}

export interface Instrument {
  key: string;
  version: number;
  title: string;
  description: string;
  /** Rough time to answer, for the start page. */
  minutes: number;
  sections: Section[];
}

/** One answer as submitted: a choice value or 1–5 / "dont_know", and free text for an "other" option. */
export interface Answer {
  value: string | number;
  text?: string;
}

export type Answers = Record<string, Answer>;

export const AGREEMENT_LABELS: Record<1 | 2 | 3 | 4 | 5, string> = {
  1: "Strongly disagree",
  2: "Disagree",
  3: "Neither agree nor disagree",
  4: "Agree",
  5: "Strongly agree",
};
export const DONT_KNOW = "dont_know";
