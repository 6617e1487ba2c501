/** Organisational-mode nominees: the one person who answers for each organisation in a wave. */
import type { Actor } from "../accounts/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Db } from "../db/database.ts";
import { AppError, type FieldProblem } from "../errors/app-error.ts";
import { requireMembership } from "../partnerships/access.ts";
import { loadWave } from "../surveys/wave-use-cases.ts";

export interface NomineeView {
  organisationId: string;
  organisationName: string;
  personId: string;
  personName: string;
}

export async function listNominees(db: Db, actor: Actor, partnershipId: string, waveId: string): Promise<{ items: NomineeView[] }> {
  await requireMembership(db, actor, partnershipId);
  await loadWave(db, partnershipId, waveId);
  const rows = await db
    .selectFrom("wave_nominees as n")
    .innerJoin("organisations as o", "o.id", "n.organisation_id")
    .innerJoin("people as p", "p.id", "n.person_id")
    .select(["n.organisation_id", "o.name as organisation_name", "n.person_id", "p.name as person_name"])
    .where("n.wave_id", "=", waveId)
    .orderBy("o.name")
    .execute();
  return { items: rows.map((r) => ({ organisationId: r.organisation_id, organisationName: r.organisation_name, personId: r.person_id, personName: r.person_name })) };
}

/** Replaces the nominees of an organisational-mode wave that has not closed. Each person must belong to the organisation they answer for. */
export async function setNominees(db: Db, actor: Actor, partnershipId: string, waveId: string, nominees: { organisationId: string; personId: string }[]) {
  await requireMembership(db, actor, partnershipId, "convenor");
  await db.transaction().execute(async (tx) => {
    const wave = await loadWave(tx, partnershipId, waveId);
    if (wave.network_mode !== "organisational") throw new AppError("conflict", "Only a wave with organisational network ratings has nominees.");
    if (wave.status !== "draft" && wave.status !== "open") throw new AppError("conflict", "This wave has closed, so its nominees are fixed.");
    const people = await tx.selectFrom("people").select(["id", "organisation_id"]).where("partnership_id", "=", partnershipId).where("deleted_at", "is", null).execute();
    const orgOf = new Map(people.map((p) => [p.id, p.organisation_id]));
    const problems: FieldProblem[] = [];
    const seen = new Set<string>();
    nominees.forEach((n, i) => {
      if (seen.has(n.organisationId)) problems.push({ path: `nominees.${i}.organisationId`, message: "One nominee per organisation." });
      seen.add(n.organisationId);
      if (!orgOf.has(n.personId)) problems.push({ path: `nominees.${i}.personId`, message: "No such person in this partnership." });
      else if (orgOf.get(n.personId) !== n.organisationId) problems.push({ path: `nominees.${i}.personId`, message: "A nominee must belong to the organisation they answer for." });
    });
    if (problems.length) throw new AppError("validation_failed", problems[0]!.message, { fields: problems });
    await tx.deleteFrom("wave_nominees").where("wave_id", "=", waveId).execute();
    for (const n of nominees) await tx.insertInto("wave_nominees").values({ wave_id: waveId, organisation_id: n.organisationId, person_id: n.personId }).execute();
    await recordAudit(tx, { partnershipId, actorUserId: actor.userId, action: "wave.nominees_set", entityType: "wave", entityId: waveId, summary: `Set ${nominees.length} nominee${nominees.length === 1 ? "" : "s"} to answer for their organisations in “${wave.name}”` });
  });
  return listNominees(db, actor, partnershipId, waveId);
}
