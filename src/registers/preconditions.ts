/** Edits that cross: each entry's ETag (its version), and the If-Match or body version every write to an existing entry must bring. */
import { AppError } from "../errors/app-error.ts";

/** An entry's strong entity tag: its version in double quotes, e.g. `"3"`. Every response carrying an entry sends it. */
export const etagOf = (version: number): string => `"${version}"`;

/** What a write to an existing entry says it was made from. */
export interface Expected {
  /** The If-Match header as sent, if any. */
  ifMatch?: string | undefined;
  /** The `version` in a change's body, if any (only changes have a body that can carry it). */
  version?: number | undefined;
}

/** A parsed If-Match: `*`, or the versions its strong tags name (weak and foreign tags name none, so they never match). */
export type IfMatch = { any: true } | { any: false; versions: number[] };

/** One list element: optional whitespace, then an entity tag or nothing (empty elements are allowed and ignored). */
const ELEMENT = /[ \t]*(?:(W\/)?"([\x21\x23-\x7e\x80-\xff]*)")?[ \t]*/y;
const MALFORMED = 'If-Match must be an entity tag in double quotes, such as "3" (the ETag the entry was sent with), or a comma-separated list of them.';

/** Parses an If-Match header (RFC 9110 §13.1.1); anything that is not `*` or a list of entity tags is a 400. */
export function parseIfMatch(header: string): IfMatch {
  if (header.trim() === "*") return { any: true };
  const versions: number[] = [];
  let tags = 0;
  for (let pos = 0; ; pos++) {
    ELEMENT.lastIndex = pos;
    const m = ELEMENT.exec(header)!; // every part is optional, so it always matches
    pos = ELEMENT.lastIndex;
    if (m[2] !== undefined) {
      tags++;
      // Strong comparison: a weak tag never matches, nor does a tag that is not a version we issued.
      if (!m[1] && /^[1-9]\d{0,14}$/.test(m[2])) versions.push(Number(m[2]));
    }
    if (pos === header.length) break;
    if (header[pos] !== ",") throw new AppError("bad_request", MALFORMED);
  }
  if (tags === 0) throw new AppError("bad_request", MALFORMED);
  return { any: false, versions };
}

/**
 * Refuses a write unless it names the stored version: 428 when it names none (or only `If-Match: *`, which would
 * let any version be overwritten), 412 when If-Match names another version or disagrees with the body's version,
 * and 409 (as before If-Match existed) when only the body's version is stale. Call after authorisation, before writing.
 * Returns the code a write that loses the race after this check should give (saveChange's `staleCode`).
 */
export function requireExpected(singular: string, stored: number, expected: Expected, body: boolean): "precondition_failed" | "conflict" {
  const ifMatch = expected.ifMatch === undefined ? undefined : parseIfMatch(expected.ifMatch);
  const send = `send If-Match: "${stored}" with the ETag of the version you loaded${body ? ', or "version" in the body' : ""}`;
  if (ifMatch?.any) throw new AppError("precondition_required", `If-Match: * would overwrite whatever version is stored. Say which version of this ${singular} you are changing: ${send}.`);
  if (!ifMatch && expected.version === undefined) throw new AppError("precondition_required", `Say which version of this ${singular} you are changing: ${send}.`);
  if (ifMatch && expected.version !== undefined && !ifMatch.versions.includes(expected.version)) {
    throw new AppError("precondition_failed", `If-Match and the body's version (${expected.version}) name different versions of this ${singular}; send one, or the same in both.`);
  }
  if (ifMatch && !ifMatch.versions.includes(stored)) {
    throw new AppError("precondition_failed", `Someone else changed this ${singular} after you loaded it (it is now version ${stored}), so nothing was saved; reload it and make your change again.`);
  }
  if (expected.version !== undefined && expected.version !== stored) {
    throw new AppError("conflict", `Someone else changed this ${singular} (now version ${stored}); reload and try again.`);
  }
  return ifMatch ? "precondition_failed" : "conflict";
}
