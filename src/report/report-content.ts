/** The board report's content once, in order (summary first): sections of paragraphs, lists, key figures, tables and charts, for both HTML and PDF. */
import type { Drawing } from "./charts/drawing.ts";
import { BAND_WORD, fmt1, pct, signed } from "./charts/drawing.ts";
import { activityChart, behaviourChart, distributionChart, gridChart, headlineChart, institutionsChart, keyPersonChart, networkChart, quadrantChart } from "./charts/index.ts";
import { changeSentence, overallChange } from "./charts/headline.ts";
import { dueLabel } from "./charts/behaviour.ts";
import type { ReportModel } from "./report-model.ts";

export type Block =
  | { kind: "p"; text: string; tone?: "lead" | "muted" }
  | { kind: "h3"; text: string }
  | { kind: "list"; items: string[]; ordered?: boolean }
  | { kind: "figures"; items: { label: string; value: string }[] }
  | { kind: "table"; head: string[]; rows: string[][] }
  | { kind: "chart"; drawing: Drawing };

export interface Section {
  id: string;
  title: string;
  blocks: Block[];
}

const REGISTER_NAMES: Record<string, string> = { "ways-of-working": "ways of working", actions: "action plan", "offers-asks": "offers and asks", opportunities: "joint opportunities", goals: "strategic goals" };
const registerName = (key: string) => REGISTER_NAMES[key] ?? key.replace(/-/g, " ");
const PRACTICE_NAMES: Record<string, string> = { communicate_directly: "Communicate directly", joint_opportunities: "Joint opportunities", reciprocity: "Reciprocity", commitment: "Commitment", openness: "Openness", structures: "Structures" };
const practiceName = (key: string) => PRACTICE_NAMES[key] ?? key;
const EXPLANATION_TITLES: Record<string, string> = {
  perceived: "Perceived trust and change since the baseline",
  network: "Trust received in the network",
  behaviour: "Behavioural indicators",
  quadrant: "Perception against behaviour",
  institutions: "Institutionalisation",
  keyPerson: "Key-person dependency",
  warnings: "Early warnings",
  pressure: "Pressure events",
  nextSteps: "Suggested next steps",
};
const INTENTIONS: Record<string, string> = { current: "current", ageing: "ageing", stale: "out of date", none: "none shared" };

export const SECTION_TITLES = {
  summary: "Summary",
  headline: "Headline trust and change since the baseline",
  baseline: "The baseline question across waves",
  grid: "Trust by level and dimension",
  network: "The trust network",
  behaviour: "Behavioural indicators",
  institutions: "Institutionalisation and key-person dependency",
  flags: "Flags: early warnings",
  nextSteps: "Suggested next steps",
  method: "How each figure is computed",
} as const;

export const nextStepLine = (s: ReportModel["health"]["nextSteps"][number]) => `${s.text} Practice: ${practiceName(s.practice).toLowerCase()}; act on it in the ${registerName(s.register)} register.`;

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
/** "2026-06-30" → "30 June 2026". */
export function longDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
  return y && m && d && MONTHS[m - 1] ? `${d} ${MONTHS[m - 1]} ${y}` : iso;
}

function warningTitle(w: ReportModel["health"]["warnings"][number]): string {
  return w.kind === "activity_drop" ? `${w.organisationName}: outward activity has fallen` : `${w.organisationName}: trust received has fallen`;
}
const pressureLine = (p: { label: string; from: string; to: string }) => `Pressure at the time: ${p.label} (${p.from} to ${p.to}).`;

function headlineFigure(m: ReportModel): string {
  const latest = [...m.health.perceived.trend].reverse().find((w) => w.overall && w.overall.status !== "suppressed");
  const f = latest?.overall;
  if (!latest || !f || f.status === "suppressed") return "not shown";
  if (f.status === "coarse") return f.band ? `${BAND_WORD[f.band]} (band only)` : "band only";
  return `${fmt1(f.mean)} of 5`;
}

function summary(m: ReportModel): Section {
  const h = m.health;
  const latest = h.perceived.latestWave;
  const change = overallChange(h.perceived.sinceBaseline);
  const latestOverall = [...h.perceived.trend].reverse().find((w) => w.overall && w.overall.status !== "suppressed")?.overall;
  const band = latestOverall && latestOverall.status !== "suppressed" && latestOverall.band ? ` (${BAND_WORD[latestOverall.band]})` : "";
  const kept = h.behaviour.organisations.reduce((a, o) => a + o.commitments.kept, 0);
  const due = h.behaviour.organisations.reduce((a, o) => a + o.commitments.due, 0);
  const flaggedPairs = h.institutions.keyPerson.pairs.filter((p) => p.flagged).length;
  const blocks: Block[] = [
    { kind: "p", tone: "lead", text: `This report covers ${longDate(m.period.from)} to ${longDate(m.period.to)}. Survey figures are from the waves published by then; behaviour comes from the registers.` },
    { kind: "p", text: latest ? `Overall trust in ${latest.name}: ${headlineFigure(m)}${band}. ${changeSentence(h.perceived.sinceBaseline)}` : "No survey wave has been published yet, so there is no trust score to report." },
    {
      kind: "figures",
      items: [
        { label: `Overall trust, latest wave${band}`, value: headlineFigure(m) },
        { label: "Change since baseline", value: change ? signed(change.difference) : "not available" },
        { label: "Commitments kept on time", value: dueLabel(kept, due) },
        { label: "Decisions and procedures in date", value: h.institutions.overall.share === null ? "none recorded" : pct(h.institutions.overall.share) },
        { label: "Pairs resting on one person", value: String(flaggedPairs) },
        { label: "Early warnings", value: String(h.warnings.length) },
      ],
    },
    { kind: "h3", text: "Top flags" },
    h.warnings.length ? { kind: "list", items: h.warnings.slice(0, 3).map((w) => `${warningTitle(w)}. ${w.evidence}`) } : { kind: "p", text: "No organisation is flagged for this period." },
    { kind: "h3", text: "Next steps" },
    h.nextSteps.length ? { kind: "list", ordered: true, items: h.nextSteps.slice(0, 3).map(nextStepLine) } : { kind: "p", text: "Nothing stands out as needing action in this period." },
  ];
  return { id: "summary", title: SECTION_TITLES.summary, blocks };
}

export function reportSections(m: ReportModel): Section[] {
  const h = m.health;
  const sections: Section[] = [summary(m)];
  sections.push({ id: "headline", title: SECTION_TITLES.headline, blocks: [{ kind: "p", text: changeSentence(h.perceived.sinceBaseline) }, { kind: "chart", drawing: headlineChart(h.perceived.trend, h.perceived.sinceBaseline) }] });
  sections.push({
    id: "baseline",
    title: SECTION_TITLES.baseline,
    blocks: [{ kind: "p", text: "“To what extent do we trust each other to work more collaboratively?” The share of people giving each answer, wave by wave." }, { kind: "chart", drawing: distributionChart(h.perceived.trend) }],
  });
  sections.push({
    id: "grid",
    title: SECTION_TITLES.grid,
    blocks: [{ kind: "p", text: h.perceived.latestWave ? `Scores from ${h.perceived.latestWave.name}, by level of trust and by what people trust each other for. A cell is not shown when too few people answered to keep them anonymous.` : "No published wave yet." }, { kind: "chart", drawing: gridChart(h.perceived.scores) }],
  });
  const latestNet = h.perceived.network[h.perceived.network.length - 1];
  const received = new Map((latestNet?.organisations ?? []).map((o) => [o.organisationId, o.received] as const));
  sections.push({
    id: "network",
    title: SECTION_TITLES.network,
    blocks: m.network
      ? [{ kind: "p", text: `How organisations rated each other in ${m.network.wave.name}. Only ratings that may be shown under the anonymity rules are drawn.` }, { kind: "chart", drawing: networkChart({ waveName: m.network.wave.name, organisations: m.network.organisations, ties: m.network.ties, received }) }]
      : [{ kind: "p", text: "No published wave has asked organisations to rate each other yet." }],
  });
  sections.push({
    id: "behaviour",
    title: SECTION_TITLES.behaviour,
    blocks: [
      { kind: "p", text: `What the registers show between ${m.period.from} and ${m.period.to}.` },
      { kind: "chart", drawing: behaviourChart(h.behaviour.organisations) },
      {
        kind: "table",
        head: ["Organisation", "Commitments", "Actions", "Gave / received", "Risks shared", "Intentions", "Opportunities joined"],
        rows: h.behaviour.organisations.map((o) => [o.organisationName, `${dueLabel(o.commitments.kept, o.commitments.due)} (${pct(o.commitments.adjusted)})`, `${dueLabel(o.actions.kept, o.actions.due)}`, `${o.reciprocity.gave} / ${o.reciprocity.received}`, String(o.openness.risksShared), INTENTIONS[o.openness.intentionsBand] ?? o.openness.intentionsBand, String(o.opportunitiesJoined)]),
      },
      { kind: "h3", text: "Where perception and behaviour disagree" },
      { kind: "p", text: h.quadrant.rule },
      { kind: "chart", drawing: quadrantChart(h.quadrant) },
    ],
  });
  const flagged = h.institutions.keyPerson.pairs.filter((p) => p.flagged);
  sections.push({
    id: "institutions",
    title: SECTION_TITLES.institutions,
    blocks: [
      { kind: "chart", drawing: institutionsChart(h.institutions) },
      ...(h.institutions.overdue.length ? [{ kind: "list", items: h.institutions.overdue.map((e) => `Review overdue: ${e.title} (${e.register}, due ${e.reviewOn ?? "no date"})`) } as Block] : []),
      { kind: "chart", drawing: keyPersonChart(h.institutions.keyPerson) },
      flagged.length ? { kind: "list", items: flagged.map((p) => `${p.aName} and ${p.bName}: ${p.share === null ? "" : pct(p.share)} of ${p.joint} joint entries carried by ${p.carriedBy ? `${p.carriedBy.personName} (${p.carriedBy.organisationName})` : "one person"}.`) } : { kind: "p", text: "No pair of organisations rests on a single person." },
    ],
  });
  const flagBlocks: Block[] = [];
  for (const w of h.warnings) {
    flagBlocks.push({ kind: "h3", text: warningTitle(w) }, { kind: "p", text: w.evidence });
    for (const p of w.pressure) flagBlocks.push({ kind: "p", tone: "muted", text: pressureLine(p) });
    const row = h.activity.find((a) => a.organisationId === w.organisationId);
    if (w.kind === "activity_drop" && row) flagBlocks.push({ kind: "chart", drawing: activityChart(row, h.pressureEvents.map((e) => ({ label: e.label, from: e.startsOn, to: e.endsOn }))) });
  }
  if (!h.warnings.length) flagBlocks.push({ kind: "p", text: "No organisation is flagged for this period." });
  if (h.pressureEvents.length) flagBlocks.push({ kind: "h3", text: "Pressure events recorded" }, { kind: "list", items: h.pressureEvents.map((e) => `${e.label}: ${e.startsOn} to ${e.endsOn}${e.note ? `. ${e.note}` : ""}`) });
  sections.push({ id: "flags", title: SECTION_TITLES.flags, blocks: flagBlocks });
  sections.push({ id: "next-steps", title: SECTION_TITLES.nextSteps, blocks: h.nextSteps.length ? [{ kind: "list", ordered: true, items: h.nextSteps.map(nextStepLine) }] : [{ kind: "p", text: "Nothing stands out as needing action in this period." }] });
  const keys = [...Object.keys(EXPLANATION_TITLES).filter((k) => h.explanations[k] !== undefined), ...Object.keys(h.explanations).filter((k) => !(k in EXPLANATION_TITLES)).sort()];
  sections.push({ id: "method", title: SECTION_TITLES.method, blocks: keys.flatMap((k): Block[] => [{ kind: "h3", text: EXPLANATION_TITLES[k] ?? k }, { kind: "p", text: h.explanations[k] ?? "" }]) });
  return sections;
}
