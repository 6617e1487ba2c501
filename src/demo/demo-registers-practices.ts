/** The demo's joint opportunities, intentions statements and shared risks. */
import { createEntry, updateEntry } from "../registers/entry-use-cases.ts";
import type { DemoRegisterContext } from "./demo-registers-context.ts";

type OpportunityStatus = "idea" | "agreed" | "in_progress" | "won" | "dropped";

const OPPORTUNITIES: ReadonlyArray<{
  title: string;
  description: string;
  org: string;
  by: string;
  benefits: ReadonlyArray<[string, string]>;
  effort: "low" | "medium" | "high";
  value: "low" | "medium" | "high";
  /** The status it was created with, then each later status and when. */
  path: ReadonlyArray<[OpportunityStatus, number]>;
}> = [
  {
    title: "Joint bid to the NHS charities fund for a hospital-to-home service",
    description: "Age Well leads the bid; the trust's discharge team provides referrals and data. Two years of funding for paid coordinators alongside volunteers.",
    org: "vcs",
    by: "Sian Roberts",
    benefits: [["vcs", "Paid coordinators for two years, so the service no longer depends on goodwill alone"], ["trust", "Fewer readmissions in the first month after discharge"]],
    effort: "medium",
    value: "high",
    path: [["idea", -260], ["agreed", -245], ["in_progress", -230], ["won", -102]],
  },
  {
    title: "One recruitment campaign for care and health support workers",
    description: "A single 'care in Riverside' campaign and shared open days, instead of competing for the same applicants.",
    org: "care",
    by: "Chloe Wright",
    benefits: [["care", "More applicants, and fewer lost to the hospital after training"], ["trust", "Healthcare support workers for the frailty wards"], ["council", "A more stable home care market"]],
    effort: "medium",
    value: "high",
    path: [["idea", -150], ["agreed", -120], ["in_progress", -70]],
  },
  {
    title: "One visit schedule for care workers and tenancy officers on the Eastgate estate",
    description: "Willowbank's care workers and Eastgate's tenancy officers share one weekly schedule of visits to older tenants, so each knows who has called on whom. Arranged by Willowbank's operations director, who also took on the estate's care rounds.",
    org: "care",
    by: "Chloe Wright",
    benefits: [["care", "Fewer wasted journeys, and a tenancy officer to call when a client does not answer"], ["housing", "Early word when an older tenant is struggling"]],
    effort: "low",
    value: "medium",
    path: [["idea", -320], ["agreed", -300], ["won", -255]],
  },
  {
    title: "One phone number for older people's services across the partners",
    description: "A single number answered by a joint team that can book a GP frailty review, a social care assessment, a home safety check or a befriender.",
    org: "council",
    by: "Huw Griffiths",
    benefits: [["council", "Fewer repeat calls to the contact centre"], ["pcn", "Less time spent by reception teams redirecting calls"], ["vcs", "More referrals from people who would not have found us"], ["housing", "Tenants' worries about older relatives reach the right team"]],
    effort: "high",
    value: "high",
    path: [["idea", -95], ["agreed", -48]],
  },
  {
    title: "Base the community response team in Eastgate's estate office",
    description: "Desk space and parking in the estate office, close to many of the team's patients.",
    org: "housing",
    by: "Megan Powell",
    benefits: [["housing", "Health staff on site that tenancy officers can ask"], ["trust", "A base ten minutes from a third of the team's patients"]],
    effort: "low",
    value: "medium",
    path: [["idea", -20]],
  },
  {
    title: "Buy telecare equipment together",
    description: "A joint contract for alarms, sensors and monitoring.",
    org: "council",
    by: "Ali Rahman",
    benefits: [["council", "Lower unit prices"], ["housing", "One system across sheltered schemes"], ["care", "Alerts that reach care workers directly"]],
    effort: "high",
    value: "medium",
    path: [["idea", -210], ["dropped", -165]],
  },
  {
    title: "Pool training budgets into one shared learning programme",
    description: "Dementia awareness, falls prevention and safeguarding courses open to every partner's staff.",
    org: "pcn",
    by: "Tom Hughes",
    benefits: [["pcn", "Courses for care coordinators the network could not run alone"], ["care", "Free places for care workers"], ["vcs", "Accredited training for volunteers"]],
    effort: "low",
    value: "medium",
    path: [["idea", -12]],
  },
];

/** Each organisation's statements, oldest first. The trust's only statement is stale; Willowbank's is ageing. */
const INTENTIONS: ReadonlyArray<{ org: string; by: string; statedOn: number; title: string; ambitions: string; intentions: string; priorities: string }> = [
  {
    org: "council",
    by: "Priya Nair",
    statedOn: -300,
    title: "Keeping people independent at home for longer",
    ambitions: "Fewer older people moving into residential care, and more reablement after a hospital stay.",
    intentions: "Grow the reablement service by a third and buy home care by area rather than by the hour.",
    priorities: "Setting up the partnership; the discharge-to-assess model; a balanced budget.",
  },
  {
    org: "trust",
    by: "Amara Okafor",
    statedOn: -205,
    title: "Bringing elective waiting times down while cutting delayed discharges",
    ambitions: "No patient waiting more than a year for planned treatment; no more than 40 patients a day medically fit but still in hospital.",
    intentions: "Open the frailty assessment unit and move therapy staff into the community response team.",
    priorities: "Bed capacity, the new patient record system, and recruitment to the frailty wards.",
  },
  {
    org: "vcs",
    by: "Sian Roberts",
    statedOn: -250,
    title: "Building our volunteer base",
    ambitions: "A befriender for every older person in Riverside who wants one.",
    intentions: "Recruit 20 volunteers and find funding for a paid volunteer coordinator.",
    priorities: "Recruitment and training; the home-from-hospital visits.",
  },
  {
    org: "care",
    by: "Gareth Lewis",
    statedOn: -128,
    title: "Steadying our workforce before we take on more",
    ambitions: "Reliable care rounds across the city, with care workers who stay.",
    intentions: "We will not bid for new areas this year; we are putting our effort into keeping staff and covering the rounds we have.",
    priorities: "Recruitment after the pay award, staff retention, and restarting care quickly after discharge.",
  },
  {
    org: "pcn",
    by: "Tom Hughes",
    statedOn: -62,
    title: "Proactive care for people with frailty and several conditions",
    ambitions: "Every patient with moderate or severe frailty has a care plan they helped write.",
    intentions: "Extend the weekly frailty meetings to people with three or more long-term conditions and pilot the shared care plan.",
    priorities: "The shared care plan pilot, social prescribing, and the young people's mental health route.",
  },
  {
    org: "housing",
    by: "Marek Nowak",
    statedOn: -76,
    title: "Homes that help older tenants stay well",
    ambitions: "No older tenant stuck in hospital for want of an adaptation.",
    intentions: "Keep adaptations under five working days, open two step-down flats and tackle damp and mould in our oldest blocks first.",
    priorities: "Step-down flats, damp and mould, and support for young tenants on the Eastgate estate.",
  },
  {
    org: "council",
    by: "Priya Nair",
    statedOn: -45,
    title: "A pooled reablement budget, and young people's mental health",
    ambitions: "One reablement service paid for jointly with the NHS; young people seen within weeks, not months.",
    intentions: "Bring a pooled budget proposal to the board and lead the referral route with schools.",
    priorities: "Pooled reablement budget, children and young people's mental health, the joint dashboard.",
  },
  {
    org: "vcs",
    by: "Sian Roberts",
    statedOn: -21,
    title: "From volunteers alone to a funded hospital-to-home service",
    ambitions: "Every older person going home alone gets a visit within two days.",
    intentions: "Use the charities fund grant to employ two coordinators; keep befriending free.",
    priorities: "Launching the funded service; being paid back in kind by partners who rely on our volunteers.",
  },
];

const RISKS: ReadonlyArray<{ org: string; by: string; owner: string; title: string; description: string; likelihood: number; impact: number; mitigations: string; created: number; status: "open" | "mitigating" | "closed"; changed?: number }> = [
  { org: "trust", by: "Pawel Kowalski", owner: "Pawel Kowalski", title: "Bed occupancy above 98% delays discharges", description: "With the hospital full, discharges are rushed or late and care packages are cancelled at short notice.", likelihood: 4, impact: 5, mitigations: "Daily discharge huddle; escalation beds; early warning to Willowbank and the council when occupancy passes 95%.", created: -280, status: "mitigating", changed: -200 },
  { org: "care", by: "Gareth Lewis", owner: "Gareth Lewis", title: "Discharges at short notice leave care packages unstaffed", description: "When the hospital discharges with less than a day's notice, we cannot always find carers for the first visits.", likelihood: 4, impact: 3, mitigations: "Daily discharge huddle; the trust to give 48 hours' notice; a weekend cover rota.", created: -285, status: "mitigating", changed: -230 },
  { org: "care", by: "Chloe Wright", owner: "Chloe Wright", title: "Rising fuel costs push care workers to leave", description: "Care workers drive their own cars between visits; fuel has risen faster than the mileage rate.", likelihood: 3, impact: 3, mitigations: "Mileage rate reviewed; rounds redrawn to cut driving.", created: -215, status: "open" },
  { org: "care", by: "Gareth Lewis", owner: "Gareth Lewis", title: "The fee uplift will not cover the rise in care workers' pay", description: "If the council's uplift for home care is below the pay award, we will have to hand back packages or stop taking new ones.", likelihood: 4, impact: 4, mitigations: "Costs shared with the council's commissioners before the uplift is set.", created: -105, status: "open" },
  { org: "care", by: "Chloe Wright", owner: "Chloe Wright", title: "Not enough care workers in the north of the city", description: "Vacancies of around 15% mean some packages cannot start on time.", likelihood: 4, impact: 4, mitigations: "Joint recruitment campaign; reablement cover agreed with the council for outbreaks.", created: -240, status: "mitigating", changed: -150 },
  { org: "council", by: "Ali Rahman", owner: "Ali Rahman", title: "Adult social care overspend forces savings during the year", description: "Demand for home care is running 8% above budget.", likelihood: 3, impact: 4, mitigations: "Monthly forecast shared with the board; any savings affecting partners discussed with them before they are proposed.", created: -180, status: "open" },
  { org: "vcs", by: "Sian Roberts", owner: "Sian Roberts", title: "Befriending grant ends this year", description: "Without the council grant, the befriending service closes to new referrals.", likelihood: 3, impact: 3, mitigations: "Council agreed to extend the grant; charities fund bid submitted.", created: -200, status: "closed", changed: -125 },
  { org: "pcn", by: "Hannah Clarke", owner: "Hannah Clarke", title: "Record system upgrade cuts off access to the frailty register", description: "Two weeks when the practices cannot see the shared register.", likelihood: 2, impact: 3, mitigations: "Paper copy of the register kept for the changeover; upgrade done over a weekend.", created: -190, status: "closed", changed: -115 },
  { org: "housing", by: "Lucy Davies", owner: "Megan Powell", title: "Damp and mould in older blocks worsen chest illness", description: "About 60 homes in the Eastgate blocks have reported damp; several tenants are on the frailty register.", likelihood: 3, impact: 4, mitigations: "Surveys of every affected home; tenants on the frailty register treated first; GPs can refer directly.", created: -160, status: "mitigating", changed: -90 },
  { org: "trust", by: "Amara Okafor", owner: "Amara Okafor", title: "New patient record system delays electronic discharge letters", description: "Letters reach GPs days late while the system beds in.", likelihood: 4, impact: 3, mitigations: "Interim letter template; daily check of letters not sent.", created: -265, status: "closed", changed: -60 },
  { org: "council", by: "Huw Griffiths", owner: "Huw Griffiths", title: "No data-sharing agreement in place for the joint dashboard", description: "Without it, ward-level figures cannot be shared and the dashboard cannot go live.", likelihood: 3, impact: 3, mitigations: "Draft agreement taken to the board; information governance leads from all partners involved.", created: -220, status: "closed", changed: -158 },
];

export async function createDemoOpportunities(ctx: DemoRegisterContext): Promise<void> {
  for (const o of OPPORTUNITIES) {
    const actor = ctx.as(o.by);
    const [[first, created], ...later] = o.path as [[OpportunityStatus, number], ...[OpportunityStatus, number][]];
    const e = await createEntry(
      ctx.db,
      actor,
      ctx.partnershipId,
      "opportunities",
      { title: o.title, description: o.description, proposedByOrganisationId: ctx.org(o.org), benefits: o.benefits.map(([org, note]) => ({ organisationId: ctx.org(org), note })), effort: o.effort, value: o.value, status: first },
      ctx.at(created, 10),
    );
    let version = e.version;
    for (const [status, on] of later) ({ version } = await updateEntry(ctx.db, actor, ctx.partnershipId, "opportunities", e.id, { status, version }, ctx.at(on, 14)));
  }
}

export async function createDemoIntentions(ctx: DemoRegisterContext): Promise<void> {
  for (const s of INTENTIONS) {
    const { org, by, statedOn, ...text } = s;
    await createEntry(ctx.db, ctx.as(by), ctx.partnershipId, "intentions", { ...text, organisationId: ctx.org(org), statedOn: ctx.day(statedOn) }, ctx.at(statedOn, 12));
  }
}

export async function createDemoRisks(ctx: DemoRegisterContext): Promise<void> {
  for (const r of RISKS) {
    const actor = ctx.as(r.by);
    const e = await createEntry(
      ctx.db,
      actor,
      ctx.partnershipId,
      "risks",
      { title: r.title, description: r.description, organisationId: ctx.org(r.org), likelihood: r.likelihood, impact: r.impact, ownerPersonId: ctx.person(r.owner), mitigations: r.mitigations, status: "open" },
      ctx.at(r.created, 11),
    );
    if (r.changed !== undefined) await updateEntry(ctx.db, actor, ctx.partnershipId, "risks", e.id, r.status === "closed" ? { status: "closed", likelihood: 1, version: e.version } : { status: r.status, version: e.version }, ctx.at(r.changed, 15));
  }
}
