// Pure roll-up of a programme: rows from published summaries, sorting, the headline distribution, pooled baseline and percentiles.
export { cleanChange, cleanQuestion, cleanScore, releasedMean } from "./figures.ts";
export type { ChangeFigure, QuestionFigure, ScoreFigure } from "./figures.ts";
export { buildRow, latestSummaries, sortRows } from "./rows.ts";
export type { BehaviourSummary, PartnershipInput, RollupRow, SortKey, WaveSummaryInput } from "./rows.ts";
export { headlineDistribution, MIN_PARTNERSHIPS, partnershipPercentile, percentileOf, pooledBaseline, quantile } from "./programme-figures.ts";
export type { HeadlineDistribution, PooledBaseline, Percentile } from "./programme-figures.ts";

/** Said with every roll-up: no noise is added, so nothing pooled is published outside the programme. */
export const DP_NOTE = "Pooled figures are sums of figures each partnership already released (at least 3 partnerships and k people). Differentially private pooled counts for publishing outside the programme are not offered yet.";
