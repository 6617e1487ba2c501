/** What a register is: its fields, who owns an entry, its status, what falls due, and its cross-field rules. */
import type { FieldProblem } from "../../errors/app-error.ts";
import type { AttentionKind } from "../metrics/index.ts";
import type { EntryData, FieldSpec } from "../fields.ts";
import type { RegisterKey } from "../keys.ts";

export type Stage = "agree" | "practise" | "institutionalise";

/** The actions that record another organisation's part, and the path each has under its entry. */
export const PARTICIPATION_ACTIONS = { "take-up": "take-up", "sign-up": "sign-ups" } as const;
export type ParticipationAction = keyof typeof PARTICIPATION_ACTIONS;

/**
 * Another organisation's part in an entry. It is recorded only by its action (`POST …/{entryId}/take-up`), by someone
 * acting for that organisation or a convenor; the ordinary create and change refuse it (a convenor's correction aside,
 * where `convenorMaySet`). Every organisation field is the owner, a participation or a mention (checked in definitions.test.ts).
 */
export interface Participation {
  /** The organisation field it fills, or `signUps` (the sign-up list kept beside the fields). */
  field: string;
  action: ParticipationAction;
  /** Whether a convenor may also set or correct the field through create and change (the way to undo a mistaken take-up). */
  convenorMaySet: boolean;
  /** The only fields a member of the organisation it names (a co-editor) may then change; empty: it gives no edit rights. Never the owner or a participation field. */
  coEditorMayChange: readonly string[];
}

export interface RegisterDefinition {
  key: RegisterKey;
  label: string;
  singular: string;
  stage: Stage;
  /** One sentence on what the register is for, shown on its page. */
  purpose: string;
  fields: FieldSpec[];
  titleField: string;
  /** The organisation field whose members may add and edit an entry; null means convenors only. Only a convenor may change it. */
  ownerField: string | null;
  /** Another organisation's part in an entry (the taker of an offer, the signatories of a statement): see `Participation`. */
  participation?: Participation[];
  /** Organisation fields that only name organisations (promised to, would benefit, agreed, took part): set by whoever may edit the entry; they give the organisations named no rights. */
  mentions?: string[];
  statusField: string | null;
  /** The date the entry falls due (for "needs attention" and sorting), and whether it is done with. */
  due?: (d: EntryData) => { kind: AttentionKind; on: string; done: boolean } | null;
  /** Date fields recording when another field's value was set (outcomeOn ← outcome): cleared when it changes, then refilled by `complete`. */
  datedBy?: Record<string, string>;
  /** Fills values implied by others (an outcome's date defaults to today). */
  complete?: (d: EntryData, today: string) => EntryData;
  /** Rules across fields; each problem names the field. */
  check?: (d: EntryData) => FieldProblem[];
}

export const str = (d: EntryData, name: string): string | null => {
  const v = d[name];
  return typeof v === "string" ? v : null;
};

export const options = <const V extends readonly string[]>(values: V, labels: Record<V[number], string>) => ({ values, labels });
