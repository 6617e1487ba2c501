/** The API's field rules as an import applies them: the same zod pieces as the contracts (names, purposes, days, register fields), so a file cannot restore what the API would refuse. */
import { z } from "zod";
import { EmailSchema, NameSchema } from "../accounts/contracts.ts";
import { singleLine, safeString } from "../db/safe-text.ts";
import { CreatePressureEventBody } from "../health/contracts.ts";
import { CreateOrganisationBody, CreatePartnershipBody, CreatePersonBody } from "../partnerships/contracts.ts";
import { REGISTERS } from "../registers/definitions/index.ts";
import { DaySchema, valueSchema, type FieldSpec } from "../registers/fields.ts";
import type { RegisterKey } from "../registers/keys.ts";
import { CreateWaveBody } from "../surveys/contracts.ts";

/** Text no API field limits further (audit summaries, notes of the file): safe, and bounded. */
export const text = safeString().max(100_000);
/** Ids and other machine values: one line, no controls. */
export const id = singleLine().min(1).max(200);
/** A moment as accord stores it (toISOString), in the years its days may have. */
export const time = singleLine()
  .max(64)
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/, "Use a time like 2026-03-31T09:30:00.000Z.")
  .refine((s) => !Number.isNaN(Date.parse(s)) && DaySchema.safeParse(s.slice(0, 10)).success, "Use a real moment, in a year between 1900 and 2199.");
export const day = DaySchema;
export const json = z.record(z.string(), z.unknown());

export const partnershipName = CreatePartnershipBody.shape.name;
export const purpose = CreatePartnershipBody.shape.purpose;
export const personName = NameSchema;
export const email = EmailSchema;
export const organisationName = CreateOrganisationBody.shape.name;
export const jobTitle = CreatePersonBody.shape.jobTitle.unwrap();
export const waveName = CreateWaveBody.shape.name;
export const instrumentKey = CreateWaveBody.shape.instrumentKey;
export const k = CreateWaveBody.shape.k.unwrap();
export const eventLabel = CreatePressureEventBody.shape.label;
export const eventNote = CreatePressureEventBody.shape.note.unwrap();

/**
 * Checks a register entry's title and stored fields (`data.fields`) against its register's field rules, adding an
 * issue at the field for each value the API would refuse. The data is only checked, never rewritten, so a later
 * export writes it out as given.
 */
export function checkRegisterData(row: { register: RegisterKey; title: string; data: Record<string, unknown> }, ctx: z.RefinementCtx): void {
  const def = REGISTERS[row.register];
  const title = def.fields.find((f) => f.name === def.titleField);
  if (title) for (const issue of valueSchema(title).safeParse(row.title).error?.issues ?? []) ctx.addIssue({ code: "custom", path: ["title"], message: issue.message });
  const fields = row.data["fields"];
  if (fields === null || typeof fields !== "object" || Array.isArray(fields)) {
    ctx.addIssue({ code: "custom", path: ["data", "fields"], message: "Expected the entry's fields as an object." });
    return;
  }
  for (const f of def.fields as FieldSpec[]) {
    const value = (fields as Record<string, unknown>)[f.name];
    if (value === null || value === undefined) continue;
    for (const issue of valueSchema(f).safeParse(value).error?.issues ?? []) {
      ctx.addIssue({ code: "custom", path: ["data", "fields", f.name, ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))], message: issue.message });
    }
  }
}
