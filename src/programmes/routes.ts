/** HTTP routes for programmes (leads) and for a partnership sharing with them (convenor) and seeing its position (members). */
import { createRoute, z } from "@hono/zod-openapi";
import { requireActor } from "../http/middleware.ts";
import { emailBaseUrl, linkBaseUrl } from "../mail/links.ts";
import { commonErrors, cookieAuth, json, jsonBody, noContent, router } from "../http/openapi.ts";
import { IdParam } from "../partnerships/contracts.ts";
import {
  AddLeadBody,
  CreatedProgrammeSchema,
  CreateProgrammeBody,
  DeleteProgrammeBody,
  JoinCodeSchema,
  LeadInvitationCreatedSchema,
  PartnershipProgrammesSchema,
  ProgrammeDetailSchema,
  ProgrammeListSchema,
  RollupQuery,
  RollupSchema,
  SharedSchema,
  ShareBody,
} from "./contracts.ts";
import { programmeRollup } from "./programme-rollup.ts";
import { deleteProgramme, removeLead } from "./programme-removal.ts";
import { inviteLead, withdrawLeadInvitation } from "./lead-invitations.ts";
import { createProgramme, getProgramme, listMyProgrammes, replaceJoinCode } from "./programme-use-cases.ts";
import { partnershipProgrammes, shareWithProgramme, stopSharing } from "./sharing.ts";

const ProgrammeParams = z.object({ programmeId: IdParam("programmeId") });
const LeadParams = ProgrammeParams.extend({ userId: IdParam("userId") });
const LeadInvitationParams = ProgrammeParams.extend({ invitationId: IdParam("invitationId") });
const PartnershipParams = z.object({ partnershipId: IdParam("partnershipId") });
const ShareParams = PartnershipParams.extend({ programmeId: IdParam("programmeId") });
const security = cookieAuth;
const tags = ["Programmes"];
const conflict = { 409: commonErrors[422] };

export const programmeRoutes = router();

programmeRoutes.openapi(
  createRoute({ method: "post", path: "/programmes", tags, security, summary: "Create a programme; you become its lead. The join code is shown only here", request: jsonBody(CreateProgrammeBody), responses: { 201: json(CreatedProgrammeSchema, "Created"), ...commonErrors } }),
  async (c) => c.json(await createProgramme(c.get("deps").db, requireActor(c), c.req.valid("json")), 201),
);

programmeRoutes.openapi(
  createRoute({ method: "get", path: "/programmes", tags, security, summary: "The programmes you lead", responses: { 200: json(ProgrammeListSchema, "Programmes"), ...commonErrors } }),
  async (c) => c.json(await listMyProgrammes(c.get("deps").db, requireActor(c)), 200),
);

programmeRoutes.openapi(
  createRoute({ method: "get", path: "/programmes/{programmeId}", tags, security, summary: "A programme, its leads and the partnerships sharing with it (leads only)", request: { params: ProgrammeParams }, responses: { 200: json(ProgrammeDetailSchema, "Programme"), ...commonErrors } }),
  async (c) => c.json(await getProgramme(c.get("deps").db, requireActor(c), c.req.valid("param").programmeId), 200),
);

programmeRoutes.openapi(
  createRoute({ method: "post", path: "/programmes/{programmeId}/leads", tags, security, summary: "Invite someone to lead the programme by email (leads only); they become a lead when they accept. The answer is the same whether or not the address has an account", request: { params: ProgrammeParams, ...jsonBody(AddLeadBody) }, responses: { 201: json(LeadInvitationCreatedSchema, "The invitation (its link when accord sends no email)"), 502: commonErrors[422], ...commonErrors } }),
  async (c) => {
    const { db, mailer, config } = c.get("deps");
    const links = { baseUrl: linkBaseUrl(c), emailBaseUrl: emailBaseUrl(c), mailConfigured: config.smtp !== undefined };
    return c.json(await inviteLead(db, mailer, requireActor(c), c.req.valid("param").programmeId, c.req.valid("json").email, links), 201);
  },
);

programmeRoutes.openapi(
  createRoute({ method: "delete", path: "/programmes/{programmeId}/lead-invitations/{invitationId}", tags, security, summary: "Withdraw an open invitation to lead (leads only)", request: { params: LeadInvitationParams }, responses: { ...noContent, ...commonErrors } }),
  async (c) => {
    const p = c.req.valid("param");
    await withdrawLeadInvitation(c.get("deps").db, requireActor(c), p.programmeId, p.invitationId);
    return c.body(null, 204);
  },
);

programmeRoutes.openapi(
  createRoute({
    method: "delete",
    path: "/programmes/{programmeId}/leads/{userId}",
    tags,
    security,
    summary: "Remove a lead, yourself included (leads only); the last lead with an active account cannot be removed (409)",
    request: { params: LeadParams },
    responses: { ...noContent, ...conflict, ...commonErrors },
  }),
  async (c) => {
    const p = c.req.valid("param");
    await removeLead(c.get("deps").db, requireActor(c), p.programmeId, p.userId);
    return c.body(null, 204);
  },
);

programmeRoutes.openapi(
  createRoute({
    method: "delete",
    path: "/programmes/{programmeId}",
    tags,
    security,
    summary: "Delete a programme (leads only; confirm with its name). It leaves every list, its join code stops working and partnerships stop sharing with it; the record is kept",
    request: { params: ProgrammeParams, ...jsonBody(DeleteProgrammeBody) },
    responses: { ...noContent, ...commonErrors },
  }),
  async (c) => {
    await deleteProgramme(c.get("deps").db, requireActor(c), c.req.valid("param").programmeId, c.req.valid("json").confirm);
    return c.body(null, 204);
  },
);

programmeRoutes.openapi(
  createRoute({ method: "post", path: "/programmes/{programmeId}/join-code", tags, security, summary: "Make a new join code; the old one stops working (leads only)", request: { params: ProgrammeParams }, responses: { 201: json(JoinCodeSchema, "The new join code, shown once"), ...commonErrors } }),
  async (c) => c.json(await replaceJoinCode(c.get("deps").db, requireActor(c), c.req.valid("param").programmeId), 201),
);

programmeRoutes.openapi(
  createRoute({ method: "get", path: "/programmes/{programmeId}/rollup", tags, security, summary: "One row per sharing partnership (released figures only), the distribution of headline means and the pooled baseline question (leads only)", request: { params: ProgrammeParams, query: RollupQuery }, responses: { 200: json(RollupSchema, "Roll-up"), ...commonErrors } }),
  async (c) => {
    const q = c.req.valid("query");
    return c.json(await programmeRollup(c.get("deps").db, requireActor(c), c.req.valid("param").programmeId, { sort: q.sort, order: q.order }), 200);
  },
);

programmeRoutes.openapi(
  createRoute({ method: "get", path: "/partnerships/{partnershipId}/programmes", tags, security, summary: "The programmes this partnership shares with, and its percentile in each (any member)", request: { params: PartnershipParams }, responses: { 200: json(PartnershipProgrammesSchema, "Programmes"), ...commonErrors } }),
  async (c) => c.json(await partnershipProgrammes(c.get("deps").db, requireActor(c), c.req.valid("param").partnershipId), 200),
);

programmeRoutes.openapi(
  createRoute({ method: "post", path: "/partnerships/{partnershipId}/programmes", tags, security, summary: "Share published figures with a programme by its join code (convenor); a wrong code is 422", request: { params: PartnershipParams, ...jsonBody(ShareBody) }, responses: { 201: json(SharedSchema, "Sharing"), ...commonErrors } }),
  async (c) => c.json(await shareWithProgramme(c.get("deps").db, requireActor(c), c.req.valid("param").partnershipId, c.req.valid("json").joinCode), 201),
);

programmeRoutes.openapi(
  createRoute({ method: "delete", path: "/partnerships/{partnershipId}/programmes/{programmeId}", tags, security, summary: "Stop sharing with a programme (convenor); its leads stop seeing this partnership at once", request: { params: ShareParams }, responses: { ...noContent, ...commonErrors } }),
  async (c) => {
    const p = c.req.valid("param");
    await stopSharing(c.get("deps").db, requireActor(c), p.partnershipId, p.programmeId);
    return c.body(null, 204);
  },
);
