/** The chaos run's reckoning: what the clients were told against what the database holds (lost, duplicated, altered, flags without rows and rows without flags). */
import { participationHash, readStored, responseNullifier, type Target } from "../../tests/process/close-load-helpers.ts";
import type { Submission } from "./chaos-client.ts";

export interface Reckoning {
  acknowledged: number;
  stored: number;
  flagged: number;
  /** Acknowledged, yet no row under its link. */
  lost: number;
  /** A link with more than one row. */
  duplicated: number;
  /** Acknowledged and stored, with answers other than those sent. */
  altered: number;
  /** A participation flag set with no row under that link, or a row whose flag is not set. */
  flagsWithoutRows: number;
  rowsWithoutFlags: number;
  /** Rows for submissions that were never acknowledged (in doubt, refused or failed): not a loss, but counted. */
  storedUnacknowledged: number;
  /** Rows that match no link any client used. */
  strangers: number;
  lostSamples: string[];
}

export async function reckon(target: Target, waveIds: string[], submissions: readonly Submission[]): Promise<Reckoning> {
  const stored = await readStored(target, waveIds);
  const byNullifier = new Map(submissions.map((s) => [responseNullifier(s.token), s]));
  const byHash = new Map(submissions.map((s) => [participationHash(s.token), s]));
  let lost = 0;
  let altered = 0;
  let storedUnacknowledged = 0;
  const lostSamples: string[] = [];
  for (const s of submissions) {
    const rows = stored.rows.get(responseNullifier(s.token)) ?? [];
    if (s.ending === "acknowledged") {
      if (rows.length === 0) {
        lost++;
        if (lostSamples.length < 5) lostSamples.push(`link ${s.token.slice(0, 8)}…: ${s.attempts} attempt(s), last ${s.last}`);
      } else if (JSON.stringify(JSON.parse(rows[0]!)) !== JSON.stringify(s.answers)) altered++;
    } else if (rows.length > 0) storedUnacknowledged++;
  }
  let duplicated = 0;
  let strangers = 0;
  let rowCount = 0;
  let rowsWithoutFlags = 0;
  for (const [nullifier, rows] of stored.rows) {
    rowCount += rows.length;
    if (rows.length > 1) duplicated++;
    const s = byNullifier.get(nullifier);
    if (!s) strangers++;
    else if (!stored.flagged.has(participationHash(s.token))) rowsWithoutFlags++;
  }
  let flagsWithoutRows = 0;
  for (const hash of stored.flagged) {
    const s = byHash.get(hash);
    if (!s || !stored.rows.has(responseNullifier(s.token))) flagsWithoutRows++;
  }
  return {
    acknowledged: submissions.filter((s) => s.ending === "acknowledged").length,
    stored: rowCount,
    flagged: stored.flagged.size,
    lost,
    duplicated,
    altered,
    flagsWithoutRows,
    rowsWithoutFlags,
    storedUnacknowledged,
    strangers,
    lostSamples,
  };
}
