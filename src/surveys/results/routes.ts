/** HTTP routes for a published wave's results (JSON and CSV) and for comparing two waves. */
import { createRoute, z } from "@hono/zod-openapi";
import { requireActor } from "../../http/middleware.ts";
import { commonErrors, cookieAuth, json, router } from "../../http/openapi.ts";
import { IdParam } from "../../partnerships/contracts.ts";
import { ComparisonSchema, WaveResultsSchema } from "./contracts.ts";
import { compareWaves, getWaveResults } from "./get-results.ts";
import { resultsToCsv } from "./results-csv.ts";

const WaveParams = z.object({ partnershipId: IdParam("partnershipId"), waveId: IdParam("waveId") });
const CompareParams = WaveParams.extend({ otherWaveId: IdParam("otherWaveId") });
const BreakdownQuery = z.object({
  breakdown: z.enum(["none", "organisation", "sector"]).default("none").openapi({ param: { name: "breakdown", in: "query" } }),
});
const security = cookieAuth;
const tags = ["Survey results"];

export const resultsRoutes = router();

resultsRoutes.openapi(
  createRoute({ method: "get", path: "/partnerships/{partnershipId}/waves/{waveId}/results", tags, security, summary: "Released results of a published wave: every figure covers at least k people; suppressed figures say so", request: { params: WaveParams, query: BreakdownQuery }, responses: { 200: json(WaveResultsSchema, "Results"), 409: commonErrors[422], ...commonErrors } }),
  async (c) => {
    const p = c.req.valid("param");
    return c.json(await getWaveResults(c.get("deps").db, requireActor(c), p.partnershipId, p.waveId, c.req.valid("query").breakdown), 200);
  },
);

resultsRoutes.openapi(
  createRoute({ method: "get", path: "/partnerships/{partnershipId}/waves/{waveId}/results.csv", tags, security, summary: "The same released results as CSV (aggregates only; there is no row-level export)", request: { params: WaveParams, query: BreakdownQuery }, responses: { 200: { description: "CSV", content: { "text/csv": { schema: z.string() } } }, 409: commonErrors[422], ...commonErrors } }),
  async (c) => {
    const p = c.req.valid("param");
    const r = await getWaveResults(c.get("deps").db, requireActor(c), p.partnershipId, p.waveId, c.req.valid("query").breakdown);
    const name = r.wave.name.replace(/[^A-Za-z0-9-]+/g, "-").replace(/^-|-$/g, "") || "wave";
    return c.body(resultsToCsv(r), 200, { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="accord-${name}-results.csv"` });
  },
);

resultsRoutes.openapi(
  createRoute({ method: "get", path: "/partnerships/{partnershipId}/waves/{waveId}/compare/{otherWaveId}", tags, security, summary: "Change in each score between two published waves (95% intervals), and both baseline distributions", request: { params: CompareParams }, responses: { 200: json(ComparisonSchema, "Comparison"), 409: commonErrors[422], ...commonErrors } }),
  async (c) => {
    const p = c.req.valid("param");
    return c.json(await compareWaves(c.get("deps").db, requireActor(c), p.partnershipId, p.waveId, p.otherWaveId), 200);
  },
);
