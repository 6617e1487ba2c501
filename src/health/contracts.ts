/** zod contracts for partnership health: the health page's figures, an organisation's view, and pressure events. */
import { z } from "@hono/zod-openapi";
import { safeString, singleLine } from "../db/safe-text.ts";
import { DaySchema } from "../registers/fields.ts";
import { ComparisonSchema, QuestionFigureSchema, ScoreFigureSchema } from "../surveys/results/contracts.ts";
import { PRESSURE_KINDS } from "./tables.ts";

export const Day = DaySchema;

export const PeriodQuery = z
  .object({
    from: Day.optional().openapi({ param: { name: "from", in: "query" }, description: "First day of the period (default: a year before `to`)" }),
    to: Day.optional().openapi({ param: { name: "to", in: "query" }, description: "Last day of the period (default: today)" }),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "The period must end on or after the day it starts.", path: ["to"] });

const Name = { organisationName: z.string() };
const Rate = z.object({ kept: z.number().int(), due: z.number().int(), raw: z.number().nullable(), adjusted: z.number(), lower: z.number(), upper: z.number(), level: z.number(), prior: z.object({ alpha: z.number(), beta: z.number() }) });
const Pressure = z.object({ id: z.string(), label: z.string(), from: z.string(), to: z.string() });
const Window = z.object({ from: z.string(), to: z.string(), count: z.number().int() });

export const PressureEventSchema = z
  .object({ id: z.string(), label: z.string(), kind: z.enum(PRESSURE_KINDS), startsOn: z.string(), endsOn: z.string(), note: z.string().nullable(), createdAt: z.string() })
  .openapi("PressureEvent");

export const CreatePressureEventBody = z
  .strictObject({
    label: singleLine().trim().min(1, "Give the event a short name.").max(200, "Use at most 200 characters."),
    kind: z.enum(PRESSURE_KINDS).default("other"),
    startsOn: Day,
    endsOn: Day,
    note: safeString().max(2000, "Use at most 2000 characters.").nullable().optional(),
  })
  .refine((b) => b.endsOn >= b.startsOn, { message: "The event must end on or after the day it starts.", path: ["endsOn"] })
  .openapi("CreatePressureEvent");

export const UpdatePressureEventBody = z
  .strictObject({
    label: singleLine().trim().min(1, "Give the event a short name.").max(200, "Use at most 200 characters.").optional(),
    kind: z.enum(PRESSURE_KINDS).optional(),
    startsOn: Day.optional(),
    endsOn: Day.optional(),
    note: safeString().max(2000, "Use at most 2000 characters.").nullable().optional(),
  })
  .openapi("UpdatePressureEvent");

const ScoreRow = z.object({ level: z.string(), dimension: z.string(), figure: ScoreFigureSchema });

const WarningSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("activity_drop"),
    organisationId: z.string(),
    ...Name,
    activity: z.object({ current: Window.extend({ byKind: z.record(z.string(), z.number().int()) }), previous: z.array(Window), baseline: z.number(), ratio: z.number().nullable() }),
    pressure: z.array(Pressure),
    evidence: z.string(),
  }),
  z.object({
    kind: z.literal("trust_drop"),
    organisationId: z.string(),
    ...Name,
    previous: z.object({ waveId: z.string(), on: z.string(), score: z.number() }),
    latest: z.object({ waveId: z.string(), on: z.string(), score: z.number() }),
    drop: z.number(),
    pressure: z.array(Pressure),
    evidence: z.string(),
  }),
]);

export const HealthSchema = z
  .object({
    partnership: z.object({ id: z.string(), name: z.string() }),
    asOf: z.string(),
    period: z.object({ from: z.string(), to: z.string() }),
    organisations: z.array(z.object({ id: z.string(), name: z.string(), sector: z.string() })),
    perceived: z.object({
      latestWave: z.object({ id: z.string(), name: z.string(), k: z.number().int(), publishedAt: z.string().nullable() }).nullable(),
      baselineWave: z.object({ id: z.string(), name: z.string(), k: z.number().int(), publishedAt: z.string().nullable() }).nullable(),
      /** Level × dimension for the whole partnership in the latest published wave: released figures only. */
      scores: z.array(ScoreRow),
      /** Change from the first published wave (the baseline) to the latest; null with a single wave. */
      sinceBaseline: ComparisonSchema.nullable(),
      /** Every published wave, oldest first: the overall score and the baseline question's distribution. */
      trend: z.array(z.object({ waveId: z.string(), name: z.string(), publishedAt: z.string().nullable(), overall: ScoreFigureSchema.nullable(), baseline: QuestionFigureSchema.nullable() })),
      /** Trust received in the network (released ties only), per published network wave, oldest first. */
      network: z.array(
        z.object({
          waveId: z.string(),
          name: z.string(),
          publishedAt: z.string().nullable(),
          organisations: z.array(z.object({ organisationId: z.string(), ...Name, received: z.number().nullable(), competenceIntegrity: z.number().nullable(), inDegree: z.number().int() })),
        }),
      ),
    }),
    behaviour: z.object({
      organisations: z.array(
        z.object({
          organisationId: z.string(),
          ...Name,
          commitments: Rate,
          actions: Rate,
          reciprocity: z.object({ gave: z.number().int(), received: z.number().int(), balance: z.number().int() }),
          openness: z.object({ risksShared: z.number().int(), intentionsBand: z.enum(["current", "ageing", "stale", "none"]), intentionsCurrent: z.boolean() }),
          opportunitiesJoined: z.number().int(),
        }),
      ),
      pairs: z.array(z.object({ a: z.string(), b: z.string(), aName: z.string(), bName: z.string(), aGaveToB: z.number().int(), bGaveToA: z.number().int(), balance: z.number().int() })),
    }),
    quadrant: z.object({
      perceivedThreshold: z.number(),
      behaviourThreshold: z.number(),
      rule: z.string(),
      waveId: z.string().nullable(),
      rows: z.array(z.object({ organisationId: z.string(), ...Name, perceived: z.number().nullable(), behaviour: z.number().nullable(), quadrant: z.enum(["both_high", "perception_to_revisit", "warning", "both_low", "not_enough_data"]), label: z.string() })),
    }),
    institutions: z.object({
      asOf: z.string(),
      decisions: z.object({ inForce: z.number().int(), inDate: z.number().int(), overdue: z.number().int(), noReviewDate: z.number().int(), share: z.number().nullable() }),
      procedures: z.object({ inForce: z.number().int(), inDate: z.number().int(), overdue: z.number().int(), noReviewDate: z.number().int(), share: z.number().nullable() }),
      overall: z.object({ inForce: z.number().int(), inDate: z.number().int(), overdue: z.number().int(), noReviewDate: z.number().int(), share: z.number().nullable() }),
      overdue: z.array(z.object({ register: z.enum(["decisions", "procedures"]), entryId: z.string(), title: z.string(), reviewOn: z.string().nullable() })),
      keyPerson: z.object({
        threshold: z.number(),
        minJoint: z.number().int(),
        pairs: z.array(
          z.object({
            a: z.string(),
            b: z.string(),
            aName: z.string(),
            bName: z.string(),
            joint: z.number().int(),
            share: z.number().nullable(),
            carriedBy: z.object({ organisationId: z.string(), personId: z.string(), personName: z.string(), ...Name }).nullable(),
            flagged: z.boolean(),
          }),
        ),
      }),
    }),
    warnings: z.array(WarningSchema),
    /** Outward activity per organisation in rolling windows (current first in `current`, then earlier ones), for the chart. */
    activity: z.array(z.object({ organisationId: z.string(), ...Name, current: Window, previous: z.array(Window), baseline: z.number(), ratio: z.number().nullable() })),
    pressureEvents: z.array(PressureEventSchema),
    nextSteps: z.array(z.object({ practice: z.string(), text: z.string(), register: z.string(), organisationIds: z.array(z.string()), severity: z.number() })),
    /** How each indicator is computed, in plain language, keyed by section. */
    explanations: z.record(z.string(), z.string()),
  })
  .openapi("PartnershipHealth");

export type Health = z.infer<typeof HealthSchema>;
