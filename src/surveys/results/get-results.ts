/** Loads a published wave's answers and hands them to the pure results code; also compares two published waves. */
import type { Actor } from "../../accounts/actor.ts";
import { releasableGroups, releasedSizes } from "../../anonymity/index.ts";
import type { Db } from "../../db/database.ts";
import { AppError } from "../../errors/app-error.ts";
import { requireMembership } from "../../partnerships/access.ts";
import { SECTOR_LABELS } from "../../partnerships/sectors.ts";
import { welchDifference } from "../../stats/index.ts";
import { getInstrument } from "../instruments/registry.ts";
import type { Answers } from "../instruments/types.ts";
import type { WavesTable } from "../tables.ts";
import { loadWave } from "../wave-use-cases.ts";
import { compareKind, isImportedWave, readSnapshot, resultsKind } from "../../transfer/snapshots.ts";
import { ALL, buildBreakdown, computeResults, type BreakdownKind, type ResponseRecord } from "./compute-results.ts";
import { remembered } from "./published-cache.ts";
import { respondentScores } from "./scoring.ts";

async function responsesOf(db: Db, waveId: string): Promise<ResponseRecord[]> {
  const rows = await db.selectFrom("wave_responses").select(["id", "organisation_id", "sector", "answers"]).where("wave_id", "=", waveId).execute();
  return rows.map((r) => ({ id: r.id, organisationId: r.organisation_id, sector: r.sector, answers: JSON.parse(r.answers) as Answers }));
}

/** Who answered in which groups, without the answers: all the release rules need of an earlier wave. */
async function membershipsOf(db: Db, waveId: string): Promise<ResponseRecord[]> {
  const rows = await db.selectFrom("wave_responses").select(["id", "organisation_id", "sector"]).where("wave_id", "=", waveId).execute();
  return rows.map((r) => ({ id: r.id, organisationId: r.organisation_id, sector: r.sector, answers: {} }));
}

/** The published waves opened before this one, oldest first. */
async function earlierPublished(db: Db, wave: WavesTable) {
  return db
    .selectFrom("waves")
    .select(["id", "k", "opened_at"])
    .where("partnership_id", "=", wave.partnership_id)
    .where("status", "=", "published")
    .where("deleted_at", "is", null)
    .where("opened_at", "<", wave.opened_at ?? "")
    .orderBy("opened_at")
    .orderBy("id")
    .execute();
}
type Earlier = Awaited<ReturnType<typeof earlierPublished>>;

/** The group sizes each earlier wave released, oldest first, each decided with its own predecessors. */
async function releaseChain(db: Db, earlier: Earlier): Promise<Map<string, number>[]> {
  const maps: Map<string, number>[] = [];
  for (const w of earlier) maps.push(releasedSizes(releasableGroups(buildBreakdown(await membershipsOf(db, w.id), w.k, [...maps]))));
  return maps;
}

async function publishedWave(db: Db, actor: Actor, partnershipId: string, waveId: string) {
  await requireMembership(db, actor, partnershipId);
  const wave = await loadWave(db, partnershipId, waveId);
  if (wave.status !== "published") throw new AppError("conflict", "Results appear once the convenor has closed the wave and published its results.");
  return wave;
}

async function organisationNames(db: Db, partnershipId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom("organisations").select(["id", "name"]).where("partnership_id", "=", partnershipId).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** `previousWaves`: the release chain of the wave's earlier published waves (see releaseChain). */
async function resultsFor(db: Db, partnershipId: string, wave: WavesTable, breakdown: BreakdownKind, previousWaves: Map<string, number>[], names?: Map<string, string>) {
  const responses = await responsesOf(db, wave.id);
  const instrument = getInstrument(wave.instrument_key, wave.instrument_version);
  const { decisions: _decisions, ...results } = computeResults({
    instrument,
    responses,
    k: wave.k,
    breakdown,
    organisationNames: names ?? (await organisationNames(db, partnershipId)),
    sectorLabels: SECTOR_LABELS,
    previousWaves,
  });
  return { instrument, responses, results };
}

export async function getWaveResults(db: Db, actor: Actor, partnershipId: string, waveId: string, breakdown: BreakdownKind) {
  return waveResults(db, await publishedWave(db, actor, partnershipId, waveId), breakdown);
}

/**
 * Computed once per wave, breakdown, set of earlier published waves (deleting one changes what later
 * waves may release) and, for the organisation breakdown, organisation names; then remembered.
 */
async function computedWaveResults(db: Db, wave: WavesTable, breakdown: BreakdownKind) {
  const earlier = await earlierPublished(db, wave);
  const names = await organisationNames(db, wave.partnership_id);
  const key = `results|${wave.id}|${wave.name}|${breakdown}|${earlier.map((w) => w.id).join(",")}|${breakdown === "organisation" ? JSON.stringify([...names]) : ""}`;
  return remembered(db, key, async () => {
    const { results } = await resultsFor(db, wave.partnership_id, wave, breakdown, await releaseChain(db, earlier), names);
    return { wave: { id: wave.id, name: wave.name, k: wave.k, publishedAt: wave.published_at }, ...results };
  });
}

/** A published wave's results (no access check): the figures kept by an import when there are some, else computed. */
export async function waveResults(db: Db, wave: WavesTable, breakdown: BreakdownKind): Promise<Awaited<ReturnType<typeof computedWaveResults>>> {
  const kept = await readSnapshot(db, wave.id, resultsKind(breakdown));
  return kept !== undefined ? (kept as Awaited<ReturnType<typeof computedWaveResults>>) : computedWaveResults(db, wave, breakdown);
}

type Change = { status: "released"; difference: number; lower: number | null; upper: number | null } | { status: "suppressed"; reason: string };

/** Change in every score of the whole partnership between two published waves, with Welch 95% intervals. */
export async function compareWaves(db: Db, actor: Actor, partnershipId: string, waveId: string, otherWaveId: string) {
  return comparePublishedWaves(db, await publishedWave(db, actor, partnershipId, waveId), await publishedWave(db, actor, partnershipId, otherWaveId));
}

/** The comparison of two published waves (no access check); an imported pair answers with the comparison it kept, if any. */
export async function comparePublishedWaves(db: Db, a: WavesTable, b: WavesTable): Promise<Awaited<ReturnType<typeof computedComparison>>> {
  const kept = (await readSnapshot(db, a.id, compareKind(b.id))) ?? (await readSnapshot(db, b.id, compareKind(a.id)));
  if (kept !== undefined) return kept as Awaited<ReturnType<typeof computedComparison>>;
  if ((await isImportedWave(db, a.id)) || (await isImportedWave(db, b.id))) {
    throw new AppError("conflict", "This comparison was not kept in the import: an imported partnership keeps each published wave compared with the one before it and with the first.");
  }
  return computedComparison(db, a, b);
}

async function computedComparison(db: Db, a: WavesTable, b: WavesTable) {
  const [from, to] = (a.opened_at ?? "") <= (b.opened_at ?? "") ? [a, b] : [b, a];
  const earlier = await earlierPublished(db, to);
  const key = `compare|${from.id}|${from.name}|${to.id}|${to.name}|${earlier.map((w) => w.id).join(",")}`;
  return remembered(db, key, () => comparison(db, from, to, earlier));
}

async function comparison(db: Db, from: WavesTable, to: WavesTable, earlier: Earlier) {
  const partnershipId = from.partnership_id;
  // The earlier wave's predecessors (opened before it) are a prefix of the later wave's: work the chain out once.
  const chain = await releaseChain(db, earlier);
  const before = earlier.filter((w) => (w.opened_at ?? "") < (from.opened_at ?? "")).length;
  const x = await resultsFor(db, partnershipId, from, "none", chain.slice(0, before));
  const y = await resultsFor(db, partnershipId, to, "none", chain);
  // Each respondent's scores once per wave, not once per score compared.
  const xScores = x.responses.map((resp) => respondentScores(x.instrument, resp.answers));
  const yScores = y.responses.map((resp) => respondentScores(y.instrument, resp.answers));
  const scores = y.results.scores.map((s) => {
    const key = `${s.level}:${s.dimension}` as const;
    const before = x.results.scores.find((t) => t.level === s.level && t.dimension === s.dimension)?.figures[ALL] ?? null;
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
  const baselineOf = (r: typeof x) => r.results.questions.find((q) => q.itemKey === "baseline_trust")?.figures[ALL] ?? null;
  return { from: { id: from.id, name: from.name }, to: { id: to.id, name: to.name }, scores, baseline: { from: baselineOf(x), to: baselineOf(y) } };
}
