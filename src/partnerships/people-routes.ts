/** HTTP routes for people, their invitations, invitation acceptance, and the audit log. */
import { createRoute, z } from "@hono/zod-openapi";
import { setSessionCookie } from "../accounts/routes.ts";
import { UserSchema } from "../accounts/contracts.ts";
import { listAudit } from "../audit/list-audit.ts";
import { safeString } from "../db/safe-text.ts";
import { publicOrigin, requireActor } from "../http/middleware.ts";
import { commonErrors, cookieAuth, json, jsonBody, noContent, router } from "../http/openapi.ts";
import {
  AcceptInvitationBody,
  AuditEntrySchema,
  CreatePersonBody,
  IdParam,
  InvitationCreatedSchema,
  InvitationInfoSchema,
  PageQuery,
  PersonSchema,
  UpdatePersonBody,
  pageOf,
} from "./contracts.ts";
import { acceptInvitation, createInvitation, describeInvitation } from "./invitation-use-cases.ts";
import { addPerson, getPerson, listPeople, removePerson, updatePerson } from "./people-use-cases.ts";
import { PartnershipParams } from "./routes.ts";

const PersonParams = PartnershipParams.extend({ personId: IdParam("personId") });
const TokenParams = z.object({ token: safeString().min(1).max(200).openapi({ param: { name: "token", in: "path" } }) });
const security = cookieAuth;
const tags = ["People"];

export const peopleRoutes = router();

peopleRoutes.openapi(
  createRoute({ method: "get", path: "/partnerships/{partnershipId}/people", tags, security, summary: "People in the partnership", request: { params: PartnershipParams, query: PageQuery }, responses: { 200: json(pageOf(PersonSchema, "PersonPage"), "A page of people"), ...commonErrors } }),
  async (c) => c.json(await listPeople(c.get("deps").db, requireActor(c), c.req.valid("param").partnershipId, c.req.valid("query")), 200),
);

peopleRoutes.openapi(
  createRoute({ method: "post", path: "/partnerships/{partnershipId}/people", tags, security, summary: "Add a person (convenor)", request: { params: PartnershipParams, ...jsonBody(CreatePersonBody) }, responses: { 201: json(PersonSchema, "Added"), 409: commonErrors[422], ...commonErrors } }),
  async (c) => c.json(await addPerson(c.get("deps").db, requireActor(c), c.req.valid("param").partnershipId, c.req.valid("json")), 201),
);

peopleRoutes.openapi(
  createRoute({ method: "get", path: "/partnerships/{partnershipId}/people/{personId}", tags, security, summary: "One person", request: { params: PersonParams }, responses: { 200: json(PersonSchema, "The person"), ...commonErrors } }),
  async (c) => {
    const p = c.req.valid("param");
    return c.json(await getPerson(c.get("deps").db, requireActor(c), p.partnershipId, p.personId), 200);
  },
);

peopleRoutes.openapi(
  createRoute({ method: "patch", path: "/partnerships/{partnershipId}/people/{personId}", tags, security, summary: "Change a person's role, organisation or job title (convenor)", request: { params: PersonParams, ...jsonBody(UpdatePersonBody) }, responses: { 200: json(PersonSchema, "Updated"), 409: commonErrors[422], ...commonErrors } }),
  async (c) => {
    const p = c.req.valid("param");
    return c.json(await updatePerson(c.get("deps").db, requireActor(c), p.partnershipId, p.personId, c.req.valid("json")), 200);
  },
);

peopleRoutes.openapi(
  createRoute({ method: "delete", path: "/partnerships/{partnershipId}/people/{personId}", tags, security, summary: "Remove a person (tombstone; convenor)", request: { params: PersonParams }, responses: { ...noContent, 409: commonErrors[422], ...commonErrors } }),
  async (c) => {
    const p = c.req.valid("param");
    await removePerson(c.get("deps").db, requireActor(c), p.partnershipId, p.personId);
    return c.body(null, 204);
  },
);

peopleRoutes.openapi(
  createRoute({ method: "post", path: "/partnerships/{partnershipId}/people/{personId}/invitations", tags, security, summary: "Create an invitation link for a person (convenor); emailed when SMTP is set", request: { params: PersonParams }, responses: { 201: json(InvitationCreatedSchema, "The link to pass on"), ...commonErrors } }),
  async (c) => {
    const p = c.req.valid("param");
    const { db, mailer } = c.get("deps");
    return c.json(await createInvitation(db, mailer, requireActor(c), p.partnershipId, p.personId, publicOrigin(c)), 201);
  },
);

peopleRoutes.openapi(
  createRoute({ method: "get", path: "/partnerships/{partnershipId}/audit", tags: ["Audit"], security, summary: "The partnership's audit log, newest first (convenor)", request: { params: PartnershipParams, query: PageQuery }, responses: { 200: json(pageOf(AuditEntrySchema, "AuditPage"), "A page of audit entries"), ...commonErrors } }),
  async (c) => c.json(await listAudit(c.get("deps").db, requireActor(c), c.req.valid("param").partnershipId, c.req.valid("query")), 200),
);

peopleRoutes.openapi(
  createRoute({ method: "get", path: "/invitations/{token}", tags: ["Invitations"], summary: "What an invitation link is for (no sign-in needed)", request: { params: TokenParams }, responses: { 200: json(InvitationInfoSchema, "The invitation"), 404: commonErrors[404] } }),
  async (c) => c.json(await describeInvitation(c.get("deps").db, c.req.valid("param").token), 200),
);

peopleRoutes.openapi(
  createRoute({ method: "post", path: "/invitations/{token}/accept", tags: ["Invitations"], summary: "Accept an invitation: set a password if needed and sign in", request: { params: TokenParams, ...jsonBody(AcceptInvitationBody) }, responses: { 200: json(UserSchema, "Signed in"), 404: commonErrors[404], 422: commonErrors[422] } }),
  async (c) => {
    const { user, session } = await acceptInvitation(c.get("deps").db, c.req.valid("param").token, c.req.valid("json"));
    setSessionCookie(c, session.secret);
    return c.json(user, 200);
  },
);
