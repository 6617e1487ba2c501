/** Issuing personal single-use survey links to a partnership's people (shown to the convenor, emailed when SMTP is set). */
import type { Actor } from "../accounts/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Db } from "../db/database.ts";
import { newId, newSecret } from "../db/ids.ts";
import { AppError } from "../errors/app-error.ts";
import type { Mailer } from "../mail/mailer.ts";
import { requireMembership } from "../partnerships/access.ts";
import { participationHash } from "./tokens.ts";
import { loadWave } from "./wave-use-cases.ts";

export interface IssuedLink {
  personId: string;
  name: string;
  email: string;
  url: string;
  emailed: boolean;
}

/**
 * Gives each chosen person (everyone, when none are named) a fresh link. A new link replaces an
 * unused earlier one; people who have already answered are skipped, so nobody can answer twice.
 */
export async function issueLinks(db: Db, mailer: Mailer, actor: Actor, partnershipId: string, waveId: string, personIds: string[] | undefined, baseUrl: string) {
  await requireMembership(db, actor, partnershipId, "convenor");
  const wave = await loadWave(db, partnershipId, waveId);
  if (wave.status !== "draft" && wave.status !== "open") throw new AppError("conflict", `Links can be issued only before a wave closes; this one is ${wave.status}.`);
  const partnership = await db.selectFrom("partnerships").select("name").where("id", "=", partnershipId).executeTakeFirstOrThrow();
  let q = db
    .selectFrom("people")
    .leftJoin("users", "users.id", "people.user_id")
    .select(["people.id", "people.name", "people.email", "users.disabled_at"])
    .where("people.partnership_id", "=", partnershipId)
    .where("people.deleted_at", "is", null)
    .orderBy("people.name");
  if (personIds) q = q.where("people.id", "in", personIds.length ? personIds : ["-"]);
  const people = await q.execute();
  const known = new Set(people.map((p) => p.id));
  const skipped = (personIds ?? []).filter((id) => !known.has(id)).map((personId) => ({ personId, reason: "not in this partnership" }));

  const fresh: Array<{ person: (typeof people)[number]; token: string }> = [];
  await db.transaction().execute(async (tx) => {
    for (const person of people) {
      const existing = await tx.selectFrom("wave_participants").select(["id", "responded"]).where("wave_id", "=", waveId).where("person_id", "=", person.id).executeTakeFirst();
      if (existing?.responded) {
        skipped.push({ personId: person.id, reason: "has already answered" });
        continue;
      }
      const token = newSecret(32);
      if (existing) await tx.updateTable("wave_participants").set({ token_hash: participationHash(token) }).where("id", "=", existing.id).execute();
      else await tx.insertInto("wave_participants").values({ id: newId(), wave_id: waveId, person_id: person.id, token_hash: participationHash(token), responded: 0 }).execute();
      fresh.push({ person, token });
    }
    await recordAudit(tx, { partnershipId, actorUserId: actor.userId, action: "wave.links_issued", entityType: "wave", entityId: waveId, summary: `Issued ${fresh.length} survey link(s) for “${wave.name}”` });
  });

  const links: IssuedLink[] = [];
  for (const { person, token } of fresh) {
    const url = `${baseUrl}/respond/${token}`;
    const emailed = await mailer.send({
      to: person.email,
      subject: `${partnership.name}: ${wave.name} — your survey link`,
      text:
        `You are invited to answer “${wave.name}” for ${partnership.name}. It is anonymous: results are shown only for groups of at least ${wave.k} people, and nobody can see your answers.\n\n` +
        `Your personal link (it works once; please do not forward it):\n${url}\n\nThe survey closes on ${wave.closes_on}.\n`,
    });
    links.push({ personId: person.id, name: person.name, email: person.email, url, emailed });
  }
  return { links, skipped };
}
