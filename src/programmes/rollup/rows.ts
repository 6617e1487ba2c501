// Pure: one roll-up row per sharing partnership from its wave summaries, and sorting rows by a column.
import { cleanChange, cleanQuestion, cleanScore, releasedMean, type ChangeFigure, type QuestionFigure, type ScoreFigure } from "./figures.ts";

export interface WaveSummaryInput {
  waveId: string;
  waveName: string;
  publishedAt: string;
  k: number;
  invited: number | null;
  respondents: number | null;
  /** Figures as stored (parsed JSON); they are rebuilt through the clean* functions. */
  overall: unknown;
  baseline: unknown;
  change: unknown;
}

export interface BehaviourSummary {
  period: { from: string; to: string };
  commitments: { due: number; kept: number; rate: number | null };
  offersAsksDelivered: number;
  risksShared: number;
  opportunitiesJoined: number;
  institutionalised: { inForce: number; inDate: number; share: number | null };
}

export interface PartnershipInput {
  partnershipId: string;
  name: string;
  sharedSince: string;
  summaries: readonly WaveSummaryInput[];
  behaviour: BehaviourSummary | null;
}

export interface WaveRef {
  id: string;
  name: string;
  k: number;
  publishedAt: string;
}

export interface RollupRow {
  partnershipId: string;
  name: string;
  sharedSince: string;
  wavesPublished: number;
  latestWave: WaveRef | null;
  headline: ScoreFigure | null;
  change: ChangeFigure | null;
  baseline: { wave: WaveRef; figure: QuestionFigure } | null;
  responseRate: { status: "released"; invited: number; respondents: number; rate: number | null } | { status: "suppressed"; reason: string } | null;
  behaviour: BehaviourSummary | null;
}

const byPublished = (a: WaveSummaryInput, b: WaveSummaryInput) => (a.publishedAt < b.publishedAt ? -1 : a.publishedAt > b.publishedAt ? 1 : a.waveId < b.waveId ? -1 : a.waveId > b.waveId ? 1 : 0);
const ref = (s: WaveSummaryInput): WaveRef => ({ id: s.waveId, name: s.waveName, k: s.k, publishedAt: s.publishedAt });

/** The row: the latest wave with an overall score gives the headline, its change and response rate; the latest wave asking the baseline question gives the distribution. */
export function buildRow(p: PartnershipInput): RollupRow {
  const waves = [...p.summaries].sort(byPublished);
  const latest = [...waves].reverse().find((s) => s.overall !== null && s.overall !== undefined);
  const latestBaseline = [...waves].reverse().find((s) => s.baseline !== null && s.baseline !== undefined);
  const headline = latest ? cleanScore(latest.overall) : null;
  let responseRate: RollupRow["responseRate"] = null;
  if (latest && headline) {
    if (headline.status === "suppressed" || latest.respondents === null) responseRate = { status: "suppressed", reason: headline.status === "suppressed" ? headline.reason : "too_few" };
    else if (latest.invited !== null && latest.invited > 0) {
      // The released n of the overall figure over the people invited; never a count the results page did not show.
      const n = Math.min(headline.n, latest.respondents);
      responseRate = { status: "released", invited: latest.invited, respondents: n, rate: n / latest.invited };
    }
  }
  return {
    partnershipId: p.partnershipId,
    name: p.name,
    sharedSince: p.sharedSince,
    wavesPublished: waves.length,
    latestWave: latest ? ref(latest) : null,
    headline,
    change: latest && latest.change !== null && latest.change !== undefined ? cleanChange(latest.change) : null,
    baseline: latestBaseline ? { wave: ref(latestBaseline), figure: cleanQuestion(latestBaseline.baseline) } : null,
    responseRate,
    behaviour: p.behaviour,
  };
}

export type SortKey = "name" | "headline" | "change" | "respondents" | "responseRate" | "keptOnTime" | "sharedSince";

function sortValue(r: RollupRow, key: SortKey): number | string | null {
  switch (key) {
    case "name":
      return r.name.toLocaleLowerCase("en-GB");
    case "headline":
      return releasedMean(r.headline);
    case "change":
      return r.change?.status === "released" ? r.change.difference : null;
    case "respondents":
      return r.responseRate?.status === "released" ? r.responseRate.respondents : r.headline?.status === "released" || r.headline?.status === "coarse" ? r.headline.n : null;
    case "responseRate":
      return r.responseRate?.status === "released" ? r.responseRate.rate : null;
    case "keptOnTime":
      return r.behaviour?.commitments.rate ?? null;
    case "sharedSince":
      return r.sharedSince;
  }
}

const cmp = (a: number | string, b: number | string) => (a < b ? -1 : a > b ? 1 : 0);

/** Sorted by the column; rows without a figure (suppressed, coarse or none) always last; ties by name then id, so input order never matters. */
export function sortRows(rows: readonly RollupRow[], key: SortKey, order: "asc" | "desc"): RollupRow[] {
  const sign = order === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = sortValue(a, key);
    const vb = sortValue(b, key);
    if (va === null && vb !== null) return 1;
    if (vb === null && va !== null) return -1;
    const primary = va === null || vb === null ? 0 : sign * cmp(va, vb);
    return primary || cmp(a.name, b.name) || cmp(a.partnershipId, b.partnershipId);
  });
}
