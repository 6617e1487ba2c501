/** The per-account limits on expensive routes, declared in one table (the README's "Limits" section lists the same). */
import type { Limit } from "../accounts/rate-limit.ts";

export interface ExpensiveLimit extends Limit {
  /** What one use is, plural, as the 429 message names it. */
  what: string;
  /** The routes that share this budget. */
  routes: readonly string[];
}

/**
 * Each account's budget per route family, counted in the database (`rate_limits`, key `expensive:<name>:<user id>`)
 * and reserved before the work starts, so parallel requests cannot all pass. Chosen from what one request costs the
 * server (bench/expensive.ts; README "Limits"): routes costing about as much as an ordinary page are not limited.
 */
export const EXPENSIVE_LIMITS = {
  demo: { max: 5, windowSeconds: 60 * 60, what: "demo partnerships created", routes: ["POST /api/v1/demo"] },
  registerImport: { max: 30, windowSeconds: 10 * 60, what: "register CSV imports", routes: ["POST /api/v1/partnerships/{partnershipId}/registers/{register}/import"] },
  registerExport: { max: 60, windowSeconds: 10 * 60, what: "register CSV downloads", routes: ["GET /api/v1/partnerships/{partnershipId}/registers/{register}.csv"] },
  report: { max: 30, windowSeconds: 10 * 60, what: "board reports (HTML or PDF)", routes: ["GET /api/v1/partnerships/{partnershipId}/report.html", "GET /api/v1/partnerships/{partnershipId}/report.pdf"] },
  export: { max: 10, windowSeconds: 60 * 60, what: "partnership exports (JSON or zip)", routes: ["GET /api/v1/partnerships/{partnershipId}/export.json", "GET /api/v1/partnerships/{partnershipId}/export.zip"] },
} as const satisfies Record<string, ExpensiveLimit>;

export type ExpensiveLimitName = keyof typeof EXPENSIVE_LIMITS;

/** Live demo partnerships one account may have at a time; deleting one frees its place. */
export const DEMO_QUOTA = 3;

/** "10 minutes", "1 hour": a window in words. */
export function windowInWords(seconds: number): string {
  if (seconds % 3600 === 0) return seconds === 3600 ? "hour" : `${seconds / 3600} hours`;
  if (seconds % 60 === 0) return seconds === 60 ? "minute" : `${seconds / 60} minutes`;
  return `${seconds} seconds`;
}

/** The limit in words, as the 429 message starts: "At most 30 register CSV imports per 10 minutes for each account". */
export function describeLimit(l: ExpensiveLimit): string {
  return `At most ${l.max} ${l.what} per ${windowInWords(l.windowSeconds)} for each account`;
}
