/** Invitations to lead a programme: a lead invites an address (the same answer whether or not it has an account); the person accepts with their own account, so nobody leads without consenting. */
import type { Actor } from "../accounts/actor.ts";
import { type Acceptor, acceptingAccount } from "../accounts/invitation-acceptance.ts";
import { createSession } from "../accounts/sessions.ts";
import { toUserView } from "../accounts/users.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Db, DbOrTx } from "../db/database.ts";
import { hashSecret, nowIso } from "../db/ids.ts";
import { AppError, notFound } from "../errors/app-error.ts";
import type { Mailer } from "../mail/mailer.ts";
import { type LinkSettings, newInvitation } from "../partnerships/invitation-use-cases.ts";
import { requireLead } from "./programme-use-cases.ts";

export interface PendingLeadInvitation {
  id: string;
  email: string;
  expiresAt: string;
  emailed: boolean;
}

/** Invites an address to lead the programme; with mail the link goes only to that address, otherwise it is shown to the lead who invited. */
export async function inviteLead(db: Db, mailer: Mailer, actor: Actor, programmeId: string, rawEmail: string, links: LinkSettings) {
  const programme = await requireLead(db, actor, programmeId);
  const email = rawEmail.trim().toLowerCase();
  const { id, token, now, expiresAt, byMail } = newInvitation(links);
  await db.transaction().execute(async (tx) => {
    // One open invitation per address: a new one replaces the earlier.
    await tx.updateTable("programme_lead_invitations").set({ used_at: now }).where("programme_id", "=", programmeId).where("email", "=", email).where("used_at", "is", null).execute();
    await tx.insertInto("programme_lead_invitations").values({ id, programme_id: programmeId, email, token_hash: hashSecret(token), delivery: byMail ? "email" : "held", created_by: actor.userId, created_at: now, expires_at: expiresAt, used_at: null }).execute();
    await recordAudit(tx, { partnershipId: null, actorUserId: actor.userId, action: "programme.lead_invited", entityType: "programme", entityId: programmeId, summary: `Invited ${email} to lead the programme${byMail ? " by email" : " (link shown to the lead)"}`, detail: { email, expiresAt } });
  });
  if (!byMail) return { id, email, url: `${links.baseUrl}/invite/${token}`, expiresAt, emailed: false };
  const sent = await mailer.send({
    to: email,
    subject: `You are invited to lead ${programme.name} on accord`,
    text:
      `${actor.name} has invited you to lead the programme ${programme.name} on accord: you would see the figures its partnerships share with it.\n\n` +
      `Open this link to accept or ignore it (it works once and expires on ${expiresAt.slice(0, 10)}):\n${links.emailBaseUrl}/invite/${token}\n`,
  });
  if (!sent) {
    await db.updateTable("programme_lead_invitations").set({ used_at: nowIso() }).where("id", "=", id).execute();
    throw new AppError("mail_failed", "The invitation email could not be sent, so no invitation was made. Try again in a while.");
  }
  return { id, email, url: null, expiresAt, emailed: true };
}

/** Open invitations of a programme (for its leads): the addresses as typed. */
export async function pendingLeadInvitations(db: DbOrTx, programmeId: string): Promise<PendingLeadInvitation[]> {
  const rows = await db
    .selectFrom("programme_lead_invitations")
    .select(["id", "email", "expires_at", "delivery"])
    .where("programme_id", "=", programmeId)
    .where("used_at", "is", null)
    .where("expires_at", ">", nowIso())
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ id: r.id, email: r.email, expiresAt: r.expires_at, emailed: r.delivery === "email" }));
}

/** Withdraws an open invitation (leads only). */
export async function withdrawLeadInvitation(db: Db, actor: Actor, programmeId: string, invitationId: string): Promise<void> {
  await requireLead(db, actor, programmeId);
  await db.transaction().execute(async (tx) => {
    const res = await tx.updateTable("programme_lead_invitations").set({ used_at: nowIso() }).where("id", "=", invitationId).where("programme_id", "=", programmeId).where("used_at", "is", null).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw notFound("invitation");
    await recordAudit(tx, { partnershipId: null, actorUserId: actor.userId, action: "programme.lead_invitation_withdrawn", entityType: "programme", entityId: programmeId, summary: "Withdrew an invitation to lead the programme" });
  });
}

async function openLeadInvitation(db: DbOrTx, token: string) {
  const row = await db
    .selectFrom("programme_lead_invitations as i")
    .innerJoin("programmes", "programmes.id", "i.programme_id")
    .select(["i.id", "i.email", "i.delivery", "i.expires_at", "i.used_at", "i.programme_id", "programmes.name", "programmes.deleted_at"])
    .where("i.token_hash", "=", hashSecret(token))
    .executeTakeFirst();
  if (!row || row.used_at !== null || row.expires_at <= nowIso() || row.deleted_at !== null) return undefined;
  return row;
}

export async function describeLeadInvitation(db: Db, token: string) {
  const row = await openLeadInvitation(db, token);
  if (!row) return undefined;
  return { kind: "programme" as const, partnershipId: null, programmeId: row.programme_id, name: row.name, personName: row.email, email: row.email, emailed: row.delivery === "email" };
}

/** Accepts: the invited address's own account (or a new one) becomes a lead. Undefined when the token is no programme's. */
export async function acceptLeadInvitation(db: Db, token: string, who: Acceptor) {
  const first = await openLeadInvitation(db, token);
  if (!first) return undefined;
  return db.transaction().execute(async (tx) => {
    const now = nowIso();
    const { user, created } = await acceptingAccount(tx, { email: first.email, delivery: first.delivery, scope: `programme:${first.programme_id}` }, who);
    const claimed = await tx.updateTable("programme_lead_invitations").set({ used_at: now }).where("id", "=", first.id).where("used_at", "is", null).executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw new AppError("not_found", "This invitation link has just been used.");
    const already = await tx.selectFrom("programme_leads").select("user_id").where("programme_id", "=", first.programme_id).where("user_id", "=", user.id).executeTakeFirst();
    if (!already) await tx.insertInto("programme_leads").values({ programme_id: first.programme_id, user_id: user.id, added_at: now }).execute();
    await recordAudit(tx, { partnershipId: null, actorUserId: user.id, action: "programme.lead_added", entityType: "programme", entityId: first.programme_id, summary: `${user.email} accepted the invitation to lead the programme`, detail: { userId: user.id } });
    const session = created ? await createSession(tx, user.id) : undefined;
    return { kind: "programme" as const, partnershipId: null, programmeId: first.programme_id, user: toUserView(user), session };
  });
}
