/** Invitations: a convenor creates a single-use, expiring link for a person; the invitee opens it and sets a password. */
import type { Actor } from "../accounts/actor.ts";
import { hashPassword } from "../accounts/passwords.ts";
import { createSession } from "../accounts/sessions.ts";
import { toUserView } from "../accounts/users.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Db, DbOrTx } from "../db/database.ts";
import { addSeconds, hashSecret, newId, newSecret, nowIso } from "../db/ids.ts";
import { AppError } from "../errors/app-error.ts";
import type { Mailer } from "../mail/mailer.ts";
import { requireMembership } from "./access.ts";
import { loadPerson } from "./people-use-cases.ts";

export const INVITATION_TTL_SECONDS = 7 * 24 * 3600;

export async function createInvitation(db: Db, mailer: Mailer, actor: Actor, partnershipId: string, personId: string, baseUrl: string) {
  await requireMembership(db, actor, partnershipId, "convenor");
  const person = await loadPerson(db, partnershipId, personId);
  const partnership = await db.selectFrom("partnerships").select("name").where("id", "=", partnershipId).executeTakeFirstOrThrow();
  const token = newSecret(32);
  const now = nowIso();
  const expiresAt = addSeconds(now, INVITATION_TTL_SECONDS);
  await db.transaction().execute(async (tx) => {
    // A new link replaces any earlier one for the same person.
    await tx.updateTable("invitations").set({ used_at: now }).where("person_id", "=", personId).where("used_at", "is", null).execute();
    await tx.insertInto("invitations").values({ id: newId(), partnership_id: partnershipId, person_id: personId, token_hash: hashSecret(token), created_by: actor.userId, created_at: now, expires_at: expiresAt, used_at: null }).execute();
    await recordAudit(tx, { partnershipId, actorUserId: actor.userId, action: "person.invited", entityType: "person", entityId: personId, summary: `Invited ${person.name}`, detail: { expiresAt } });
  });
  const url = `${baseUrl}/invite/${token}`;
  const emailed = await mailer.send({
    to: person.email,
    subject: `You are invited to ${partnership.name} on accord`,
    text: `${actor.name} has invited you to join ${partnership.name} on accord.\n\nOpen this link to join (it works once and expires on ${expiresAt.slice(0, 10)}):\n${url}\n`,
  });
  return { url, expiresAt, emailed };
}

async function openInvitation(db: DbOrTx, token: string) {
  const row = await db
    .selectFrom("invitations")
    .innerJoin("people", "people.id", "invitations.person_id")
    .innerJoin("users", "users.id", "people.user_id")
    .innerJoin("partnerships", "partnerships.id", "invitations.partnership_id")
    .select(["invitations.id", "invitations.expires_at", "invitations.used_at", "invitations.partnership_id", "partnerships.name as partnership_name", "partnerships.deleted_at as partnership_deleted_at", "people.id as person_id", "people.deleted_at as person_deleted_at", "users.id as user_id", "users.name", "users.email", "users.password_hash", "users.disabled_at", "users.created_at"])
    .where("invitations.token_hash", "=", hashSecret(token))
    .executeTakeFirst();
  const usable = row && row.used_at === null && row.expires_at > nowIso() && row.person_deleted_at === null && row.partnership_deleted_at === null && row.disabled_at === null;
  if (!usable) throw new AppError("not_found", "This invitation link is not valid. It may have been used already or expired; ask your convenor for a new one.");
  return row;
}

export async function describeInvitation(db: Db, token: string) {
  const row = await openInvitation(db, token);
  return { partnershipId: row.partnership_id, partnershipName: row.partnership_name, personName: row.name, email: row.email, needsPassword: row.password_hash === null };
}

/** Accepts the invitation: sets the password if the account has none, marks the link used, signs the invitee in. */
export async function acceptInvitation(db: Db, token: string, input: { password?: string | undefined }) {
  const first = await openInvitation(db, token);
  if (first.password_hash === null && !input.password) {
    throw new AppError("validation_failed", "Choose a password to finish joining.", { fields: [{ path: "password", message: "Enter a password of at least 10 characters." }] });
  }
  const hash = first.password_hash === null && input.password ? await hashPassword(input.password) : null;
  return db.transaction().execute(async (tx) => {
    const now = nowIso();
    // Single use: only the request that flips used_at from null wins.
    const claimed = await tx.updateTable("invitations").set({ used_at: now }).where("id", "=", first.id).where("used_at", "is", null).executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw new AppError("not_found", "This invitation link has just been used.");
    if (hash) await tx.updateTable("users").set({ password_hash: hash, updated_at: now }).where("id", "=", first.user_id).where("password_hash", "is", null).execute();
    await recordAudit(tx, { partnershipId: first.partnership_id, actorUserId: first.user_id, action: "person.joined", entityType: "person", entityId: first.person_id, summary: `${first.name} accepted the invitation` });
    const session = await createSession(tx, first.user_id);
    return { user: toUserView({ id: first.user_id, name: first.name, email: first.email, created_at: first.created_at }), session, partnershipId: first.partnership_id };
  });
}
