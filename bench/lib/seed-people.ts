/** Bench set-up: a convenor, one partnership with six organisations and `count` member people, inserted in batches. */
import type { Actor } from "../../src/accounts/actor.ts";
import type { Db } from "../../src/db/database.ts";
import { newId, nowIso } from "../../src/db/ids.ts";
import { createPartnership } from "../../src/partnerships/partnership-use-cases.ts";
import { SECTORS } from "../../src/partnerships/sectors.ts";

export async function seedPeople(db: Db, count: number): Promise<{ actor: Actor; partnershipId: string }> {
  const now = nowIso();
  const userId = newId();
  await db.insertInto("users").values({ id: userId, email: "convenor@bench.example", name: "Bench Convenor", password_hash: null, disabled_at: null, created_at: now, updated_at: now }).execute();
  const actor: Actor = { userId, name: "Bench Convenor", email: "convenor@bench.example", via: "session" };
  const p = await createPartnership(db, actor, { name: "Bench partnership", purpose: "Benchmarking submissions" });
  const orgs = SECTORS.slice(0, 6).map((sector, i) => ({ id: newId(), partnership_id: p.id, name: `Organisation ${i + 1}`, sector, created_by: userId, created_at: now, updated_at: now, deleted_at: null }));
  await db.insertInto("organisations").values(orgs).execute();
  for (let start = 0; start < count; start += 500) {
    const n = Math.min(500, count - start);
    const users = Array.from({ length: n }, (_, i) => ({ id: newId(), email: `person${start + i}@bench.example`, name: `Person ${String(start + i).padStart(6, "0")}`, password_hash: null, disabled_at: null, created_at: now, updated_at: now }));
    await db.insertInto("users").values(users).execute();
    await db
      .insertInto("people")
      .values(users.map((u, i) => ({ id: newId(), partnership_id: p.id, user_id: u.id, name: u.name, email: u.email, joined_at: now, organisation_id: orgs[(start + i) % orgs.length]!.id, role: "member" as const, job_title: null, created_by: userId, created_at: now, updated_at: now, deleted_at: null })))
      .execute();
  }
  return { actor, partnershipId: p.id };
}
