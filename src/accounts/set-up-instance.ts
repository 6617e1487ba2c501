/** First run: creates the first account, exactly once (a single-row table makes a second setup fail). */
import type { Db } from "../db/database.ts";
import { nowIso } from "../db/ids.ts";
import { AppError } from "../errors/app-error.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { createSession } from "./sessions.ts";
import { createUserWithPassword, toUserView } from "./users.ts";

export async function isSetupNeeded(db: Db): Promise<boolean> {
  const row = await db.selectFrom("instance").select("id").executeTakeFirst();
  return row === undefined;
}

export async function setUpInstance(db: Db, input: { name: string; email: string; password: string }) {
  if (!(await isSetupNeeded(db))) throw new AppError("already_set_up", "accord already has its first account; sign in instead.");
  try {
    return await db.transaction().execute(async (tx) => {
      const user = await createUserWithPassword(tx, input);
      await tx.insertInto("instance").values({ id: 1, set_up_at: nowIso(), set_up_by: user.id }).execute();
      await recordAudit(tx, {
        partnershipId: null,
        actorUserId: user.id,
        action: "instance.set_up",
        entityType: "user",
        entityId: user.id,
        summary: `${user.name} set up accord`,
      });
      const session = await createSession(tx, user.id);
      return { user: toUserView(user), session };
    });
  } catch (err) {
    if (!(await isSetupNeeded(db))) throw new AppError("already_set_up", "accord already has its first account; sign in instead.");
    throw err;
  }
}
