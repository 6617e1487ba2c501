/** Refusing common and breached passwords, from the list @zxcvbn-ts/language-common maintains, and passwords made of the account's own email. */
import { createRequire } from "node:module";

let list: Set<string> | undefined;

/** The list, loaded on first use (about 49,000 entries). */
function commonPasswords(): Set<string> {
  if (!list) {
    const words = createRequire(import.meta.url)("@zxcvbn-ts/language-common/src/passwords.json") as string[];
    list = new Set(words.map((w) => w.toLowerCase()));
  }
  return list;
}

/** The forms of a password that are checked: as typed (lower case), and without the digits and symbols people add at either end. */
function variants(password: string): string[] {
  const lower = password.toLowerCase();
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/gu, "");
  return core.length >= 4 && core !== lower ? [lower, core] : [lower];
}

/** True when the password, or it with digits and symbols trimmed from its ends, is on the common-password list. */
export function isCommonPassword(password: string): boolean {
  const words = commonPasswords();
  return variants(password).some((v) => words.has(v));
}

/** True when the password is the email address, or its part before the @, whatever the case, dots and dashes, with or without digits and symbols around it. */
export function isMadeOfEmail(password: string, email: string): boolean {
  const letters = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
  const address = email.trim().toLowerCase();
  const local = letters((address.split("@")[0] ?? "").replace(/[\d\W_]+$/u, ""));
  return variants(password).some((v) => v === address || letters(v) === letters(address) || (local.length >= 3 && letters(v) === local));
}
