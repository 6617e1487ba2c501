/** HTTP routes for people, their invitations, invitation acceptance, and the audit log. */
import { createRoute, z } from "@hono/zod-openapi";
import { setSessionCookie } from "../accounts/routes.ts";
import { prepareNewAccount, type Acceptor } from "../accounts/invitation-acceptance.ts";
import { listAudit } from "../audit/list-audit.ts";
import { safeString } from "../db/safe-text.ts";
import { AppError } from "../errors/app-error.ts";
import { requireActor } from "../http/middleware.ts";
import { emailBaseUrl, linkBaseUrl } from "../mail/links.ts";
import { acceptLeadInvitation, describeLeadInvitation } from "../programmes/lead-invitations.ts";
import { commonErrors, cookieAuth, json, jsonBody, noContent, router } from "../http/openapi.ts";
import {
  AcceptInvitationBody,
  AcceptedInvitationSchema,
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
import { acceptPartnershipInvitation, createInvitation, describePartnershipInvitation } from "./invitation-use-cases.ts";
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
  createRoute({ method: "post", path: "/partnerships/{partnershipId}/people/{personId}/invitations", tags, security, summary: "Invite a person to join (convenor): with mail set up the link goes only to them by email; otherwise it is returned to pass on", request: { params: PersonParams }, responses: { 201: json(InvitationCreatedSchema, "The invitation"), 409: commonErrors[422], 502: commonErrors[422], ...commonErrors } }),
  async (c) => {
    const p = c.req.valid("param");
    const { db, mailer, config } = c.get("deps");
    const links = { baseUrl: linkBaseUrl(c), emailBaseUrl: emailBaseUrl(c), mailConfigured: config.smtp !== undefined };
    return c.json(await createInvitation(db, mailer, requireActor(c), p.partnershipId, p.personId, links), 201);
  },
);

peopleRoutes.openapi(
  createRoute({ method: "get", path: "/partnerships/{partnershipId}/audit", tags: ["Audit"], security, summary: "The partnership's audit log, newest first (convenor)", request: { params: PartnershipParams, query: PageQuery }, responses: { 200: json(pageOf(AuditEntrySchema, "AuditPage"), "A page of audit entries"), ...commonErrors } }),
  async (c) => c.json(await listAudit(c.get("deps").db, requireActor(c), c.req.valid("param").partnershipId, c.req.valid("query")), 200),
);

const invalidInvitation = () => new AppError("not_found", "This invitation link is not valid. It may have been used already, replaced by a newer one or expired; ask whoever invited you for a new one.");

peopleRoutes.openapi(
  createRoute({ method: "get", path: "/invitations/{token}", tags: ["Invitations"], summary: "What an invitation link is for (no sign-in needed)", request: { params: TokenParams }, responses: { 200: json(InvitationInfoSchema, "The invitation"), 404: commonErrors[404] } }),
  async (c) => {
    const { db } = c.get("deps");
    const { token } = c.req.valid("param");
    const info = (await describePartnershipInvitation(db, token)) ?? (await describeLeadInvitation(db, token));
    if (!info) throw invalidInvitation();
    return c.json(info, 200);
  },
);

peopleRoutes.openapi(
  createRoute({ method: "post", path: "/invitations/{token}/accept", tags: ["Invitations"], summary: "Accept an invitation: signed in as the invited address's own account, or creating that account with a password (never signs in to an account that exists)", request: { params: TokenParams, ...jsonBody(AcceptInvitationBody) }, responses: { 200: json(AcceptedInvitationSchema, "Joined"), 403: commonErrors[403], 404: commonErrors[404], 409: commonErrors[422], 422: commonErrors[422] } }),
  async (c) => {
    const { db } = c.get("deps");
    const { token } = c.req.valid("param");
    const body = c.req.valid("json");
    const actor = c.get("actor");
    const info = (await describePartnershipInvitation(db, token)) ?? (await describeLeadInvitation(db, token));
    if (!info) throw invalidInvitation();
    let who: Acceptor;
    if (actor) {
      if (body.password !== undefined) throw new AppError("validation_failed", "You are signed in, so no password is needed: accept as yourself, or sign out to create another account.", { fields: [{ path: "password", message: "Leave this out when signed in." }] });
      who = { actor };
    } else if (body.password !== undefined) {
      who = { newAccount: await prepareNewAccount(info.email, { name: body.name ?? info.personName, password: body.password }) };
    } else {
      who = { nobody: true };
    }
    const accepted = info.kind === "partnership" ? await acceptPartnershipInvitation(db, token, who) : await acceptLeadInvitation(db, token, who);
    if (!accepted) throw invalidInvitation();
    if (accepted.session) setSessionCookie(c, accepted.session.secret);
    return c.json({ kind: accepted.kind, partnershipId: accepted.partnershipId, programmeId: accepted.programmeId, user: accepted.user }, 200);
  },
);
