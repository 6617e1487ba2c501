/** Computes a wave's releasable results (pure): groups, per-question figures, scores and free text, under the anonymity rules. */
import {
  releasableGroups,
  releaseDistribution,
  releaseFreeText,
  releaseMean,
  releaseOf,
  type Breakdown,
  type Group,
  type GroupDecision,
  type Rng,
} from "../../anonymity/index.ts";
import type { Band } from "../../stats/index.ts";
import { DONT_KNOW, type Answers, type Instrument } from "../instruments/types.ts";
import { SCORE_KEYS, itemValue, respondentScores, type ScoreDimension, type ScoreLevel } from "./scoring.ts";

export interface ResponseRecord {
  id: string;
  organisationId: string | null;
  sector: string | null;
  answers: Answers;
}

export type BreakdownKind = "none" | "organisation" | "sector";
export const ALL = "all";

export type QuestionFigure =
  | { status: "released"; n: number; options: Array<{ value: string; label: string; count: number; percent: number | null }>; mean: number | null; lower: number | null; upper: number | null; dontKnow: number }
  | { status: "coarse"; n: number; note: string; band: Band | null }
  | { status: "suppressed"; reason: string };

export type ScoreFigure =
  | { status: "released"; n: number; mean: number; lower: number | null; upper: number | null; band: Band | null }
  | { status: "coarse"; n: number; band: Band | null }
  | { status: "suppressed"; reason: string };

export interface GroupView {
  key: string;
  label: string;
  status: "released" | "suppressed";
  reason?: string;
  n?: number;
}

export interface WaveResults {
  respondents: { status: "released"; n: number } | { status: "suppressed"; reason: string };
  groups: GroupView[];
  questions: Array<{ itemKey: string; text: string; sectionTitle: string; kind: "choice" | "agreement5"; figures: Record<string, QuestionFigure> }>;
  scores: Array<{ level: ScoreLevel; dimension: ScoreDimension; figures: Record<string, ScoreFigure> }>;
  freeText: Array<{ itemKey: string; text: string; figure: { status: "released"; texts: string[] } | { status: "suppressed"; reason: string } }>;
}

export interface ResultsInput {
  instrument: Instrument;
  responses: ResponseRecord[];
  k: number;
  breakdown: BreakdownKind;
  organisationNames: ReadonlyMap<string, string>;
  sectorLabels: Readonly<Record<string, string>>;
  /** Sizes of the groups released in each earlier published wave (for the wave-difference rule). */
  previousWaves?: ReadonlyArray<ReadonlyMap<string, number>>;
  rng?: Rng;
}

const COARSE_NOTE = "Nearly everyone gave the same answer, so only how many answered is shown.";
const AGREEMENT_OPTIONS = ["1", "2", "3", "4", "5", DONT_KNOW];
const AGREEMENT_LABELS = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree", "Don't know"];

/** Every group any breakdown the API offers could show: the rules are applied to all of them together. */
export function buildBreakdown(responses: readonly ResponseRecord[], k: number, previousWaves?: ReadonlyArray<ReadonlyMap<string, number>>): Breakdown {
  const byKey = new Map<string, Set<string>>();
  const add = (key: string, id: string) => {
    const set = byKey.get(key) ?? new Set<string>();
    set.add(id);
    byKey.set(key, set);
  };
  for (const r of responses) {
    if (r.organisationId) add(`organisation:${r.organisationId}`, r.id);
    if (r.sector) add(`sector:${r.sector}`, r.id);
  }
  const groups: Group[] = [...byKey].map(([key, members]) => ({ key, members }));
  return { total: { key: ALL, members: new Set(responses.map((r) => r.id)) }, groups, k, ...(previousWaves ? { previousWaves } : {}) };
}

function shownKeys(b: Breakdown, kind: BreakdownKind): string[] {
  const prefix = kind === "organisation" ? "organisation:" : kind === "sector" ? "sector:" : undefined;
  return [ALL, ...(prefix ? b.groups.map((g) => g.key).filter((key) => key.startsWith(prefix)).sort() : [])];
}

function scoreFigure(r: ReturnType<typeof releaseOf<import("../../anonymity/index.ts").MeanFigure, { band: Band | null }>>): ScoreFigure {
  if (r.status === "suppressed") return { status: "suppressed", reason: r.reason };
  if (r.status === "coarse") return { status: "coarse", n: r.n, band: r.value.band };
  if (r.value.mean === null) return { status: "suppressed", reason: "too_few" };
  return { status: "released", n: r.n, mean: r.value.mean, lower: r.value.lower, upper: r.value.upper, band: r.value.band };
}

export const BREAKDOWN_KINDS: readonly BreakdownKind[] = ["none", "organisation", "sector"];

/** One breakdown's results, with the group decisions the rules took (which every breakdown shares). */
export function computeResults(input: ResultsInput): WaveResults & { decisions: Map<string, GroupDecision> } {
  const { byBreakdown, decisions } = computeAllBreakdowns(input);
  return { ...byBreakdown[input.breakdown], decisions };
}

/**
 * Every breakdown's results from one pass. The rules are applied to all groups of all breakdowns
 * together anyway, so this costs what one breakdown costs; each breakdown shows its own groups'
 * figures of that one computation (free text, partnership-level only, is shuffled once).
 */
export function computeAllBreakdowns(input: Omit<ResultsInput, "breakdown">): { byBreakdown: Record<BreakdownKind, WaveResults>; decisions: Map<string, GroupDecision> } {
  const b = buildBreakdown(input.responses, input.k, input.previousWaves);
  const decisions = releasableGroups(b);
  const keysOf = Object.fromEntries(BREAKDOWN_KINDS.map((kind) => [kind, shownKeys(b, kind)])) as Record<BreakdownKind, string[]>;
  const keys = [...new Set(BREAKDOWN_KINDS.flatMap((kind) => keysOf[kind]))];
  const label = (key: string) =>
    key === ALL ? "Whole partnership" : key.startsWith("organisation:") ? input.organisationNames.get(key.slice(13)) ?? "An organisation" : input.sectorLabels[key.slice(7)] ?? key.slice(7);
  const groupView = (key: string): GroupView => {
    const d = decisions.get(key);
    return d?.ok ? { key, label: label(key), status: "released", n: d.n } : { key, label: label(key), status: "suppressed", reason: d && !d.ok ? d.reason : "too_few" };
  };
  const total = decisions.get(ALL);

  type Question = Omit<WaveResults["questions"][number], "figures"> & { figures: Map<string, QuestionFigure> };
  const questions: Question[] = [];
  const freeText: WaveResults["freeText"] = [];
  for (const section of input.instrument.sections) {
    for (const item of section.items) {
      const figures = new Map<string, QuestionFigure>();
      if (item.response.kind === "choice") {
        const options = item.response.options;
        const answers = new Map<string, string>();
        for (const r of input.responses) {
          const a = r.answers[item.key];
          if (a && typeof a.value === "string") answers.set(r.id, a.value);
        }
        const dist = releaseDistribution(b, answers, options.map((o) => o.value), []);
        for (const key of keys) {
          const d = releaseOf(dist, key);
          figures.set(
            key,
            d.status === "released"
              ? { status: "released", n: d.n, options: d.value.rows.map((row, i) => ({ value: row.option, label: options[i]?.label ?? row.option, count: row.count, percent: row.percent })), mean: null, lower: null, upper: null, dontKnow: 0 }
              : d.status === "coarse"
                ? { status: "coarse", n: d.n, note: COARSE_NOTE, band: null }
                : { status: "suppressed", reason: d.reason },
          );
        }
        const other = options.find((o) => o.other);
        if (other) {
          const texts = input.responses.map((r) => r.answers[item.key]).filter((a) => a?.value === other.value && a.text).map((a) => a!.text!);
          const released = releaseFreeText(texts, input.k, input.rng);
          freeText.push({ itemKey: item.key, text: item.text, figure: released.status === "released" ? { status: "released", texts: released.value } : { status: "suppressed", reason: released.reason } });
        }
        questions.push({ itemKey: item.key, text: item.text, sectionTitle: section.title, kind: "choice", figures });
        continue;
      }
      const raw = new Map<string, string>();
      const numeric = new Map<string, number>();
      for (const r of input.responses) {
        const a = r.answers[item.key];
        if (!a) continue;
        raw.set(r.id, String(a.value));
        const v = itemValue(a, false);
        if (v !== undefined) numeric.set(r.id, v);
      }
      const dist = releaseDistribution(b, raw, AGREEMENT_OPTIONS);
      const means = releaseMean(b, numeric);
      for (const key of keys) {
        const d = releaseOf(dist, key);
        const m = releaseOf(means, key);
        if (d.status === "suppressed") figures.set(key, { status: "suppressed", reason: d.reason });
        else if (d.status === "coarse" || m.status !== "released") figures.set(key, { status: "coarse", n: d.n, note: COARSE_NOTE, band: m.status === "coarse" ? m.value.band : null });
        else {
          const rows = d.value.rows;
          figures.set(key, {
            status: "released",
            n: d.n,
            options: rows.filter((row) => row.option !== DONT_KNOW).map((row) => ({ value: row.option, label: AGREEMENT_LABELS[AGREEMENT_OPTIONS.indexOf(row.option)] ?? row.option, count: row.count, percent: row.percent })),
            mean: m.value.mean,
            lower: m.value.lower,
            upper: m.value.upper,
            dontKnow: rows.find((row) => row.option === DONT_KNOW)?.count ?? 0,
          });
        }
      }
      questions.push({ itemKey: item.key, text: item.text, sectionTitle: section.title, kind: "agreement5", figures });
    }
  }

  const perRespondent = new Map(input.responses.map((r) => [r.id, respondentScores(input.instrument, r.answers)]));
  const hasTrustItems = input.instrument.sections.some((s) => s.items.some((i) => i.construct.kind === "trustworthiness"));
  const scores: Array<{ level: ScoreLevel; dimension: ScoreDimension; figures: Map<string, ScoreFigure> }> = [];
  if (hasTrustItems) {
    for (const scoreKey of SCORE_KEYS) {
      const values = new Map<string, number>();
      for (const [id, s] of perRespondent) {
        const v = s[scoreKey];
        if (v !== undefined) values.set(id, v);
      }
      const released = releaseMean(b, values);
      const [level, dimension] = scoreKey.split(":") as [ScoreLevel, ScoreDimension];
      scores.push({ level, dimension, figures: new Map(keys.map((key) => [key, scoreFigure(releaseOf(released, key))])) });
    }
  }

  const respondents: WaveResults["respondents"] = total?.ok ? { status: "released", n: total.n } : { status: "suppressed", reason: total && !total.ok ? total.reason : "too_few" };
  const view = (shown: string[]): WaveResults => {
    const pick = <F>(figures: Map<string, F>) => Object.fromEntries(shown.map((key) => [key, figures.get(key)!]));
    return {
      respondents,
      groups: shown.map(groupView),
      questions: questions.map((q) => ({ ...q, figures: pick(q.figures) })),
      scores: scores.map((s) => ({ ...s, figures: pick(s.figures) })),
      freeText,
    };
  };
  const byBreakdown = Object.fromEntries(BREAKDOWN_KINDS.map((kind) => [kind, view(keysOf[kind])])) as Record<BreakdownKind, WaveResults>;
  return { byBreakdown, decisions };
}
