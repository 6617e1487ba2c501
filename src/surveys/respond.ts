/** What a respondent does with a personal link: see the survey, and submit once (idempotently, durably). */
import type { Db, DbOrTx } from "../db/database.ts";
import { BatchLoader, perDatabase } from "../db/batch.ts";
import { inListParameter, listParameter, preparedStatement } from "../db/prepared.ts";
import { assertUnderLimit, type Limit } from "../accounts/rate-limit.ts";
import { responseWriter } from "./store-responses.ts";
import { hashSecret, randomHex } from "../db/ids.ts";
import { AppError } from "../errors/app-error.ts";
import { networkBlock, prepareRatings, type LinkContext } from "../network/respondent.ts";
import type { Ratings } from "../network/ratings.ts";
import { getInstrument } from "./instruments/registry.ts";
import type { Answers, Instrument } from "./instruments/types.ts";
import { participationHash, responseNullifier } from "./tokens.ts";
import { validateAnswers } from "./validate-answers.ts";

const INVALID_LINK = "This survey link is not valid. Check you copied all of it, or ask your convenor for a new one.";

function linkQuery(db: DbOrTx) {
  return db
    .selectFrom("wave_participants")
    .innerJoin("waves", "waves.id", "wave_participants.wave_id")
    .innerJoin("partnerships", "partnerships.id", "waves.partnership_id")
    .innerJoin("people", "people.id", "wave_participants.person_id")
    .leftJoin("organisations", "organisations.id", "people.organisation_id")
    .select([
      "wave_participants.token_hash", "wave_participants.id as participant_id", "wave_participants.responded", "waves.id as wave_id", "waves.name as wave_name", "waves.status",
      "waves.opens_on", "waves.closes_on", "waves.k", "waves.instrument_key", "waves.instrument_version", "partnerships.name as partnership_name",
      "people.organisation_id", "organisations.sector", "wave_participants.person_id", "waves.network_mode", "waves.partnership_id",
    ])
    .where("waves.deleted_at", "is", null)
    .where("partnerships.deleted_at", "is", null)
    // A removed person's link, or that of someone in a removed organisation, is no link at all (the organisation is null when they have none).
    .where("people.deleted_at", "is", null)
    .where("organisations.deleted_at", "is", null);
}
type LinkRow = NonNullable<Awaited<ReturnType<ReturnType<typeof linkQuery>["executeTakeFirst"]>>>;

/** The links for a list of token hashes: one statement, built once. */
const linksByHash = preparedStatement((db) => linkQuery(db).where(inListParameter(db, "wave_participants.token_hash")).compile(), 1);

/** Links opened at the same moment are looked up in one query. */
const links = perDatabase(
  (db) =>
    new BatchLoader(async (hashes: string[]) => {
      const rows = await linksByHash(db, [listParameter(db, hashes)]);
      return new Map(rows.map((r) => [r.token_hash, r]));
    }),
);

async function openLink(db: Db, token: string): Promise<LinkRow> {
  const row = await links(db).load(participationHash(token));
  if (!row) throw new AppError("not_found", INVALID_LINK);
  return row;
}

const linkContext = (row: LinkRow): LinkContext => ({
  waveId: row.wave_id,
  partnershipId: row.partnership_id,
  personId: row.person_id,
  organisationId: row.organisation_id,
  networkMode: row.network_mode,
});

type LinkStatus = "open" | "not_open" | "closed" | "answered";

function linkStatus(row: { status: string; closes_on: string; responded: number }, answered: boolean, today: string): LinkStatus {
  if (answered || row.responded) return "answered";
  if (row.status === "draft") return "not_open";
  if (row.status !== "open" || today > row.closes_on) return "closed";
  return "open";
}

async function hasAnswered(db: DbOrTx, token: string): Promise<boolean> {
  return (await db.selectFrom("wave_responses").select("id").where("nullifier", "=", responseNullifier(token)).executeTakeFirst()) !== undefined;
}

export async function describeLink(db: Db, token: string, today = new Date().toISOString().slice(0, 10)) {
  const row = await openLink(db, token);
  const instrument: Instrument = getInstrument(row.instrument_key, row.instrument_version);
  return {
    partnershipName: row.partnership_name,
    waveName: row.wave_name,
    opensOn: row.opens_on,
    closesOn: row.closes_on,
    k: row.k,
    status: linkStatus(row, await hasAnswered(db, token), today),
    instrument,
    network: await networkBlock(db, linkContext(row)),
  };
}

const CLOSED = "This survey has closed, so it can no longer take answers. Thank you all the same.";
const ALREADY = "We already have your answers for this survey, so we can't take them again. Thank you for taking part.";

/**
 * Stores one response for the link. The response row gets a random id and no time; it shares no key
 * with the participation row. Answered 201 only after the commit (SQLite synchronous=FULL,
 * PostgreSQL synchronous_commit on). A replay with the same Idempotency-Key gets the first answers back.
 * `countAgainst` is a rate-limit key, checked first (rate_limited when used up) and counted in the storing transaction (so a stored response costs one
 * durable commit, not two); it is not counted for replays or refusals.
 */
export async function submitResponse(
  db: Db,
  token: string,
  idempotencyKey: string,
  answers: Answers,
  today = new Date().toISOString().slice(0, 10),
  ratings?: Ratings,
  countAgainst?: { key: string; limit: Limit },
) {
  // The link and the rate limit are looked up together (each joins its own batched query).
  const [opened, limit] = await Promise.allSettled([openLink(db, token), countAgainst ? assertUnderLimit(db, countAgainst.key, countAgainst.limit) : undefined]);
  if (limit.status === "rejected") throw limit.reason;
  if (opened.status === "rejected") throw opened.reason;
  const row = opened.value;
  const nullifier = responseNullifier(token);
  const idempotencyHash = hashSecret(`idempotency:${idempotencyKey}`);
  const replay = async (afterStore = false) => {
    const existing = await db.selectFrom("wave_responses").select(["answers", "idempotency_hash"]).where("nullifier", "=", nullifier).executeTakeFirst();
    if (existing && existing.idempotency_hash === idempotencyHash) return { replayed: true, answers: JSON.parse(existing.answers) as Answers, answersJson: existing.answers };
    // Refused by the store with no answers under this link: the wave closed, or the link ended (person or organisation removed, link replaced), after it was opened.
    if (!existing && afterStore) {
      const wave = await db.selectFrom("waves").select("status").where("id", "=", row.wave_id).executeTakeFirst();
      if (wave && wave.status !== "open") throw new AppError("conflict", CLOSED);
      throw new AppError("not_found", INVALID_LINK);
    }
    throw new AppError("conflict", ALREADY);
  };
  const status = linkStatus(row, false, today);
  if (row.responded || status === "answered") return replay();
  if (status === "not_open") throw new AppError("conflict", "This survey has not opened yet. Your link will work once the convenor opens it.");
  if (status === "closed") throw new AppError("conflict", CLOSED);

  const problems = validateAnswers(getInstrument(row.instrument_key, row.instrument_version), answers);
  if (problems.length) throw new AppError("validation_failed", problems[0]!.message, { fields: problems });
  const link = linkContext(row);
  const cleanRatings = await prepareRatings(db, link, ratings);
  const clean: Answers = Object.fromEntries(Object.entries(answers).map(([k, a]) => [k, a.text?.trim() ? { value: a.value, text: a.text.trim() } : { value: a.value }]));

  const answersJson = JSON.stringify(clean);

  // Stored with the other submissions arriving at the same moment: one durable commit for the group (store-responses.ts).
  const outcome = await responseWriter(db).store({
    participantId: row.participant_id,
    tokenHash: row.token_hash,
    response: { id: randomHex(16), wave_id: row.wave_id, nullifier, idempotency_hash: idempotencyHash, organisation_id: row.organisation_id, sector: row.sector, answers: answersJson, ratings: cleanRatings && link.networkMode === "personal" ? JSON.stringify(cleanRatings) : null },
    ...(cleanRatings && link.networkMode === "organisational" ? { organisational: { link, ratings: cleanRatings } } : {}),
    ...(countAgainst ? { countAgainst } : {}),
  });
  if (outcome === "already") return replay(true);
  // answersJson: the stored text, so a caller echoing the answers need not serialise them again.
  return { replayed: false, answers: clean, answersJson };
}
