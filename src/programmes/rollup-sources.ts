/** What a programme roll-up reads: in one statement, each live sharing partnership, its counts of published waves and summaries, and the summary its headline comes from; the latest baseline question's wave when that is another. */
import { sql } from "kysely";
import { type Db, isSqlite } from "../db/database.ts";
import type { WaveSummaryInput } from "./rollup/index.ts";

/**
 * `published_at|wave_id` of the latest summary (by publication, then id) holding the figure whose status is in
 * `column`. ISO times share one width, so byte order of the text is that order; PostgreSQL is told to compare
 * bytes ("C"), whatever the database's collation, so it picks what `latestSummaries` picks in JavaScript (and
 * the result goes back to the default collation, so the primary key can find its wave).
 */
function latestKey(sqlite: boolean, column: "ws.overall_status" | "ws.baseline_status") {
  const key = sql<string | null>`case when ${sql.ref(column)} is not null then ws.published_at || '|' || ws.wave_id end`;
  return sqlite ? sql<string | null>`max(${key})` : sql<string | null>`max(${key} collate "C") collate "default"`;
}

/** The wave id in a key (after the "|"). */
function waveOfKey(sqlite: boolean, key: "latest.headline_key" | "latest.baseline_key") {
  const ref = sql.ref(key);
  return sqlite ? sql<string | null>`substr(${ref}, instr(${ref}, '|') + 1)` : sql<string | null>`split_part(${ref}, '|', 2)`;
}

/**
 * Joins, as `h`, the headline summary (found by wave id). PostgreSQL looks each one up by primary key (a lateral
 * subquery; a plain join would hash every summary with its figures); SQLite does that for a plain join.
 */
function headlineSummary(sqlite: boolean) {
  const wave = waveOfKey(sqlite, "latest.headline_key");
  return sqlite ? sql`left join wave_summaries h on h.wave_id = ${wave}` : sql`left join lateral (select * from wave_summaries s where s.wave_id = ${wave} limit 1) h on true`;
}

/** One row of `rollupSources`. Counts may arrive as text (PostgreSQL's bigint). */
export interface RollupSource {
  partnership_id: string;
  name: string;
  shared_at: string;
  summarised: number | string;
  missing: number | string;
  /** Whether its registers hold any live entry (then the row carries a behavioural summary). */
  has_entries: number | boolean;
  h_id: string | null;
  h_name: string | null;
  h_published_at: string | null;
  h_k: number | null;
  h_invited: number | null;
  h_respondents: number | null;
  h_overall: string | null;
  h_change: string | null;
  /** The headline wave's baseline question, when it is also the latest wave asking it. */
  h_baseline: string | null;
  /** Otherwise the latest wave asking the baseline question, if any: read by `otherBaselines`. */
  b_wave: string | null;
}

/**
 * Per live sharing partnership: its name, since when it shares, how many published waves it has and how many of
 * them have a summary, whether its registers have entries, and the summary its headline comes from, with the
 * baseline question when the same wave holds the latest one (else the id of the wave that does: see
 * `latestSummaries`). The per-wave work (which published waves there are, which have a summary holding which
 * figures) reads two indexes only (`waves_published_by_partnership`, `wave_summaries_by_wave`); figures are read
 * for the summaries shown, found by their wave id, and nothing else.
 */
export async function rollupSources(db: Db, programmeId: string): Promise<RollupSource[]> {
  const sqlite = isSqlite(db);
  const latest = db
    .selectFrom("programme_partnerships as pp")
    // A literal, not a parameter: the partial index `waves_published_by_partnership` applies only then.
    .leftJoin("waves as w", (j) => j.onRef("w.partnership_id", "=", "pp.partnership_id").on("w.status", "=", sql.lit("published")).on("w.deleted_at", "is", null))
    .leftJoin("wave_summaries as ws", (j) => j.onRef("ws.partnership_id", "=", "w.partnership_id").onRef("ws.wave_id", "=", "w.id"))
    .select((eb) => [
      "pp.partnership_id",
      "pp.shared_at",
      eb.fn.count("w.id").as("waves"),
      eb.fn.count("ws.wave_id").as("summarised"),
      latestKey(sqlite, "ws.overall_status").as("headline_key"),
      latestKey(sqlite, "ws.baseline_status").as("baseline_key"),
    ])
    .where("pp.programme_id", "=", programmeId)
    .where("pp.withdrawn_at", "is", null)
    // The primary key of the sharing row, so its shared_at may be selected.
    .groupBy(["pp.programme_id", "pp.partnership_id"]);
  const result = await sql<RollupSource>`
    with latest as ${latest}
    select latest.partnership_id, p.name, latest.shared_at, latest.summarised, latest.waves - latest.summarised as missing,
      exists (select 1 from register_entries re where re.partnership_id = latest.partnership_id and re.deleted_at is null) as has_entries,
      h.wave_id as h_id, h.wave_name as h_name, h.published_at as h_published_at, h.k as h_k, h.invited as h_invited, h.respondents as h_respondents, h.overall as h_overall, h.change as h_change,
      case when latest.baseline_key = latest.headline_key then h.baseline end as h_baseline,
      case when latest.baseline_key <> coalesce(latest.headline_key, '') then ${waveOfKey(sqlite, "latest.baseline_key")} end as b_wave
    from latest
    join partnerships p on p.id = latest.partnership_id
    ${headlineSummary(sqlite)}
    where p.deleted_at is null`.execute(db);
  return result.rows;
}

/** Ids per statement when reading other baseline waves (well under both engines' limits on parameters). */
const CHUNK = 1000;

/** The summaries of the latest waves asking the baseline question where that is not the headline wave (a pulse after the full survey, say). */
export async function otherBaselines(db: Db, sources: readonly RollupSource[]) {
  const ids = [...new Set(sources.flatMap((s) => (s.b_wave === null ? [] : [s.b_wave])))];
  const found = new Map<string, { wave_id: string; wave_name: string; published_at: string; k: number; baseline: string | null }>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db.selectFrom("wave_summaries").select(["wave_id", "wave_name", "published_at", "k", "baseline"]).where("wave_id", "in", ids.slice(i, i + CHUNK)).execute();
    for (const r of rows) found.set(r.wave_id, r);
  }
  return found;
}

/** True when some published wave of a sharing partnership has no summary yet. */
export const missingSummaries = (sources: readonly RollupSource[]) => sources.some((s) => Number(s.missing) > 0);

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
export function shownSummaries(s: RollupSource, baselines: Awaited<ReturnType<typeof otherBaselines>>): WaveSummaryInput[] {
  const shown: WaveSummaryInput[] = [];
  if (s.h_id !== null) {
    shown.push({ waveId: s.h_id, waveName: s.h_name ?? "", publishedAt: s.h_published_at ?? "", k: Number(s.h_k), invited: count(s.h_invited), respondents: count(s.h_respondents), overall: parse(s.h_overall), baseline: parse(s.h_baseline), change: parse(s.h_change) });
  }
  const b = s.b_wave === null ? undefined : baselines.get(s.b_wave);
  if (b) shown.push({ waveId: b.wave_id, waveName: b.wave_name, publishedAt: b.published_at, k: Number(b.k), invited: null, respondents: null, overall: null, baseline: parse(b.baseline), change: null });
  return shown;
}
