/** The small field language registers are declared in: one spec gives the zod schemas, the CSV columns and the web form. */
import { z } from "@hono/zod-openapi";
import { safeString, singleLine } from "../db/safe-text.ts";
import type { RegisterKey } from "./keys.ts";

interface Base {
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
}

export type FieldSpec =
  | (Base & { kind: "text"; max: number; multiline?: boolean })
  | (Base & { kind: "date" })
  | (Base & { kind: "enum"; values: readonly string[]; labels: Record<string, string>; default?: string })
  | (Base & { kind: "int"; min: number; max: number; default?: number })
  | (Base & { kind: "organisation" })
  | (Base & { kind: "organisations" })
  | (Base & { kind: "person" })
  | (Base & { kind: "entry"; register: RegisterKey })
  | (Base & { kind: "entries"; register: RegisterKey })
  | (Base & { kind: "organisationNotes" });

export type FieldKind = FieldSpec["kind"];
export type FieldValue = string | number | string[] | OrganisationNote[] | null;
export interface OrganisationNote {
  organisationId: string;
  note: string;
}
export type EntryData = Record<string, FieldValue>;

const ID = safeString().trim().min(1, "Choose one.").max(64);
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2199;

/** A real calendar day written YYYY-MM-DD, in a year a partnership could mean (1900–2199). */
export function isRealDay(s: string): boolean {
  if (!ISO_DAY.test(s)) return false;
  const year = Number(s.slice(0, 4));
  if (year < FIRST_YEAR || year > LAST_YEAR) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export const DaySchema = safeString()
  .trim()
  .refine(isRealDay, `Enter a real date as YYYY-MM-DD, between ${FIRST_YEAR} and ${LAST_YEAR}.`)
  .openapi({ format: "date", example: "2026-03-31" });

/** The zod type for one field's value when present (not null). */
export function valueSchema(f: FieldSpec) {
  switch (f.kind) {
    case "text":
      // One-line fields (titles, headlines) are names in lists and the audit log; multi-line ones are free text.
      return (f.multiline ? safeString() : singleLine()).trim().min(1, `Enter ${f.label.toLowerCase()}.`).max(f.max, `Use at most ${f.max} characters.`);
    case "date":
      return DaySchema;
    case "enum":
      return z.enum(f.values as [string, ...string[]], { error: `Choose one of: ${f.values.join(", ")}.` });
    case "int":
      return z.number({ error: "Enter a whole number." }).int("Enter a whole number.").min(f.min, `Use ${f.min} or more.`).max(f.max, `Use ${f.max} or less.`);
    case "organisation":
    case "person":
    case "entry":
      return ID;
    case "organisations":
    case "entries":
      return z.array(ID).max(100, "Choose at most 100.");
    case "organisationNotes":
      return z
        .array(z.strictObject({ organisationId: ID, note: safeString().trim().max(500, "Use at most 500 characters.") }))
        .max(100, "Choose at most 100.");
  }
}

/** Body for creating an entry: required fields must be present; optional ones may be omitted or null. */
export function createSchema(fields: readonly FieldSpec[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const f of fields) shape[f.name] = f.required ? valueSchema(f) : valueSchema(f).nullable().optional();
  return z.strictObject(shape);
}

/** Body for changing an entry: any subset of fields; null clears an optional field. `version` guards against lost updates. */
export function updateSchema(fields: readonly FieldSpec[]) {
  const shape: Record<string, z.ZodType> = {
    version: z.number().int().min(1).optional().openapi({ description: "The version you changed (or send it as If-Match instead); a newer stored version gives 409. A change naming no version at all gives 428." }),
  };
  for (const f of fields) shape[f.name] = (f.required ? valueSchema(f) : valueSchema(f).nullable()).optional();
  return z.strictObject(shape);
}

/** The value a field takes when it is not given. */
export function defaultValue(f: FieldSpec): FieldValue {
  if ((f.kind === "enum" || f.kind === "int") && f.default !== undefined) return f.default;
  if (f.kind === "organisations" || f.kind === "entries" || f.kind === "organisationNotes") return [];
  return null;
}

/** Fills every declared field, so stored data always has the same keys. */
export function normalise(fields: readonly FieldSpec[], input: Record<string, unknown>): EntryData {
  const out: EntryData = {};
  for (const f of fields) {
    const v = input[f.name];
    let value = v === undefined || v === null ? defaultValue(f) : (v as FieldValue);
    if (Array.isArray(value) && (f.kind === "organisations" || f.kind === "entries")) value = [...new Set(value as string[])];
    out[f.name] = value;
  }
  return out;
}

/** Every organisation id a stored entry mentions (owner, recipients, beneficiaries…), for filters and access. */
export function organisationIdsIn(fields: readonly FieldSpec[], data: EntryData): string[] {
  const ids = new Set<string>();
  for (const f of fields) {
    const v = data[f.name];
    if (f.kind === "organisation" && typeof v === "string") ids.add(v);
    if (f.kind === "organisations" && Array.isArray(v)) for (const id of v as string[]) ids.add(id);
    if (f.kind === "organisationNotes" && Array.isArray(v)) for (const n of v as OrganisationNote[]) ids.add(n.organisationId);
  }
  return [...ids];
}

/** The metadata the web UI builds its forms and tables from. */
export const FieldSpecSchema = z
  .object({
    name: z.string(),
    label: z.string(),
    hint: z.string().optional(),
    required: z.boolean().optional(),
    kind: z.enum(["text", "date", "enum", "int", "organisation", "organisations", "person", "entry", "entries", "organisationNotes"]),
    max: z.number().optional(),
    multiline: z.boolean().optional(),
    values: z.array(z.string()).optional(),
    labels: z.record(z.string(), z.string()).optional(),
    default: z.union([z.string(), z.number()]).optional(),
    min: z.number().optional(),
    register: z.string().optional(),
  })
  .openapi("RegisterField");
