/** zod contracts for register entries, lists, history and the derived views (validation and OpenAPI from one source). */
import { z } from "@hono/zod-openapi";
import { safeString } from "../db/safe-text.ts";
import { IdParam } from "../partnerships/contracts.ts";
import { REGISTERS } from "./definitions/index.ts";
import { DaySchema, FieldSpecSchema, valueSchema } from "./fields.ts";
import { REGISTER_KEYS, type RegisterKey } from "./keys.ts";
import { SORTS } from "./list-entries.ts";
import { pascal } from "./schemas.ts";

const Who = z.object({ userId: z.string(), name: z.string() });
const SignUpSchema = z.object({ organisationId: z.string(), signedOn: z.string(), signedByUserId: z.string() }).openapi("SignUp");
const ACTIONS = ["created", "updated", "removed", "restored", "signed_up", "taken_up", "imported"] as const;

function dataSchema(key: RegisterKey) {
  const shape: Record<string, z.ZodType> = {};
  for (const f of REGISTERS[key].fields) shape[f.name] = valueSchema(f).nullable();
  return z.object(shape);
}

export const ENTRY_SCHEMAS = Object.fromEntries(
  REGISTER_KEYS.map((k) => [
    k,
    z
      .object({
        id: z.string(),
        register: z.literal(k),
        title: z.string(),
        status: z.string().nullable(),
        organisationId: z.string().nullable().openapi({ description: "The organisation whose members may edit it; null for convenors only." }),
        data: dataSchema(k),
        signUps: z.array(SignUpSchema).optional(),
        due: z.object({ on: z.string(), done: z.boolean() }).nullable(),
        version: z.number().int().openapi({ description: 'Goes up by one with every change. The entry\'s ETag is this number in double quotes ("3"): send it as If-Match to change, remove or restore the entry.' }),
        createdAt: z.string(),
        createdBy: Who,
        updatedAt: z.string(),
        updatedBy: Who,
        deletedAt: z.string().nullable(),
        canEdit: z.boolean(),
      })
      .openapi(`${pascal(k)}Entry`),
  ]),
) as unknown as Record<RegisterKey, z.ZodObject>;

export const ListEntriesQuery = z.object({
  status: safeString().max(40).optional().openapi({ param: { name: "status", in: "query" } }),
  organisationId: safeString().max(64).optional().openapi({ param: { name: "organisationId", in: "query" }, description: "Entries that mention this organisation anywhere." }),
  q: safeString().max(200).optional().openapi({ param: { name: "q", in: "query" }, description: "Text in the title." }),
  deleted: z.enum(["exclude", "include", "only"]).optional().openapi({ param: { name: "deleted", in: "query" } }),
  sort: z.enum(SORTS).optional().openapi({ param: { name: "sort", in: "query" } }),
  order: z.enum(["asc", "desc"]).optional().openapi({ param: { name: "order", in: "query" } }),
  limit: z.coerce.number().int().min(1).max(200).optional().openapi({ param: { name: "limit", in: "query" } }),
  cursor: safeString().max(500).optional().openapi({ param: { name: "cursor", in: "query" } }),
});

export const RegisterParams = z.object({ partnershipId: IdParam("partnershipId") });
export const EntryParams = RegisterParams.extend({ entryId: IdParam("entryId") });

export const OrganisationActionBody = z.strictObject({ organisationId: safeString().trim().min(1, "Choose an organisation.").max(64) }).openapi("OrganisationActionBody");

export const VersionSchema = z
  .object({ version: z.number().int(), action: z.enum(ACTIONS), summary: z.string(), title: z.string(), data: z.record(z.string(), z.unknown()), signUps: z.array(SignUpSchema).optional(), changedAt: z.string(), changedBy: Who })
  .openapi("EntryVersion");
export const HistorySchema = z.object({ items: z.array(VersionSchema) }).openapi("EntryHistory");

export const ImportResultSchema = z.object({ imported: z.number().int() }).openapi("ImportResult");

export const RegisterMetaSchema = z
  .object({ key: z.enum(REGISTER_KEYS), label: z.string(), singular: z.string(), stage: z.enum(["agree", "practise", "institutionalise"]), purpose: z.string(), titleField: z.string(), ownerField: z.string().nullable(), statusField: z.string().nullable(), fields: z.array(FieldSpecSchema) })
  .openapi("RegisterMeta");
export const RegisterCatalogueSchema = z.object({ items: z.array(RegisterMetaSchema) }).openapi("RegisterCatalogue");

export const TimelineQuery = z.object({
  register: z.enum(REGISTER_KEYS).optional().openapi({ param: { name: "register", in: "query" } }),
  organisationId: safeString().max(64).optional().openapi({ param: { name: "organisationId", in: "query" } }),
  limit: z.coerce.number().int().min(1).max(200).optional().openapi({ param: { name: "limit", in: "query" } }),
  cursor: safeString().max(500).optional().openapi({ param: { name: "cursor", in: "query" } }),
});
export const TimelinePageSchema = z
  .object({ items: z.array(z.object({ id: z.string(), entryId: z.string(), register: z.enum(REGISTER_KEYS), version: z.number().int(), action: z.enum(ACTIONS), title: z.string(), summary: z.string(), changedAt: z.string(), changedBy: Who })), nextCursor: z.string().nullable() })
  .openapi("TimelinePage");

export const AsOfQuery = z.object({ asOf: DaySchema.optional().openapi({ param: { name: "asOf", in: "query" }, description: "The day to judge by; today if omitted." }) });
export const AttentionQuery = AsOfQuery.extend({ soonDays: z.coerce.number().int().min(0).max(365).optional().openapi({ param: { name: "soonDays", in: "query" } }) });

export const KeptOnTimeSchema = z
  .object({
    asOf: z.string(),
    items: z.array(z.object({ organisationId: z.string(), organisationName: z.string(), total: z.number().int(), due: z.number().int(), keptOnTime: z.number().int(), keptLate: z.number().int(), broken: z.number().int(), renegotiated: z.number().int(), withdrawn: z.number().int(), open: z.number().int(), rate: z.number().nullable() })),
  })
  .openapi("KeptOnTime");
export const ReciprocitySchema = z
  .object({
    pairs: z.array(z.object({ a: z.string(), aName: z.string(), b: z.string(), bName: z.string(), aGaveToB: z.number().int(), bGaveToA: z.number().int(), balance: z.number().int() })),
    organisations: z.array(z.object({ organisationId: z.string(), organisationName: z.string(), gave: z.number().int(), received: z.number().int() })),
  })
  .openapi("Reciprocity");
export const FreshnessSchema = z
  .object({ asOf: z.string(), items: z.array(z.object({ organisationId: z.string(), organisationName: z.string(), latestStatedOn: z.string().nullable(), ageDays: z.number().int().nullable(), band: z.enum(["current", "ageing", "stale", "none"]), entryId: z.string().nullable() })) })
  .openapi("IntentionsFreshness");
export const GoalProgressSchema = z
  .object({ items: z.array(z.object({ goalId: z.string(), title: z.string(), target: z.number(), wins: z.number().int(), weightedWins: z.number(), progress: z.number(), winList: z.array(z.object({ id: z.string(), title: z.string(), achievedOn: z.string() })) })) })
  .openapi("GoalProgress");
const AttentionRow = z.object({ kind: z.enum(["action", "commitment", "decision_review", "procedure_review"]), register: z.enum(REGISTER_KEYS), entryId: z.string(), title: z.string(), dueOn: z.string(), days: z.number().int(), organisationId: z.string().nullable() });
export const AttentionSchema = z.object({ asOf: z.string(), overdue: z.array(AttentionRow), dueSoon: z.array(AttentionRow) }).openapi("Attention");
