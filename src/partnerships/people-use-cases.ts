/** Use cases for the people of a partnership: add (as typed: no account is looked up or created; they join by accepting an invitation), list, read, update, remove. */
import type { Actor } from "../accounts/actor.ts";
import { revokeAllSessions } from "../accounts/sessions.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Db, DbOrTx } from "../db/database.ts";
import { newId, nowIso } from "../db/ids.ts";
import { afterCursor, decodeCursor, pageLimit, toPage } from "../db/pagination.ts";
import { AppError, notFound } from "../errors/app-error.ts";
import { requireMembership } from "./access.ts";
import { loadOrganisation } from "./organisation-use-cases.ts";
import type { Role } from "./sectors.ts";

export interface PersonView {
  id: string;
  userId: string | null;
  name: string;
  email: string;
  organisationId: string | null;
  organisationName: string | null;
  role: Role;
  jobTitle: string | null;
  status: "active" | "invited" | "not_invited";
  addressUnproven: boolean;
  createdAt: string;
  updatedAt: string;
}

function peopleQuery(db: DbOrTx, partnershipId: string) {
  const now = nowIso();
  return db
    .selectFrom("people")
    .leftJoin("users", "users.id", "people.user_id")
    .leftJoin("organisations", (join) => join.onRef("organisations.id", "=", "people.organisation_id").on("organisations.deleted_at", "is", null))
    .select((eb) => [
      "organisations.name as organisation_name",
      "people.id",
      "people.user_id",
      "people.organisation_id",
      "people.role",
      "people.job_title",
      "people.created_at",
      "people.updated_at",
      "people.name",
      "people.email",
      "users.email_proven_at",
      eb
        .exists(eb.selectFrom("invitations").select("invitations.id").whereRef("invitations.person_id", "=", "people.id").where("invitations.used_at", "is", null).where("invitations.expires_at", ">", now))
        .as("has_open_invitation"),
    ])
    .where("people.partnership_id", "=", partnershipId)
    .where("people.deleted_at", "is", null);
}

type Row = Awaited<ReturnType<ReturnType<typeof peopleQuery>["executeTakeFirstOrThrow"]>>;
function view(r: Row): PersonView {
  return {
    id: r.id,
    userId: r.user_id,
    name: r.name,
    email: r.email,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    role: r.role,
    jobTitle: r.job_title,
    status: r.user_id !== null ? "active" : r.has_open_invitation ? "invited" : "not_invited",
    addressUnproven: r.user_id !== null && r.email_proven_at === null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function loadPerson(db: DbOrTx, partnershipId: string, personId: string): Promise<PersonView> {
  const row = await peopleQuery(db, partnershipId).where("people.id", "=", personId).executeTakeFirst();
  if (!row) throw notFound("person");
  return view(row);
}

async function checkOrganisation(db: DbOrTx, partnershipId: string, organisationId: string | null | undefined) {
  if (organisationId === null || organisationId === undefined) return; // "" is no id: it must fail the lookup (422), not reach the foreign key (500)
  try {
    await loadOrganisation(db, partnershipId, organisationId);
  } catch {
    throw new AppError("validation_failed", "That organisation is not in this partnership.", { fields: [{ path: "organisationId", message: "Choose an organisation of this partnership." }] });
  }
}

/**
 * Adds someone as the convenor typed them. No account is looked up or created, so the answer is the same whether
 * or not the address has one; the person joins by accepting an invitation with their own account.
 */
export async function addPerson(db: Db, actor: Actor, partnershipId: string, input: { name: string; email: string; organisationId?: string | null | undefined; role: Role; jobTitle?: string | null | undefined }) {
  await requireMembership(db, actor, partnershipId, "convenor");
  await checkOrganisation(db, partnershipId, input.organisationId);
  const email = input.email.trim().toLowerCase();
  return db.transaction().execute(async (tx) => {
    const existing = await tx.selectFrom("people").select("id").where("partnership_id", "=", partnershipId).where("email", "=", email).where("deleted_at", "is", null).executeTakeFirst();
    if (existing) throw new AppError("conflict", `${email} is already in this partnership.`, { fields: [{ path: "email", message: "This person is already in the partnership." }] });
    const now = nowIso();
    const id = newId();
    await tx.insertInto("people").values({ id, partnership_id: partnershipId, user_id: null, name: input.name.trim(), email, joined_at: null, organisation_id: input.organisationId ?? null, role: input.role, job_title: input.jobTitle ?? null, created_by: actor.userId, created_at: now, updated_at: now, deleted_at: null }).execute();
    await recordAudit(tx, { partnershipId, actorUserId: actor.userId, action: "person.added", entityType: "person", entityId: id, summary: `Added ${input.name.trim()} as ${input.role}`, detail: { email, role: input.role, organisationId: input.organisationId ?? null } });
    return loadPerson(tx, partnershipId, id);
  });
}

export async function listPeople(db: Db, actor: Actor, partnershipId: string, q: { limit?: number | undefined; cursor?: string | undefined }) {
  await requireMembership(db, actor, partnershipId);
  const limit = pageLimit(q.limit);
  const cursor = decodeCursor(q.cursor);
  let query = peopleQuery(db, partnershipId).orderBy("people.created_at").orderBy("people.id").limit(limit + 1);
  if (cursor) query = query.where(afterCursor(cursor, "people.created_at", "people.id"));
  return toPage(await query.execute(), limit, view);
}

export async function getPerson(db: Db, actor: Actor, partnershipId: string, personId: string) {
  await requireMembership(db, actor, partnershipId);
  return loadPerson(db, partnershipId, personId);
}

async function assertAnotherConvenor(tx: DbOrTx, partnershipId: string, personId: string) {
  const others = await tx.selectFrom("people").select("id").where("partnership_id", "=", partnershipId).where("role", "=", "convenor").where("deleted_at", "is", null).where("id", "!=", personId).executeTakeFirst();
  if (!others) throw new AppError("conflict", "A partnership needs at least one convenor. Make someone else convenor first.");
}

export async function updatePerson(db: Db, actor: Actor, partnershipId: string, personId: string, input: { name?: string | undefined; organisationId?: string | null | undefined; role?: Role | undefined; jobTitle?: string | null | undefined }) {
  await requireMembership(db, actor, partnershipId, "convenor");
  await checkOrganisation(db, partnershipId, input.organisationId);
  return db.transaction().execute(async (tx) => {
    const before = await loadPerson(tx, partnershipId, personId);
    if (input.role !== undefined && input.role !== "convenor" && before.role === "convenor") await assertAnotherConvenor(tx, partnershipId, personId);
    const changes = {
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      ...(input.organisationId !== undefined ? { organisation_id: input.organisationId } : {}),
      ...(input.role !== undefined ? { role: input.role } : {}),
      ...(input.jobTitle !== undefined ? { job_title: input.jobTitle } : {}),
    };
    await tx.updateTable("people").set({ ...changes, updated_at: nowIso() }).where("id", "=", personId).execute();
    const roleNote = input.role !== undefined && input.role !== before.role ? ` from ${before.role} to ${input.role}` : "";
    await recordAudit(tx, { partnershipId, actorUserId: actor.userId, action: input.role !== undefined && input.role !== before.role ? "person.role_changed" : "person.updated", entityType: "person", entityId: personId, summary: `Changed ${before.name}${roleNote}`, detail: { before: { name: before.name, role: before.role, organisationId: before.organisationId, jobTitle: before.jobTitle }, after: changes } });
    return loadPerson(tx, partnershipId, personId);
  });
}

/** Tombstones the membership; someone left in no partnership at all is signed out everywhere. */
export async function removePerson(db: Db, actor: Actor, partnershipId: string, personId: string): Promise<void> {
  await requireMembership(db, actor, partnershipId, "convenor");
  await db.transaction().execute(async (tx) => {
    const before = await loadPerson(tx, partnershipId, personId);
    if (before.role === "convenor") await assertAnotherConvenor(tx, partnershipId, personId);
    const now = nowIso();
    await tx.updateTable("people").set({ deleted_at: now, updated_at: now }).where("id", "=", personId).execute();
    await tx.updateTable("invitations").set({ used_at: now }).where("person_id", "=", personId).where("used_at", "is", null).execute();
    const remaining = before.userId === null ? undefined : await tx.selectFrom("people").innerJoin("partnerships", "partnerships.id", "people.partnership_id").select("people.id").where("people.user_id", "=", before.userId).where("people.deleted_at", "is", null).where("partnerships.deleted_at", "is", null).executeTakeFirst();
    if (!remaining && before.userId !== null) await revokeAllSessions(tx, before.userId);
    await recordAudit(tx, { partnershipId, actorUserId: actor.userId, action: "person.removed", entityType: "person", entityId: personId, summary: `Removed ${before.name}` });
  });
}
