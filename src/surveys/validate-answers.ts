/** Checks a set of answers against an instrument (pure): unknown items, missing required ones, values off the scale. */
import type { FieldProblem } from "../errors/app-error.ts";
import { DONT_KNOW, type Answers, type Instrument, type Item } from "./instruments/types.ts";

function checkOne(item: Item, value: string | number, text: string | undefined): string | undefined {
  if (item.response.kind === "agreement5") {
    if (text !== undefined) return "This question takes no free text.";
    if (value === DONT_KNOW) return undefined;
    return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 5 ? undefined : "Choose one of the five answers, or “Don't know”.";
  }
  const option = item.response.options.find((o) => o.value === value);
  if (!option) return "Choose one of the answers given.";
  if (text !== undefined && !option.other) return "Free text goes only with “Other”.";
  return undefined;
}

/** Each instrument's items by key, made once (instruments are immutable once registered). */
const itemsOf = new WeakMap<Instrument, Map<string, Item>>();

export function validateAnswers(instrument: Instrument, answers: Answers): FieldProblem[] {
  const problems: FieldProblem[] = [];
  let items = itemsOf.get(instrument);
  if (!items) itemsOf.set(instrument, (items = new Map(instrument.sections.flatMap((s) => s.items).map((i) => [i.key, i]))));
  for (const key of Object.keys(answers)) {
    if (!items.has(key)) problems.push({ path: `answers.${key}`, message: "This is not a question in this survey." });
  }
  for (const item of items.values()) {
    const answer = answers[item.key];
    if (!answer) {
      if (item.required) problems.push({ path: `answers.${item.key}`, message: "Answer this question (you can choose “Don't know” where offered)." });
      continue;
    }
    const problem = checkOne(item, answer.value, answer.text?.trim() === "" ? undefined : answer.text);
    if (problem) problems.push({ path: `answers.${item.key}`, message: problem });
  }
  return problems;
}
