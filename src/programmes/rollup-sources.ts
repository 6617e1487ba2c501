/** What a programme roll-up reads, in one statement: each live sharing partnership, its counts of published waves and summaries, and the two summaries its row shows. */
import { SqliteAdapter, sql } from "kysely";
import type { Db } from "../db/database.ts";
import type { WaveSummaryInput } from "./rollup/index.ts";

/**
 * `published_at|wave_id` of the latest summary (by publication, then id) holding `column`. ISO times share one
 * width, so byte order of the text is that order; PostgreSQL is told to compare bytes ("C"), whatever the
 * database's collation, so it picks what `latestSummaries` picks in JavaScript.
 */
function latestKey(db: Db, column: "ws.overall" | "ws.baseline") {
  const key = sql<string | null>`case when ${sql.ref(column)} is not null then ws.published_at || '|' || ws.wave_id end`;
  return db.getExecutor().adapter instanceof SqliteAdapter ? sql<string | null>`max(${key})` : sql<string | null>`max(${key} collate "C")`;
}

/** Joins a summary back by its key, through the (partnership, published_at, wave_id) index. */
const keyMatches = (alias: "h" | "b", key: "headline_key" | "baseline_key") => sql<boolean>`${sql.ref(`${alias}.published_at`)} || '|' || ${sql.ref(`${alias}.wave_id`)} = ${sql.ref(`latest.${key}`)}`;

/**
 * Per live sharing partnership: its name, since when it shares, how many published waves it has and how many of
 * them have a summary, and the two summaries its row is built from (see `latestSummaries`: the latest with an
 * overall score, the latest asking the baseline question; the second's columns are null when it is the same
 * wave). Every wave is looked at by the database, but only the figures shown are read out of it.
 */
export function rollupSources(db: Db, programmeId: string) {
  return db
    .with("latest", (qb) =>
      qb
        .selectFrom("programme_partnerships as pp")
        .innerJoin("waves as w", (j) => j.onRef("w.partnership_id", "=", "pp.partnership_id").on("w.status", "=", "published").on("w.deleted_at", "is", null))
        .leftJoin("wave_summaries as ws", "ws.wave_id", "w.id")
        .select((eb) => ["w.partnership_id", eb.fn.count<number | string>("w.id").as("waves"), eb.fn.count<number | string>("ws.wave_id").as("summarised"), latestKey(db, "ws.overall").as("headline_key"), latestKey(db, "ws.baseline").as("baseline_key")])
        .where("pp.programme_id", "=", programmeId)
        .where("pp.withdrawn_at", "is", null)
        .groupBy("w.partnership_id"),
    )
    .selectFrom("programme_partnerships as pp")
    .innerJoin("partnerships as p", "p.id", "pp.partnership_id")
    .leftJoin("latest", "latest.partnership_id", "pp.partnership_id")
    .leftJoin("wave_summaries as h", (j) => j.onRef("h.partnership_id", "=", "pp.partnership_id").on(keyMatches("h", "headline_key")))
    .leftJoin("waves as hw", "hw.id", "h.wave_id")
    .leftJoin("wave_summaries as b", (j) => j.onRef("b.partnership_id", "=", "pp.partnership_id").on(keyMatches("b", "baseline_key")).on(sql<boolean>`(latest.headline_key is null or latest.baseline_key <> latest.headline_key)`))
    .leftJoin("waves as bw", "bw.id", "b.wave_id")
    .select(["pp.partnership_id", "p.name", "pp.shared_at", "latest.waves", "latest.summarised", "latest.headline_key", "latest.baseline_key"])
    .select(["h.wave_id as h_id", "hw.name as h_name", "h.published_at as h_published_at", "h.k as h_k", "h.invited as h_invited", "h.respondents as h_respondents", "h.overall as h_overall", "h.change as h_change", "h.baseline as h_baseline"])
    .select(["b.wave_id as b_id", "bw.name as b_name", "b.published_at as b_published_at", "b.k as b_k", "b.baseline as b_baseline"])
    .where("pp.programme_id", "=", programmeId)
    .where("pp.withdrawn_at", "is", null)
    .where("p.deleted_at", "is", null)
    .execute();
}

export type RollupSource = Awaited<ReturnType<typeof rollupSources>>[number];

/** True when some published wave of a sharing partnership has no summary yet. */
export const missingSummaries = (sources: readonly RollupSource[]) => sources.some((s) => s.waves !== null && Number(s.waves) > Number(s.summarised));

const parse = (s: string | null): unknown => {
  if (s === null) return null;
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return { status: "suppressed", reason: "error" };
  }
};
const count = (v: number | string | bigint | null) => (v === null ? null : Number(v));

/**
 * The summaries a row is built from: the headline wave (with its baseline question only when it is also the
 * latest asking it) and the latest wave asking the baseline question (with nothing else), which is the row
 * built from every summary (the property tests check it).
 */
export function shownSummaries(s: RollupSource): WaveSummaryInput[] {
  const shown: WaveSummaryInput[] = [];
  const same = s.headline_key !== null && s.headline_key === s.baseline_key;
  if (s.h_id !== null) {
    shown.push({ waveId: s.h_id, waveName: s.h_name ?? "", publishedAt: s.h_published_at ?? "", k: Number(s.h_k), invited: count(s.h_invited), respondents: count(s.h_respondents), overall: parse(s.h_overall), baseline: same ? parse(s.h_baseline) : null, change: parse(s.h_change) });
  }
  if (s.b_id !== null) {
    shown.push({ waveId: s.b_id, waveName: s.b_name ?? "", publishedAt: s.b_published_at ?? "", k: Number(s.b_k), invited: null, respondents: null, overall: null, baseline: parse(s.b_baseline), change: null });
  }
  return shown;
}
