/** Test helper: a valid body for any register, built from its definition (required fields and the owner field). */
import { REGISTERS } from "../registers/definitions/index.ts";
import type { FieldSpec } from "../registers/fields.ts";
import type { RegisterKey } from "../registers/keys.ts";

/** A plain valid value for a field (organisation fields name the given organisation; text starts with `prefix`). */
function sampleValue(key: RegisterKey, f: FieldSpec, organisationId: string, title: string, prefix: string): unknown {
  if (f.name === REGISTERS[key].titleField) return title;
  switch (f.kind) {
    case "text":
      return `${prefix} ${f.label}`.slice(0, f.max);
    case "date":
      return "2026-06-30";
    case "enum":
      return f.default ?? f.values[0];
    case "int":
      return f.default ?? f.min;
    case "organisation":
      return organisationId;
    case "organisations":
      return [organisationId];
    default:
      throw new Error(`No sample value for the required ${f.kind} field ${key}.${f.name}; add one to sampleValue().`);
  }
}

/** The register's required fields and its owner field, filled with valid values for the given organisation. */
export function sampleRegisterBody(key: RegisterKey, organisationId: string, title: string, prefix: string): Record<string, unknown> {
  const def = REGISTERS[key];
  const body: Record<string, unknown> = {};
  for (const f of def.fields) if (f.required || f.name === def.ownerField) body[f.name] = sampleValue(key, f, organisationId, title, prefix);
  return body;
}
