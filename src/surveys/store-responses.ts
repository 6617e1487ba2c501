/** Stores survey responses in groups: one transaction and a handful of statements for every response that arrives at the same moment. */
import { type Insertable, SqliteAdapter, sql } from "kysely";
import { type Limit, hitMany, windowStartIso } from "../accounts/rate-limit.ts";
import { BatchWriter, inTransaction, perDatabase } from "../db/batch.ts";
import type { Db, Tx } from "../db/database.ts";
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

/**
 * PostgreSQL: the same group as one statement (data-modifying CTEs, committed on its own), so a group costs one
 * round trip and one synchronous commit instead of five round trips. Columns travel as arrays, one per column.
 * Groups with organisational ratings take the transaction path.
 */
export async function storeGroupInOneStatement(db: Db, items: ResponseToStore[]): Promise<StoreOutcome[]> {
  const col = <T>(f: (i: ResponseToStore, n: number) => T) => items.map(f);
  const now = Date.now();
  const { rows } = await sql<{ nullifier: string }>`
    with flipped as (
      update wave_participants set responded = 1
      where id = any(${[...new Set(col((i) => i.participantId))]}::text[]) and responded = 0
      returning id
    ),
    incoming as (
      select * from unnest(
        ${col((i) => i.participantId)}::text[], ${col((i) => i.response.id)}::text[], ${col((i) => i.response.wave_id)}::text[],
        ${col((i) => i.response.nullifier)}::text[], ${col((i) => i.response.idempotency_hash)}::text[],
        ${col((i) => i.response.organisation_id ?? null)}::text[], ${col((i) => i.response.sector ?? null)}::text[],
        ${col((i) => i.response.answers)}::text[], ${col((i) => i.response.ratings ?? null)}::text[],
        ${col((i) => i.countAgainst?.key ?? null)}::text[], ${col((i) => (i.countAgainst ? windowStartIso(i.countAgainst.limit, now) : null))}::text[],
        ${col((_, n) => n)}::int[]
      ) as t(participant_id, id, wave_id, nullifier, idempotency_hash, organisation_id, sector, answers, ratings, rate_key, rate_window, ord)
    ),
    winners as (
      select distinct on (i.participant_id) i.* from incoming i join flipped f on f.id = i.participant_id order by i.participant_id, i.ord
    ),
    inserted as (
      insert into wave_responses (id, wave_id, nullifier, idempotency_hash, organisation_id, sector, answers, ratings)
      select id, wave_id, nullifier, idempotency_hash, organisation_id, sector, answers, ratings from winners
      on conflict (nullifier) do nothing
      returning nullifier
    ),
    counted as (
      insert into rate_limits (key, window_start, count)
      select w.rate_key, max(w.rate_window), count(*) from winners w join inserted s on s.nullifier = w.nullifier
      where w.rate_key is not null group by w.rate_key
      on conflict (key) do update set
        count = case when rate_limits.window_start = excluded.window_start then rate_limits.count + excluded.count else excluded.count end,
        window_start = excluded.window_start
    )
    select nullifier from inserted`.execute(db);
  const stored = new Set(rows.map((r) => r.nullifier));
  // Only the first submission of a link in the group can have been inserted; a later one with the same nullifier is "already".
  const seen = new Set<string>();
  return items.map((i) => (stored.has(i.response.nullifier) && !seen.has(i.response.nullifier) && seen.add(i.response.nullifier) ? "stored" : "already"));
}

/** The process's response writer for a database (see BatchWriter: acknowledged only after the group's commit). */
export const responseWriter = perDatabase((db) => {
  const postgres = !(db.getExecutor().adapter instanceof SqliteAdapter);
  const inTx = inTransaction(storeGroup);
  return new BatchWriter<ResponseToStore, StoreOutcome>(db, (d, items) => (postgres && !items.some((i) => i.organisational) ? storeGroupInOneStatement(d, items) : inTx(d, items)));
});
