// Converting between entry data and the values a register form holds, plus the client-side checks on them.
import type { EntryData, FieldSpec, FieldValue, OrganisationNote } from "../api/register-types.ts";
import type { FieldProblem } from "../components/useFormErrors.ts";

/** A form value: text for single values, ids for multi-choice, and chosen organisations with notes. */
export type FormValue = string | string[] | OrganisationNote[];
export type FormValues = Record<string, FormValue>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isNotes(value: FieldValue | undefined): value is OrganisationNote[] {
  return Array.isArray(value) && value.every((v) => typeof v === "object" && v !== null);
}

/** The form's starting value for one field: the entry's value, else the field's default. */
export function toFormValue(field: FieldSpec, value: FieldValue | undefined, forNew: boolean): FormValue {
  switch (field.kind) {
    case "organisations":
    case "entries":
      return Array.isArray(value) ? (value as unknown[]).filter((v): v is string => typeof v === "string") : [];
    case "organisationNotes":
      return isNotes(value) ? value.map((n) => ({ organisationId: n.organisationId, note: n.note ?? "" })) : [];
    default:
      if (value === null || value === undefined) {
        return forNew && field.default !== undefined ? String(field.default) : "";
      }
      return String(value);
  }
}

export function toFormValues(fields: FieldSpec[], data: EntryData | null, preset: Record<string, string> = {}): FormValues {
  const values: FormValues = {};
  for (const f of fields) values[f.name] = preset[f.name] ?? toFormValue(f, data?.[f.name], data === null);
  return values;
}

/** The API value for one field (null when left empty). */
export function toApiValue(field: FieldSpec, value: FormValue): FieldValue {
  if (field.kind === "organisationNotes") {
    return (value as OrganisationNote[]).map((n) => ({ organisationId: n.organisationId, note: n.note.trim() }));
  }
  if (Array.isArray(value)) return value as string[];
  const text = field.kind === "text" ? value.trim() : value;
  if (text === "") return null;
  if (field.kind === "int") return Number(text);
  return text;
}

/** A create body: every filled-in field (empty optional fields are left out). */
export function createBody(fields: FieldSpec[], values: FormValues): EntryData {
  const body: EntryData = {};
  for (const f of fields) {
    const v = toApiValue(f, values[f.name] ?? "");
    if (v !== null && !(Array.isArray(v) && v.length === 0)) body[f.name] = v;
  }
  return body;
}

/** A change body: only the fields whose value differs from what was loaded. */
export function changeBody(fields: FieldSpec[], values: FormValues, initial: FormValues): EntryData {
  const body: EntryData = {};
  for (const f of fields) {
    const now = toApiValue(f, values[f.name] ?? "");
    const before = toApiValue(f, initial[f.name] ?? "");
    if (JSON.stringify(now) !== JSON.stringify(before)) body[f.name] = now;
  }
  return body;
}

function checkOne(f: FieldSpec, value: FormValue): string | null {
  const label = f.label.toLowerCase();
  if (Array.isArray(value)) {
    if (f.required && value.length === 0) return `Choose at least one for ${label}`;
    if (f.kind === "organisationNotes") {
      const long = (value as OrganisationNote[]).find((n) => n.note.trim().length > 500);
      if (long) return "Keep each note to 500 characters or fewer";
    }
    return null;
  }
  const text = value.trim();
  if (text === "") {
    if (!f.required) return null;
    if (f.kind === "enum" || f.kind === "organisation" || f.kind === "person" || f.kind === "entry") return `Choose ${label}`;
    return `Enter ${label}`;
  }
  if (f.kind === "text" && f.max !== undefined && text.length > f.max) return `${f.label} must be ${f.max} characters or fewer`;
  if (f.kind === "date" && !DATE.test(text)) return `Enter ${label} as a real date, like 2026-03-31`;
  if (f.kind === "int") {
    const n = Number(text);
    const min = f.min ?? Number.MIN_SAFE_INTEGER;
    const max = f.max ?? Number.MAX_SAFE_INTEGER;
    if (!/^-?\d+$/.test(text) || n < min || n > max) {
      return f.min !== undefined && f.max !== undefined ? `Enter a whole number from ${f.min} to ${f.max}` : "Enter a whole number";
    }
  }
  return null;
}

/** Problems the browser can see before asking the server; the server checks again and has the last word. */
export function checkValues(fields: FieldSpec[], values: FormValues): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const f of fields) {
    const message = checkOne(f, values[f.name] ?? "");
    if (message) problems.push({ field: f.name, message });
  }
  return problems;
}
