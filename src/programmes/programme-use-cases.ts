/** Use cases for programmes: create (the creator leads), list, read, find by id or name (CLI), add a lead, replace the join code; leads only, everyone else 404. */
import type { Actor } from "../accounts/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { DbOrTx, Db } from "../db/database.ts";
import { hashSecret, newId, newSecret, nowIso } from "../db/ids.ts";
import { AppError, notFound } from "../errors/app-error.ts";
import type { ProgrammeView } from "./contracts.ts";
import { pendingLeadInvitations } from "./lead-invitations.ts";
import type { ProgrammesTable } from "./tables.ts";

/** Join codes look like API tokens: a prefix and 144 random bits; only the SHA-256 is stored. */
export const JOIN_CODE_PREFIX = "prg_";
const newJoinCode = () => `${JOIN_CODE_PREFIX}${newSecret(18)}`;

export const programmeView = (p: ProgrammesTable): ProgrammeView => ({ id: p.id, name: p.name, description: p.description, createdAt: p.created_at });

/** Who acts on a programme: a signed-in account, which must lead it (everyone else gets 404), or the operator at the command line (trusted; audited with no actor). */
export type ProgrammeActor = Actor | "operator";
export const auditActor = (by: ProgrammeActor): string | null => (by === "operator" ? null : by.userId);
/** Said after an audit summary when the operator acted. */
export const fromCli = (by: ProgrammeActor): string => (by === "operator" ? " from the command line" : "");

/** The live programme, if the actor leads it; otherwise a 404 (non-leads cannot tell whether it exists). */
export async function requireLead(db: DbOrTx, actor: Actor, programmeId: string): Promise<ProgrammesTable> {
  const row = await db
    .selectFrom("programme_leads")
    .innerJoin("programmes", "programmes.id", "programme_leads.programme_id")
    .selectAll("programmes")
    .where("programme_leads.programme_id", "=", programmeId)
    .where("programme_leads.user_id", "=", actor.userId)
    .where("programmes.deleted_at", "is", null)
    .executeTakeFirst();
  if (!row) throw notFound("programme");
  return row;
}

/** The live programme for a lead (checked) or for the operator; 404 otherwise. */
export async function requireProgramme(db: DbOrTx, by: ProgrammeActor, programmeId: string): Promise<ProgrammesTable> {
  if (by !== "operator") return requireLead(db, by, programmeId);
  const row = await db.selectFrom("programmes").selectAll().where("id", "=", programmeId).where("deleted_at", "is", null).executeTakeFirst();
  if (!row) throw notFound("programme");
  return row;
}

/** A live programme by its id or, failing that, its exact name (operator CLI); a name shared by several is refused, asking for the id. */
export async function findProgramme(db: DbOrTx, idOrName: string): Promise<ProgrammesTable> {
  const live = db.selectFrom("programmes").selectAll().where("deleted_at", "is", null);
  const byId = await live.where("id", "=", idOrName).executeTakeFirst();
  if (byId) return byId;
  const byName = await live.where("name", "=", idOrName.trim()).orderBy("created_at").orderBy("id").execute();
  if (byName.length > 1) throw new AppError("conflict", `${byName.length} programmes are called “${idOrName.trim()}”; give the id of the one you mean (ids: ${byName.map((p) => p.id).join(", ")}).`);
  if (!byName[0]) throw new AppError("not_found", `No programme has the id or name “${idOrName}”. \`accord programme list\` shows them.`);
  return byName[0];
}

export async function createProgramme(db: Db, actor: Actor | { userId: string }, input: { name: string; description?: string | undefined }) {
  const now = nowIso();
  const joinCode = newJoinCode();
  const row: ProgrammesTable = { id: newId(), name: input.name, description: input.description ?? "", join_code_hash: hashSecret(joinCode), created_by: actor.userId, created_at: now, deleted_at: null };
  await db.transaction().execute(async (tx) => {
    await tx.insertInto("programmes").values(row).execute();
    await tx.insertInto("programme_leads").values({ programme_id: row.id, user_id: actor.userId, added_at: now }).execute();
    await recordAudit(tx, { partnershipId: null, actorUserId: actor.userId, action: "programme.created", entityType: "programme", entityId: row.id, summary: `Created the programme “${row.name}”` });
  });
  return { programme: programmeView(row), joinCode };
}

/** Programmes the actor leads, oldest first, with how many partnerships share with each. */
export async function listMyProgrammes(db: DbOrTx, actor: { userId: string }) {
  const rows = await db
    .selectFrom("programme_leads")
    .innerJoin("programmes", "programmes.id", "programme_leads.programme_id")
    .selectAll("programmes")
    .select((eb) =>
      eb
        .selectFrom("programme_partnerships as pp")
        .innerJoin("partnerships", "partnerships.id", "pp.partnership_id")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("pp.programme_id", "=", "programmes.id")
        .where("pp.withdrawn_at", "is", null)
        .where("partnerships.deleted_at", "is", null)
        .as("partnership_count"),
    )
    .where("programme_leads.user_id", "=", actor.userId)
    .where("programmes.deleted_at", "is", null)
    .orderBy("programmes.created_at")
    .orderBy("programmes.id")
    .execute();
  return { items: rows.map((r) => ({ ...programmeView(r), partnershipCount: Number(r.partnership_count ?? 0) })) };
}

/** Every programme (operator CLI), with its leads' emails. */
export async function listAllProgrammes(db: Db) {
  const rows = await db.selectFrom("programmes").selectAll().where("deleted_at", "is", null).orderBy("created_at").orderBy("id").execute();
  const leads = await db.selectFrom("programme_leads").innerJoin("users", "users.id", "programme_leads.user_id").select(["programme_leads.programme_id", "users.email"]).execute();
  return rows.map((r) => ({ ...programmeView(r), leads: leads.filter((l) => l.programme_id === r.id).map((l) => l.email).sort() }));
}

/** The partnerships sharing with a programme now (live ones), by name. */
export async function sharingPartnerships(db: DbOrTx, programmeId: string) {
  const rows = await db
    .selectFrom("programme_partnerships as pp")
    .innerJoin("partnerships", "partnerships.id", "pp.partnership_id")
    .select(["partnerships.id", "partnerships.name", "pp.shared_at"])
    .where("pp.programme_id", "=", programmeId)
    .where("pp.withdrawn_at", "is", null)
    .where("partnerships.deleted_at", "is", null)
    .orderBy("partnerships.name")
    .orderBy("partnerships.id")
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, sharedSince: r.shared_at }));
}

export async function getProgramme(db: DbOrTx, actor: Actor, programmeId: string) {
  const programme = await requireLead(db, actor, programmeId);
  const leads = await db
    .selectFrom("programme_leads")
    .innerJoin("users", "users.id", "programme_leads.user_id")
    .select(["users.id", "users.name", "users.email", "programme_leads.added_at"])
    .where("programme_leads.programme_id", "=", programmeId)
    .orderBy("programme_leads.added_at")
    .orderBy("users.id")
    .execute();
  return {
    programme: programmeView(programme),
    leads: leads.map((l) => ({ userId: l.id, name: l.name, email: l.email, addedAt: l.added_at })),
    invitations: await pendingLeadInvitations(db, programmeId),
    partnerships: await sharingPartnerships(db, programmeId),
  };
}

/** The operator (CLI) makes an existing account a lead directly (idempotent; an unknown email is a 422 on the field). Leads invite through `inviteLead`, which the person accepts. */
export async function addLead(db: Db, by: "operator", programmeId: string, email: string): Promise<{ email: string; added: boolean }> {
  await requireProgramme(db, by, programmeId);
  const user = await db.selectFrom("users").select(["id", "email"]).where("email", "=", email.trim().toLowerCase()).where("disabled_at", "is", null).executeTakeFirst();
  if (!user) throw new AppError("validation_failed", "There is no account with this email; ask the operator to create one first.", { fields: [{ path: "email", message: "No account has this email." }] });
  return db.transaction().execute(async (tx) => {
    const already = await tx.selectFrom("programme_leads").select("user_id").where("programme_id", "=", programmeId).where("user_id", "=", user.id).executeTakeFirst();
    if (!already) {
      await tx.insertInto("programme_leads").values({ programme_id: programmeId, user_id: user.id, added_at: nowIso() }).execute();
      await recordAudit(tx, { partnershipId: null, actorUserId: auditActor(by), action: "programme.lead_added", entityType: "programme", entityId: programmeId, summary: `Added ${user.email} as a lead of the programme${fromCli(by)}`, detail: { userId: user.id } });
    }
    return { email: user.email, added: !already };
  });
}

/** A new join code; the old one stops working at once. */
export async function replaceJoinCode(db: Db, actor: Actor, programmeId: string) {
  await requireLead(db, actor, programmeId);
  const joinCode = newJoinCode();
  await db.transaction().execute(async (tx) => {
    await tx.updateTable("programmes").set({ join_code_hash: hashSecret(joinCode) }).where("id", "=", programmeId).execute();
    await recordAudit(tx, { partnershipId: null, actorUserId: actor.userId, action: "programme.join_code_replaced", entityType: "programme", entityId: programmeId, summary: "Made a new join code for the programme (the old one no longer works)" });
  });
  return { joinCode };
}
