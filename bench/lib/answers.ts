/** Realistic, seeded answers to the built-in accord trust instrument (baseline question, agreement items with "don't know"). */
import { latestInstrument } from "../../src/surveys/instruments/registry.ts";
import { DONT_KNOW, type Answers, type Item } from "../../src/surveys/instruments/types.ts";

export const INSTRUMENT = latestInstrument("accord-trust");
const ITEMS: Item[] = INSTRUMENT.sections.flatMap((s) => s.items);

const BASELINE_BY_LEVEL = ["none_at_all", "a_little", "a_moderate_amount", "a_great_deal"];
const OTHER_TEXTS = ["It depends on the partner", "Better than last year", "Varies by team", "Too early to say"];

/**
 * One respondent's answers. `trust` (about 1–5) is the respondent's underlying view; items scatter
 * around it, reverse-worded items are answered the other way, about 4% are "don't know", and the
 * baseline question follows the same view (2% choose "other" with a few words).
 */
export function realisticAnswers(rand: () => number, trust: number): Answers {
  const answers: Answers = {};
  for (const item of ITEMS) {
    if (item.response.kind === "choice") {
      if (rand() < 0.02) answers[item.key] = { value: "other", text: OTHER_TEXTS[Math.floor(rand() * OTHER_TEXTS.length)]! };
      else {
        const level = Math.max(0, Math.min(3, Math.round(((trust - 1) / 4) * 3 + (rand() - 0.5) * 1.5)));
        answers[item.key] = { value: BASELINE_BY_LEVEL[level]! };
      }
      continue;
    }
    if (rand() < 0.04) {
      answers[item.key] = { value: DONT_KNOW };
      continue;
    }
    const noise = (rand() + rand() + rand() - 1.5) * 1.6;
    const v = Math.max(1, Math.min(5, Math.round(trust + noise)));
    answers[item.key] = { value: item.reverse ? 6 - v : v };
  }
  return answers;
}

/** A respondent's underlying trust: a partnership's level, plus a drift per wave, plus personal spread. */
export function respondentTrust(rand: () => number, partnershipLevel: number, waveIndex: number): number {
  return partnershipLevel + 0.12 * waveIndex + (rand() - 0.5) * 2;
}
