/** HTTP routes for the trust network: nominees, the released network with its measures, profiles, comparison, exports. */
import { createRoute, z } from "@hono/zod-openapi";
import { safeString } from "../db/safe-text.ts";
import { requireActor } from "../http/middleware.ts";
import { commonErrors, cookieAuth, json, jsonBody, router } from "../http/openapi.ts";
import { IdParam } from "../partnerships/contracts.ts";
import { TIE_DIMENSIONS } from "./ratings.ts";
import { compareNetworkWaves, getNetwork, organisationProfile } from "./network-views.ts";
import { networkGraphml, organisationsCsv, tiesCsv } from "./network-exports.ts";
import { listNominees, setNominees } from "./nominees.ts";

const security = cookieAuth;
const tags = ["Trust network"];
const WaveParams = z.object({ partnershipId: IdParam("partnershipId"), waveId: IdParam("waveId") });
const DimensionQuery = z.object({
  dimension: z.enum(["overall", ...TIE_DIMENSIONS]).optional().openapi({ param: { name: "dimension", in: "query" }, description: "Weight ties by one dimension, or by the mean of all three (default)." }),
});
const NomineesBody = z
  .strictObject({ nominees: z.array(z.strictObject({ organisationId: safeString().min(1).max(64), personId: safeString().min(1).max(64) })).max(500) })
  .openapi("NomineesBody");
const NomineesSchema = z.object({ items: z.array(z.object({ organisationId: z.string(), organisationName: z.string(), personId: z.string(), personName: z.string() })) }).openapi("Nominees");
const Loose = (name: string, description: string) => z.record(z.string(), z.unknown()).openapi(name, { description });
const conflict = { 409: commonErrors[422] };

export const networkRoutes = router();


networkRoutes.openapi(
  createRoute({ method: "get", path: "/partnerships/{partnershipId}/waves/{waveId}/nominees", tags, security, summary: "Who answers for each organisation (organisational mode)", request: { params: WaveParams }, responses: { 200: json(NomineesSchema, "Nominees"), ...commonErrors } }),
  async (c) => {
    const p = c.req.valid("param");
    return c.json(await listNominees(c.get("deps").db, requireActor(c), p.partnershipId, p.waveId), 200);
  },
);

networkRoutes.openapi(
  createRoute({ method: "put", path: "/partnerships/{partnershipId}/waves/{waveId}/nominees", tags, security, summary: "Set who answers for each organisation (convenor; before the wave closes)", request: { params: WaveParams, ...jsonBody(NomineesBody) }, responses: { 200: json(NomineesSchema, "Nominees"), ...conflict, ...commonErrors } }),
  async (c) => {
    const p = c.req.valid("param");
    return c.json(await setNominees(c.get("deps").db, requireActor(c), p.partnershipId, p.waveId, c.req.valid("json").nominees), 200);
  },
);

networkRoutes.openapi(
  createRoute({ method: "get", path: "/partnerships/{partnershipId}/waves/{waveId}/network", tags, security, summary: "The released trust network of a published wave, with measures (computed on released ties only)", request: { params: WaveParams, query: DimensionQuery }, responses: { 200: json(Loose("WaveNetwork", "organisations with measures, ties with status, network summary, asymmetric pairs"), "The network"), ...conflict, ...commonErrors } }),
  async (c) => {
    const p = c.req.valid("param");
    return c.json(await getNetwork(c.get("deps").db, requireActor(c), p.partnershipId, p.waveId, c.req.valid("query").dimension), 200);
  },
);

networkRoutes.openapi(
  createRoute({ method: "get", path: "/partnerships/{partnershipId}/waves/{waveId}/network/ties.csv", tags, security, summary: "Every pair's tie and status as CSV", request: { params: WaveParams, query: DimensionQuery }, responses: { 200: { description: "CSV", content: { "text/csv": { schema: z.string() } } }, ...conflict, ...commonErrors } }),
  async (c) => {
    const p = c.req.valid("param");
    const view = await getNetwork(c.get("deps").db, requireActor(c), p.partnershipId, p.waveId, c.req.valid("query").dimension);
    return c.body(tiesCsv(view), 200, { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="accord-network-ties.csv"` });
  },
);

networkRoutes.openapi(
  createRoute({ method: "get", path: "/partnerships/{partnershipId}/waves/{waveId}/network/organisations.csv", tags, security, summary: "Each organisation's network measures as CSV", request: { params: WaveParams, query: DimensionQuery }, responses: { 200: { description: "CSV", content: { "text/csv": { schema: z.string() } } }, ...conflict, ...commonErrors } }),
  async (c) => {
    const p = c.req.valid("param");
    const view = await getNetwork(c.get("deps").db, requireActor(c), p.partnershipId, p.waveId, c.req.valid("query").dimension);
    return c.body(organisationsCsv(view), 200, { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="accord-network-organisations.csv"` });
  },
);

networkRoutes.openapi(
  createRoute({ method: "get", path: "/partnerships/{partnershipId}/waves/{waveId}/network.graphml", tags, security, summary: "The released network as GraphML (Gephi, Kumu, yEd)", request: { params: WaveParams, query: DimensionQuery }, responses: { 200: { description: "GraphML", content: { "application/graphml+xml": { schema: z.string() } } }, ...conflict, ...commonErrors } }),
  async (c) => {
    const p = c.req.valid("param");
    const view = await getNetwork(c.get("deps").db, requireActor(c), p.partnershipId, p.waveId, c.req.valid("query").dimension);
    return c.body(networkGraphml(view), 200, { "content-type": "application/graphml+xml; charset=utf-8", "content-disposition": `attachment; filename="accord-network.graphml"` });
  },
);

networkRoutes.openapi(
  createRoute({ method: "get", path: "/partnerships/{partnershipId}/waves/{waveId}/network/organisations/{organisationId}", tags, security, summary: "One organisation's profile: how others rate it, how it rates them, change since the previous network wave", request: { params: WaveParams.extend({ organisationId: IdParam("organisationId") }), query: DimensionQuery }, responses: { 200: json(Loose("OrganisationNetworkProfile", "ratedBy, rates, measures, change"), "The profile"), ...conflict, ...commonErrors } }),
  async (c) => {
    const p = c.req.valid("param");
    return c.json(await organisationProfile(c.get("deps").db, requireActor(c), p.partnershipId, p.waveId, p.organisationId, c.req.valid("query").dimension), 200);
  },
);

networkRoutes.openapi(
  createRoute({ method: "get", path: "/partnerships/{partnershipId}/waves/{waveId}/network/compare/{otherWaveId}", tags, security, summary: "Ties formed, broken, strengthened and weakened between two published network waves, and each organisation's change in trust received", request: { params: WaveParams.extend({ otherWaveId: IdParam("otherWaveId") }), query: DimensionQuery }, responses: { 200: json(Loose("NetworkComparison", "formed, broken, strengthened, weakened, unchanged, organisations"), "The comparison"), ...conflict, ...commonErrors } }),
  async (c) => {
    const p = c.req.valid("param");
    return c.json(await compareNetworkWaves(c.get("deps").db, requireActor(c), p.partnershipId, p.waveId, p.otherWaveId, c.req.valid("query").dimension), 200);
  },
);
