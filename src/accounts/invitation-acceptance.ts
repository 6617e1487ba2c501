/**
 * Who may accept an invitation (to a partnership or to lead a programme), shared by both kinds: accepting never
 * signs anyone in to an account that already exists; the invited address's own account must be signed in, and an
 * account whose address is unproven reaches only the partnership or programme whose held link set its password.
 */
import type { DbOrTx } from "../db/database.ts";
import { nowIso } from "../db/ids.ts";
import { AppError } from "../errors/app-error.ts";
import type { Actor } from "./actor.ts";
import { assertPasswordFitsAccount, hashPassword } from "./passwords.ts";
import { findUserByEmail, getUser, insertAccount } from "./users.ts";

/** What the rules need to know of an invitation. */
export interface InvitationTarget {
  /** The address it was made for. */
  email: string;
  /** "email": the link went only to that address; "held": it was shown to whoever made it. */
  delivery: "email" | "held";
  /** `partnership:<id>` or `programme:<id>`. */
  scope: string;
}

/** How the invitee answers: signed in already, or creating an account with a password (hashed before the transaction by `prepareNewAccount`). */
export type Acceptor = { actor: Actor } | { newAccount: { name: string; passwordHash: string } } | { nobody: true };

/** Hashes a new account's password outside any transaction, after the checks that need no database. */
export async function prepareNewAccount(email: string, input: { name: string; password: string }): Promise<{ name: string; passwordHash: string }> {
  assertPasswordFitsAccount(input.password, email);
  return { name: input.name, passwordHash: await hashPassword(input.password) };
}

/**
 * The account that accepts, checked against the rules (inside the caller's transaction). Returns its row and
 * whether it was created here (so the caller signs it in); an emailed link proves the address of the account using it.
 */
export async function acceptingAccount(tx: DbOrTx, target: InvitationTarget, who: Acceptor) {
  if ("nobody" in who) {
    throw new AppError("validation_failed", "Sign in to accept this invitation, or choose a password to create your account.", {
      fields: [{ path: "password", message: "Choose a password of at least 10 characters, or sign in first." }],
    });
  }
  if ("newAccount" in who) {
    if (await findUserByEmail(tx, target.email)) {
      throw new AppError("conflict", `An accord account already uses ${target.email}. Sign in to accept; if you have forgotten its password, use “Forgot your password?” on the sign-in page.`);
    }
    const proof = target.delivery === "email" ? ({ proven: true } as const) : ({ proven: false, scope: target.scope } as const);
    return { user: await insertAccount(tx, { name: who.newAccount.name, email: target.email, passwordHash: who.newAccount.passwordHash }, proof), created: true };
  }
  const user = await getUser(tx, who.actor.userId);
  if (user.email !== target.email) {
    throw new AppError("forbidden", `This invitation is for ${target.email}, and you are signed in as ${user.email}. Sign out, then open the link again and sign in as ${target.email} (or create that account).`);
  }
  if (user.email_proven_at === null && target.delivery === "held" && user.unproven_scope !== target.scope) {
    throw new AppError(
      "forbidden",
      "Your account's email address has not been proven, so it can only be used where its password was first set. Choose a new password through “Forgot your password?” (the link sent to your address proves it), or ask the person who runs accord, then open this invitation again.",
    );
  }
  if (target.delivery === "email" && user.email_proven_at === null) {
    const now = nowIso();
    await tx.updateTable("users").set({ email_proven_at: now, unproven_scope: null, updated_at: now }).where("id", "=", user.id).execute();
    return { user: { ...user, email_proven_at: now, unproven_scope: null }, created: false };
  }
  return { user, created: false };
}
