/** HTTP routes for partnership health (whole partnership and one organisation) and for pressure events. */
import { createRoute, z } from "@hono/zod-openapi";
import { requireActor } from "../http/middleware.ts";
import { commonErrors, cookieAuth, json, jsonBody, noContent, router } from "../http/openapi.ts";
import { IdParam } from "../partnerships/contracts.ts";
import { CreatePressureEventBody, HealthSchema, PeriodQuery, PressureEventSchema, UpdatePressureEventBody } from "./contracts.ts";
import { getHealth, getOrganisationHealth } from "./get-health.ts";
import { createPressureEvent, listPressureEvents, removePressureEvent, updatePressureEvent } from "./pressure-events.ts";

const PartnershipParams = z.object({ partnershipId: IdParam("partnershipId") });
const OrganisationParams = PartnershipParams.extend({ organisationId: IdParam("organisationId") });
const EventParams = PartnershipParams.extend({ eventId: IdParam("eventId") });
const security = cookieAuth;
const tags = ["Partnership health"];

export const healthRoutes = router();

healthRoutes.openapi(
  createRoute({ method: "get", path: "/partnerships/{partnershipId}/health", tags, security, summary: "Perceived and behavioural trust side by side, institutionalisation, early warnings and suggested next steps, for a period", request: { params: PartnershipParams, query: PeriodQuery }, responses: { 200: json(HealthSchema, "Partnership health"), ...commonErrors } }),
  async (c) => {
    const p = c.req.valid("param");
    const q = c.req.valid("query");
    return c.json(await getHealth(c.get("deps").db, requireActor(c), p.partnershipId, { from: q.from, to: q.to }), 200);
  },
);

healthRoutes.openapi(
  createRoute({ method: "get", path: "/partnerships/{partnershipId}/health/organisations/{organisationId}", tags, security, summary: "One organisation's health: the partnership's figures narrowed to the rows about it", request: { params: OrganisationParams, query: PeriodQuery }, responses: { 200: json(z.object({ organisation: z.object({ id: z.string(), name: z.string(), sector: z.string() }), health: HealthSchema }).openapi("OrganisationHealth"), "Organisation health"), ...commonErrors } }),
  async (c) => {
    const p = c.req.valid("param");
    const q = c.req.valid("query");
    return c.json(await getOrganisationHealth(c.get("deps").db, requireActor(c), p.partnershipId, p.organisationId, { from: q.from, to: q.to }), 200);
  },
);

healthRoutes.openapi(
  createRoute({ method: "get", path: "/partnerships/{partnershipId}/pressure-events", tags, security, summary: "Pressure events recorded on the partnership's timeline", request: { params: PartnershipParams }, responses: { 200: json(z.object({ items: z.array(PressureEventSchema) }), "Pressure events"), ...commonErrors } }),
  async (c) => c.json(await listPressureEvents(c.get("deps").db, requireActor(c), c.req.valid("param").partnershipId), 200),
);

healthRoutes.openapi(
  createRoute({ method: "post", path: "/partnerships/{partnershipId}/pressure-events", tags, security, summary: "Record a pressure event (convenor)", request: { params: PartnershipParams, ...jsonBody(CreatePressureEventBody) }, responses: { 201: json(PressureEventSchema, "Recorded"), ...commonErrors } }),
  async (c) => c.json(await createPressureEvent(c.get("deps").db, requireActor(c), c.req.valid("param").partnershipId, c.req.valid("json")), 201),
);

healthRoutes.openapi(
  createRoute({ method: "patch", path: "/partnerships/{partnershipId}/pressure-events/{eventId}", tags, security, summary: "Change a pressure event (convenor)", request: { params: EventParams, ...jsonBody(UpdatePressureEventBody) }, responses: { 200: json(PressureEventSchema, "Changed"), ...commonErrors } }),
  async (c) => {
    const p = c.req.valid("param");
    return c.json(await updatePressureEvent(c.get("deps").db, requireActor(c), p.partnershipId, p.eventId, c.req.valid("json")), 200);
  },
);

healthRoutes.openapi(
  createRoute({ method: "delete", path: "/partnerships/{partnershipId}/pressure-events/{eventId}", tags, security, summary: "Remove a pressure event (convenor)", request: { params: EventParams }, responses: { ...noContent, ...commonErrors } }),
  async (c) => {
    const p = c.req.valid("param");
    await removePressureEvent(c.get("deps").db, requireActor(c), p.partnershipId, p.eventId);
    return c.body(null, 204);
  },
);
