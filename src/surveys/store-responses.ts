/** Stores survey responses in groups: one transaction and a handful of statements for every response that arrives at the same moment. */
import { type Insertable, sql } from "kysely";
import { type Limit, hitMany, windowStartIso } from "../accounts/rate-limit.ts";
import { BatchWriter, inTransaction, perDatabase } from "../db/batch.ts";
import { preparedStatement } from "../db/prepared.ts";
import { type Db, type Tx, isSqlite } from "../db/database.ts";
import { type LinkContext, storeOrganisationalRatings } from "../network/respondent.ts";
import type { Ratings } from "../network/ratings.ts";
import type { WaveResponsesTable } from "./tables.ts";

export interface ResponseToStore {
  /** The invitation whose `responded` flag this response sets. */
  participantId: string;
  /** The link's hash as it was opened: a link replaced or ended since (its person or organisation removed) stores nothing. */
  tokenHash: string;
  response: Insertable<WaveResponsesTable> & { nullifier: string };
  /** Ratings kept per organisation (an organisational network wave), stored with the response. */
  organisational?: { link: LinkContext; ratings: Ratings };
  /** A rate-limit key counted in the same transaction when the response is stored. */
  countAgainst?: { key: string; limit: Limit };
}

/**
 * `already`: nothing was stored for this one — the link had been answered (by an earlier or a simultaneous submission),
 * or it stopped being valid after it was opened (the caller tells these apart by whether answers exist under its nullifier).
 */
export type StoreOutcome = "stored" | "already";

/**
 * The group's statements: flip every participation flag still unset (each link once, the first submission in
 * the group wins), insert the winners' responses in one statement, their organisational ratings, and one
 * rate-limit upsert. A flag flips in the same transaction as its response is stored, or neither happens. Only a live link's
 * flag flips: its hash unchanged, its person not removed, and their organisation (if any) not removed.
 */
export async function storeGroup(tx: Tx, items: ResponseToStore[]): Promise<StoreOutcome[]> {
  // Only into open waves, and (PostgreSQL) holding the wave rows shared until the commit: a close, which updates the
  // row, waits for this group to commit and then reseals its responses too; a group that reaches a wave being closed
  // waits for the close and then stores nothing. On SQLite the single writer orders the two; the status check suffices.
  const waveIds = [...new Set(items.map((i) => i.response.wave_id))];
  const openQuery = tx.selectFrom("waves").select("id").where("id", "in", waveIds).where("status", "=", "open");
  const openWaves = new Set((await (isSqlite(tx) ? openQuery : openQuery.forShare()).execute()).map((r) => r.id));
  const live = items.filter((i) => openWaves.has(i.response.wave_id));
  if (live.length === 0) return items.map(() => "already");
  const ids = [...new Set(live.map((i) => i.participantId))];
  const hashes = [...new Set(live.map((i) => i.tokenHash))];
  const flipped = new Set(
    (
      await tx
        .updateTable("wave_participants")
        .set({ responded: 1 })
        .where("id", "in", ids)
        .where("responded", "=", 0)
        .where("token_hash", "in", hashes)
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom("people")
              .leftJoin("organisations", "organisations.id", "people.organisation_id")
              .select("people.id")
              .whereRef("people.id", "=", "wave_participants.person_id")
              .where("people.deleted_at", "is", null)
              .where("organisations.deleted_at", "is", null),
          ),
        )
        .returning("id")
        .execute()
    ).map((r) => r.id),
  );
  const claimed = new Set<string>();
  const winners = live.filter((i) => flipped.has(i.participantId) && !claimed.has(i.participantId) && claimed.add(i.participantId));
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
 * round trip and one synchronous commit instead of five. It is a named statement with four parameters whatever the
 * group's size: the waves (locked shared while open, as in `storeGroup`, so a close waits for the group and the group
 * never stores into a closed wave), the participation ids (an array, so the update finds them by primary key), the
 * links' hashes as opened, and the rows as JSON. As in `storeGroup`, only a live link's flag flips.
 */
const groupStatement = preparedStatement(
  (db) => sql<{ nullifier: string }>`
    with open_waves as (
      select id from waves where id = any(${[]}::text[]) and status = 'open' for share
    ),
    flipped as (
      update wave_participants set responded = 1
      where id = any(${[]}::text[]) and responded = 0 and token_hash = any(${[]}::text[])
        and wave_id in (select id from open_waves)
        and exists (
          select 1 from people p left join organisations o on o.id = p.organisation_id
          where p.id = wave_participants.person_id and p.deleted_at is null and o.deleted_at is null
        )
      returning id
    ),
    incoming as (
      select * from json_to_recordset(${"[]"}::json) as t(
        participant_id text, id text, wave_id text, nullifier text, idempotency_hash text, organisation_id text, sector text,
        answers text, ratings text, rate_key text, rate_window text, ord int
      )
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
    select nullifier from inserted`.compile(db),
  4,
);

export async function storeGroupInOneStatement(db: Db, items: ResponseToStore[]): Promise<StoreOutcome[]> {
  const now = Date.now();
  const rows = items.map((i, ord) => ({
    participant_id: i.participantId,
    id: i.response.id,
    wave_id: i.response.wave_id,
    nullifier: i.response.nullifier,
    idempotency_hash: i.response.idempotency_hash,
    organisation_id: i.response.organisation_id ?? null,
    sector: i.response.sector ?? null,
    answers: i.response.answers,
    ratings: i.response.ratings ?? null,
    rate_key: i.countAgainst?.key ?? null,
    rate_window: i.countAgainst ? windowStartIso(i.countAgainst.limit, now) : null,
    ord,
  }));
  const inserted = await groupStatement(db, [[...new Set(items.map((i) => i.response.wave_id))], [...new Set(items.map((i) => i.participantId))], [...new Set(items.map((i) => i.tokenHash))], JSON.stringify(rows)]);
  const stored = new Set(inserted.map((r) => r.nullifier));
  // Only the first submission of a link in the group can have been inserted; a later one with the same nullifier is "already".
  const seen = new Set<string>();
  return items.map((i) => (stored.has(i.response.nullifier) && !seen.has(i.response.nullifier) && seen.add(i.response.nullifier) ? "stored" : "already"));
}

/** The process's response writer for a database (see BatchWriter: acknowledged only after the group's commit). */
export const responseWriter = perDatabase((db) => {
  const postgres = !isSqlite(db);
  const inTx = inTransaction(storeGroup);
  return new BatchWriter<ResponseToStore, StoreOutcome>(db, (d, items) => (postgres && !items.some((i) => i.organisational) ? storeGroupInOneStatement(d, items) : inTx(d, items)));
});
