// Public entry of the pure statistics module: descriptive statistics and the Student-t distribution.
export { band, distribution, meanInterval, roundMean, welchDifference } from "./descriptive.ts";
export type { Band, Distribution, DistributionRow, MeanInterval, WelchDifference } from "./descriptive.ts";
export { tCdf, tQuantile } from "./student-t.ts";
