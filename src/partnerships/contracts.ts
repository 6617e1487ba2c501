/** zod contracts for partnerships, organisations, people and invitations (validation and OpenAPI from one source). */
import { z } from "@hono/zod-openapi";
import { EmailSchema, NameSchema } from "../accounts/contracts.ts";
import { PasswordSchema } from "../accounts/passwords.ts";
import { safeString } from "../db/safe-text.ts";
import { ROLES, SECTORS } from "./sectors.ts";

const Text = (max: number, empty: string) => safeString().trim().min(1, empty).max(max, `Use at most ${max} characters.`);
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

export const PersonStatusSchema = z.enum(["active", "invited", "not_invited"]);
export const PersonSchema = z
  .object({
    id: z.string(),
    userId: z.string(),
    name: z.string(),
    email: z.string(),
    organisationId: z.string().nullable(),
    organisationName: z.string().nullable(),
    role: RoleSchema,
    jobTitle: z.string().nullable(),
    status: PersonStatusSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Person");
const JobTitle = safeString().trim().max(200, "Use at most 200 characters.").nullable();
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
  .strictObject({ organisationId: safeString().max(64).nullable().optional(), role: RoleSchema.optional(), jobTitle: JobTitle.optional() })
  .openapi("UpdatePersonBody");

export const InvitationCreatedSchema = z
  .object({ url: z.string(), expiresAt: z.string(), emailed: z.boolean() })
  .openapi("InvitationCreated");
export const InvitationInfoSchema = z
  .object({ partnershipId: z.string(), partnershipName: z.string(), personName: z.string(), email: z.string(), needsPassword: z.boolean() })
  .openapi("InvitationInfo");
export const AcceptInvitationBody = z
  .strictObject({ password: PasswordSchema.optional() })
  .openapi("AcceptInvitationBody");

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
