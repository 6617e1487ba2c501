/** zod contracts for partnerships, organisations, people and invitations (validation and OpenAPI from one source). */
import { z } from "@hono/zod-openapi";
import { EmailSchema, NameSchema } from "../accounts/contracts.ts";
import { PasswordSchema } from "../accounts/passwords.ts";
import { safeString, singleLine } from "../db/safe-text.ts";
import { ROLES, SECTORS } from "./sectors.ts";

const Text = (max: number, empty: string) => singleLine().trim().min(1, empty).max(max, `Use at most ${max} characters.`);
export const IdParam = (name: string) =>
  safeString().min(1).max(64).openapi({ param: { name, in: "path" }, example: "6f1c2d4e-…" });

export const RoleSchema = z.enum(ROLES).openapi("Role");
export const SectorSchema = z.enum(SECTORS).openapi("Sector");

export const PartnershipSchema = z
  .object({ id: z.string(), name: z.string(), purpose: z.string(), myRole: RoleSchema, createdAt: z.string(), updatedAt: z.string() })
  .openapi("Partnership");
export const CreatePartnershipBody = z
  .strictObject({ name: Text(200, "Enter the partnership's name."), purpose: safeString().trim().max(2000, "Use at most 2000 characters.") })
  .openapi("CreatePartnershipBody");
export const UpdatePartnershipBody = CreatePartnershipBody.partial().openapi("UpdatePartnershipBody");

export const OrganisationSchema = z
  .object({ id: z.string(), name: z.string(), sector: SectorSchema, createdAt: z.string(), updatedAt: z.string() })
  .openapi("Organisation");
export const CreateOrganisationBody = z
  .strictObject({ name: Text(200, "Enter the organisation's name."), sector: SectorSchema })
  .openapi("CreateOrganisationBody");
export const UpdateOrganisationBody = CreateOrganisationBody.partial().openapi("UpdateOrganisationBody");

export const PersonStatusSchema = z.enum(["active", "invited", "not_invited"]).openapi({ description: "active: joined with their own account; invited: a link is open; not_invited: neither." });
export const PersonSchema = z
  .object({
    id: z.string(),
    userId: z.string().nullable().openapi({ description: "The account, once the person has joined; null before." }),
    name: z.string().openapi({ description: "As the convenor typed it." }),
    email: z.string().openapi({ description: "As the convenor typed it." }),
    organisationId: z.string().nullable(),
    organisationName: z.string().nullable(),
    role: RoleSchema,
    jobTitle: z.string().nullable(),
    status: PersonStatusSchema,
    addressUnproven: z.boolean().openapi({ description: "True for someone who joined through a link the convenor held and whose address no email has proven since." }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Person");
const JobTitle = singleLine().trim().max(200, "Use at most 200 characters.").nullable();
export const CreatePersonBody = z
  .strictObject({
    name: NameSchema,
    email: EmailSchema,
    organisationId: safeString().max(64).nullable().optional(),
    role: RoleSchema,
    jobTitle: JobTitle.optional(),
  })
  .openapi("CreatePersonBody");
export const UpdatePersonBody = z
  .strictObject({ name: NameSchema.optional(), organisationId: safeString().max(64).nullable().optional(), role: RoleSchema.optional(), jobTitle: JobTitle.optional() })
  .openapi("UpdatePersonBody");

export const InvitationCreatedSchema = z
  .object({
    url: z.string().nullable().openapi({ description: "The link to pass on yourself, when accord sends no email; null when it was emailed (only the invitee holds it)." }),
    expiresAt: z.string(),
    emailed: z.boolean(),
  })
  .openapi("InvitationCreated");
export const InvitationInfoSchema = z
  .object({
    kind: z.enum(["partnership", "programme"]),
    partnershipId: z.string().nullable(),
    programmeId: z.string().nullable(),
    /** The partnership's or programme's name. */
    name: z.string(),
    personName: z.string().openapi({ description: "The name as whoever invited typed it." }),
    email: z.string(),
    emailed: z.boolean().openapi({ description: "Whether the link was sent only by email (so using it proves the address)." }),
  })
  .openapi("InvitationInfo");
export const AcceptInvitationBody = z
  .strictObject({
    password: PasswordSchema.optional().openapi({ description: "To create an account for the invited address when you have none; leave out when signed in." }),
    name: NameSchema.optional().openapi({ description: "Your name for a new account (defaults to the name you were invited under)." }),
  })
  .openapi("AcceptInvitationBody");
export const AcceptedInvitationSchema = z
  .object({ kind: z.enum(["partnership", "programme"]), partnershipId: z.string().nullable(), programmeId: z.string().nullable(), user: z.object({ id: z.string(), name: z.string(), email: z.string(), createdAt: z.string(), emailProven: z.boolean() }) })
  .openapi("AcceptedInvitation");

export const AuditEntrySchema = z
  .object({
    id: z.string(),
    at: z.string(),
    actorName: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    summary: z.string(),
  })
  .openapi("AuditEntry");

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).optional().openapi({ param: { name: "limit", in: "query" } }),
  cursor: z.string().max(500).optional().openapi({ param: { name: "cursor", in: "query" } }),
});

export function pageOf<T extends z.ZodTypeAny>(item: T, name: string) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() }).openapi(name);
}
