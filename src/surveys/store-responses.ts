/** Stores survey responses in groups: one transaction and a handful of statements for every response that arrives at the same moment. */
import type { Insertable } from "kysely";
import { type Limit, hitMany } from "../accounts/rate-limit.ts";
import { BatchWriter, perDatabase } from "../db/batch.ts";
import type { Tx } from "../db/database.ts";
import { type LinkContext, storeOrganisationalRatings } from "../network/respondent.ts";
import type { Ratings } from "../network/ratings.ts";
import type { WaveResponsesTable } from "./tables.ts";

export interface ResponseToStore {
  /** The invitation whose `responded` flag this response sets. */
  participantId: string;
  response: Insertable<WaveResponsesTable> & { nullifier: string };
  /** Ratings kept per organisation (an organisational network wave), stored with the response. */
  organisational?: { link: LinkContext; ratings: Ratings };
  /** A rate-limit key counted in the same transaction when the response is stored. */
  countAgainst?: { key: string; limit: Limit };
}

/** `already`: the link had been answered (by an earlier or a simultaneous submission); nothing was stored for this one. */
export type StoreOutcome = "stored" | "already";

/**
 * The group's statements: flip every participation flag still unset (each link once, the first submission in
 * the group wins), insert the winners' responses in one statement, their organisational ratings, and one
 * rate-limit upsert. A flag flips in the same transaction as its response is stored, or neither happens.
 */
export async function storeGroup(tx: Tx, items: ResponseToStore[]): Promise<StoreOutcome[]> {
  const ids = [...new Set(items.map((i) => i.participantId))];
  const flipped = new Set(
    (await tx.updateTable("wave_participants").set({ responded: 1 }).where("id", "in", ids).where("responded", "=", 0).returning("id").execute()).map((r) => r.id),
  );
  const claimed = new Set<string>();
  const winners = items.filter((i) => flipped.has(i.participantId) && !claimed.has(i.participantId) && claimed.add(i.participantId));
  const inserted = new Set<string>();
  if (winners.length > 0) {
    // A response already under a nullifier (possible only if data was changed by hand) leaves that flag set and stores nothing.
    const rows = await tx.insertInto("wave_responses").values(winners.map((w) => w.response)).onConflict((oc) => oc.column("nullifier").doNothing()).returning("nullifier").execute();
    for (const r of rows) inserted.add(r.nullifier);
  }
  const stored = new Set(winners.filter((w) => inserted.has(w.response.nullifier)));
  for (const w of stored) if (w.organisational) await storeOrganisationalRatings(tx, w.organisational.link, w.organisational.ratings);
  await hitMany(tx, [...stored].flatMap((w) => (w.countAgainst ? [w.countAgainst] : [])));
  return items.map((i) => (stored.has(i) ? "stored" : "already"));
}

/** The process's response writer for a database (see BatchWriter: acknowledged only after the group's commit). */
export const responseWriter = perDatabase((db) => new BatchWriter(db, storeGroup));
