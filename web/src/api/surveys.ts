// Typed functions for the survey endpoints: waves (convenors), personal links, responding, results.
import { query, request } from "./client.ts";
import type { Ratings } from "./network-types.ts";
import type { Page } from "./types.ts";
import type { Answers, Breakdown, Comparison, ComparisonResponse, CreateWaveInput, IssuedLinks, RespondInfo, Results, Submitted, Wave } from "./survey-types.ts";

const enc = encodeURIComponent;
const waves = (pid: string) => `/partnerships/${enc(pid)}/waves`;
const wave = (pid: string, wid: string) => `${waves(pid)}/${enc(wid)}`;

/** One group's view of a comparison, whichever of the two shapes the API sent. */
export function forGroup(c: ComparisonResponse, groupKey: string): Comparison {
  const suppressed = { status: "suppressed" as const, reason: "too_few" };
  const baseline = (b: ComparisonResponse["baseline"]["from"]) => (b && "figures" in b ? (b.figures[groupKey] ?? null) : b);
  return {
    from: c.from,
    to: c.to,
    scores: c.scores.map((s) => {
      const { level, dimension } = s;
      if ("figures" in s) return { level, dimension, ...(s.figures[groupKey] ?? { from: null, to: null, change: suppressed }) };
      return { level, dimension, from: s.from, to: s.to, change: s.change };
    }),
    baseline: { from: baseline(c.baseline.from), to: baseline(c.baseline.to) },
  };
}

export const surveyApi = {
  listWaves: (pid: string, cursor?: string | null) => request<Page<Wave>>("GET", `${waves(pid)}${query({ cursor })}`),
  createWave: (pid: string, body: CreateWaveInput) => request<Wave>("POST", waves(pid), body),
  getWave: (pid: string, wid: string) => request<Wave>("GET", wave(pid, wid)),
  transition: (pid: string, wid: string, action: "open" | "close" | "publish") =>
    request<Wave>("POST", `${wave(pid, wid)}/${action}`, {}),
  issueLinks: (pid: string, wid: string, personIds?: string[]) =>
    request<IssuedLinks>("POST", `${wave(pid, wid)}/links`, personIds ? { personIds } : {}),

  results: (pid: string, wid: string, breakdown: Breakdown) =>
    request<Results>("GET", `${wave(pid, wid)}/results${query({ breakdown: breakdown === "none" ? null : breakdown })}`),
  compare: (pid: string, wid: string, otherId: string) =>
    request<ComparisonResponse>("GET", `${wave(pid, wid)}/compare/${enc(otherId)}`).then((c) => forGroup(c, "all")),
  /** A plain link (cookie session), for the browser to download. */
  resultsCsvUrl: (pid: string, wid: string, breakdown: Breakdown) =>
    `/api/v1${wave(pid, wid)}/results.csv${query({ breakdown: breakdown === "none" ? null : breakdown })}`,

  // Respondents: no account, the personal link is the key
  respondInfo: (token: string) => request<RespondInfo>("GET", `/respond/${enc(token)}`, undefined, { quiet401: true }),
  submitResponse: (token: string, answers: Answers, idempotencyKey: string, ratings?: Ratings) =>
    request<Submitted>("POST", `/respond/${enc(token)}/response`, ratings && Object.keys(ratings).length > 0 ? { answers, ratings } : { answers }, {
      quiet401: true,
      headers: { "idempotency-key": idempotencyKey },
    }),
};
