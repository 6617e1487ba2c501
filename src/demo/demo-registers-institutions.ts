/**
 * The demo's decisions (one changed after the event, one overdue for review), the procedures they adopted,
 * and the strategic goals with the wins that advance them.
 */
import { createEntry, updateEntry } from "../registers/entry-use-cases.ts";
import { DEMO_CONVENOR } from "./demo-registers-agree.ts";
import type { DemoRegisterContext } from "./demo-registers-context.ts";

const ALL = ["trust", "pcn", "council", "care", "vcs", "housing"];

interface DemoDecision {
  key: string;
  title: string;
  proposal: string;
  method: "consensus" | "consent" | "vote";
  participants: readonly string[];
  proposed: number;
  /** Each outcome in turn, and when it was recorded; none for a proposal not yet decided. */
  outcomes: ReadonlyArray<[string, number]>;
  reviewOn?: number;
}

const DECISIONS: readonly DemoDecision[] = [
  {
    key: "ways",
    title: "Adopt the ways-of-working agreement",
    proposal: "The six partners adopt the ways-of-working statements and review them together after a year.",
    method: "consensus",
    participants: ALL,
    proposed: -330,
    outcomes: [["Adopted by all six partners, to be reviewed after the first year.", -320]],
    reviewOn: -19,
  },
  {
    key: "escalation",
    title: "Adopt an escalation route for disagreements between partners",
    proposal: "Disagreements not settled by the people involved within ten working days go to the two directors, then to the partnership board.",
    method: "consent",
    participants: ALL,
    proposed: -295,
    outcomes: [["Adopted; nobody objected. Willowbank asked that the smaller partners may bring a supporter to a directors' meeting, and this was added.", -282]],
    reviewOn: 84,
  },
  {
    key: "frailty-pathway",
    title: "Adopt the frailty referral pathway",
    proposal: "GPs refer people with moderate or severe frailty to the weekly multidisciplinary meeting, which can refer on to the community response team, reablement, Age Well or housing.",
    method: "consent",
    participants: ["trust", "pcn", "council", "vcs", "housing"],
    proposed: -240,
    outcomes: [["Adopted from the start of the next month.", -231]],
    reviewOn: 131,
  },
  {
    key: "discharge-fund",
    title: "How to spend the £120,000 discharge fund",
    proposal: "Share the one-off discharge fund between the partners to keep people out of hospital and get them home sooner.",
    method: "vote",
    participants: ALL,
    proposed: -215,
    outcomes: [
      ["Split equally: £20,000 to each partner (5 votes to 1).", -201],
      ["Changed seven weeks later, when waits for home care had become the main cause of delays: £50,000 to home care capacity, £40,000 to Age Well's home-from-hospital visits, £30,000 to housing adaptations (6 votes to 0). The equal split is superseded.", -152],
    ],
    reviewOn: 9,
  },
  {
    key: "data-sharing",
    title: "Adopt the data-sharing agreement for the joint discharge dashboard",
    proposal: "Partners share ward-level and area-level figures on delays, care hours and adaptations under one agreement, reviewed yearly by the information governance leads.",
    method: "consensus",
    participants: ALL,
    proposed: -175,
    outcomes: [["Adopted; signed by the six information governance leads.", -160]],
    reviewOn: 205,
  },
  {
    key: "cyp",
    title: "Add children and young people's mental health to the priorities",
    proposal: "Add young people's mental health as the partnership's fifth priority, led by the council with primary care and housing.",
    method: "consensus",
    participants: ["trust", "pcn", "council", "vcs", "housing"],
    proposed: -130,
    outcomes: [["Agreed; Willowbank abstained as it does not work with young people.", -118]],
    reviewOn: 247,
  },
  {
    key: "pooled-budget",
    title: "Pool the council's and the NHS's reablement budgets",
    proposal: "One reablement budget, held by the council and overseen by the board, from the next financial year.",
    method: "consensus",
    participants: ALL,
    proposed: -26,
    outcomes: [],
  },
];

const PROCEDURES: ReadonlyArray<{ title: string; kind: "escalation" | "data_sharing" | "referral_pathway" | "governance"; description: string; decision?: string; org: string; owner: string; created: number; reviewOn: number }> = [
  { title: "Escalation route for disagreements between partners", kind: "escalation", description: "1. The people involved meet within five working days. 2. If not settled in ten working days, the two directors meet; a smaller partner may bring a supporter. 3. If still not settled, the partnership board decides at its next meeting.", decision: "escalation", org: "council", owner: "Priya Nair", created: -280, reviewOn: 84 },
  { title: "Data-sharing agreement: joint discharge dashboard", kind: "data_sharing", description: "Which figures each partner shares each week, the legal basis, who may see them, and how long they are kept.", decision: "data-sharing", org: "trust", owner: "Pawel Kowalski", created: -158, reviewOn: 205 },
  { title: "Frailty referral pathway", kind: "referral_pathway", description: "From GP identification through the weekly multidisciplinary meeting to the community response team, reablement, Age Well or a home safety check, with who does what within how many days.", decision: "frailty-pathway", org: "pcn", owner: "Tom Hughes", created: -229, reviewOn: 131 },
  { title: "Partnership board terms of reference", kind: "governance", description: "Membership, quorum, how decisions are made and recorded, and how often the board meets. Draft for discussion.", org: "council", owner: "Ali Rahman", created: -16, reviewOn: 180 },
];

const GOALS = [
  { key: "admissions", title: "Fewer emergency admissions of frail older people", description: "A fifth fewer emergency admissions of people over 75 with frailty within two years.", target: 10 },
  { key: "home", title: "People get home from hospital as soon as they are ready", description: "No more than 25 people a day medically fit but still in hospital.", target: 15 },
  { key: "trust", title: "Partners trust each other enough to share budgets and staff", description: "Pooled budgets and shared teams where they serve people better.", target: 15 },
] as const;

const WINS: ReadonlyArray<{ title: string; description: string; org: string | null; by: string; on: number; goals: readonly string[]; weight: number }> = [
  { title: "Daily discharge huddle running every weekday", description: "Ward staff, social work, Willowbank and Age Well meet at 9.15 every weekday.", org: "trust", by: "Amara Okafor", on: -285, goals: ["home"], weight: 2 },
  { title: "Frailty register live in all six practices", description: "1,240 patients identified and coded the same way.", org: "pcn", by: "Tom Hughes", on: -250, goals: ["admissions"], weight: 2 },
  { title: "First 100 settling-in visits by Age Well volunteers", description: "Within two days of discharge; eleven people were found to need urgent help.", org: "vcs", by: "Sian Roberts", on: -198, goals: ["admissions", "home"], weight: 2 },
  { title: "Trusted assessor pilot: 40 people's care restarted without a new assessment", description: "Restart times fell from four days to two for people in the pilot.", org: "care", by: "Gareth Lewis", on: -165, goals: ["home", "trust"], weight: 3 },
  { title: "Data-sharing agreement signed by all six partners", description: "The first agreement covering the whole partnership.", org: null, by: DEMO_CONVENOR, on: -158, goals: ["trust"], weight: 2 },
  { title: "Discharge fund reallocated by agreement, without escalation", description: "Partners gave up their equal shares so that the money went where the pressure was.", org: null, by: DEMO_CONVENOR, on: -150, goals: ["trust"], weight: 1 },
  { title: "Falls admissions from the Eastgate estate down by a quarter", description: "Compared with the same six months last year, after home safety checks for every tenant over 75.", org: "housing", by: "Nia Jones", on: -100, goals: ["admissions"], weight: 3 },
  { title: "Charities fund bid won: £180,000 over two years", description: "For a hospital-to-home service led by Age Well with the trust's discharge team.", org: "vcs", by: "Imran Iqbal", on: -101, goals: ["home", "trust"], weight: 3 },
  { title: "Social prescribing referrals for people with several conditions doubled", description: "From 30 to 64 a month.", org: "pcn", by: "Fatima Hussain", on: -80, goals: ["admissions"], weight: 1 },
  { title: "People waiting in hospital for home care down from 38 to 21", description: "The lowest figure since the partnership began.", org: "trust", by: "Pawel Kowalski", on: -33, goals: ["home"], weight: 2 },
];

export async function createDemoDecisions(ctx: DemoRegisterContext): Promise<Map<string, string>> {
  const convenor = ctx.as(DEMO_CONVENOR);
  const ids = new Map<string, string>();
  for (const d of DECISIONS) {
    const e = await createEntry(
      ctx.db,
      convenor,
      ctx.partnershipId,
      "decisions",
      { title: d.title, proposal: d.proposal, method: d.method, participants: d.participants.map(ctx.org), status: "proposed" },
      ctx.at(d.proposed, 10),
    );
    ids.set(d.key, e.id);
    let version = e.version;
    for (const [i, [outcome, on]] of d.outcomes.entries()) {
      const first = i === 0;
      ({ version } = await updateEntry(
        ctx.db,
        convenor,
        ctx.partnershipId,
        "decisions",
        e.id,
        { outcome, status: "decided", decidedOn: ctx.day(on), ...(first && d.reviewOn !== undefined ? { reviewOn: ctx.day(d.reviewOn) } : {}), version },
        ctx.at(on, 17),
      ));
    }
  }
  return ids;
}

export async function createDemoProcedures(ctx: DemoRegisterContext, decisionIds: ReadonlyMap<string, string>): Promise<void> {
  for (const p of PROCEDURES) {
    await createEntry(
      ctx.db,
      ctx.as(p.owner),
      ctx.partnershipId,
      "procedures",
      {
        title: p.title,
        kind: p.kind,
        description: p.description,
        adoptedByDecisionId: p.decision ? decisionIds.get(p.decision) : null,
        ownerOrganisationId: ctx.org(p.org),
        ownerPersonId: ctx.person(p.owner),
        status: p.decision ? "adopted" : "draft",
        reviewOn: ctx.day(p.reviewOn),
      },
      ctx.at(p.created, 11),
    );
  }
}

export async function createDemoGoalsAndWins(ctx: DemoRegisterContext): Promise<void> {
  const convenor = ctx.as(DEMO_CONVENOR);
  const goalIds = new Map<string, string>();
  for (const g of GOALS) {
    const e = await createEntry(ctx.db, convenor, ctx.partnershipId, "goals", { title: g.title, description: g.description, target: g.target, status: "active" }, ctx.at(-325, 16));
    goalIds.set(g.key, e.id);
  }
  for (const w of WINS) {
    await createEntry(
      ctx.db,
      ctx.as(w.by),
      ctx.partnershipId,
      "wins",
      { title: w.title, description: w.description, organisationId: w.org ? ctx.org(w.org) : null, achievedOn: ctx.day(w.on), goalIds: w.goals.map((g) => goalIds.get(g)!), weight: w.weight },
      ctx.at(w.on, 15),
    );
  }
}
