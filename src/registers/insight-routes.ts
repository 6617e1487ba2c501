/** HTTP routes for the register catalogue, the activity timeline, what needs attention, and the derived measures. */
import { createRoute } from "@hono/zod-openapi";
import { requireActor } from "../http/middleware.ts";
import { commonErrors, cookieAuth, json, router } from "../http/openapi.ts";
import { AsOfQuery, AttentionQuery, AttentionSchema, FreshnessSchema, GoalProgressSchema, KeptOnTimeSchema, ReciprocitySchema, RegisterCatalogueSchema, RegisterParams, TimelinePageSchema, TimelineQuery } from "./contracts.ts";
import { REGISTERS } from "./definitions/index.ts";
import { attention, goalProgressFor, intentionsFreshnessFor, keptOnTime, reciprocity } from "./insights.ts";
import { REGISTER_KEYS } from "./keys.ts";
import { timeline } from "./timeline.ts";

const security = cookieAuth;
const tags = ["Registers"];
export const insightRoutes = router();

const catalogue = {
  items: REGISTER_KEYS.map((k) => {
    const d = REGISTERS[k];
    return { key: k, label: d.label, singular: d.singular, stage: d.stage, purpose: d.purpose, titleField: d.titleField, ownerField: d.ownerField, statusField: d.statusField, fields: d.fields.map((f) => (f.kind === "enum" ? { ...f, values: [...f.values] } : f)) };
  }),
};

insightRoutes.openapi(
  createRoute({ method: "get", path: "/registers", tags, security, summary: "The registers and their fields (the web UI builds its forms from this)", responses: { 200: json(RegisterCatalogueSchema, "The catalogue"), ...commonErrors } }),
  (c) => {
    requireActor(c);
    return c.json(catalogue, 200);
  },
);

insightRoutes.openapi(
  createRoute({ method: "get", path: "/partnerships/{partnershipId}/timeline", tags, security, summary: "Every register change, newest first", request: { params: RegisterParams, query: TimelineQuery }, responses: { 200: json(TimelinePageSchema, "A page of activity"), ...commonErrors } }),
  async (c) => c.json(await timeline(c.get("deps").db, requireActor(c), c.req.valid("param").partnershipId, c.req.valid("query")), 200),
);

insightRoutes.openapi(
  createRoute({ method: "get", path: "/partnerships/{partnershipId}/attention", tags, security, summary: "Overdue and soon-due actions, commitments and reviews", request: { params: RegisterParams, query: AttentionQuery }, responses: { 200: json(AttentionSchema, "What needs attention"), ...commonErrors } }),
  async (c) => c.json(await attention(c.get("deps").db, requireActor(c), c.req.valid("param").partnershipId, c.req.valid("query")), 200),
);

insightRoutes.openapi(
  createRoute({ method: "get", path: "/partnerships/{partnershipId}/kept-on-time", tags, security, summary: "Commitments kept on time, per organisation (derived)", request: { params: RegisterParams, query: AsOfQuery }, responses: { 200: json(KeptOnTimeSchema, "Rates"), ...commonErrors } }),
  async (c) => c.json(await keptOnTime(c.get("deps").db, requireActor(c), c.req.valid("param").partnershipId, c.req.valid("query").asOf), 200),
);

insightRoutes.openapi(
  createRoute({ method: "get", path: "/partnerships/{partnershipId}/reciprocity", tags, security, summary: "Give-and-take balance per pair and per organisation (derived from delivered offers and asks)", request: { params: RegisterParams }, responses: { 200: json(ReciprocitySchema, "Balance"), ...commonErrors } }),
  async (c) => c.json(await reciprocity(c.get("deps").db, requireActor(c), c.req.valid("param").partnershipId), 200),
);

insightRoutes.openapi(
  createRoute({ method: "get", path: "/partnerships/{partnershipId}/intentions-freshness", tags, security, summary: "How fresh each organisation's intentions statement is", request: { params: RegisterParams, query: AsOfQuery }, responses: { 200: json(FreshnessSchema, "Freshness"), ...commonErrors } }),
  async (c) => c.json(await intentionsFreshnessFor(c.get("deps").db, requireActor(c), c.req.valid("param").partnershipId, c.req.valid("query").asOf), 200),
);

insightRoutes.openapi(
  createRoute({ method: "get", path: "/partnerships/{partnershipId}/goal-progress", tags, security, summary: "Each strategic goal's progress, rolled up from its wins", request: { params: RegisterParams }, responses: { 200: json(GoalProgressSchema, "Progress"), ...commonErrors } }),
  async (c) => c.json(await goalProgressFor(c.get("deps").db, requireActor(c), c.req.valid("param").partnershipId), 200),
);
