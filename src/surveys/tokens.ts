/** The two one-way hashes of a respondent's link token: one for participation, one (unjoinable) for the response. */
import { hashSecret } from "../db/ids.ts";

/** Stored on the participation row, to find the invitation from the link. */
export function participationHash(token: string): string {
  return hashSecret(`participation:${token}`);
}

/** Stored on the response. Without the token, nobody can compute it from the participation hash. */
export function responseNullifier(token: string): string {
  return hashSecret(`response:${token}`);
}
