// Public API of the register metrics: pure computations derived from the practice registers.
export { compareText, dayNumber, daysBetween, isoDay } from "./dates.ts";
export { effectiveDueOn, isDue, isKeptOnTime, keptOnTimeRate } from "./commitments.ts";
export type { Commitment, CommitmentOutcome, KeptOnTime } from "./commitments.ts";
export { balanceBetween, giving, reciprocityBalance } from "./reciprocity.ts";
export type { OfferAskKind, OfferAskStatus, OfferOrAsk, OrganisationGiving, PairBalance, ReciprocityBalance } from "./reciprocity.ts";
export { AGEING_MAX_DAYS, CURRENT_MAX_DAYS, freshnessBand, intentionsFreshness } from "./freshness.ts";
export type { Freshness, FreshnessBand, IntentionStatement } from "./freshness.ts";
export { DEFAULT_GOAL_TARGET, DEFAULT_WIN_WEIGHT, goalProgress, winWeight } from "./goals.ts";
export type { GoalProgress, StrategicGoal, Win } from "./goals.ts";
export { needsAttention } from "./attention.ts";
export type { Attention, AttentionEntry, AttentionItem, AttentionKind } from "./attention.ts";
