/** Password hashing with argon2id at OWASP's recommended cost, and the password rules people see. */
import argon2 from "argon2";
import { z } from "zod";
import { AppError } from "../errors/app-error.ts";
import { isCommonPassword, isMadeOfEmail } from "./common-passwords.ts";

/** OWASP Password Storage Cheat Sheet: argon2id, m = 19 MiB, t = 2, p = 1 (minimum); we use m = 19 MiB, t = 3. */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 3, parallelism: 1 } as const;

export const PasswordSchema = z
  .string()
  .min(10, "Use at least 10 characters.")
  .max(256, "Use at most 256 characters.")
  .refine((p) => p.length < 10 || !isCommonPassword(p), "This password is on a list of common or breached passwords; choose another (a few unrelated words work well).");

/** Refuses a new password made of the account's own email (the common list is checked by PasswordSchema). */
export function assertPasswordFitsAccount(password: string, email: string, path = "password"): void {
  if (isMadeOfEmail(password, email)) {
    throw new AppError("validation_failed", "Choose a password that is not your email address.", {
      fields: [{ path, message: "Do not use your email address as your password." }],
    });
  }
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spends the same work as a real check, so unknown emails answer as slowly as known ones. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("not-a-real-password-for-timing");
  await verifyPassword(await dummyHash, password);
  return false;
}

/** True when a stored hash was made with weaker settings than today's and should be re-hashed. */
export function needsRehash(hash: string): boolean {
  return argon2.needsRehash(hash, OPTIONS);
}
