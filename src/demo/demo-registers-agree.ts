/** The demo's first step, agreeing a minimum: priorities, the ways-of-working agreement with its sign-ups, and the action plan. */
import { createEntry, updateEntry } from "../registers/entry-use-cases.ts";
import { signUp } from "../registers/entry-actions.ts";
import { etagOf } from "../registers/preconditions.ts";
import type { DemoRegisterContext } from "./demo-registers-context.ts";

/** The convenor (the council's head of adult social care) records what the partnership agrees as a whole. */
export const DEMO_CONVENOR = "Priya Nair";

const ALL = ["trust", "pcn", "council", "care", "vcs", "housing"] as const;

const PRIORITIES = [
  {
    key: "frailty",
    title: "Frail older people at risk of emergency admission",
    description: "People over 75 with moderate or severe frailty, who are most likely to be admitted in a crisis. We want to find them early, plan their care with them and keep them well at home.",
    agreedOn: -330,
    agreedBy: ALL,
  },
  {
    key: "discharge",
    title: "Getting people home from hospital as soon as they are ready",
    description: "People whose stay is prolonged while they wait for care, equipment, adaptations or someone to be with them at home. Every extra day in a hospital bed costs an older person strength and confidence.",
    agreedOn: -330,
    agreedBy: ALL,
  },
  {
    key: "mltc",
    title: "People living with several long-term conditions",
    description: "Adults with three or more long-term conditions who see many professionals and tell their story again at every appointment. We aim for one plan, one named coordinator and fewer wasted journeys.",
    agreedOn: -300,
    agreedBy: ["trust", "pcn", "council", "vcs"],
  },
  {
    key: "homes",
    title: "Warm, safe homes for older residents",
    description: "Older tenants and home owners in cold, damp or unsafe homes, where a fall or a chest infection too often ends in an admission.",
    agreedOn: -290,
    agreedBy: ["council", "vcs", "housing", "pcn"],
    achievedOn: -85,
  },
  {
    key: "cyp",
    title: "Children and young people's mental health",
    description: "Young people waiting months for support, often in families the partners already know through housing, schools or primary care. Added after the housing association and the primary care network raised it at the board.",
    agreedOn: -118,
    agreedBy: ["trust", "pcn", "council", "vcs", "housing"],
  },
] as const;

const STATEMENTS = [
  {
    statement: "We share bad news early: no partner hears about a problem first at the board.",
    explanation: "If something will slip or go wrong, the organisation concerned tells the partners affected within a week of knowing, with what it is doing about it.",
    agreedOn: -320,
    signUps: [["council", "Priya Nair", -318], ["vcs", "Sian Roberts", -316], ["pcn", "Tom Hughes", -314], ["care", "Gareth Lewis", -309], ["trust", "Amara Okafor", -301]],
  },
  {
    statement: "We say plainly what we can and cannot do, and keep to it or say so in good time.",
    explanation: "Commitments go in the register with a date. If one is at risk we renegotiate it before it is due, not after.",
    agreedOn: -320,
    signUps: [["council", "Ali Rahman", -318], ["vcs", "Sian Roberts", -316], ["pcn", "Hannah Clarke", -314], ["housing", "Marek Nowak", -312], ["care", "Gareth Lewis", -309], ["trust", "Amara Okafor", -301]],
  },
  {
    statement: "People tell their story once.",
    explanation: "With the person's consent we pass on what we know, so that nobody has to repeat their history to each new professional who visits.",
    agreedOn: -320,
    signUps: [["council", "Yusuf Khan", -317], ["vcs", "Dev Patel", -315], ["pcn", "Hannah Clarke", -314], ["housing", "Nia Jones", -312], ["care", "Ruth Evans", -308]],
  },
  {
    statement: "We bring our data to the table, including when it shows us in a poor light.",
    explanation: "Waiting times, delays, unmet hours and complaints are shared at the monthly board in the same format, so that we solve problems together instead of defending our numbers.",
    agreedOn: -305,
    signUps: [["council", "Ali Rahman", -303], ["pcn", "Tom Hughes", -300], ["vcs", "Imran Iqbal", -298], ["trust", "Pawel Kowalski", -262]],
  },
  {
    statement: "We settle disagreements directly and quickly, and use the escalation route when we cannot.",
    explanation: "The people involved talk first; if that has not settled it within ten working days, it goes up the agreed escalation route. We do not take disputes to regulators or the press first.",
    agreedOn: -280,
    signUps: [["council", "Priya Nair", -279], ["trust", "Rhys Thomas", -277], ["pcn", "Zara Ahmed", -276], ["vcs", "Sian Roberts", -275], ["housing", "Megan Powell", -270]],
  },
  {
    statement: "Every partner's voice counts the same at the table, whatever its size or budget.",
    explanation: "The chair goes round every organisation before a decision; the smallest partner is asked first.",
    agreedOn: -280,
    signUps: [["vcs", "Liam Murphy", -279], ["housing", "Lucy Davies", -278], ["council", "Huw Griffiths", -277], ["pcn", "Fatima Hussain", -276], ["care", "Chloe Wright", -272], ["trust", "Owen Price", -246]],
  },
  {
    statement: "We protect each other's time: papers go out three working days before a meeting, and meetings end on time.",
    explanation: "Proposed by Willowbank Home Care, whose managers join board meetings between care rounds.",
    proposedOn: -38,
    signUps: [["care", "Gareth Lewis", -37], ["vcs", "Kwame Boateng", -33], ["council", "Priya Nair", -30]],
  },
] as const;

const ACTIONS = [
  { priority: "frailty", title: "Agree one shared frailty register across the network's six practices", owner: "pcn", by: "Tom Hughes", created: -315, due: -250, status: "done", on: -256 },
  { priority: "frailty", title: "Hold a weekly multidisciplinary meeting for people on the frailty register", owner: "pcn", by: "Hannah Clarke", created: -300, due: -215, status: "done", on: -222 },
  { priority: "frailty", title: "Offer a home safety and falls check to every tenant over 75", owner: "housing", by: "Nia Jones", created: -290, due: -130, status: "done", on: -134 },
  { priority: "frailty", title: "Train Age Well volunteers to spot early signs of deterioration", owner: "vcs", by: "Dev Patel", created: -290, due: -160, status: "done", on: -148 },
  { priority: "frailty", title: "Set up a same-day urgent community response line for care workers", owner: "trust", by: "Owen Price", created: -200, due: -28, status: "in_progress", on: -120 },
  { priority: "discharge", title: "Start a daily discharge huddle with social work and home care", owner: "trust", by: "Amara Okafor", created: -318, due: -285, status: "done", on: -290 },
  { priority: "discharge", title: "Agree a trusted assessor model so home care can restart without a new assessment", owner: "care", by: "Gareth Lewis", created: -300, due: -175, status: "done", on: -168 },
  { priority: "discharge", title: "Offer settling-in visits by volunteers to people going home alone", owner: "vcs", by: "Sian Roberts", created: -310, due: -240, status: "done", on: -244 },
  { priority: "discharge", title: "Fit rails and key safes before discharge instead of after", owner: "housing", by: "Lucy Davies", created: -280, due: -170, status: "done", on: -172 },
  { priority: "discharge", title: "Publish a weekly joint delayed-discharge dashboard", owner: "council", by: "Ali Rahman", created: -240, due: -45, status: "in_progress", on: -150 },
  { priority: "mltc", title: "Pilot one care plan shared by the GP, the hospital and the council", owner: "pcn", by: "Zara Ahmed", created: -210, due: 42, status: "in_progress", on: -96 },
  { priority: "mltc", title: "Refer people with three or more conditions to social prescribing", owner: "pcn", by: "Fatima Hussain", created: -280, due: -90, status: "done", on: -97 },
  { priority: "mltc", title: "Map duplicate outpatient appointments for people with several conditions", owner: "trust", by: "Pawel Kowalski", created: -260, due: -100, status: "dropped", on: -110, note: "Dropped: the shared care plan pilot covers the same ground." },
  { priority: "homes", title: "Deliver warm packs and heating checks to 200 older residents", owner: "vcs", by: "Imran Iqbal", created: -250, due: -110, status: "done", on: -116 },
  { priority: "cyp", title: "Agree a joint referral route for young people's mental health with local schools", owner: "council", by: "Yusuf Khan", created: -100, due: 60, status: "not_started" },
  { priority: "cyp", title: "Run drop-in wellbeing sessions for young tenants on the Eastgate estate", owner: "housing", by: "Rosa Silva", created: -90, due: 21, status: "in_progress", on: -40 },
] as const;

export async function createDemoPriorities(ctx: DemoRegisterContext): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const convenor = ctx.as(DEMO_CONVENOR);
  for (const p of PRIORITIES) {
    const e = await createEntry(ctx.db, convenor, ctx.partnershipId, "priorities", { title: p.title, description: p.description, agreedOn: ctx.day(p.agreedOn), agreedBy: p.agreedBy.map(ctx.org), status: "active" }, ctx.at(p.agreedOn, 16));
    ids.set(p.key, e.id);
    if ("achievedOn" in p) await updateEntry(ctx.db, convenor, ctx.partnershipId, "priorities", e.id, { status: "achieved", version: e.version }, ctx.at(p.achievedOn, 15));
  }
  return ids;
}

export async function createDemoWaysOfWorking(ctx: DemoRegisterContext): Promise<void> {
  const convenor = ctx.as(DEMO_CONVENOR);
  for (const s of STATEMENTS) {
    const agreed = "agreedOn" in s;
    const e = await createEntry(ctx.db, convenor, ctx.partnershipId, "ways-of-working", { statement: s.statement, explanation: s.explanation, status: agreed ? "agreed" : "proposed" }, ctx.at(agreed ? s.agreedOn : s.proposedOn, 15));
    let version = e.version;
    for (const [org, by, on] of s.signUps) version = (await signUp(ctx.db, ctx.as(by), ctx.partnershipId, e.id, ctx.org(org), { ...ctx.at(on, 11), ifMatch: etagOf(version) })).version;
  }
}

export async function createDemoActions(ctx: DemoRegisterContext, priorityIds: ReadonlyMap<string, string>): Promise<void> {
  for (const a of ACTIONS) {
    const actor = ctx.as(a.by);
    const e = await createEntry(
      ctx.db,
      actor,
      ctx.partnershipId,
      "actions",
      { title: a.title, priorityId: priorityIds.get(a.priority), ownerOrganisationId: ctx.org(a.owner), ownerPersonId: ctx.person(a.by), dueOn: ctx.day(a.due), status: "not_started" },
      ctx.at(a.created, 14),
    );
    if (a.status === "not_started") continue;
    let version = e.version;
    if (a.status === "done") version = (await updateEntry(ctx.db, actor, ctx.partnershipId, "actions", e.id, { status: "in_progress", version }, ctx.at(Math.round((a.created + a.on) / 2), 11))).version;
    const changes = a.status === "done" ? { status: "done", completedOn: ctx.day(a.on) } : a.status === "dropped" ? { status: "dropped", description: a.note } : { status: "in_progress" };
    await updateEntry(ctx.db, actor, ctx.partnershipId, "actions", e.id, { ...changes, version }, ctx.at(a.on, 12));
  }
}
