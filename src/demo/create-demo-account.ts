/** An account to explore the demo with, for `accord demo` on a fresh install; it also completes first-run setup. */
import { createUserWithPassword } from "../accounts/users.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Db } from "../db/database.ts";
import { newSecret, nowIso } from "../db/ids.ts";

export async function createDemoAccount(db: Db): Promise<{ userId: string; name: string; email: string; password: string }> {
  const suffix = newSecret(16).replace(/[^a-zA-Z0-9]/g, "").slice(0, 6).toLowerCase();
  const email = `demo.convenor+${suffix}@demo.example.org`;
  const password = `demo-${newSecret(16)}`;
  return db.transaction().execute(async (tx) => {
    const user = await createUserWithPassword(tx, { name: "Demo Convenor", email, password });
    const setUp = await tx.selectFrom("instance").select("id").executeTakeFirst();
    if (!setUp) await tx.insertInto("instance").values({ id: 1, set_up_at: nowIso(), set_up_by: user.id }).execute();
    await recordAudit(tx, { partnershipId: null, actorUserId: null, action: "user.created", entityType: "user", entityId: user.id, summary: `Created the demo account ${email}` });
    return { userId: user.id, name: user.name, email, password };
  });
}
