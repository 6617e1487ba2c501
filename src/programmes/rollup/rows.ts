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
  /** Every published wave's summary, or only the ones the row shows (see `latestSummaries`) with `wavesPublished` counting them all. */
  summaries: readonly WaveSummaryInput[];
  /** How many waves are published; the number of summaries when not given. */
  wavesPublished?: number;
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

const later = (a: WaveSummaryInput, b: WaveSummaryInput) => a.publishedAt > b.publishedAt || (a.publishedAt === b.publishedAt && a.waveId > b.waveId);
const present = (v: unknown) => v !== null && v !== undefined;
const ref = (s: WaveSummaryInput): WaveRef => ({ id: s.waveId, name: s.waveName, k: s.k, publishedAt: s.publishedAt });

/**
 * The two summaries a row shows, by publication (then wave id): the latest with an overall score (headline,
 * change, response rate) and the latest asking the baseline question — usually the same wave. A row built
 * from just these two (the other figures of each left out) and the count of published waves is the row built
 * from them all; the roll-up's query picks the same two in SQL.
 */
export function latestSummaries(summaries: readonly WaveSummaryInput[]): { headline: WaveSummaryInput | null; baseline: WaveSummaryInput | null } {
  let headline: WaveSummaryInput | null = null;
  let baseline: WaveSummaryInput | null = null;
  for (const s of summaries) {
    if (present(s.overall) && (headline === null || !later(headline, s))) headline = s;
    if (present(s.baseline) && (baseline === null || !later(baseline, s))) baseline = s;
  }
  return { headline, baseline };
}

/** The row: the latest wave with an overall score gives the headline, its change and response rate; the latest wave asking the baseline question gives the distribution. */
export function buildRow(p: PartnershipInput): RollupRow {
  const { headline: latest, baseline: latestBaseline } = latestSummaries(p.summaries);
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
    wavesPublished: p.wavesPublished ?? p.summaries.length,
    latestWave: latest ? ref(latest) : null,
    headline,
    change: latest && present(latest.change) ? cleanChange(latest.change) : null,
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

/** Sorted by the column; rows without a figure (suppressed, coarse or none) always last; ties by name then id, so input order never matters. Each row's value is worked out once. */
export function sortRows(rows: readonly RollupRow[], key: SortKey, order: "asc" | "desc"): RollupRow[] {
  const sign = order === "asc" ? 1 : -1;
  const keyed = rows.map((row) => ({ row, value: sortValue(row, key) }));
  keyed.sort((a, b) => {
    const va = a.value;
    const vb = b.value;
    if (va === null && vb !== null) return 1;
    if (vb === null && va !== null) return -1;
    const primary = va === null || vb === null ? 0 : sign * cmp(va, vb);
    return primary || cmp(a.row.name, b.row.name) || cmp(a.row.partnershipId, b.row.partnershipId);
  });
  return keyed.map((k) => k.row);
}
