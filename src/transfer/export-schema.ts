/** The partnership export document (format "accord-partnership-export", version 1) as zod schemas: one row schema per table, columns in order, each field held to the API's rules. */
import { z } from "zod";
import { NO_DUE } from "../registers/store.ts";
import { checkRegisterData, day, email, eventLabel, eventNote, id, instrumentKey, json, jobTitle, k, organisationName, partnershipName, personName, purpose, text, time, waveName } from "./export-fields.ts";
import { PRESSURE_KINDS } from "../health/tables.ts";
import { SECTORS } from "../partnerships/sectors.ts";
import { REGISTER_KEYS } from "../registers/keys.ts";
import { ComparisonSchema, WaveResultsSchema } from "../surveys/results/contracts.ts";

export const EXPORT_FORMAT = "accord-partnership-export";
export const EXPORT_VERSION = 1;


/** Rows as stored, snake_case column names as in the database, in this column order (the CSVs use the same columns). */
export const ROWS = {
  partnership: z.strictObject({ id, name: partnershipName, purpose, created_by: id, created_at: time, updated_at: time, deleted_at: time.nullable() }),
  users: z.strictObject({ id, email, name: personName, disabled_at: time.nullable(), created_at: time, updated_at: time }),
  organisations: z.strictObject({ id, partnership_id: id, name: organisationName, sector: z.enum(SECTORS), created_by: id, created_at: time, updated_at: time, deleted_at: time.nullable() }),
  people: z.strictObject({
    id,
    partnership_id: id,
    /** The person's account once they joined; null for someone added and not (yet) joined. */
    user_id: id.nullable(),
    organisation_id: id.nullable(),
    role: z.enum(["convenor", "member", "viewer"]),
    job_title: jobTitle,
    created_by: id,
    created_at: time,
    updated_at: time,
    deleted_at: time.nullable(),
    /** As the convenor typed them; files written before people kept their own name and email lack them (the account's are used). */
    name: personName.optional(),
    email: email.optional(),
    joined_at: time.nullable().optional(),
  }),
  waves: z.strictObject({
    id,
    partnership_id: id,
    name: waveName,
    instrument_key: instrumentKey,
    instrument_version: z.number().int().min(1),
    opens_on: day,
    closes_on: day,
    k,
    status: z.enum(["draft", "open", "closed", "published"]),
    network_mode: z.enum(["none", "organisational", "personal"]),
    opened_at: time.nullable(),
    closed_at: time.nullable(),
    published_at: time.nullable(),
    published_by: id.nullable(),
    created_by: id,
    created_at: time,
    updated_at: time,
    deleted_at: time.nullable(),
  }),
  wave_nominees: z.strictObject({ wave_id: id, organisation_id: id, person_id: id }),
  register_entries: z.strictObject({
    id,
    partnership_id: id,
    register: z.enum(REGISTER_KEYS),
    organisation_id: id.nullable(),
    organisation_ids: text,
    title: text,
    status: text.nullable(),
    due_key: z.union([day, z.literal(NO_DUE)]),
    data: json,
    version: z.number().int().min(1),
    created_by: id,
    created_at: time,
    updated_by: id,
    updated_at: time,
    deleted_at: time.nullable(),
    deleted_by: id.nullable(),
  }).superRefine(checkRegisterData),
  register_versions: z.strictObject({
    id,
    entry_id: id,
    partnership_id: id,
    register: z.enum(REGISTER_KEYS),
    organisation_ids: text,
    version: z.number().int().min(1),
    action: z.enum(["created", "updated", "removed", "restored", "signed_up", "taken_up", "imported"]),
    title: text,
    summary: text,
    data: json,
    changed_by: id,
    changed_at: time,
  }).superRefine(checkRegisterData),
  pressure_events: z.strictObject({
    id,
    partnership_id: id,
    label: eventLabel,
    kind: z.enum(PRESSURE_KINDS),
    starts_on: day,
    ends_on: day,
    note: eventNote,
    created_by: id,
    created_at: time,
    updated_at: time,
    deleted_at: time.nullable(),
  }),
  audit_log: z.strictObject({ id, partnership_id: id, actor_user_id: id.nullable(), action: text, entity_type: text, entity_id: text, summary: text, detail: json, at: time }),
};

export type TableName = Exclude<keyof typeof ROWS, "partnership">;
export type Row<T extends keyof typeof ROWS> = z.infer<(typeof ROWS)[T]>;

/** The column names of a table, in export order. */
export function columnsOf(table: keyof typeof ROWS): string[] {
  return Object.keys(ROWS[table].shape);
}

const Tie = z.object({
  from: id,
  to: id,
  status: z.enum(["released", "suppressed", "no_tie"]),
  n: z.number().int().nullable(),
  mean: z.number().nullable(),
  dimensions: z.object({ competence: z.number().nullable(), benevolence: z.number().nullable(), integrity: z.number().nullable() }),
  reason: z.string().optional(),
});
export const NetworkDataSchema = z.object({
  wave: z.object({ id, name: waveName, mode: z.enum(["organisational", "personal"]), k: z.number().int(), publishedAt: time.nullable(), openedAt: time.nullable() }),
  organisations: z.array(z.object({ id, name: organisationName, sector: z.enum(SECTORS) })),
  ties: z.array(Tie),
});

const KIND = /^(results:(none|organisation|sector)|network|compare:.{1,200})$/;

/** A published figure as released; `data` is checked against the shape its kind has, and kept exactly as given. */
export const PublishedSchema = z
  .strictObject({ wave_id: id, kind: z.string().regex(KIND, "Use results:none|organisation|sector, network or compare:<waveId>."), data: z.unknown() })
  .superRefine((p, ctx) => {
    const schema = p.kind.startsWith("results:") ? WaveResultsSchema : p.kind.startsWith("compare:") ? ComparisonSchema : p.kind === "network" ? NetworkDataSchema : undefined;
    const r = schema?.safeParse(p.data);
    if (r && !r.success) for (const issue of r.error.issues.slice(0, 5)) ctx.addIssue({ code: "custom", path: ["data", ...issue.path.map((k) => (typeof k === "symbol" ? String(k) : k))], message: issue.message });
  });

export const ExportDocumentSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  notes: z.array(text),
  partnership: ROWS.partnership,
  users: z.array(ROWS.users),
  organisations: z.array(ROWS.organisations),
  people: z.array(ROWS.people),
  waves: z.array(ROWS.waves),
  wave_nominees: z.array(ROWS.wave_nominees),
  published: z.array(PublishedSchema),
  register_entries: z.array(ROWS.register_entries),
  register_versions: z.array(ROWS.register_versions),
  pressure_events: z.array(ROWS.pressure_events),
  audit_log: z.array(ROWS.audit_log),
});

export type ExportDocument = z.infer<typeof ExportDocumentSchema>;
export type Published = z.infer<typeof PublishedSchema>;
