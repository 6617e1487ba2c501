/** zod schemas describing results and comparisons in the OpenAPI document (the shapes compute-results.ts returns). */
import { z } from "@hono/zod-openapi";

const Band = z.enum(["strength", "discuss", "concern"]).nullable();
const Suppressed = z.object({ status: z.literal("suppressed"), reason: z.string().openapi({ description: "Why it is not shown (too_few, remainder, overlap, wave_difference, error); show people only “not shown”" }) });

export const QuestionFigureSchema = z
  .discriminatedUnion("status", [
    z.object({
      status: z.literal("released"),
      n: z.number().int(),
      options: z.array(z.object({ value: z.string(), label: z.string(), count: z.number().int(), percent: z.number().nullable() })),
      mean: z.number().nullable(),
      lower: z.number().nullable(),
      upper: z.number().nullable(),
      dontKnow: z.number().int(),
    }),
    z.object({ status: z.literal("coarse"), n: z.number().int(), note: z.string(), band: Band }),
    Suppressed,
  ])
  .openapi("QuestionFigure");

export const ScoreFigureSchema = z
  .discriminatedUnion("status", [
    z.object({ status: z.literal("released"), n: z.number().int(), mean: z.number(), lower: z.number().nullable(), upper: z.number().nullable(), band: Band }),
    z.object({ status: z.literal("coarse"), n: z.number().int(), band: Band }),
    Suppressed,
  ])
  .openapi("ScoreFigure");

const Level = z.enum(["interpersonal", "interorganisational", "system", "all"]);
const Dimension = z.enum(["competence", "benevolence", "integrity", "all"]);

export const WaveResultsSchema = z
  .object({
    wave: z.object({ id: z.string(), name: z.string(), k: z.number().int(), publishedAt: z.string().nullable() }),
    respondents: z.union([z.object({ status: z.literal("released"), n: z.number().int() }), Suppressed]),
    groups: z.array(z.object({ key: z.string(), label: z.string(), status: z.enum(["released", "suppressed"]), reason: z.string().optional(), n: z.number().int().optional() })),
    questions: z.array(z.object({ itemKey: z.string(), text: z.string(), sectionTitle: z.string(), kind: z.enum(["choice", "agreement5"]), figures: z.record(z.string(), QuestionFigureSchema) })),
    scores: z.array(z.object({ level: Level, dimension: Dimension, figures: z.record(z.string(), ScoreFigureSchema) })),
    freeText: z.array(z.object({ itemKey: z.string(), text: z.string(), figure: z.union([z.object({ status: z.literal("released"), texts: z.array(z.string()) }), Suppressed]) })),
  })
  .openapi("WaveResults");

export const ComparisonSchema = z
  .object({
    from: z.object({ id: z.string(), name: z.string() }),
    to: z.object({ id: z.string(), name: z.string() }),
    scores: z.array(
      z.object({
        level: Level,
        dimension: Dimension,
        from: ScoreFigureSchema.nullable(),
        to: ScoreFigureSchema,
        change: z.union([z.object({ status: z.literal("released"), difference: z.number(), lower: z.number().nullable(), upper: z.number().nullable() }), Suppressed]),
      }),
    ),
    baseline: z.object({ from: QuestionFigureSchema.nullable(), to: QuestionFigureSchema.nullable() }),
  })
  .openapi("WaveComparison");
