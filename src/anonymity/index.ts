// The anonymity rules of accord: what of an anonymous wave's results may be released (pure; no I/O).
//
// How the results code uses it, per published wave:
//
//   const b: Breakdown = {
//     total: { key: "total", members: allResponseIds },
//     groups: [...sectors, ...organisations],        // e.g. { key: "sector:health", members }, { key: "org:<id>", members }
//     k: wave.k,
//     previousWaves: [releasedSizes(releasableGroups(baselineBreakdown))],   // one map per earlier published wave
//   };
//   releasableGroups(b)                      → Map<key, { ok: true, n } | { ok: false, reason }>
//   releaseDistribution(b, answers, options) → Map<key, Release<Distribution, null>>
//   releaseMean(b, numericAnswers)           → Map<key, Release<MeanFigure, { band }>>
//   releaseFreeText(texts, b.k)              → Released<string[]> | Suppressed   (partnership level only)
//   releaseOf(map, key)                      → the Release, a missing key counting as suppressed
//
// Release<T, C> is { status: "released", n, value: T } | { status: "coarse", n, value: C } |
// { status: "suppressed", reason }. A suppressed figure is never a 0. Every map has the total's key
// and each group's key, in the order given (never in the internal size order).
//
// The rules (PRODUCT.md "Anonymity rules", issue 3):
// 1. Every released figure covers at least k respondents (k ≥ 3, else everything is suppressed).
// 2. A group is shown only if it and the rest of the partnership both have ≥ k.
// 3. Released groups differ pairwise by 0 or ≥ k respondents each way, and more strongly every
//    atom of the released groups (what adding and subtracting their figures can isolate, e.g.
//    total − org A − org B) has 0 or ≥ k respondents. Conflicts are settled greedily: the total
//    first, then larger groups (so a sector before the organisations in it), then by key.
// 4. A group released in an earlier wave is released only if its size changed by 0 or ≥ k (the
//    total is exempt). Applied to group sizes, not to per-question counts.
// 5. Rules 1–3 are applied again per figure to the respondents who answered the question, and the
//    coarse rule: if all but at most one counted answers are the same (or, for distributions, all
//    but one of the substantive answers, i.e. not "don't know"), or if an atom of the fully released
//    groups is like that, the figure is released coarsely: n only, and for means the band.
// 6. Free text: at least max(10, k) non-empty texts, shuffled by an injected RNG, strings only.
// 7. Any exception suppresses every figure of the call with reason "error".
//
// Reasons are for the convenor and logs; a member-facing page should say only "not shown".
export {
  MIN_K,
  releaseOf,
  type Breakdown,
  type Coarse,
  type Group,
  type GroupDecision,
  type Release,
  type Released,
  type Suppressed,
  type Suppression,
} from "./core.ts";
export { releasableGroups, releasedSizes } from "./groups.ts";
export { DONT_KNOW, releaseDistribution, releaseMean, type MeanFigure } from "./figures.ts";
export { FREE_TEXT_MIN, cryptoRng, releaseFreeText, type Rng } from "./free-text.ts";
