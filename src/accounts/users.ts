/** Reading and creating user accounts (shared by setup, invitations, people and the CLI). */
import type { DbOrTx } from "../db/database.ts";
import { newId, nowIso } from "../db/ids.ts";
import { AppError } from "../errors/app-error.ts";
import type { UserView } from "./contracts.ts";
import { hashPassword } from "./passwords.ts";

export function toUserView(row: { id: string; name: string; email: string; created_at: string }): UserView {
  return { id: row.id, name: row.name, email: row.email, createdAt: row.created_at };
}

export async function findUserByEmail(db: DbOrTx, email: string) {
  return db.selectFrom("users").selectAll().where("email", "=", email.trim().toLowerCase()).executeTakeFirst();
}

export async function getUser(db: DbOrTx, userId: string) {
  const row = await db.selectFrom("users").selectAll().where("id", "=", userId).executeTakeFirst();
  if (!row) throw new AppError("not_found", "No such user.");
  return row;
}

/** Finds the user with this email, or creates one without a password (they set it through an invitation). */
export async function findOrCreateUser(db: DbOrTx, name: string, email: string) {
  const existing = await findUserByEmail(db, email);
  if (existing) return existing;
  const now = nowIso();
  const row = { id: newId(), email: email.trim().toLowerCase(), name, password_hash: null, disabled_at: null, created_at: now, updated_at: now };
  await db.insertInto("users").values(row).execute();
  return row;
}

/** Creates an account with a password (CLI and setup); refuses an email already in use. */
export async function createUserWithPassword(db: DbOrTx, input: { name: string; email: string; password: string }) {
  const email = input.email.trim().toLowerCase();
  if (await findUserByEmail(db, email)) {
    throw new AppError("conflict", `An account with the email ${email} already exists.`, {
      fields: [{ path: "email", message: "This email already has an account." }],
    });
  }
  const now = nowIso();
  const row = {
    id: newId(),
    email,
    name: input.name.trim(),
    password_hash: await hashPassword(input.password),
    disabled_at: null,
    created_at: now,
    updated_at: now,
  };
  await db.insertInto("users").values(row).execute();
  return row;
}
