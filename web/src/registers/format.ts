// Wording for the registers: stages, statuses, attention kinds, history actions, percentages and day counts.
import type { AttentionKind, EntryView, FieldSpec, FreshnessBand, RegisterMeta, Stage, VersionAction } from "../api/register-types.ts";
import { plural } from "../format.ts";

export const STAGES: { stage: Stage; title: string; text: string }[] = [
  {
    stage: "agree",
    title: "Agree a minimum",
    text: "Enough trust to start: shared priorities, how you will work together, and a plan with owners and dates.",
  },
  {
    stage: "practise",
    title: "Practise",
    text: "The everyday practices that build trust: keeping promises, give and take, spotting joint opportunities, being open about intentions and risks.",
  },
  {
    stage: "institutionalise",
    title: "Make it how we work",
    text: "Turn trust into decisions, procedures and strategic gains that outlast the people who built it.",
  },
];

/** Registers whose entries fall due (actions, commitments) or come up for review (decisions, procedures). */
export const DUE_REGISTERS = new Set(["actions", "commitments", "decisions", "procedures"]);

export const ATTENTION_KINDS: Record<AttentionKind, string> = {
  action: "Action",
  commitment: "Commitment",
  decision_review: "Decision review",
  procedure_review: "Procedure review",
};

export const VERSION_ACTIONS: Record<VersionAction, string> = {
  created: "Added",
  updated: "Changed",
  removed: "Removed",
  restored: "Restored",
  signed_up: "Signed up",
  taken_up: "Taken up",
  imported: "Imported",
};

export const FRESHNESS_BANDS: Record<FreshnessBand, string> = {
  current: "Current",
  ageing: "Ageing",
  stale: "Stale",
  none: "None stated",
};

export function fieldOf(meta: RegisterMeta, name: string | null): FieldSpec | undefined {
  return name ? meta.fields.find((f) => f.name === name) : undefined;
}

/** The label of an enum value ("in_progress" → "In progress"). */
export function enumLabel(field: FieldSpec | undefined, value: unknown): string {
  if (value === null || value === undefined || value === "") return "";
  const text = String(value);
  return field?.labels?.[text] ?? text.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase());
}

export function statusLabel(meta: RegisterMeta, entry: EntryView): string {
  return enumLabel(fieldOf(meta, meta.statusField), entry.status);
}

/** "67%" from 0.667; a dash while there is nothing to measure. */
export function percent(rate: number | null): string {
  return rate === null ? "—" : `${Math.round(rate * 100)}%`;
}

/** "3 days overdue", "due today", "due in 2 days". */
export function dayCount(days: number, overdue: boolean): string {
  if (overdue) return `${plural(days, "day")} overdue`;
  if (days === 0) return "Due today";
  if (days === 1) return "Due tomorrow";
  return `Due in ${plural(days, "day")}`;
}

/** Today as YYYY-MM-DD in the reader's time zone. */
export function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** An article for the register's singular noun: "an action", "a commitment". */
export function withArticle(singular: string): string {
  return `${/^[aeiou]/i.test(singular) ? "an" : "a"} ${singular}`;
}
