/**
 * The demo's commitments and offers and asks over the year. The story they tell: the hospital trust and the
 * home care provider break several promises (their kept-on-time rates trail the others'), and Age Well, the
 * voluntary partner, keeps giving to the trust with nothing coming back — nearly all of it through one person
 * at the hospital, its discharge lead Amara Okafor. Eastgate Housing, well thought of, delivers late while it
 * restructures; Willowbank is busy with its partners for most of the year, then goes quiet (demo-health: the
 * flags these make). Elsewhere the work between two organisations is spread over several people on each side.
 */
import { takeUp } from "../registers/entry-actions.ts";
import { createEntry, updateEntry } from "../registers/entry-use-cases.ts";
import { etagOf } from "../registers/preconditions.ts";
import type { DemoRegisterContext } from "./demo-registers-context.ts";

type Step = { outcome: "kept" | "broken" | "withdrawn"; on: number; note?: string } | { outcome: "renegotiated"; on: number; newDue: number; note: string };

interface DemoCommitment {
  org: string;
  by: string;
  to: string | null;
  title: string;
  created: number;
  due: number;
  steps: Step[];
}

const kept = (on: number, note?: string): Step => ({ outcome: "kept", on, ...(note ? { note } : {}) });
const broken = (on: number, note: string): Step => ({ outcome: "broken", on, note });

export const DEMO_COMMITMENTS: readonly DemoCommitment[] = [
  // Riverside City Council: everything due kept on time; one open, due next month.
  { org: "council", by: "Ali Rahman", to: "trust", title: "Fund the discharge-to-assess social worker post for another year", created: -330, due: -300, steps: [kept(-306)] },
  { org: "council", by: "Yusuf Khan", to: "trust", title: "Send the list of care homes with vacancies every Monday morning", created: -310, due: -270, steps: [kept(-272)] },
  { org: "council", by: "Huw Griffiths", to: "housing", title: "Pay for key safes for people leaving hospital without a package of care", created: -260, due: -200, steps: [kept(-205)] },
  { org: "council", by: "Yusuf Khan", to: "pcn", title: "Send a social worker to every weekly frailty meeting", created: -240, due: -180, steps: [kept(-181)] },
  { org: "council", by: "Ali Rahman", to: "vcs", title: "Extend Age Well's befriending grant for another twelve months", created: -170, due: -120, steps: [kept(-126)] },
  { org: "council", by: "Priya Nair", to: null, title: "Bring a proposal for a pooled reablement budget to the partnership board", created: -40, due: 35, steps: [] },
  // Riverside North Primary Care Network: one kept late, one withdrawn by agreement.
  { org: "pcn", by: "Tom Hughes", to: "vcs", title: "Give Age Well's social prescribers bookable slots in every practice", created: -320, due: -290, steps: [kept(-293)] },
  { org: "pcn", by: "Hannah Clarke", to: null, title: "Review every patient on the shared frailty register within six weeks", created: -250, due: -210, steps: [kept(-214)] },
  { org: "pcn", by: "Zara Ahmed", to: "care", title: "Name a GP for each care home Willowbank supports", created: -200, due: -170, steps: [kept(-175)] },
  { org: "pcn", by: "Hannah Clarke", to: "council", title: "Send monthly counts of people with three or more long-term conditions", created: -160, due: -130, steps: [kept(-118, "Twelve days late: the practices' record system was being upgraded.")] },
  { org: "pcn", by: "Tom Hughes", to: null, title: "Host the partnership's first learning event", created: -140, due: -80, steps: [{ outcome: "withdrawn", on: -95, note: "Withdrawn by agreement: the council offered a bigger venue and hosted it instead." }] },
  { org: "pcn", by: "Fatima Hussain", to: "council", title: "Give GP input to the design of the young people's mental health referral route", created: -100, due: -40, steps: [kept(-43)] },
  // Riverside Age Well: one renegotiated in good time, then kept by the new date.
  { org: "vcs", by: "Sian Roberts", to: "trust", title: "Visit everyone sent home alone from the frailty wards within two days", created: -300, due: -240, steps: [kept(-243)] },
  { org: "vcs", by: "Dev Patel", to: null, title: "Recruit and train 20 new befriending volunteers", created: -280, due: -200, steps: [{ outcome: "renegotiated", on: -212, newDue: -150, note: "Recruitment slowed while our coordinator was on leave; the board agreed a new date in good time." }, kept(-155)] },
  { org: "vcs", by: "Imran Iqbal", to: "housing", title: "Deliver a warm pack to every household on Eastgate's vulnerable tenants list", created: -150, due: -110, steps: [kept(-112)] },
  { org: "vcs", by: "Sian Roberts", to: null, title: "Bring what people using our services say to the board every month", created: -200, due: -90, steps: [kept(-93)] },
  { org: "vcs", by: "Kwame Boateng", to: "pcn", title: "Run two carers' information sessions in GP surgeries", created: -110, due: -60, steps: [kept(-64)] },
  { org: "vcs", by: "Liam Murphy", to: "pcn", title: "Share our directory of community groups with the practices' care coordinators", created: -300, due: -270, steps: [kept(-276)] },
  // Eastgate Housing Association: one kept late; one open, due in seven weeks.
  { org: "housing", by: "Nia Jones", to: "trust", title: "Fit minor adaptations for patients awaiting discharge within five working days", created: -300, due: -250, steps: [kept(-252)] },
  { org: "housing", by: "Marek Nowak", to: "trust", title: "Name one tenancy support officer as the contact for the hospital's discharge team", created: -315, due: -290, steps: [kept(-291)] },
  { org: "housing", by: "Lucy Davies", to: "pcn", title: "Share, with their consent, the list of tenants over 75 who live alone", created: -230, due: -190, steps: [kept(-176, "Late: we waited for tenants' consent forms to come back.")] },
  { org: "housing", by: "Megan Powell", to: null, title: "Check heating and smoke alarms in 150 older tenants' homes", created: -200, due: -130, steps: [kept(-112, "Three weeks late: half the team was moved while we restructured.")] },
  { org: "housing", by: "Rosa Silva", to: "vcs", title: "Lend the Eastgate community hall to Age Well's weekly lunch club", created: -100, due: -70, steps: [kept(-75)] },
  { org: "housing", by: "Marek Nowak", to: "trust", title: "Open two step-down flats for people ready to leave hospital", created: -60, due: 50, steps: [] },
  // Riverside University Hospitals NHS Trust: two broken, one late, one open and overdue.
  { org: "trust", by: "Amara Okafor", to: "pcn", title: "Send discharge summaries to GPs within 24 hours", created: -300, due: -260, steps: [broken(-255, "Only 61% went within 24 hours while electronic discharge letters were delayed.")] },
  { org: "trust", by: "Pawel Kowalski", to: "care", title: "Give home care 48 hours' notice of discharges that need a package of care", created: -260, due: -220, steps: [broken(-214, "Notice averaged under a day while the hospital was full.")] },
  { org: "trust", by: "Rhys Thomas", to: "pcn", title: "Provide a geriatrician for the monthly frailty case review", created: -230, due: -180, steps: [kept(-184)] },
  { org: "trust", by: "Pawel Kowalski", to: "council", title: "Share ward-level delayed discharge figures with the council every week", created: -200, due: -150, steps: [kept(-131, "Three weeks late: the ward figures needed a new report from the patient record system.")] },
  { org: "trust", by: "Owen Price", to: "care", title: "Release therapists to train care workers in moving and handling", created: -140, due: -100, steps: [kept(-104)] },
  { org: "trust", by: "Owen Price", to: "care", title: "Open the same-day urgent response line to Willowbank's care workers", created: -90, due: -25, steps: [] },
  // Willowbank Home Care: three broken; one renegotiated, with a new date still to come.
  { org: "care", by: "Ruth Evans", to: "trust", title: "Share our map of care rounds with the hospital's discharge team", created: -330, due: -295, steps: [kept(-297)] },
  { org: "care", by: "Gareth Lewis", to: "trust", title: "Restart packages of care within 48 hours of discharge", created: -290, due: -240, steps: [broken(-236, "Staff shortages: restarts took four days on average.")] },
  { org: "care", by: "Ruth Evans", to: "trust", title: "Attend every daily discharge huddle", created: -280, due: -200, steps: [kept(-203)] },
  { org: "care", by: "Ruth Evans", to: "trust", title: "Tell the discharge team each morning which of our clients have been admitted", created: -200, due: -150, steps: [kept(-152)] },
  { org: "care", by: "Gareth Lewis", to: "trust", title: "Take part in the trusted assessor pilot", created: -230, due: -170, steps: [kept(-172)] },
  { org: "care", by: "Chloe Wright", to: "housing", title: "Cover all twelve care rounds on the Eastgate estate for six months", created: -190, due: -140, steps: [broken(-135, "Two rounds were handed back to the council after four months.")] },
  { org: "care", by: "Ellen Morgan", to: "council", title: "Send monthly returns of care hours available by area", created: -130, due: -90, steps: [broken(-86, "Returns came for two of the three months.")] },
  { org: "care", by: "Chloe Wright", to: null, title: "Recruit six new care workers for the north of the city", created: -110, due: -55, steps: [{ outcome: "renegotiated", on: -68, newDue: 30, note: "The recruitment campaign moved to after the pay award; new date agreed with the board." }] },
];

type OfferAskStatus = "open" | "taken_up" | "delivered" | "not_delivered" | "withdrawn";

interface DemoOfferAsk {
  kind: "offer" | "ask";
  org: string;
  by: string;
  title: string;
  description?: string;
  created: number;
  /** Who took it up (organisation, person, when). */
  taker?: [string, string, number];
  status: OfferAskStatus;
  /** When it ended (delivered, not delivered, withdrawn), recorded by the maker. */
  closed?: number;
}

export const DEMO_OFFERS_ASKS: readonly DemoOfferAsk[] = [
  // Age Well gives to the trust again and again; nothing comes back. All but one exchange goes through Amara Okafor.
  { kind: "offer", org: "vcs", by: "Sian Roberts", title: "Volunteer drivers to take patients home from the discharge lounge", created: -300, taker: ["trust", "Amara Okafor", -296], status: "delivered", closed: -270 },
  { kind: "ask", org: "trust", by: "Amara Okafor", title: "Befrienders for long-stay patients on the frailty wards", created: -250, taker: ["vcs", "Liam Murphy", -246], status: "delivered", closed: -215 },
  { kind: "offer", org: "vcs", by: "Kwame Boateng", title: "Our community minibus for the hospital's falls clinic on Thursdays", created: -220, taker: ["trust", "Owen Price", -217], status: "delivered", closed: -190 },
  { kind: "ask", org: "trust", by: "Amara Okafor", title: "Volunteers for the 'welcome home' desk over the bank holiday weekends", created: -175, taker: ["vcs", "Dev Patel", -172], status: "delivered", closed: -150 },
  { kind: "offer", org: "vcs", by: "Imran Iqbal", title: "A benefits adviser in the discharge lounge one day a week", created: -140, taker: ["trust", "Amara Okafor", -133], status: "delivered", closed: -100 },
  { kind: "ask", org: "vcs", by: "Sian Roberts", title: "A clinician to speak at our carers' evening", description: "Half an hour on what to expect after a stay on the frailty ward.", created: -120, taker: ["trust", "Amara Okafor", -115], status: "not_delivered", closed: -80 },
  // The council gives and takes with every partner, through several of its people; the home care provider
  // is generous early in the year, then offers nothing more.
  { kind: "offer", org: "council", by: "Yusuf Khan", title: "Places for partner staff on our safeguarding training", created: -290, taker: ["care", "Ellen Morgan", -285], status: "delivered", closed: -260 },
  { kind: "ask", org: "care", by: "Gareth Lewis", title: "Reablement staff to cover rounds during a sickness outbreak", created: -160, taker: ["council", "Huw Griffiths", -159], status: "delivered", closed: -150 },
  { kind: "offer", org: "care", by: "Chloe Wright", title: "A morning on the rounds for the council's commissioning team", created: -230, taker: ["council", "Ali Rahman", -226], status: "delivered", closed: -205 },
  { kind: "ask", org: "council", by: "Ali Rahman", title: "Figures on unmet care hours for the market sustainability plan", created: -120, taker: ["care", "Ellen Morgan", -117], status: "delivered", closed: -105 },
  { kind: "offer", org: "care", by: "Ellen Morgan", title: "Places on our medication-awareness course for reablement staff", created: -165, taker: ["council", "Huw Griffiths", -162], status: "delivered", closed: -140 },
  { kind: "offer", org: "care", by: "Gareth Lewis", title: "Shadow shifts on our care rounds for the hospital's discharge staff", created: -305, taker: ["trust", "Pawel Kowalski", -300], status: "delivered", closed: -280 },
  { kind: "offer", org: "care", by: "Gareth Lewis", title: "A named care coordinator for each practice's frailty meeting", created: -320, taker: ["pcn", "Tom Hughes", -318], status: "delivered", closed: -290 },
  { kind: "ask", org: "council", by: "Huw Griffiths", title: "Therapists' notes sent to reablement the day before discharge", created: -190, taker: ["trust", "Owen Price", -186], status: "delivered", closed: -160 },
  { kind: "ask", org: "council", by: "Yusuf Khan", title: "Practices to flag carers on their lists so we can offer carers' assessments", created: -230, taker: ["pcn", "Hannah Clarke", -226], status: "delivered", closed: -200 },
  { kind: "offer", org: "council", by: "Huw Griffiths", title: "A reablement occupational therapist at the weekly frailty meeting once a month", created: -140, taker: ["pcn", "Zara Ahmed", -137], status: "delivered", closed: -110 },
  { kind: "ask", org: "vcs", by: "Dev Patel", title: "DBS checks for new befriending volunteers through the council's service", created: -265, taker: ["council", "Yusuf Khan", -262], status: "delivered", closed: -240 },
  { kind: "offer", org: "council", by: "Huw Griffiths", title: "Reablement staff to train Age Well volunteers in safe moving and falls", created: -60, taker: ["vcs", "Liam Murphy", -55], status: "taken_up" },
  // Housing, the council, the trust and primary care.
  { kind: "offer", org: "housing", by: "Marek Nowak", title: "An empty ground-floor flat for a step-down pilot", created: -75, taker: ["trust", "Pawel Kowalski", -70], status: "taken_up" },
  { kind: "offer", org: "trust", by: "Owen Price", title: "Therapists to train housing officers to spot falls risk", created: -210, taker: ["housing", "Nia Jones", -206], status: "delivered", closed: -180 },
  { kind: "ask", org: "housing", by: "Nia Jones", title: "Occupational therapy assessments for tenants waiting for adaptations", created: -200, taker: ["council", "Huw Griffiths", -196], status: "delivered", closed: -160 },
  { kind: "offer", org: "housing", by: "Rosa Silva", title: "The Eastgate community hall for the council's advice drop-ins", created: -180, taker: ["council", "Yusuf Khan", -176], status: "delivered", closed: -150 },
  { kind: "ask", org: "pcn", by: "Fatima Hussain", title: "Community connectors at the practices' frailty clinics", created: -270, taker: ["vcs", "Kwame Boateng", -265], status: "delivered", closed: -240 },
  { kind: "offer", org: "pcn", by: "Hannah Clarke", title: "Rooms in GP surgeries for Age Well's advice sessions", created: -190, taker: ["vcs", "Sian Roberts", -188], status: "delivered", closed: -170 },
  { kind: "offer", org: "pcn", by: "Zara Ahmed", title: "A vaccination clinic for home care workers", created: -160, taker: ["care", "Ellen Morgan", -158], status: "delivered", closed: -140 },
  { kind: "ask", org: "care", by: "Ruth Evans", title: "A pharmacist review for clients taking ten or more medicines", created: -95, taker: ["pcn", "Hannah Clarke", -90], status: "delivered", closed: -50 },
  { kind: "offer", org: "council", by: "Ali Rahman", title: "Spare licences for the shared care record viewer", created: -30, taker: ["trust", "Rhys Thomas", -21], status: "taken_up" },
  // Eastgate, primary care and Age Well: the new tie between the practices and Eastgate, and neighbours helping each other.
  { kind: "ask", org: "pcn", by: "Zara Ahmed", title: "Damp and mould checks for patients on the frailty register with chest illness", created: -150, taker: ["housing", "Megan Powell", -146], status: "delivered", closed: -95 },
  { kind: "offer", org: "housing", by: "Rosa Silva", title: "Referrals from the practices to our young tenants' wellbeing drop-ins", created: -80, taker: ["pcn", "Fatima Hussain", -75], status: "taken_up" },
  { kind: "offer", org: "vcs", by: "Liam Murphy", title: "Befrienders for tenants over 75 who live alone on the Eastgate estate", created: -160, taker: ["housing", "Nia Jones", -155], status: "delivered", closed: -120 },
  { kind: "offer", org: "housing", by: "Megan Powell", title: "Damp and mould repairs fast-tracked for older people Age Well's volunteers are worried about", created: -140, taker: ["vcs", "Dev Patel", -138], status: "delivered", closed: -100 },
  { kind: "ask", org: "pcn", by: "Tom Hughes", title: "Interpreters for frailty reviews with Polish- and Urdu-speaking patients", created: -130, status: "withdrawn", closed: -100 },
  { kind: "offer", org: "trust", by: "Rhys Thomas", title: "Desk space on the frailty unit for the community response team", created: -14, status: "open" },
];

export async function createDemoCommitments(ctx: DemoRegisterContext): Promise<void> {
  for (const c of DEMO_COMMITMENTS) {
    const actor = ctx.as(c.by);
    const e = await createEntry(ctx.db, actor, ctx.partnershipId, "commitments", { title: c.title, organisationId: ctx.org(c.org), toOrganisationId: c.to ? ctx.org(c.to) : null, dueOn: ctx.day(c.due) }, ctx.at(c.created, 13));
    let version = e.version;
    for (const s of c.steps) {
      const changes = { outcome: s.outcome, outcomeOn: ctx.day(s.on), ...(s.outcome === "renegotiated" ? { renegotiatedDueOn: ctx.day(s.newDue) } : {}), ...(s.note ? { note: s.note } : {}), version };
      version = (await updateEntry(ctx.db, actor, ctx.partnershipId, "commitments", e.id, changes, ctx.at(s.on, 16))).version;
    }
  }
}

export async function createDemoOffersAsks(ctx: DemoRegisterContext): Promise<void> {
  for (const o of DEMO_OFFERS_ASKS) {
    const actor = ctx.as(o.by);
    const e = await createEntry(ctx.db, actor, ctx.partnershipId, "offers-asks", { kind: o.kind, title: o.title, description: o.description ?? null, organisationId: ctx.org(o.org) }, ctx.at(o.created, 9));
    const version = o.taker ? (await takeUp(ctx.db, ctx.as(o.taker[1]), ctx.partnershipId, e.id, ctx.org(o.taker[0]), { ...ctx.at(o.taker[2], 11), ifMatch: etagOf(e.version) })).version : e.version;
    if (o.status === "delivered") await updateEntry(ctx.db, actor, ctx.partnershipId, "offers-asks", e.id, { status: "delivered", deliveredOn: ctx.day(o.closed!), version }, ctx.at(o.closed!, 15));
    else if (o.status === "not_delivered" || o.status === "withdrawn") await updateEntry(ctx.db, actor, ctx.partnershipId, "offers-asks", e.id, { status: o.status, version }, ctx.at(o.closed!, 15));
  }
}
