/** Reading and creating user accounts (shared by setup, invitations, people and the CLI). */
import type { DbOrTx } from "../db/database.ts";
import { newId, nowIso } from "../db/ids.ts";
import { AppError } from "../errors/app-error.ts";
import type { UserView } from "./contracts.ts";
import { assertPasswordFitsAccount, hashPassword } from "./passwords.ts";

export function toUserView(row: { id: string; name: string; email: string; created_at: string; email_proven_at: string | null }): UserView {
  return { id: row.id, name: row.name, email: row.email, createdAt: row.created_at, emailProven: row.email_proven_at !== null };
}

export async function findUserByEmail(db: DbOrTx, email: string) {
  return db.selectFrom("users").selectAll().where("email", "=", email.trim().toLowerCase()).executeTakeFirst();
}

export async function getUser(db: DbOrTx, userId: string) {
  const row = await db.selectFrom("users").selectAll().where("id", "=", userId).executeTakeFirst();
  if (!row) throw new AppError("not_found", "No such user.");
  return row;
}

/**
 * How an account's address stands when it is created: proven (the operator set it up, or the person used a link
 * sent only to that address), or unproven, scoped to the partnership or programme whose held link set its password.
 */
export type AddressProof = { proven: true } | { proven: false; scope: string };

/** Creates an account with a password; refuses an email already in use. Setup and the CLI vouch for the address (the default). */
export async function createUserWithPassword(db: DbOrTx, input: { name: string; email: string; password: string }, proof: AddressProof = { proven: true }) {
  assertPasswordFitsAccount(input.password, input.email.trim().toLowerCase());
  return insertAccount(db, { name: input.name, email: input.email, passwordHash: await hashPassword(input.password) }, proof);
}

/** Inserts an account whose password is already hashed (hash outside a transaction: it is slow); refuses an email already in use. */
export async function insertAccount(db: DbOrTx, input: { name: string; email: string; passwordHash: string }, proof: AddressProof) {
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
    password_hash: input.passwordHash,
    disabled_at: null,
    created_at: now,
    updated_at: now,
    email_proven_at: proof.proven ? now : null,
    unproven_scope: proof.proven ? null : proof.scope,
  };
  await db.insertInto("users").values(row).execute();
  return row;
}
