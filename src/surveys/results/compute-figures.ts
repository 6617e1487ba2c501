/** Computes published figures from the stored answers: a wave's results in every breakdown and the comparison of two waves, reading each wave's rows once per operation. */
import { releasableGroups, releasedSizes } from "../../anonymity/index.ts";
import type { DbOrTx } from "../../db/database.ts";
import { SECTOR_LABELS } from "../../partnerships/sectors.ts";
import { welchDifference } from "../../stats/index.ts";
import { getInstrument } from "../instruments/registry.ts";
import type { Answers } from "../instruments/types.ts";
import type { WavesTable } from "../tables.ts";
import { ALL, BREAKDOWN_KINDS, buildBreakdown, computeAllBreakdowns, type BreakdownKind, type ResponseRecord, type WaveResults } from "./compute-results.ts";
import { respondentScores, type ScoreKey } from "./scoring.ts";

/** A published wave's results as the page shows them. */
export type PublishedResults = { wave: { id: string; name: string; k: number; publishedAt: string | null } } & WaveResults;

/** The published waves of a partnership (not deleted), oldest opened first: what the release rules of each wave look back on. */
export async function publishedWavesOf(db: DbOrTx, partnershipId: string): Promise<WavesTable[]> {
  const rows = await db.selectFrom("waves").selectAll().where("partnership_id", "=", partnershipId).where("status", "=", "published").where("deleted_at", "is", null).execute();
  const at = (w: WavesTable) => w.opened_at ?? "";
  return rows.sort((a, b) => (at(a) < at(b) ? -1 : at(a) > at(b) ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The published waves opened before this one, oldest first (from `publishedWavesOf`). */
export function earlierOf(published: readonly WavesTable[], wave: WavesTable): WavesTable[] {
  return published.filter((w) => (w.opened_at ?? "") < (wave.opened_at ?? ""));
}

/** Every organisation's name, deleted ones included (their groups keep their label). */
export async function organisationNames(db: DbOrTx, partnershipId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom("organisations").select(["id", "name"]).where("partnership_id", "=", partnershipId).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The answers of published waves, each wave's rows read once per operation (an operation is one view, one publish or one backfill). */
export class WaveRows {
  private readonly answers = new Map<string, Promise<ResponseRecord[]>>();
  private readonly members = new Map<string, Promise<ResponseRecord[]>>();
  private readonly chains = new Map<string, Promise<Map<string, number>[]>>();
  private readonly scored = new Map<string, Promise<Partial<Record<ScoreKey, number>>[]>>();

  constructor(private readonly db: DbOrTx) {}

  responses(waveId: string): Promise<ResponseRecord[]> {
    let rows = this.answers.get(waveId);
    if (!rows) {
      rows = this.db
        .selectFrom("wave_responses")
        .select(["id", "organisation_id", "sector", "answers"])
        .where("wave_id", "=", waveId)
        .execute()
        .then((rs) => rs.map((r) => ({ id: r.id, organisationId: r.organisation_id, sector: r.sector, answers: JSON.parse(r.answers) as Answers })));
      this.answers.set(waveId, rows);
    }
    return rows;
  }

  /** Each respondent's scores, worked out once per wave however many comparisons it is in. */
  scores(wave: WavesTable): Promise<Partial<Record<ScoreKey, number>>[]> {
    let scores = this.scored.get(wave.id);
    if (!scores) {
      const instrument = getInstrument(wave.instrument_key, wave.instrument_version);
      scores = this.responses(wave.id).then((rs) => rs.map((r) => respondentScores(instrument, r.answers)));
      this.scored.set(wave.id, scores);
    }
    return scores;
  }

  /** Who answered in which groups, without the answers: all the release rules need of an earlier wave. */
  private memberships(waveId: string): Promise<ResponseRecord[]> {
    const loaded = this.answers.get(waveId);
    if (loaded) return loaded;
    let rows = this.members.get(waveId);
    if (!rows) {
      rows = this.db
        .selectFrom("wave_responses")
        .select(["id", "organisation_id", "sector"])
        .where("wave_id", "=", waveId)
        .execute()
        .then((rs) => rs.map((r) => ({ id: r.id, organisationId: r.organisation_id, sector: r.sector, answers: {} })));
      this.members.set(waveId, rows);
    }
    return rows;
  }

  /** The group sizes each of these earlier waves released, oldest first, each decided with its own predecessors (worked out once per prefix). */
  chain(earlier: readonly WavesTable[]): Promise<Map<string, number>[]> {
    if (earlier.length === 0) return Promise.resolve([]);
    const key = earlier.map((w) => w.id).join(",");
    let chain = this.chains.get(key);
    if (!chain) {
      const last = earlier[earlier.length - 1]!;
      chain = this.chain(earlier.slice(0, -1)).then(async (before) => [...before, releasedSizes(releasableGroups(buildBreakdown(await this.memberships(last.id), last.k, [...before])))]);
      this.chains.set(key, chain);
    }
    return chain;
  }
}

/** A published wave's results in every breakdown, from its answers; `earlier` its earlier published waves (see `earlierOf`). */
export async function computeWaveFigures(rows: WaveRows, wave: WavesTable, earlier: readonly WavesTable[], names: ReadonlyMap<string, string>): Promise<Record<BreakdownKind, PublishedResults>> {
  const { byBreakdown } = computeAllBreakdowns({
    instrument: getInstrument(wave.instrument_key, wave.instrument_version),
    responses: await rows.responses(wave.id),
    k: wave.k,
    organisationNames: names,
    sectorLabels: SECTOR_LABELS,
    previousWaves: await rows.chain(earlier),
  });
  const head = { wave: { id: wave.id, name: wave.name, k: wave.k, publishedAt: wave.published_at } };
  return Object.fromEntries(BREAKDOWN_KINDS.map((kind) => [kind, { ...head, ...byBreakdown[kind] }])) as Record<BreakdownKind, PublishedResults>;
}

type Change = { status: "released"; difference: number; lower: number | null; upper: number | null } | { status: "suppressed"; reason: string };

export type Comparison = Awaited<ReturnType<typeof computeComparison>>;

/**
 * Change in every score of the whole partnership from `from` to `to` (opened later), with Welch 95%
 * intervals; `x` and `y` are the two waves' published results (breakdown none).
 */
export async function computeComparison(rows: WaveRows, from: WavesTable, to: WavesTable, x: WaveResults, y: WaveResults) {
  // Each respondent's scores once per wave, not once per score compared.
  const xScores = await rows.scores(from);
  const yScores = await rows.scores(to);
  const scores = y.scores.map((s) => {
    const key = `${s.level}:${s.dimension}` as const;
    const before = x.scores.find((t) => t.level === s.level && t.dimension === s.dimension)?.figures[ALL] ?? null;
    const after = s.figures[ALL]!;
    let change: Change = { status: "suppressed", reason: "not released in both waves" };
    // Only figures released in both waves are compared, so the change never covers fewer than k people.
    if (before?.status === "released" && after.status === "released") {
      const valuesOf = (scores: typeof xScores) => scores.map((perResp) => perResp[key]).filter((v): v is number => v !== undefined);
      const d = welchDifference(valuesOf(xScores), valuesOf(yScores));
      if (d.difference !== null) change = { status: "released", difference: d.difference, lower: d.lower, upper: d.upper };
    }
    return { level: s.level, dimension: s.dimension, from: before, to: after, change };
  });
  const baselineOf = (r: WaveResults) => r.questions.find((q) => q.itemKey === "baseline_trust")?.figures[ALL] ?? null;
  return { from: { id: from.id, name: from.name }, to: { id: to.id, name: to.name }, scores, baseline: { from: baselineOf(x), to: baselineOf(y) } };
}
