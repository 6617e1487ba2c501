/** What a register is: its fields, who owns an entry, its status, what falls due, and its cross-field rules. */
import type { FieldProblem } from "../../errors/app-error.ts";
import type { AttentionKind } from "../metrics/index.ts";
import type { EntryData, FieldSpec } from "../fields.ts";
import type { RegisterKey } from "../keys.ts";

export type Stage = "agree" | "practise" | "institutionalise";

export interface RegisterDefinition {
  key: RegisterKey;
  label: string;
  singular: string;
  stage: Stage;
  /** One sentence on what the register is for, shown on its page. */
  purpose: string;
  fields: FieldSpec[];
  titleField: string;
  /** The organisation field whose members may edit an entry; null means convenors only. */
  ownerField: string | null;
  /** Further organisation fields whose members may also edit (the taker of an offer). */
  coEditorFields?: string[];
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
