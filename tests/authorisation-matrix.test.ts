// Route × role authorisation matrix: every route the app serves, six kinds of caller, and the status each must get.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "../src/accounts/api-tokens.ts";
import { createSession } from "../src/accounts/sessions.ts";
import type { Db } from "../src/db/database.ts";
import { hashSecret, newSecret } from "../src/db/ids.ts";
import { noMailer } from "../src/mail/mailer.ts";
import { inviteLead } from "../src/programmes/lead-invitations.ts";
import { TestClient, createTestContext, type TestContext, type TestResponse } from "../src/testing/test-app.ts";
import { testDialect } from "../src/testing/test-db.ts";
import { instrumentItems, latestInstrument } from "../src/surveys/instruments/registry.ts";
import type { Actor } from "../src/accounts/actor.ts";
import { REGISTERS } from "../src/registers/definitions/index.ts";
import { createEntry, removeEntry } from "../src/registers/entry-use-cases.ts";
import { etagOf } from "../src/registers/preconditions.ts";
import { REGISTER_KEYS, type RegisterKey } from "../src/registers/keys.ts";
import { createPressureEvent } from "../src/health/pressure-events.ts";
import { addLead, createProgramme } from "../src/programmes/programme-use-cases.ts";
import { shareWithProgramme } from "../src/programmes/sharing.ts";
import { sampleRegisterBody } from "../src/testing/register-samples.ts";

/** `programmeLead` leads a programme the fixture's partnership shares with: for the partnership's own routes it is an outsider. */
const ROLES = ["anonymous", "outsider", "viewer", "member", "convenor", "otherConvenor", "programmeLead"] as const;
type Role = (typeof ROLES)[number];
type SignedInRole = Exclude<Role, "anonymous">;
type Row = Record<Role, number>;

/** Same answer for every caller. */
const everyone = (status: number): Row => ({ anonymous: status, outsider: status, viewer: status, member: status, convenor: status, otherConvenor: status, programmeLead: status });
/** Needs sign-in, nothing more. */
const signedIn = (status: number): Row => ({ ...everyone(status), anonymous: 401 });
/** Inside a partnership, readable by every member: outsiders must not learn it exists. */
const memberRead: Row = { anonymous: 401, outsider: 404, viewer: 200, member: 200, convenor: 200, otherConvenor: 404, programmeLead: 404 };
/** Inside a partnership, convenor only: members are told no, outsiders are told nothing. */
const convenorOnly = (status: number): Row => ({ anonymous: 401, outsider: 404, viewer: 403, member: 403, convenor: status, otherConvenor: 404, programmeLead: 404 });
/** Inside a partnership, convenors and members (acting for their own organisation); viewers are told no. */
const memberWrite = (status: number): Row => ({ anonymous: 401, outsider: 404, viewer: 403, member: status, convenor: status, otherConvenor: 404, programmeLead: 404 });
/** A programme's own routes: its leads only; everyone else cannot tell it exists. */
const leadOnly = (status: number): Row => ({ ...everyone(404), anonymous: 401, programmeLead: status });

/**
 * The matrix. Keys are "METHOD path" exactly as the router lists them (the register rows are generated below from the
 * register definitions). The instance is already set up; every cell gets a fresh session for its caller, and a
 * partnership with two organisations (the member's, and a partner with no people), a viewer, a member and a "subject"
 * person with an open invitation — rebuilt after any cell that changed something. Waves, register entries and a pressure
 * event are made only when a cell's route needs them; a register write that succeeds renews only the register entries.
 */
const STATIC_MATRIX = {
  "GET /healthz": everyone(200),
  "GET /readyz": everyone(200),
  "GET /livez": everyone(200),
  "GET /api/v1/openapi.json": everyone(200),
  "GET /api/docs": everyone(301),
  "GET /api/docs/": everyone(200),
  "GET /api/docs/init.js": everyone(200),
  "GET /api/docs/:asset": everyone(200),

  "GET /api/v1/setup": everyone(200),
  // The instance is set up before any cell runs, so setup is refused for everybody, signed in or not.
  "POST /api/v1/setup": everyone(409),
  // Valid credentials are the credential; a signed-in caller may sign in again (the old session is rotated).
  "POST /api/v1/auth/sign-in": everyone(200),
  "POST /api/v1/auth/sign-out": everyone(204),
  // The matrix's accord sends no email, so asking for a reset link is refused alike for everyone (mail: password-reset.test.ts).
  "POST /api/v1/auth/password-reset": everyone(503),
  // The reset link is the credential (the fixture makes one for an account of its own).
  "GET /api/v1/auth/password-reset/:token": everyone(200),
  "POST /api/v1/auth/password-reset/:token": everyone(200),

  "GET /api/v1/me": signedIn(200),
  "POST /api/v1/me/password": signedIn(204),
  "GET /api/v1/me/tokens": signedIn(200),
  "POST /api/v1/me/tokens": signedIn(201),
  // The caller's own token (anonymous callers aim at the convenor's).
  "DELETE /api/v1/me/tokens/:tokenId": signedIn(204),

  "GET /api/v1/partnerships": signedIn(200),
  "POST /api/v1/partnerships": signedIn(201),
  // Anyone signed in may create a demo partnership; they convene it.
  "POST /api/v1/demo": signedIn(201),
  "GET /api/v1/partnerships/:partnershipId": memberRead,
  "PATCH /api/v1/partnerships/:partnershipId": convenorOnly(200),
  "DELETE /api/v1/partnerships/:partnershipId": convenorOnly(204),

  "GET /api/v1/partnerships/:partnershipId/organisations": memberRead,
  "POST /api/v1/partnerships/:partnershipId/organisations": convenorOnly(201),
  "GET /api/v1/partnerships/:partnershipId/organisations/:organisationId": memberRead,
  "PATCH /api/v1/partnerships/:partnershipId/organisations/:organisationId": convenorOnly(200),
  "DELETE /api/v1/partnerships/:partnershipId/organisations/:organisationId": convenorOnly(204),

  "GET /api/v1/partnerships/:partnershipId/people": memberRead,
  "POST /api/v1/partnerships/:partnershipId/people": convenorOnly(201),
  "GET /api/v1/partnerships/:partnershipId/people/:personId": memberRead,
  "PATCH /api/v1/partnerships/:partnershipId/people/:personId": convenorOnly(200),
  "DELETE /api/v1/partnerships/:partnershipId/people/:personId": convenorOnly(204),
  "POST /api/v1/partnerships/:partnershipId/people/:personId/invitations": convenorOnly(201),

  "GET /api/v1/partnerships/:partnershipId/audit": convenorOnly(200),

  // The token in the link is the credential: whoever holds it may read and accept it.
  "GET /api/v1/invitations/:token": everyone(200),
  // The subject has no account: a new one is made with a password; signed-in callers are other addresses and are refused.
  "POST /api/v1/invitations/:token/accept": { ...everyone(403), anonymous: 200 },

  "GET /api/v1/partnerships/:partnershipId/waves": memberRead,
  "POST /api/v1/partnerships/:partnershipId/waves": convenorOnly(201),
  "GET /api/v1/partnerships/:partnershipId/waves/:waveId": memberRead,
  "PATCH /api/v1/partnerships/:partnershipId/waves/:waveId": convenorOnly(200),
  "POST /api/v1/partnerships/:partnershipId/waves/:waveId/open": convenorOnly(200),
  "POST /api/v1/partnerships/:partnershipId/waves/:waveId/close": convenorOnly(200),
  "POST /api/v1/partnerships/:partnershipId/waves/:waveId/publish": convenorOnly(200),
  "POST /api/v1/partnerships/:partnershipId/waves/:waveId/links": convenorOnly(201),
  // A personal survey link is the respondent's only credential: no account, and any holder may answer once.
  "GET /api/v1/partnerships/:partnershipId/waves/:waveId/results": memberRead,
  "GET /api/v1/partnerships/:partnershipId/waves/:waveId/results.csv": memberRead,
  "GET /api/v1/partnerships/:partnershipId/waves/:waveId/compare/:otherWaveId": memberRead,
  "GET /api/v1/respond/:linkToken": everyone(200),
  "POST /api/v1/respond/:linkToken/response": everyone(201),

  // The register catalogue is the same for everyone signed in; the derived views are read by any member of the partnership.
  "GET /api/v1/registers": signedIn(200),
  "GET /api/v1/partnerships/:partnershipId/timeline": memberRead,
  "GET /api/v1/partnerships/:partnershipId/attention": memberRead,
  "GET /api/v1/partnerships/:partnershipId/kept-on-time": memberRead,
  "GET /api/v1/partnerships/:partnershipId/reciprocity": memberRead,
  "GET /api/v1/partnerships/:partnershipId/intentions-freshness": memberRead,
  "GET /api/v1/partnerships/:partnershipId/goal-progress": memberRead,
  // Another organisation acts on an entry: members for their own organisation (the body names it), convenors for any.
  "POST /api/v1/partnerships/:partnershipId/registers/ways-of-working/:entryId/sign-ups": memberWrite(201),
  "POST /api/v1/partnerships/:partnershipId/registers/offers-asks/:entryId/take-up": memberWrite(200),

  // The trust network of a published wave (the fixture's waves ask for organisational ratings), read by any member.
  "GET /api/v1/partnerships/:partnershipId/waves/:waveId/nominees": memberRead,
  "PUT /api/v1/partnerships/:partnershipId/waves/:waveId/nominees": convenorOnly(200),
  "GET /api/v1/partnerships/:partnershipId/waves/:waveId/network": memberRead,
  "GET /api/v1/partnerships/:partnershipId/waves/:waveId/network/ties.csv": memberRead,
  "GET /api/v1/partnerships/:partnershipId/waves/:waveId/network/organisations.csv": memberRead,
  "GET /api/v1/partnerships/:partnershipId/waves/:waveId/network.graphml": memberRead,
  "GET /api/v1/partnerships/:partnershipId/waves/:waveId/network/organisations/:organisationId": memberRead,
  "GET /api/v1/partnerships/:partnershipId/waves/:waveId/network/compare/:otherWaveId": memberRead,

  // Partnership health over a period (the fixture's pressure event among it), for any member, viewers included.
  "GET /api/v1/partnerships/:partnershipId/health": memberRead,
  "GET /api/v1/partnerships/:partnershipId/health/organisations/:organisationId": memberRead,
  // Pressure events are read by every member and recorded, changed and removed by convenors only.
  "GET /api/v1/partnerships/:partnershipId/pressure-events": memberRead,
  "POST /api/v1/partnerships/:partnershipId/pressure-events": convenorOnly(201),
  "PATCH /api/v1/partnerships/:partnershipId/pressure-events/:eventId": convenorOnly(200),
  "DELETE /api/v1/partnerships/:partnershipId/pressure-events/:eventId": convenorOnly(204),
  // The board report is for any member; the full export of the partnership is the convenor's alone.
  "GET /api/v1/partnerships/:partnershipId/report.html": memberRead,
  "GET /api/v1/partnerships/:partnershipId/report.pdf": memberRead,
  "GET /api/v1/partnerships/:partnershipId/export.json": convenorOnly(200),
  "GET /api/v1/partnerships/:partnershipId/export.zip": convenorOnly(200),

  // Programmes: anyone signed in may create one (and leads it); a programme's pages are its leads' alone.
  "POST /api/v1/programmes": signedIn(201),
  "GET /api/v1/programmes": signedIn(200),
  "GET /api/v1/programmes/:programmeId": leadOnly(200),
  "POST /api/v1/programmes/:programmeId/leads": leadOnly(201),
  "DELETE /api/v1/programmes/:programmeId/lead-invitations/:invitationId": leadOnly(204),
  "POST /api/v1/programmes/:programmeId/join-code": leadOnly(201),
  // Removing the fixture's second lead, and deleting the programme (its name typed as confirmation).
  "DELETE /api/v1/programmes/:programmeId/leads/:userId": leadOnly(204),
  "DELETE /api/v1/programmes/:programmeId": leadOnly(204),
  "GET /api/v1/programmes/:programmeId/rollup": leadOnly(200),
  // A partnership's programmes (and its percentile) for any member; sharing and stopping are the convenor's.
  "GET /api/v1/partnerships/:partnershipId/programmes": memberRead,
  "POST /api/v1/partnerships/:partnershipId/programmes": convenorOnly(201),
  "DELETE /api/v1/partnerships/:partnershipId/programmes/:programmeId": convenorOnly(204),
} satisfies Record<string, Row>;

const registerBase = (key: RegisterKey) => `/api/v1/partnerships/:partnershipId/registers/${key}`;

/**
 * Nine routes per register. Registers with an owner organisation field are written by convenors and by members for their
 * own organisation (the fixture's entries belong to the member's organisation, and the bodies name it); registers
 * without one (priorities, ways-of-working, decisions, goals) by convenors only. Everyone in the partnership reads.
 */
function registerRows(key: RegisterKey): Record<string, Row> {
  const base = registerBase(key);
  const write = REGISTERS[key].ownerField ? memberWrite : convenorOnly;
  return {
    [`GET ${base}`]: memberRead,
    [`POST ${base}`]: write(201),
    [`GET ${base}.csv`]: memberRead,
    [`POST ${base}/import`]: write(201),
    [`GET ${base}/:entryId`]: memberRead,
    [`PATCH ${base}/:entryId`]: write(200),
    [`DELETE ${base}/:entryId`]: write(204),
    [`POST ${base}/:entryId/restore`]: write(200),
    [`GET ${base}/:entryId/history`]: memberRead,
  };
}

const MATRIX: Record<string, Row> = { ...STATIC_MATRIX, ...Object.assign({}, ...REGISTER_KEYS.map(registerRows)) };
type StaticKey = keyof typeof STATIC_MATRIX;

/** Routes of the web UI (static files and the SPA fallback): not part of the API, deliberately outside the matrix. */
const WEB_UI_ROUTES = new Set(["GET /assets/:file{.+}", "GET /*"]);

/** Routes that show the partnership or invitee to whoever holds the invitation token, by design (the leak check skips them). */
const REVEALS_TO_TOKEN_HOLDER = new Set<string>([
  "GET /api/v1/invitations/:token",
  "POST /api/v1/invitations/:token/accept",
  "GET /api/v1/auth/password-reset/:token",
  "POST /api/v1/auth/password-reset/:token",
  "GET /api/v1/respond/:linkToken",
] satisfies StaticKey[]);

type WaveName = "draftWaveId" | "openWaveId" | "closedWaveId" | "publishedWaveId";
/** Which of the fixture's waves each wave route acts on: each transition needs a wave in the state it starts from. */
const WAVE_FOR: Partial<Record<string, WaveName>> = {
  "GET /api/v1/partnerships/:partnershipId/waves/:waveId/results": "publishedWaveId",
  "GET /api/v1/partnerships/:partnershipId/waves/:waveId/results.csv": "publishedWaveId",
  "GET /api/v1/partnerships/:partnershipId/waves/:waveId/compare/:otherWaveId": "publishedWaveId",
  "PATCH /api/v1/partnerships/:partnershipId/waves/:waveId": "draftWaveId",
  "POST /api/v1/partnerships/:partnershipId/waves/:waveId/open": "draftWaveId",
  "POST /api/v1/partnerships/:partnershipId/waves/:waveId/publish": "closedWaveId",
  "GET /api/v1/partnerships/:partnershipId/waves/:waveId/network": "publishedWaveId",
  "GET /api/v1/partnerships/:partnershipId/waves/:waveId/network/ties.csv": "publishedWaveId",
  "GET /api/v1/partnerships/:partnershipId/waves/:waveId/network/organisations.csv": "publishedWaveId",
  "GET /api/v1/partnerships/:partnershipId/waves/:waveId/network.graphml": "publishedWaveId",
  "GET /api/v1/partnerships/:partnershipId/waves/:waveId/network/organisations/:organisationId": "publishedWaveId",
  "GET /api/v1/partnerships/:partnershipId/waves/:waveId/network/compare/:otherWaveId": "publishedWaveId",
} satisfies Partial<Record<StaticKey, WaveName>>;
/** The period the health pages and the board report are asked for (the fixture's pressure event falls inside it). */
const PERIOD = "?from=2025-07-01&to=2026-06-30";
const QUERY_FOR: Partial<Record<string, string>> = {
  "GET /api/v1/partnerships/:partnershipId/health": PERIOD,
  "GET /api/v1/partnerships/:partnershipId/health/organisations/:organisationId": PERIOD,
  "GET /api/v1/partnerships/:partnershipId/report.html": PERIOD,
  "GET /api/v1/partnerships/:partnershipId/report.pdf": PERIOD,
} satisfies Partial<Record<StaticKey, string>>;
const PULSE_ANSWERS = Object.fromEntries(instrumentItems(latestInstrument("pulse")).map((i) => [i.key, { value: 4 }]));

const PASSWORD = "a long test password";

interface Waves {
  draftWaveId: string;
  openWaveId: string;
  closedWaveId: string;
  publishedWaveId: string;
  otherPublishedWaveId: string;
  linkToken: string;
}

/** Which entry a register route acts on: a live one of the member's organisation, a removed one, or another organisation's open offer. */
type EntryKind = "live" | "removed" | "othersOffer";

interface Fixture {
  tag: string;
  partnershipId: string;
  partnershipName: string;
  purpose: string;
  /** The member's organisation. */
  organisationId: string;
  organisationName: string;
  /** A second organisation, with no people: convenors act for it, members may not. */
  partnerOrganisationId: string;
  partnerOrganisationName: string;
  subjectPersonId: string;
  subjectEmail: string;
  invitationToken: string;
  /** A live password reset link for `resettee`. */
  resetToken: string;
  /** An open invitation to lead the fixture's programme. */
  leadInvitationId: string;
  /** Made on first use: only the wave routes need them. */
  waves: () => Promise<Waves>;
  /** Register entries, made on first use through the use cases; renewed (without a new partnership) after a register write succeeds. */
  entries: Map<string, Promise<string>>;
  /** Every register entry the fixture makes has this in its title (for the leak check). */
  entrySecret: string;
  /** A live pressure event of the partnership, made on first use (its label carries the entry secret). */
  pressureEvent: () => Promise<string>;
  /** A programme led by `programmeLead` that the partnership shares with, and its join code. */
  programmeId: string;
  programmeName: string;
  joinCode: string;
}

interface Account {
  userId: string;
  email: string;
}

let ctx: TestContext;
const accounts = {} as Record<SignedInRole, Account>;
let convenorActor: Actor;
/** A second lead of every fixture programme (no role of its own), so removing a lead can succeed. */
let coLead: Account;
/** An account of no role whose password the fixture's reset link sets. */
let resettee: Account;

function servedRoutes(c: TestContext): string[] {
  const keys = c.app.routes.filter((r) => r.method !== "ALL").map((r) => `${r.method} ${r.path}`);
  return [...new Set(keys)].filter((k) => !WEB_UI_ROUTES.has(k)).sort();
}

async function freshClient(role: Role): Promise<TestClient> {
  if (role === "anonymous") return ctx.anonymous();
  const { secret } = await createSession(ctx.handle.db, accounts[role].userId);
  return new TestClient(ctx.app, { cookie: secret });
}

function ok(res: TestResponse, what: string): TestResponse {
  if (res.status >= 300) throw new Error(`fixture step "${what}" failed: ${res.status} ${res.text}`);
  return res;
}

async function buildWaves(convenor: TestClient, base: string, subjectPersonId: string): Promise<Waves> {
  const wave = { instrumentKey: "pulse", opensOn: "2026-01-01", closesOn: "2099-12-31", k: 5, networkMode: "organisational" };
  const draft = ok(await convenor.post(`${base}/waves`, { ...wave, name: "Draft wave" }), "draft wave");
  const open = ok(await convenor.post(`${base}/waves`, { ...wave, name: "Open wave" }), "open wave");
  ok(await convenor.post(`${base}/waves/${open.body.id}/open`), "open the wave");
  const links = ok(await convenor.post(`${base}/waves/${open.body.id}/links`, { personIds: [subjectPersonId] }), "issue a link");
  const linkToken = String(links.body.links[0]?.url ?? "").split("/respond/")[1] ?? "";
  expect(linkToken).not.toBe("");
  const closed = ok(await convenor.post(`${base}/waves`, { ...wave, name: "Closed wave" }), "closed wave");
  ok(await convenor.post(`${base}/waves/${closed.body.id}/open`), "open the closed wave");
  ok(await convenor.post(`${base}/waves/${closed.body.id}/close`), "close it");
  const published: string[] = [];
  for (const name of ["Published wave", "Another published wave"]) {
    const w = ok(await convenor.post(`${base}/waves`, { ...wave, name }), name);
    for (const step of ["open", "close", "publish"]) ok(await convenor.post(`${base}/waves/${w.body.id}/${step}`), `${step} ${name}`);
    published.push(w.body.id);
  }
  return { draftWaveId: draft.body.id, openWaveId: open.body.id, closedWaveId: closed.body.id, publishedWaveId: published[0]!, otherPublishedWaveId: published[1]!, linkToken };
}

/** A partnership of its own for one cell, so destructive requests never disturb another cell. */
async function buildFixture(): Promise<Fixture> {
  const convenor = await freshClient("convenor");
  const tag = newSecret(16).replace(/[^a-zA-Z0-9]/g, "");
  const partnershipName = `Confidential Partnership ${tag}`;
  const purpose = `Secret purpose ${tag}`;
  const p = ok(await convenor.post("/api/v1/partnerships", { name: partnershipName, purpose }), "create partnership");
  const base = `/api/v1/partnerships/${p.body.id}`;
  const organisationName = `Hidden Org ${tag}`;
  const org = ok(await convenor.post(`${base}/organisations`, { name: organisationName, sector: "housing" }), "add organisation");
  const partnerOrganisationName = `Partner Org ${tag}`;
  const partner = ok(await convenor.post(`${base}/organisations`, { name: partnerOrganisationName, sector: "education" }), "add partner organisation");
  ok(await ctx.addMember(convenor, p.body.id, { name: "Viewer", email: accounts.viewer.email, role: "viewer" }, await freshClient("viewer")), "viewer joins");
  ok(await ctx.addMember(convenor, p.body.id, { name: "Member", email: accounts.member.email, role: "member", organisationId: org.body.id }, await freshClient("member")), "member joins");
  const subjectEmail = `subject.${tag.toLowerCase()}@example.org`;
  const subject = ok(await convenor.post(`${base}/people`, { name: "Subject Person", email: subjectEmail, role: "member" }), "add subject");
  const invitation = ok(await convenor.request("POST", `${base}/people/${subject.body.id}/invitations`), "invite subject");
  const invitationToken = String(invitation.body.url).split("/invite/")[1] ?? "";
  expect(invitationToken).not.toBe("");
  // The partnership shares with a programme from the start, so its lead is checked against every partnership route too.
  const programme = await createProgramme(ctx.handle.db, { userId: accounts.programmeLead.userId }, { name: `Programme ${tag}` });
  await shareWithProgramme(ctx.handle.db, convenorActor, p.body.id, programme.joinCode);
  await addLead(ctx.handle.db, "operator", programme.programme.id, coLead.email);
  const leadActor: Actor = { userId: accounts.programmeLead.userId, name: "Lead", email: accounts.programmeLead.email, via: "session" };
  const leadInvitation = await inviteLead(ctx.handle.db, noMailer, leadActor, programme.programme.id, `invitee.${tag.toLowerCase()}@example.org`, { baseUrl: "http://localhost", emailBaseUrl: undefined, mailConfigured: false });
  const resetToken = newSecret(32);
  await ctx.handle.db.insertInto("password_resets").values({ id: newSecret(16), user_id: resettee.userId, token_hash: hashSecret(resetToken), created_at: new Date().toISOString(), expires_at: "2999-01-01T00:00:00.000Z", used_at: null }).execute();
  let waves: Promise<Waves> | undefined;
  let pressureEvent: Promise<string> | undefined;
  const entrySecret = `Secret entry ${tag}`;
  const event = { label: `${entrySecret} (pressure event)`, kind: "winter_pressures" as const, startsOn: "2026-01-05", endsOn: "2026-03-31", note: `${entrySecret} note` };
  return {
    tag,
    waves: () => (waves ??= buildWaves(convenor, base, subject.body.id)),
    partnershipId: p.body.id,
    partnershipName,
    purpose,
    organisationId: org.body.id,
    organisationName,
    partnerOrganisationId: partner.body.id,
    partnerOrganisationName,
    subjectPersonId: subject.body.id,
    subjectEmail,
    invitationToken,
    resetToken,
    leadInvitationId: leadInvitation.id,
    entries: new Map(),
    entrySecret,
    programmeId: programme.programme.id,
    programmeName: programme.programme.name,
    joinCode: programme.joinCode,
    // Bound to this partnership, so the ghost partnership of the 404 comparison asks for the same event.
    pressureEvent: () => (pressureEvent ??= createPressureEvent(ctx.handle.db, convenorActor, p.body.id, event).then((e) => e.id)),
  };
}

let fixture: Fixture | undefined;
let fixtureDirty = true;
/** The last cell's fixture when that cell only read or was refused (or changed only register entries, which are renewed), else a new one. */
async function currentFixture(): Promise<Fixture> {
  if (!fixture || fixtureDirty) {
    fixture = await buildFixture();
    fixtureDirty = false;
  }
  return fixture;
}

// ---------------------------------------------------------------------------------------------------------------
// Register entries and bodies, from the register definitions.

/** The register's required fields and its owner field, filled with valid values for the given organisation. */
const registerBody = (key: RegisterKey, organisationId: string, title = "Matrix entry") => sampleRegisterBody(key, organisationId, title, "Matrix");

/** The same as one CSV row under a header, with organisations named as people write them. */
function registerCsv(key: RegisterKey, organisationId: string, organisationName: string): string {
  const body = registerBody(key, organisationId, "Imported by the matrix");
  const cell = (v: unknown) => (v === organisationId ? organisationName : Array.isArray(v) ? v.map((x) => (x === organisationId ? organisationName : String(x))).join("; ") : String(v));
  return `${Object.keys(body).join(",")}\r\n${Object.values(body).map(cell).join(",")}\r\n`;
}

/** The register a route acts on, and which entry of it. */
function registerOf(template: string): { key: RegisterKey; kind: EntryKind } | undefined {
  const m = /\/registers\/([a-z-]+)\/:entryId(\/[a-z-]+)?$/.exec(template);
  if (!m) return undefined;
  const key = m[1] as RegisterKey;
  if (!REGISTER_KEYS.includes(key)) throw new Error(`Unknown register in ${template}`);
  return { key, kind: m[2] === "/restore" ? "removed" : m[2] === "/take-up" ? "othersOffer" : "live" };
}

/** An entry of the fixture, made through the use cases the first time a cell needs it (a few inserts, no HTTP). */
function entryOf(f: Fixture, key: RegisterKey, kind: EntryKind): Promise<string> {
  const name = `${key} ${kind}`;
  let id = f.entries.get(name);
  if (!id) {
    const owner = kind === "othersOffer" ? f.partnerOrganisationId : f.organisationId;
    const body = { ...registerBody(key, owner, `${f.entrySecret} (${key}, ${kind})`), ...(kind === "othersOffer" ? { kind: "offer", status: "open" } : {}) };
    id = createEntry(ctx.handle.db, convenorActor, f.partnershipId, key, body).then(async (e) => {
      if (kind === "removed") await removeEntry(ctx.handle.db, convenorActor, f.partnershipId, key, e.id, { ifMatch: etagOf(e.version) });
      return e.id;
    });
    f.entries.set(name, id);
  }
  return id;
}

/** Real ids for every path parameter; a new parameter fails loudly until it is given one here. */
async function paramValue(name: string, role: Role, f: Fixture, key: string): Promise<string> {
  switch (name) {
    case "waveId":
      return (await f.waves())[WAVE_FOR[key] ?? "openWaveId"];
    case "linkToken":
      return (await f.waves()).linkToken;
    case "otherWaveId":
      return (await f.waves()).otherPublishedWaveId;
    case "partnershipId":
      return f.partnershipId;
    case "organisationId":
      return f.organisationId;
    case "personId":
      return f.subjectPersonId;
    case "token":
      return key.includes("/password-reset/") ? f.resetToken : f.invitationToken;
    case "invitationId":
      return f.leadInvitationId;
    case "asset":
      return "swagger-ui.css";
    case "tokenId": {
      const owner = role === "anonymous" ? "convenor" : role;
      return (await createApiToken(ctx.handle.db, accounts[owner].userId, "matrix")).id;
    }
    case "eventId":
      return f.pressureEvent();
    case "programmeId":
      return f.programmeId;
    case "userId":
      return coLead.userId;
    case "entryId": {
      const target = registerOf(key.split(" ")[1] ?? "");
      if (!target) throw new Error(`No register in ${key}`);
      return entryOf(f, target.key, target.kind);
    }
    default:
      throw new Error(`The matrix has no fixture for the path parameter :${name}; add one to paramValue().`);
  }
}

/**
 * The organisation a caller acts for in a register write: members their own; convenors the partner organisation, which
 * has no people (convenors act for any); everyone else the member's organisation (they are refused whatever it names).
 */
function actsFor(role: Role, f: Fixture): { id: string; name: string } {
  return role === "convenor" ? { id: f.partnerOrganisationId, name: f.partnerOrganisationName } : { id: f.organisationId, name: f.organisationName };
}

/** A valid body for each route that takes one, so the status reflects authorisation and not validation. */
function bodyFor(key: string, role: Role, f: Fixture): unknown {
  const me = role === "anonymous" ? accounts.convenor : accounts[role];
  const [method = "", template = ""] = key.split(" ");
  const registerWrite = /\/registers\/([a-z-]+)(\/import|\/:entryId)?$/.exec(template);
  if (registerWrite && method !== "GET" && method !== "DELETE") {
    const k = registerWrite[1] as RegisterKey;
    const org = actsFor(role, f);
    if (registerWrite[2] === "/import") return registerCsv(k, org.id, org.name);
    if (registerWrite[2] === "/:entryId") return { [REGISTERS[k].titleField]: "Changed by the matrix" };
    return registerBody(k, org.id);
  }
  switch (key as StaticKey) {
    case "POST /api/v1/setup":
      return { name: "Second Admin", email: `admin.${newSecret(16).toLowerCase().replace(/[^a-z0-9]/g, "")}@example.org`, password: PASSWORD };
    case "POST /api/v1/auth/sign-in":
      return { email: me.email, password: PASSWORD };
    case "POST /api/v1/me/password":
      return { currentPassword: PASSWORD, newPassword: PASSWORD };
    case "POST /api/v1/me/tokens":
      return { name: "matrix token" };
    case "POST /api/v1/partnerships":
      return { name: "A new partnership", purpose: "" };
    case "PATCH /api/v1/partnerships/:partnershipId":
      return { purpose: "Changed purpose" };
    case "POST /api/v1/partnerships/:partnershipId/organisations":
      return { name: "Another Org", sector: "education" };
    case "PATCH /api/v1/partnerships/:partnershipId/organisations/:organisationId":
      return { name: "Renamed Org" };
    case "POST /api/v1/partnerships/:partnershipId/people":
      return { name: "New Person", email: `new.${newSecret(16).toLowerCase().replace(/[^a-z0-9]/g, "")}@example.org`, role: "member" };
    case "PATCH /api/v1/partnerships/:partnershipId/people/:personId":
      return { jobTitle: "Programme lead" };
    case "POST /api/v1/invitations/:token/accept":
      return role === "anonymous" ? { password: "a brand new password" } : {};
    case "POST /api/v1/auth/password-reset":
      return { email: me.email };
    case "POST /api/v1/auth/password-reset/:token":
      return { password: PASSWORD };
    case "POST /api/v1/partnerships/:partnershipId/waves":
      return { name: "Follow-up", instrumentKey: "pulse", opensOn: "2026-06-01", closesOn: "2026-06-30" };
    case "PATCH /api/v1/partnerships/:partnershipId/waves/:waveId":
      return { name: "Renamed wave", k: 6 };
    case "POST /api/v1/partnerships/:partnershipId/waves/:waveId/links":
      return {};
    case "POST /api/v1/respond/:linkToken/response":
      return { answers: PULSE_ANSWERS };
    case "PUT /api/v1/partnerships/:partnershipId/waves/:waveId/nominees":
      return { nominees: [] };
    case "POST /api/v1/partnerships/:partnershipId/pressure-events":
      return { label: "Funding cut", kind: "funding_cut", startsOn: "2026-04-01", endsOn: "2026-09-30", note: "Recorded by the matrix" };
    case "PATCH /api/v1/partnerships/:partnershipId/pressure-events/:eventId":
      return { label: "Changed by the matrix", endsOn: "2026-04-30" };
    case "POST /api/v1/programmes":
      return { name: "A new programme", description: "Made by the matrix" };
    case "POST /api/v1/programmes/:programmeId/leads":
      return { email: accounts.programmeLead.email };
    case "POST /api/v1/partnerships/:partnershipId/programmes":
      return { joinCode: f.joinCode };
    case "DELETE /api/v1/programmes/:programmeId":
      return { confirm: f.programmeName };
    case "POST /api/v1/partnerships/:partnershipId/registers/ways-of-working/:entryId/sign-ups":
      return { organisationId: actsFor(role, f).id };
    // The offer is the partner organisation's, so everyone takes it up for the member's organisation.
    case "POST /api/v1/partnerships/:partnershipId/registers/offers-asks/:entryId/take-up":
      return { organisationId: f.organisationId };
    default:
      return undefined;
  }
}

/** Headers a route needs beyond the caller's credentials. */
function headersFor(key: string): Record<string, string> {
  if (key === "POST /api/v1/respond/:linkToken/response") return { "idempotency-key": newSecret(16) };
  if (key.endsWith("/import")) return { "content-type": "text/csv" };
  return {};
}

/** The stored version of a register entry as If-Match: every write to an entry must name it, and this matrix is about who may write. */
async function currentVersion(entryId: string): Promise<Record<string, string>> {
  const row = await ctx.handle.db.selectFrom("register_entries").select("version").where("id", "=", entryId).executeTakeFirst();
  return row ? { "if-match": etagOf(row.version) } : {};
}

/** If-Match for a write to one register entry (the entry's id follows its register in the path); nothing for other routes. */
async function entryHeaders(method: string, template: string, path: string): Promise<Record<string, string>> {
  if (method === "GET" || !registerOf(template)) return {};
  const id = /\/registers\/[a-z-]+\/([^/?]+)/.exec(path)?.[1];
  return id ? currentVersion(decodeURIComponent(id)) : {};
}

async function fillPath(template: string, role: Role, f: Fixture, key: string): Promise<string> {
  let out = template;
  for (const m of template.matchAll(/:([A-Za-z]+)/g)) {
    const name = m[1] ?? "";
    out = out.replace(`:${name}`, encodeURIComponent(await paramValue(name, role, f, key)));
  }
  return out + (QUERY_FOR[key] ?? "");
}

// ---------------------------------------------------------------------------------------------------------------
// Noticing any change to stored data. Comparing a snapshot of every table before and after each refused request cost
// time in proportion to everything the earlier cells had stored (most of the run); instead a trigger on every table
// notes each insert, delete and real update (rate-limit counters and token last-use times aside) in a journal, and a
// refused request must add nothing to it. The journal is rolled back with the transaction that wrote it.

const JOURNAL = "matrix_change_journal";
/** Changes the comparison ignored before, too: counters that a refused request may legitimately bump. */
const UNWATCHED_TABLES = new Set(["rate_limits"]);
const UNWATCHED_COLUMNS: Record<string, string[]> = { api_tokens: ["last_used_at"] };

async function tableNames(db: Db): Promise<string[]> {
  const res =
    testDialect === "sqlite"
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
  return res.rows.map((r) => r.name).filter((n) => n !== JOURNAL).sort();
}

async function columnNames(db: Db, table: string): Promise<string[]> {
  const res =
    testDialect === "sqlite"
      ? await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db)
      : await sql<{ name: string }>`select column_name as name from information_schema.columns where table_schema = current_schema() and table_name = ${table}`.execute(db);
  return res.rows.map((r) => r.name);
}

/** The tables the journal watches (every table but the unwatched ones), with triggers installed on each. */
async function watchEveryTable(db: Db): Promise<string[]> {
  const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
  const run = (text: string) => sql.raw(text).execute(db);
  if (testDialect === "sqlite") {
    await run(`create table ${JOURNAL} (id integer primary key autoincrement, tbl text not null, op text not null)`);
  } else {
    await run(`create table ${JOURNAL} (id bigserial primary key, tbl text not null, op text not null)`);
    await run(`create function ${JOURNAL}_note() returns trigger language plpgsql as $$ begin insert into ${JOURNAL} (tbl, op) values (tg_table_name, lower(tg_op)); return null; end $$`);
  }
  const watched: string[] = [];
  for (const table of await tableNames(db)) {
    if (UNWATCHED_TABLES.has(table)) continue;
    const ignore = UNWATCHED_COLUMNS[table] ?? [];
    const columns = (await columnNames(db, table)).filter((c) => !ignore.includes(c));
    const t = `${JOURNAL}_${table}`;
    if (testDialect === "sqlite") {
      const changed = columns.map((c) => `old.${q(c)} is not new.${q(c)}`).join(" or ");
      for (const op of ["insert", "delete"]) await run(`create trigger ${q(`${t}_${op}`)} after ${op} on ${q(table)} begin insert into ${JOURNAL} (tbl, op) values (${lit(table)}, '${op}'); end`);
      await run(`create trigger ${q(`${t}_update`)} after update on ${q(table)} when ${changed} begin insert into ${JOURNAL} (tbl, op) values (${lit(table)}, 'update'); end`);
    } else {
      const changed = columns.map((c) => `old.${q(c)} is distinct from new.${q(c)}`).join(" or ");
      await run(`create trigger ${q(`${t}_insert_delete`)} after insert or delete on ${q(table)} for each row execute function ${JOURNAL}_note()`);
      await run(`create trigger ${q(`${t}_update`)} after update on ${q(table)} for each row when (${changed}) execute function ${JOURNAL}_note()`);
    }
    watched.push(table);
  }
  return watched;
}

/** Where the journal stands now. */
async function journalMark(db: Db): Promise<number> {
  const row = await sql<{ n: number | string | null }>`select max(id) as n from ${sql.table(JOURNAL)}`.execute(db);
  return Number(row.rows[0]?.n ?? 0);
}

/** What was changed since the mark, counted per table and kind ("people insert × 1"). */
async function changesSince(db: Db, mark: number): Promise<string[]> {
  const rows = await sql<{ tbl: string; op: string; n: number | string }>`select tbl, op, count(*) as n from ${sql.table(JOURNAL)} where id > ${mark} group by tbl, op order by tbl, op`.execute(db);
  return rows.rows.map((r) => `${r.tbl} ${r.op} × ${Number(r.n)}`);
}

let watchedTables: string[] = [];

beforeAll(async () => {
  ctx = await createTestContext();
  watchedTables = await watchEveryTable(ctx.handle.db);
  // The first account comes through the real setup route; it is this matrix's convenor.
  const setup = await ctx.anonymous().post("/api/v1/setup", { name: "Convenor", email: "convenor@example.org", password: PASSWORD });
  expect(setup.status).toBe(201);
  accounts.convenor = { userId: setup.body.id, email: "convenor@example.org" };
  convenorActor = { userId: setup.body.id, name: "Convenor", email: "convenor@example.org", via: "session" };
  for (const role of ["outsider", "viewer", "member", "otherConvenor", "programmeLead"] as const) {
    const u = await ctx.user(role);
    expect(u.password).toBe(PASSWORD);
    accounts[role] = { userId: u.userId, email: u.email };
  }
  const co = await ctx.user("Co Lead");
  coLead = { userId: co.userId, email: co.email };
  const r = await ctx.user("Resettee");
  resettee = { userId: r.userId, email: r.email };
  const other = await freshClient("otherConvenor");
  ok(await other.post("/api/v1/partnerships", { name: "Someone Else's Partnership", purpose: "" }), "other partnership");
});

afterAll(async () => {
  await ctx?.close();
});

describe("authorisation matrix", () => {
  it("covers every route the router serves, and no route it does not", () => {
    const served = servedRoutes(ctx);
    const listed = Object.keys(MATRIX).sort();
    expect(served.filter((k) => !listed.includes(k)), "routes the matrix lacks").toEqual([]);
    expect(listed.filter((k) => !served.includes(k)), "matrix rows the router lacks").toEqual([]);
  });

  it("watches every table for changes, and the journal notices one (it is not blind)", async () => {
    const tables = await tableNames(ctx.handle.db);
    expect(watchedTables).toEqual(tables.filter((t) => !UNWATCHED_TABLES.has(t)));
    expect(watchedTables).toEqual(expect.arrayContaining(["users", "sessions", "partnerships", "organisations", "people", "audit_log", "register_entries", "register_versions"]));
    const f = await currentFixture();
    const mark = await journalMark(ctx.handle.db);
    const live = await entryOf(f, "commitments", "live");
    expect(await changesSince(ctx.handle.db, mark)).toEqual(expect.arrayContaining(["register_entries insert × 1", "register_versions insert × 1", "audit_log insert × 1"]));
    const afterCreate = await journalMark(ctx.handle.db);
    // A real update is noticed; writing back the same values, or a token's last-use time, is not.
    await ctx.handle.db.updateTable("register_entries").set({ title: "changed" }).where("id", "=", live).execute();
    await ctx.handle.db.updateTable("register_entries").set({ title: "changed" }).where("id", "=", live).execute();
    const token = await createApiToken(ctx.handle.db, accounts.convenor.userId, "journal check");
    await ctx.handle.db.updateTable("api_tokens").set({ last_used_at: new Date().toISOString() }).where("id", "=", token.id).execute();
    expect(await changesSince(ctx.handle.db, afterCreate)).toEqual(["api_tokens insert × 1", "register_entries update × 1"]);
    fixtureDirty = true;
  });

  const cases = Object.keys(MATRIX).flatMap((key) => ROLES.map((role) => ({ key, role, expected: MATRIX[key]![role] })));

  // Plain loops rather than it.each, whose titles would cut long paths short.
  for (const { key, role, expected } of cases) it(`${key} as ${role} → ${expected}`, async () => {
    const f = await currentFixture();
    const client = await freshClient(role);
    const [method = "", template = ""] = key.split(" ");
    const path = await fillPath(template, role, f, key);
    const body = bodyFor(key, role, f);
    const mark = expected >= 400 ? await journalMark(ctx.handle.db) : undefined;
    fixtureDirty = true;
    const res = await client.request(method, path, body, { ...headersFor(key), ...(await entryHeaders(method, template, path)) });
    // Reads and refusals leave the fixture as it was (the journal below proves it); anything else gets a fresh one, except
    // that a register write only changes register entries: those are made anew, in the same partnership.
    const changed = !(method === "GET" || res.status >= 400);
    fixtureDirty = changed && !template.includes("/registers/");
    if (changed && !fixtureDirty) f.entries.clear();
    const context = `${method} ${path} as ${role}: ${res.status} ${res.text.slice(0, 300)}`;

    expect(res.status, context).toBe(expected);

    if (res.status >= 400 && template.startsWith("/api/v1")) {
      expect(res.headers.get("content-type"), context).toMatch(/^application\/problem\+json/);
      expect(res.body, context).toMatchObject({ status: res.status, code: expect.any(String), detail: expect.any(String) });
    }
    if (mark !== undefined) {
      // A refused request leaves no trace in the data (no half-done write, no audit entry).
      expect(await changesSince(ctx.handle.db, mark), `stored data changed after ${context}`).toEqual([]);
    }

    // A programme's lead sees the names of partnerships sharing with it, by design, on the programme's own pages only.
    const leadSeesByDesign = role === "programmeLead" && template.startsWith("/api/v1/programmes");
    if ((role === "anonymous" || role === "outsider" || role === "otherConvenor" || role === "programmeLead") && !REVEALS_TO_TOKEN_HOLDER.has(key) && !leadSeesByDesign) {
      for (const secret of [f.partnershipName, f.purpose, f.organisationName, f.partnerOrganisationName, f.subjectEmail, f.entrySecret]) {
        expect(res.text.includes(secret), `${context} leaks "${secret}"`).toBe(false);
      }
    }

    // Outsiders' 404 is word-for-word the 404 for a partnership that does not exist: no existence oracle.
    if (expected === 404 && template.includes(":partnershipId")) {
      const ghost = { ...f, partnershipId: "00000000-0000-4000-8000-000000000000" };
      const ghostPath = await fillPath(template, role, ghost, key);
      const ghostRes = await (await freshClient(role)).request(method, ghostPath, bodyFor(key, role, ghost), { ...headersFor(key), ...(await entryHeaders(method, template, ghostPath)) });
      expect({ status: ghostRes.status, code: ghostRes.body?.code, detail: ghostRes.body?.detail }, context).toEqual({
        status: res.status,
        code: res.body?.code,
        detail: res.body?.detail,
      });
    }
  });

  it("refuses a member acting for another organisation in every register with an owner (and stores nothing)", async () => {
    fixtureDirty = true;
    const f = await currentFixture();
    const db = ctx.handle.db;
    const member = await freshClient("member");
    const reg = `/api/v1/partnerships/${f.partnershipId}/registers`;
    const partner = { id: f.partnerOrganisationId, name: f.partnerOrganisationName };
    const outcomes: string[] = [];
    const expectRefused = async (status: number, what: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
      const mark = await journalMark(db);
      const res = await member.request(method, path, body, headers);
      const changes = await changesSince(db, mark);
      if (res.status !== status || changes.length > 0) outcomes.push(`${what}: ${method} ${path} → ${res.status} ${res.text.slice(0, 200)}; changes ${JSON.stringify(changes)}`);
      return res;
    };
    let checked = 0;
    for (const key of REGISTER_KEYS) {
      const def = REGISTERS[key];
      if (!def.ownerField) continue;
      checked++;
      const theirs = (await createEntry(db, convenorActor, f.partnershipId, key, registerBody(key, partner.id, `${f.entrySecret} theirs`))).id;
      const theirsRemoved = (await createEntry(db, convenorActor, f.partnershipId, key, registerBody(key, partner.id, `${f.entrySecret} theirs removed`))).id;
      await removeEntry(db, convenorActor, f.partnershipId, key, theirsRemoved, { ifMatch: etagOf(1) });
      const own = await entryOf(f, key, "live");
      const seen = await member.get(`${reg}/${key}/${theirs}`);
      if (seen.status !== 200 || seen.body.canEdit !== false) outcomes.push(`${key}: member reads another organisation's entry → ${seen.status}, canEdit ${seen.body?.canEdit}`);
      if ((await member.get(`${reg}/${key}/${own}`)).body?.canEdit !== true) outcomes.push(`${key}: member's own entry is not canEdit`);

      await expectRefused(403, `${key} create for another organisation`, "POST", `${reg}/${key}`, registerBody(key, partner.id));
      if (!def.fields.find((x) => x.name === def.ownerField)?.required) {
        const { [def.ownerField]: _owner, ...ownerless } = registerBody(key, f.organisationId);
        await expectRefused(403, `${key} create with no owner organisation (convenors' to make)`, "POST", `${reg}/${key}`, ownerless);
      }
      // The import names every bad row (422, "only your own organisation's entries") rather than refusing the whole file with 403.
      const imported = await expectRefused(422, `${key} import for another organisation`, "POST", `${reg}/${key}/import`, registerCsv(key, partner.id, partner.name), { "content-type": "text/csv" });
      if (!imported.body?.errors?.some((e: { path: string }) => e.path.startsWith("line 2"))) outcomes.push(`${key}: import refusal does not name line 2: ${imported.text.slice(0, 200)}`);
      // Each write names the stored version, so what refuses it is the rule on organisations, not a missing If-Match.
      await expectRefused(403, `${key} change another organisation's entry`, "PATCH", `${reg}/${key}/${theirs}`, { [def.titleField]: "Not mine to change" }, await currentVersion(theirs));
      await expectRefused(403, `${key} hand its own entry to another organisation`, "PATCH", `${reg}/${key}/${own}`, { [def.ownerField]: partner.id }, await currentVersion(own));
      await expectRefused(403, `${key} remove another organisation's entry`, "DELETE", `${reg}/${key}/${theirs}`, undefined, await currentVersion(theirs));
      await expectRefused(403, `${key} restore another organisation's entry`, "POST", `${reg}/${key}/${theirsRemoved}/restore`, {}, await currentVersion(theirsRemoved));
    }
    const statement = await entryOf(f, "ways-of-working", "live");
    await expectRefused(403, "sign another organisation up", "POST", `${reg}/ways-of-working/${statement}/sign-ups`, { organisationId: partner.id }, await currentVersion(statement));
    const ownOffer = await entryOf(f, "offers-asks", "live");
    await expectRefused(403, "take up an offer for another organisation", "POST", `${reg}/offers-asks/${ownOffer}/take-up`, { organisationId: partner.id }, await currentVersion(ownOffer));
    // The organisation that took up an offer may then edit it (the co-editor field), though the offer is another's.
    const othersOffer = await entryOf(f, "offers-asks", "othersOffer");
    const patchOthers = async (status: string) => member.patch(`${reg}/offers-asks/${othersOffer}`, { status }, await currentVersion(othersOffer));
    const before = await patchOthers("withdrawn");
    const taken = await member.post(`${reg}/offers-asks/${othersOffer}/take-up`, { organisationId: f.organisationId }, await currentVersion(othersOffer));
    const after = await patchOthers("delivered");
    expect({ before: before.status, taken: taken.status, after: after.status, canEdit: after.body?.canEdit }).toEqual({ before: 403, taken: 200, after: 200, canEdit: true });
    expect(checked).toBe(REGISTER_KEYS.filter((k) => REGISTERS[k].ownerField).length);
    expect(outcomes).toEqual([]);
    fixtureDirty = true;
  });

  it("answers 404 for another partnership's pressure event or organisation reached through one the caller convenes (and changes nothing)", async () => {
    fixtureDirty = true;
    const theirs = await currentFixture();
    const theirEvent = await theirs.pressureEvent();
    fixtureDirty = true;
    const mine = await currentFixture();
    const convenor = await freshClient("convenor");
    const base = `/api/v1/partnerships/${mine.partnershipId}`;
    const mark = await journalMark(ctx.handle.db);
    const outcomes = [
      await convenor.patch(`${base}/pressure-events/${theirEvent}`, { label: "Not this partnership's" }),
      await convenor.delete(`${base}/pressure-events/${theirEvent}`),
      await convenor.get(`${base}/health/organisations/${theirs.organisationId}`),
    ].map((r) => r.status);
    expect(outcomes).toEqual([404, 404, 404]);
    expect(await changesSince(ctx.handle.db, mark)).toEqual([]);
    const listed = await convenor.get(`/api/v1/partnerships/${theirs.partnershipId}/pressure-events`);
    expect(listed.body.items.map((e: { id: string; label: string }) => [e.id, e.label])).toEqual([[theirEvent, `${theirs.entrySecret} (pressure event)`]]);
    expect((await convenor.get(`${base}/pressure-events`)).body.items).toEqual([]);
    fixtureDirty = true;
  });

  it("refuses to revoke someone else's API token (404, and the token still works)", async () => {
    const token = await createApiToken(ctx.handle.db, accounts.convenor.userId, "not yours");
    const res = await (await freshClient("member")).delete(`/api/v1/me/tokens/${token.id}`);
    expect(res.status).toBe(404);
    const still = await new TestClient(ctx.app, { bearer: token.token }).get("/api/v1/me");
    expect(still.status).toBe(200);
    expect(still.body.id).toBe(accounts.convenor.userId);
  });

  it("answers an unknown invitation token with 404 for everyone", async () => {
    for (const role of ROLES) {
      const res = await (await freshClient(role)).get(`/api/v1/invitations/${newSecret(32)}`);
      expect(res.status, role).toBe(404);
    }
  });
});
