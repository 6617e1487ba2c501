/** HTTP routes for partnerships and their organisations. */
import { createRoute, z } from "@hono/zod-openapi";
import { requireActor } from "../http/middleware.ts";
import { commonErrors, cookieAuth, json, jsonBody, noContent, router } from "../http/openapi.ts";
import {
  CreateOrganisationBody,
  CreatePartnershipBody,
  IdParam,
  OrganisationSchema,
  PageQuery,
  PartnershipSchema,
  UpdateOrganisationBody,
  UpdatePartnershipBody,
  pageOf,
} from "./contracts.ts";
import { addOrganisation, getOrganisation, listOrganisations, removeOrganisation, updateOrganisation } from "./organisation-use-cases.ts";
import { createPartnership, getPartnership, listMyPartnerships, removePartnership, updatePartnership } from "./partnership-use-cases.ts";

export const PartnershipParams = z.object({ partnershipId: IdParam("partnershipId") });
const OrganisationParams = PartnershipParams.extend({ organisationId: IdParam("organisationId") });
const security = cookieAuth;
const tags = ["Partnerships"];
const orgTags = ["Organisations"];

export const partnershipRoutes = router();

partnershipRoutes.openapi(
  createRoute({ method: "get", path: "/partnerships", tags, security, summary: "Partnerships you belong to", request: { query: PageQuery }, responses: { 200: json(pageOf(PartnershipSchema, "PartnershipPage"), "A page of partnerships"), ...commonErrors } }),
  async (c) => c.json(await listMyPartnerships(c.get("deps").db, requireActor(c), c.req.valid("query")), 200),
);

partnershipRoutes.openapi(
  createRoute({ method: "post", path: "/partnerships", tags, security, summary: "Create a partnership (you become its convenor)", request: jsonBody(CreatePartnershipBody), responses: { 201: json(PartnershipSchema, "Created"), ...commonErrors } }),
  async (c) => c.json(await createPartnership(c.get("deps").db, requireActor(c), c.req.valid("json")), 201),
);

partnershipRoutes.openapi(
  createRoute({ method: "get", path: "/partnerships/{partnershipId}", tags, security, summary: "One partnership", request: { params: PartnershipParams }, responses: { 200: json(PartnershipSchema, "The partnership"), ...commonErrors } }),
  async (c) => c.json(await getPartnership(c.get("deps").db, requireActor(c), c.req.valid("param").partnershipId), 200),
);

partnershipRoutes.openapi(
  createRoute({ method: "patch", path: "/partnerships/{partnershipId}", tags, security, summary: "Change name or purpose (convenor)", request: { params: PartnershipParams, ...jsonBody(UpdatePartnershipBody) }, responses: { 200: json(PartnershipSchema, "Updated"), ...commonErrors } }),
  async (c) => c.json(await updatePartnership(c.get("deps").db, requireActor(c), c.req.valid("param").partnershipId, c.req.valid("json")), 200),
);

partnershipRoutes.openapi(
  createRoute({ method: "delete", path: "/partnerships/{partnershipId}", tags, security, summary: "Remove a partnership (tombstone; convenor)", request: { params: PartnershipParams }, responses: { ...noContent, ...commonErrors } }),
  async (c) => {
    await removePartnership(c.get("deps").db, requireActor(c), c.req.valid("param").partnershipId);
    return c.body(null, 204);
  },
);

partnershipRoutes.openapi(
  createRoute({ method: "get", path: "/partnerships/{partnershipId}/organisations", tags: orgTags, security, summary: "Member organisations", request: { params: PartnershipParams, query: PageQuery }, responses: { 200: json(pageOf(OrganisationSchema, "OrganisationPage"), "A page of organisations"), ...commonErrors } }),
  async (c) => c.json(await listOrganisations(c.get("deps").db, requireActor(c), c.req.valid("param").partnershipId, c.req.valid("query")), 200),
);

partnershipRoutes.openapi(
  createRoute({ method: "post", path: "/partnerships/{partnershipId}/organisations", tags: orgTags, security, summary: "Add a member organisation (convenor)", request: { params: PartnershipParams, ...jsonBody(CreateOrganisationBody) }, responses: { 201: json(OrganisationSchema, "Added"), ...commonErrors } }),
  async (c) => c.json(await addOrganisation(c.get("deps").db, requireActor(c), c.req.valid("param").partnershipId, c.req.valid("json")), 201),
);

partnershipRoutes.openapi(
  createRoute({ method: "get", path: "/partnerships/{partnershipId}/organisations/{organisationId}", tags: orgTags, security, summary: "One organisation", request: { params: OrganisationParams }, responses: { 200: json(OrganisationSchema, "The organisation"), ...commonErrors } }),
  async (c) => {
    const p = c.req.valid("param");
    return c.json(await getOrganisation(c.get("deps").db, requireActor(c), p.partnershipId, p.organisationId), 200);
  },
);

partnershipRoutes.openapi(
  createRoute({ method: "patch", path: "/partnerships/{partnershipId}/organisations/{organisationId}", tags: orgTags, security, summary: "Change an organisation (convenor)", request: { params: OrganisationParams, ...jsonBody(UpdateOrganisationBody) }, responses: { 200: json(OrganisationSchema, "Updated"), ...commonErrors } }),
  async (c) => {
    const p = c.req.valid("param");
    return c.json(await updateOrganisation(c.get("deps").db, requireActor(c), p.partnershipId, p.organisationId, c.req.valid("json")), 200);
  },
);

partnershipRoutes.openapi(
  createRoute({ method: "delete", path: "/partnerships/{partnershipId}/organisations/{organisationId}", tags: orgTags, security, summary: "Remove an organisation (tombstone; convenor)", request: { params: OrganisationParams }, responses: { ...noContent, ...commonErrors } }),
  async (c) => {
    const p = c.req.valid("param");
    await removeOrganisation(c.get("deps").db, requireActor(c), p.partnershipId, p.organisationId);
    return c.body(null, 204);
  },
);
