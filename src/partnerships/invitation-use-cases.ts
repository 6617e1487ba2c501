/** Invitations to a partnership: a convenor makes a single-use, expiring link for a person (emailed only to them when mail is set up, otherwise shown to the convenor); the person accepts with their own account or a new one. */
import type { Actor } from "../accounts/actor.ts";
import { type Acceptor, acceptingAccount } from "../accounts/invitation-acceptance.ts";
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

/** Where links point and whether they go by mail: with mail, the link goes only to the invitee and is never shown. */
export interface LinkSettings {
  /** The base for links shown on screen. */
  baseUrl: string;
  /** PUBLIC_URL: the base for links in emails (required when mail is configured). */
  emailBaseUrl: string | undefined;
  mailConfigured: boolean;
}

/** A fresh invitation's secret and times, and whether it goes by mail (only when mail is set up with PUBLIC_URL). */
export function newInvitation(links: LinkSettings) {
  const now = nowIso();
  return { id: newId(), token: newSecret(32), now, expiresAt: addSeconds(now, INVITATION_TTL_SECONDS), byMail: links.mailConfigured && links.emailBaseUrl !== undefined };
}

export async function createInvitation(db: Db, mailer: Mailer, actor: Actor, partnershipId: string, personId: string, links: LinkSettings) {
  await requireMembership(db, actor, partnershipId, "convenor");
  const person = await loadPerson(db, partnershipId, personId);
  if (person.userId !== null) throw new AppError("conflict", `${person.name} has already joined this partnership.`);
  const partnership = await db.selectFrom("partnerships").select("name").where("id", "=", partnershipId).executeTakeFirstOrThrow();
  const { id, token, now, expiresAt, byMail } = newInvitation(links);
  await db.transaction().execute(async (tx) => {
    // A new link replaces any earlier one for the same person.
    await tx.updateTable("invitations").set({ used_at: now }).where("person_id", "=", personId).where("used_at", "is", null).execute();
    await tx.insertInto("invitations").values({ id, partnership_id: partnershipId, person_id: personId, email: person.email, delivery: byMail ? "email" : "held", token_hash: hashSecret(token), created_by: actor.userId, created_at: now, expires_at: expiresAt, used_at: null }).execute();
    await recordAudit(tx, { partnershipId, actorUserId: actor.userId, action: "person.invited", entityType: "person", entityId: personId, summary: `Invited ${person.name}${byMail ? " by email" : " (link shown to the convenor)"}`, detail: { expiresAt, emailed: byMail } });
  });
  if (!byMail) return { url: `${links.baseUrl}/invite/${token}`, expiresAt, emailed: false };
  const sent = await mailer.send({
    to: person.email,
    subject: `You are invited to ${partnership.name} on accord`,
    text:
      `${actor.name} has invited you to join ${partnership.name} on accord.\n\n` +
      `Open this link to join (it works once and expires on ${expiresAt.slice(0, 10)}). If you already use accord, sign in with your own account there; otherwise choose a password:\n` +
      `${links.emailBaseUrl}/invite/${token}\n`,
  });
  if (!sent) {
    await db.updateTable("invitations").set({ used_at: nowIso() }).where("id", "=", id).execute();
    throw new AppError("mail_failed", "The invitation email could not be sent, so no invitation was made. Try again in a while; if it keeps failing, the mail server settings need checking.");
  }
  return { url: null, expiresAt, emailed: true };
}

async function openInvitation(db: DbOrTx, token: string) {
  const row = await db
    .selectFrom("invitations")
    .innerJoin("people", "people.id", "invitations.person_id")
    .innerJoin("partnerships", "partnerships.id", "invitations.partnership_id")
    .select(["invitations.id", "invitations.expires_at", "invitations.used_at", "invitations.delivery", "invitations.email as invited_email", "invitations.partnership_id", "partnerships.name as partnership_name", "partnerships.deleted_at as partnership_deleted_at", "people.id as person_id", "people.user_id", "people.name", "people.email", "people.deleted_at as person_deleted_at"])
    .where("invitations.token_hash", "=", hashSecret(token))
    .executeTakeFirst();
  // The person's email cannot change, but an invitation made for another address (before an edit) must not count.
  const usable = row && row.used_at === null && row.expires_at > nowIso() && row.person_deleted_at === null && row.partnership_deleted_at === null && row.user_id === null && (row.invited_email ?? row.email) === row.email;
  if (!usable) return undefined;
  return row;
}

/** The invitation behind a token, or undefined (the caller answers 404 once no kind of invitation matches). */
export async function describePartnershipInvitation(db: Db, token: string) {
  const row = await openInvitation(db, token);
  if (!row) return undefined;
  return { kind: "partnership" as const, partnershipId: row.partnership_id, programmeId: null, name: row.partnership_name, personName: row.name, email: row.email, emailed: row.delivery === "email" };
}

/**
 * Accepts the invitation: the signed-in account (which must be the invited address's) or a new account joins as
 * this person; never signs in to an account that already exists. Undefined when the token is no partnership's.
 */
export async function acceptPartnershipInvitation(db: Db, token: string, who: Acceptor) {
  const first = await openInvitation(db, token);
  if (!first) return undefined;
  return db.transaction().execute(async (tx) => {
    const now = nowIso();
    const target = { email: first.email, delivery: first.delivery, scope: `partnership:${first.partnership_id}` };
    const { user, created } = await acceptingAccount(tx, target, who);
    const already = await tx.selectFrom("people").select("id").where("partnership_id", "=", first.partnership_id).where("user_id", "=", user.id).where("deleted_at", "is", null).executeTakeFirst();
    if (already) throw new AppError("conflict", "You are already in this partnership.");
    // Single use: only the request that flips used_at from null wins.
    const claimed = await tx.updateTable("invitations").set({ used_at: now }).where("id", "=", first.id).where("used_at", "is", null).executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw new AppError("not_found", "This invitation link has just been used.");
    const joined = await tx.updateTable("people").set({ user_id: user.id, joined_at: now, updated_at: now }).where("id", "=", first.person_id).where("user_id", "is", null).where("deleted_at", "is", null).executeTakeFirst();
    if (Number(joined.numUpdatedRows) !== 1) throw new AppError("not_found", "This invitation is no longer valid.");
    await recordAudit(tx, { partnershipId: first.partnership_id, actorUserId: user.id, action: "person.joined", entityType: "person", entityId: first.person_id, summary: `${first.name} accepted the invitation${created ? " with a new account" : ""}` });
    const session = created ? await createSession(tx, user.id) : undefined;
    return { kind: "partnership" as const, partnershipId: first.partnership_id, programmeId: null, user: toUserView(user), session };
  });
}
