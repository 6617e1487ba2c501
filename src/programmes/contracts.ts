/** zod contracts for programmes: leads, join codes, deletion, sharing partnerships, the roll-up and a partnership's position. */
import { z } from "@hono/zod-openapi";
import { EmailSchema } from "../accounts/contracts.ts";
import { safeString, singleLine } from "../db/safe-text.ts";
import { QuestionFigureSchema, ScoreFigureSchema } from "../surveys/results/contracts.ts";

const Suppressed = z.object({ status: z.literal("suppressed"), reason: z.string().openapi({ description: "Why it is not shown; show people only “not shown”" }) });

export const ProgrammeSchema = z
  .object({ id: z.string(), name: z.string(), description: z.string(), createdAt: z.string() })
  .openapi("Programme");
export type ProgrammeView = z.infer<typeof ProgrammeSchema>;

export const CreateProgrammeBody = z
  .strictObject({
    name: singleLine().trim().min(1, "Enter the programme's name.").max(200, "Use at most 200 characters."),
    description: safeString().trim().max(2000, "Use at most 2000 characters.").optional(),
  })
  .openapi("CreateProgrammeBody");

/** The join code is shown once, here and when a new one is made; only its hash is kept. */
export const CreatedProgrammeSchema = z.object({ programme: ProgrammeSchema, joinCode: z.string() }).openapi("CreatedProgramme");
export const JoinCodeSchema = z.object({ joinCode: z.string() }).openapi("ProgrammeJoinCode");

export const AddLeadBody = z.strictObject({ email: EmailSchema }).openapi("AddProgrammeLeadBody");
/** Deleting a programme must be confirmed by typing its name, so a stray click or request cannot do it. */
export const DeleteProgrammeBody = z
  .strictObject({
    confirm: safeString()
      .trim()
      .min(1, "Type the programme's name to confirm.")
      .max(200, "That is not the programme's name.")
      .openapi({ description: "The programme's name, exactly as shown" }),
  })
  .openapi("DeleteProgrammeBody");
export const ShareBody = z
  .strictObject({ joinCode: safeString().trim().min(1, "Enter the programme's join code.").max(100, "That is not a join code.") })
  .openapi("ShareWithProgrammeBody");

export const ProgrammeLeadSchema = z.object({ userId: z.string(), name: z.string(), email: z.string(), addedAt: z.string() }).openapi("ProgrammeLead");
export const SharingPartnershipSchema = z.object({ id: z.string(), name: z.string(), sharedSince: z.string() }).openapi("SharingPartnership");

export const LeadInvitationSchema = z
  .object({ id: z.string(), email: z.string().openapi({ description: "As the inviting lead typed it." }), expiresAt: z.string(), emailed: z.boolean() })
  .openapi("ProgrammeLeadInvitation");
export const LeadInvitationCreatedSchema = LeadInvitationSchema.extend({
  url: z.string().nullable().openapi({ description: "The link to pass on yourself when accord sends no email; null when it was emailed." }),
}).openapi("ProgrammeLeadInvitationCreated");

export const ProgrammeDetailSchema = z
  .object({ programme: ProgrammeSchema, leads: z.array(ProgrammeLeadSchema), invitations: z.array(LeadInvitationSchema), partnerships: z.array(SharingPartnershipSchema) })
  .openapi("ProgrammeDetail");

export const ProgrammeListSchema = z.object({ items: z.array(ProgrammeSchema.extend({ partnershipCount: z.number().int() })) }).openapi("ProgrammeList");

export const SORT_KEYS = ["name", "headline", "change", "respondents", "responseRate", "keptOnTime", "sharedSince"] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export const RollupQuery = z.object({
  sort: z.enum(SORT_KEYS).default("name").openapi({ param: { name: "sort", in: "query" }, description: "Column to sort by; rows with no figure (suppressed or none) always come last" }),
  order: z.enum(["asc", "desc"]).default("asc").openapi({ param: { name: "order", in: "query" } }),
});

const WaveRef = z.object({ id: z.string(), name: z.string(), k: z.number().int(), publishedAt: z.string() });

/** Change of the all × all score since the partnership's first published wave, as that partnership released it. */
export const ChangeFigureSchema = z
  .union([z.object({ status: z.literal("released"), difference: z.number(), lower: z.number().nullable(), upper: z.number().nullable(), since: z.object({ id: z.string(), name: z.string() }) }), Suppressed])
  .openapi("ProgrammeChangeFigure");

export const ResponseRateSchema = z
  .union([z.object({ status: z.literal("released"), invited: z.number().int(), respondents: z.number().int(), rate: z.number().nullable() }), Suppressed])
  .openapi("ProgrammeResponseRate");

/** Behavioural evidence over the last year, from the registers (attributed records, not anonymous answers); null when the registers are empty. */
export const BehaviourSummarySchema = z
  .object({
    period: z.object({ from: z.string(), to: z.string() }),
    commitments: z.object({ due: z.number().int(), kept: z.number().int(), rate: z.number().nullable() }),
    offersAsksDelivered: z.number().int(),
    risksShared: z.number().int(),
    opportunitiesJoined: z.number().int(),
    institutionalised: z.object({ inForce: z.number().int(), inDate: z.number().int(), share: z.number().nullable() }),
  })
  .openapi("ProgrammeBehaviourSummary");

export const RollupRowSchema = z
  .object({
    partnershipId: z.string(),
    name: z.string(),
    sharedSince: z.string(),
    wavesPublished: z.number().int(),
    /** The latest published wave with an overall score; null when nothing is published yet. */
    latestWave: WaveRef.nullable(),
    /** The all × all score exactly as the partnership's results page shows it (released, coarse or suppressed). */
    headline: ScoreFigureSchema.nullable(),
    change: ChangeFigureSchema.nullable(),
    /** The baseline question's distribution in the latest wave that asked it, as released. */
    baseline: z.object({ wave: WaveRef, figure: QuestionFigureSchema }).nullable(),
    responseRate: ResponseRateSchema.nullable(),
    behaviour: BehaviourSummarySchema.nullable(),
  })
  .openapi("ProgrammeRollupRow");
export type RollupRowView = z.infer<typeof RollupRowSchema>;

/** The distribution of released headline means across the programme (for a chart); needs at least 3 partnerships. */
export const HeadlineDistributionSchema = z
  .union([
    z.object({
      status: z.literal("released"),
      partnerships: z.number().int(),
      quantiles: z.object({ min: z.number(), q1: z.number(), median: z.number(), q3: z.number(), max: z.number() }),
      /** Bins of half a point over 1–5: [from, to), the last one closed. */
      histogram: z.array(z.object({ from: z.number(), to: z.number(), count: z.number().int() })),
    }),
    Suppressed,
  ])
  .openapi("ProgrammeHeadlineDistribution");

/** The baseline question pooled over partnerships that released it: at least 3 partnerships and at least the largest k among them. */
export const PooledBaselineSchema = z
  .union([
    z.object({
      status: z.literal("released"),
      partnerships: z.number().int(),
      n: z.number().int(),
      options: z.array(z.object({ value: z.string(), label: z.string(), count: z.number().int(), percent: z.number().nullable() })),
    }),
    Suppressed,
  ])
  .openapi("ProgrammePooledBaseline");

export const RollupSchema = z
  .object({
    programme: ProgrammeSchema,
    sort: z.enum(SORT_KEYS),
    order: z.enum(["asc", "desc"]),
    rows: z.array(RollupRowSchema),
    distribution: HeadlineDistributionSchema,
    pooledBaseline: PooledBaselineSchema,
    /** Differentially private pooled counts are not offered yet. */
    note: z.string(),
  })
  .openapi("ProgrammeRollup");

/** A partnership's percentile among the programme's released headline means (mid-rank, 0–100); needs at least 3 partnerships. */
export const PercentileSchema = z
  .union([z.object({ status: z.literal("released"), value: z.number(), partnerships: z.number().int(), mean: z.number() }), Suppressed])
  .openapi("ProgrammePercentile");

export const PartnershipProgrammesSchema = z
  .object({
    items: z.array(z.object({ programme: ProgrammeSchema, sharedSince: z.string(), percentile: PercentileSchema })),
  })
  .openapi("PartnershipProgrammes");

export const SharedSchema = z
  .object({ programme: ProgrammeSchema, sharedSince: z.string(), shares: z.array(z.string()).openapi({ description: "What the programme's leads see, in plain words" }) })
  .openapi("SharedWithProgramme");
