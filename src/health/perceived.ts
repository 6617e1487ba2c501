/** Perceived trust for the health page: published survey scores, change since baseline, and trust received in each network wave. */
import type { Actor } from "../accounts/actor.ts";
import type { Db } from "../db/database.ts";
import { AppError } from "../errors/app-error.ts";
import { loadNetwork, measuresFor } from "../network/get-network.ts";
import { ALL } from "../surveys/results/compute-results.ts";
import { compareWaves, getWaveResults } from "../surveys/results/get-results.ts";
import type { Health } from "./contracts.ts";
import type { TrustReceived } from "./indicators/index.ts";

type Perceived = Health["perceived"];

const mean = (xs: (number | null)[]): number | null => {
  const v = xs.filter((x): x is number => x !== null);
  return v.length === 0 ? null : v.reduce((s, x) => s + x, 0) / v.length;
};

/** An imported partnership may not have kept a comparison (409): then there is no change to show. */
function notKept(err: unknown): null {
  if (err instanceof AppError && err.code === "conflict") return null;
  throw err;
}

/** Published waves up to `asOf` (by publication day), oldest first. Only released figures are read, through the results code. */
export async function perceivedTrust(db: Db, actor: Actor, partnershipId: string, asOf: string): Promise<{ perceived: Perceived; trustReceived: TrustReceived[] }> {
  const waves = await db
    .selectFrom("waves")
    .selectAll()
    .where("partnership_id", "=", partnershipId)
    .where("status", "=", "published")
    .where("deleted_at", "is", null)
    .orderBy("opened_at")
    .orderBy("id")
    .execute();
  const published = waves.filter((w) => (w.published_at ?? "").slice(0, 10) <= asOf);
  const trend: Perceived["trend"] = [];
  let latestScores: Perceived["scores"] = [];
  for (const w of published) {
    const r = await getWaveResults(db, actor, partnershipId, w.id, "none");
    const overall = r.scores.find((s) => s.level === "all" && s.dimension === "all")?.figures[ALL] ?? null;
    const baseline = r.questions.find((q) => q.itemKey === "baseline_trust")?.figures[ALL] ?? null;
    trend.push({ waveId: w.id, name: w.name, publishedAt: w.published_at, overall, baseline });
    latestScores = r.scores.flatMap((s) => {
      const figure = s.figures[ALL];
      return figure ? [{ level: s.level, dimension: s.dimension, figure }] : [];
    });
  }
  const first = published[0];
  const last = published[published.length - 1];
  const sinceBaseline = first && last && first.id !== last.id ? await compareWaves(db, actor, partnershipId, first.id, last.id).catch(notKept) : null;

  const network: Perceived["network"] = [];
  const trustReceived: TrustReceived[] = [];
  for (const w of published.filter((x) => x.network_mode !== "none")) {
    const data = await loadNetwork(db, w);
    const overall = measuresFor(data, "overall");
    const competence = new Map(measuresFor(data, "competence").organisations.map((o) => [o.id, o.meanTrustReceived]));
    const integrity = new Map(measuresFor(data, "integrity").organisations.map((o) => [o.id, o.meanTrustReceived]));
    const names = new Map(data.organisations.map((o) => [o.id, o.name]));
    const on = (w.published_at ?? w.closed_at ?? w.opened_at ?? "").slice(0, 10);
    network.push({
      waveId: w.id,
      name: w.name,
      publishedAt: w.published_at,
      organisations: overall.organisations.map((o) => {
        if (o.meanTrustReceived !== null) trustReceived.push({ organisationId: o.id, waveId: w.id, on, score: o.meanTrustReceived });
        return {
          organisationId: o.id,
          organisationName: names.get(o.id) ?? "",
          received: o.meanTrustReceived,
          competenceIntegrity: mean([competence.get(o.id) ?? null, integrity.get(o.id) ?? null]),
          inDegree: o.inDegree,
        };
      }),
    });
  }
  const wave = (w: (typeof waves)[number] | undefined) => (w ? { id: w.id, name: w.name, k: w.k, publishedAt: w.published_at } : null);
  return { perceived: { latestWave: wave(last), baselineWave: wave(first), scores: latestScores, sinceBaseline, trend, network }, trustReceived };
}
