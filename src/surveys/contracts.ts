/** zod contracts for waves, links and responses (validation and OpenAPI from one source). */
import { z } from "@hono/zod-openapi";
import { safeString, singleLine } from "../db/safe-text.ts";
import { DaySchema } from "../registers/fields.ts";
import { RatingsSchema } from "../network/ratings.ts";

/** One rule for days everywhere: a real calendar day, in the years register dates accept. */
const IsoDate = DaySchema;

export const NetworkModeSchema = z
  .enum(["none", "organisational", "personal"])
  .openapi("NetworkMode", { description: "none: no organisation-to-organisation ratings; organisational: one nominated person answers for each organisation (attributed); personal: every respondent rates, ties released only when at least k people from the rating organisation rated." });

export const WaveStatusSchema = z.enum(["draft", "open", "closed", "published"]).openapi("WaveStatus");

export const MIN_K = 3;
export const DEFAULT_K = 5;

export const WaveSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    instrumentKey: z.string(),
    instrumentVersion: z.number().int(),
    instrumentTitle: z.string(),
    opensOn: z.string(),
    closesOn: z.string(),
    k: z.number().int(),
    networkMode: NetworkModeSchema,
    status: WaveStatusSchema,
    openedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    publishedAt: z.string().nullable(),
    invitedCount: z.number().int(),
    /** Only convenors see this, and only as a band such as "5–9". */
    responseBand: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Wave");

const WaveFields = {
  name: singleLine().trim().min(1, "Name the wave, e.g. “Baseline, spring 2026”.").max(200),
  instrumentKey: z.enum(["baseline", "accord-trust", "pulse"]),
  opensOn: IsoDate,
  closesOn: IsoDate,
  k: z.number().int().min(MIN_K, `The minimum group size can never be below ${MIN_K}.`).max(50),
  networkMode: NetworkModeSchema,
};

export const CreateWaveBody = z
  .strictObject({ ...WaveFields, k: WaveFields.k.default(DEFAULT_K), networkMode: WaveFields.networkMode.default("none") })
  .refine((w) => w.closesOn >= w.opensOn, { path: ["closesOn"], message: "The close date must be on or after the open date." })
  .openapi("CreateWaveBody");

export const UpdateWaveBody = z.strictObject(WaveFields).partial().openapi("UpdateWaveBody");

export const IssueLinksBody = z
  .strictObject({ personIds: z.array(safeString().max(64)).max(1000).optional() })
  .openapi("IssueLinksBody");

export const IssuedLinkSchema = z
  .object({ personId: z.string(), name: z.string(), email: z.string(), url: z.string(), emailed: z.boolean() })
  .openapi("IssuedLink");

export const IssuedLinksSchema = z
  .object({ links: z.array(IssuedLinkSchema), skipped: z.array(z.object({ personId: z.string(), reason: z.string() })) })
  .openapi("IssuedLinks");

const AnswerSchema = z.strictObject({
  value: z.union([z.string().max(100), z.number()]),
  text: safeString().max(2000, "Keep it under 2000 characters.").optional(),
});

export const SubmitResponseBody = z
  // Keys need no text checks of their own: any key that is not one of the instrument's items is refused by validateAnswers.
  .strictObject({ answers: z.record(z.string().max(100), AnswerSchema), ratings: RatingsSchema.optional() })
  .openapi("SubmitResponseBody");

export const RespondInfoSchema = z
  .object({
    partnershipName: z.string(),
    waveName: z.string(),
    opensOn: z.string(),
    closesOn: z.string(),
    k: z.number().int(),
    status: z.enum(["open", "not_open", "closed", "answered"]),
    instrument: z.any().openapi({ type: "object", description: "The instrument: sections of items, each with its response scale" }),
    network: z
      .object({
        mode: z.enum(["organisational", "personal"]),
        explanation: z.string(),
        organisations: z.array(z.object({ id: z.string(), name: z.string() })),
        dimensions: z.array(z.object({ key: z.string(), label: z.string(), question: z.string() })),
        scale: z.array(z.object({ value: z.number().int(), label: z.string() })),
        noTieLabel: z.string(),
      })
      .nullable()
      .openapi({ description: "Present when this respondent is asked to rate the other organisations" }),
  })
  .openapi("RespondInfo");

export const SubmittedSchema = z
  .object({ status: z.enum(["stored", "already_stored"]), answers: z.record(z.string(), z.object({ value: z.union([z.string(), z.number()]), text: z.string().optional() })) })
  .openapi("Submitted");
