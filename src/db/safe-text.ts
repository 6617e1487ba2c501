/** Strings both stores keep intact: no U+0000 (PostgreSQL text refuses it) and no lone UTF-16 surrogates (mangled on read). */
import { z } from "zod";

export const NO_NUL = /^[^\u0000]*$/;

/** A zod string that refuses what SQLite and PostgreSQL would store differently, so both answer 422 alike. */
export function safeString() {
  return z
    .string()
    .regex(NO_NUL, "Remove the NUL character (U+0000).")
    .refine((s) => s.isWellFormed(), "Contains a broken character (a lone UTF-16 surrogate); retype it.");
}
