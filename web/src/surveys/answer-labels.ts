// The agreement scale and plain-English labels for a respondent's answers.
import type { Answer, SurveyItem } from "../api/survey-types.ts";

export const DONT_KNOW = "dont_know";

/** Strongly agree first, as people read down the list; the values are the API's 1–5. */
export const AGREEMENT_OPTIONS: { value: number; label: string }[] = [
  { value: 5, label: "Strongly agree" },
  { value: 4, label: "Agree" },
  { value: 3, label: "Neither agree nor disagree" },
  { value: 2, label: "Disagree" },
  { value: 1, label: "Strongly disagree" },
];

/** What the respondent chose, as they saw it ("Agree", "Other: …"), or null when unanswered. */
export function answerLabel(item: SurveyItem, answer: Answer | undefined): string | null {
  if (!answer) return null;
  if (item.response.kind === "agreement5") {
    if (answer.value === DONT_KNOW) return "Don’t know";
    return AGREEMENT_OPTIONS.find((o) => o.value === answer.value)?.label ?? String(answer.value);
  }
  const option = item.response.options.find((o) => o.value === answer.value);
  if (!option) return String(answer.value);
  const label = option.other ? option.label.replace(/\s*\(please say\)\s*$/i, "") : option.label;
  return option.other && answer.text?.trim() ? `${label}: ${answer.text.trim()}` : label;
}

/** The id of an item's first radio, which error summaries link to. */
export const itemFieldId = (itemKey: string) => `q-${itemKey}`;
