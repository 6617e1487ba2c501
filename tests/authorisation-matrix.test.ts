// Route × role authorisation matrix: every route the app serves, six kinds of caller, and the status each must get.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "../src/accounts/api-tokens.ts";
import { createSession } from "../src/accounts/sessions.ts";
import type { Db } from "../src/db/database.ts";
import { newSecret } from "../src/db/ids.ts";
import { TestClient, createTestContext, type TestContext, type TestResponse } from "../src/testing/test-app.ts";
import { testDialect } from "../src/testing/test-db.ts";
import { instrumentItems, latestInstrument } from "../src/surveys/instruments/registry.ts";

const ROLES = ["anonymous", "outsider", "viewer", "member", "convenor", "otherConvenor"] as const;
type Role = (typeof ROLES)[number];
type SignedInRole = Exclude<Role, "anonymous">;
type Row = Record<Role, number>;

/** Same answer for every caller. */
const everyone = (status: number): Row => ({ anonymous: status, outsider: status, viewer: status, member: status, convenor: status, otherConvenor: status });
/** Needs sign-in, nothing more. */
const signedIn = (status: number): Row => ({ ...everyone(status), anonymous: 401 });
/** Inside a partnership, readable by every member: outsiders must not learn it exists. */
const memberRead: Row = { anonymous: 401, outsider: 404, viewer: 200, member: 200, convenor: 200, otherConvenor: 404 };
/** Inside a partnership, convenor only: members are told no, outsiders are told nothing. */
const convenorOnly = (status: number): Row => ({ anonymous: 401, outsider: 404, viewer: 403, member: 403, convenor: status, otherConvenor: 404 });

/**
 * The matrix. Keys are "METHOD path" exactly as the router lists them. The instance is already set up; every
 * cell gets a fresh session for its caller, and a partnership with an organisation, a viewer, a member and a
 * "subject" person with an open invitation — rebuilt after any cell that changed something.
 */
const MATRIX = {
  "GET /healthz": everyone(200),
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
  "POST /api/v1/invitations/:token/accept": everyone(200),

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
} satisfies Record<string, Row>;
type RouteKey = keyof typeof MATRIX;

/** Routes of the web UI (static files and the SPA fallback): not part of the API, deliberately outside the matrix. */
const WEB_UI_ROUTES = new Set(["GET /assets/:file{.+}", "GET /*"]);

/** Routes that show the partnership or invitee to whoever holds the invitation token, by design (the leak check skips them). */
const REVEALS_TO_TOKEN_HOLDER = new Set<RouteKey>(["GET /api/v1/invitations/:token", "POST /api/v1/invitations/:token/accept", "GET /api/v1/respond/:linkToken"]);

/** Which of the fixture's waves each wave route acts on: each transition needs a wave in the state it starts from. */
const WAVE_FOR: Partial<Record<RouteKey, "draftWaveId" | "openWaveId" | "closedWaveId" | "publishedWaveId">> = {
  "GET /api/v1/partnerships/:partnershipId/waves/:waveId/results": "publishedWaveId",
  "GET /api/v1/partnerships/:partnershipId/waves/:waveId/results.csv": "publishedWaveId",
  "GET /api/v1/partnerships/:partnershipId/waves/:waveId/compare/:otherWaveId": "publishedWaveId",
  "PATCH /api/v1/partnerships/:partnershipId/waves/:waveId": "draftWaveId",
  "POST /api/v1/partnerships/:partnershipId/waves/:waveId/open": "draftWaveId",
  "POST /api/v1/partnerships/:partnershipId/waves/:waveId/publish": "closedWaveId",
};
const PULSE_ANSWERS = Object.fromEntries(instrumentItems(latestInstrument("pulse")).map((i) => [i.key, { value: 4 }]));

const PASSWORD = "a long test password";

interface Fixture {
  partnershipId: string;
  partnershipName: string;
  purpose: string;
  organisationId: string;
  organisationName: string;
  subjectPersonId: string;
  subjectEmail: string;
  invitationToken: string;
  draftWaveId: string;
  openWaveId: string;
  closedWaveId: string;
  publishedWaveId: string;
  otherPublishedWaveId: string;
  linkToken: string;
}

interface Account {
  userId: string;
  email: string;
}

let ctx: TestContext;
const accounts = {} as Record<SignedInRole, Account>;

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
  ok(await convenor.post(`${base}/people`, { name: "Viewer", email: accounts.viewer.email, role: "viewer" }), "add viewer");
  ok(await convenor.post(`${base}/people`, { name: "Member", email: accounts.member.email, role: "member", organisationId: org.body.id }), "add member");
  const subjectEmail = `subject.${tag.toLowerCase()}@example.org`;
  const subject = ok(await convenor.post(`${base}/people`, { name: "Subject Person", email: subjectEmail, role: "member" }), "add subject");
  const invitation = ok(await convenor.request("POST", `${base}/people/${subject.body.id}/invitations`), "invite subject");
  const invitationToken = String(invitation.body.url).split("/invite/")[1] ?? "";
  expect(invitationToken).not.toBe("");
  const wave = { instrumentKey: "pulse", opensOn: "2026-01-01", closesOn: "2099-12-31", k: 5 };
  const draft = ok(await convenor.post(`${base}/waves`, { ...wave, name: "Draft wave" }), "draft wave");
  const open = ok(await convenor.post(`${base}/waves`, { ...wave, name: "Open wave" }), "open wave");
  ok(await convenor.post(`${base}/waves/${open.body.id}/open`), "open the wave");
  const links = ok(await convenor.post(`${base}/waves/${open.body.id}/links`, { personIds: [subject.body.id] }), "issue a link");
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
  return {
    draftWaveId: draft.body.id,
    openWaveId: open.body.id,
    closedWaveId: closed.body.id,
    publishedWaveId: published[0]!,
    otherPublishedWaveId: published[1]!,
    linkToken,
    partnershipId: p.body.id,
    partnershipName,
    purpose,
    organisationId: org.body.id,
    organisationName,
    subjectPersonId: subject.body.id,
    subjectEmail,
    invitationToken,
  };
}

let fixture: Fixture | undefined;
let fixtureDirty = true;
/** The last cell's fixture when that cell only read or was refused, else a new one. */
async function currentFixture(): Promise<Fixture> {
  if (!fixture || fixtureDirty) {
    fixture = await buildFixture();
    fixtureDirty = false;
  }
  return fixture;
}

/** Real ids for every path parameter; a new parameter fails loudly until it is given one here. */
async function paramValue(name: string, role: Role, f: Fixture, key: string): Promise<string> {
  switch (name) {
    case "waveId":
      return f[WAVE_FOR[key as RouteKey] ?? "openWaveId"];
    case "linkToken":
      return f.linkToken;
    case "otherWaveId":
      return f.otherPublishedWaveId;
    case "partnershipId":
      return f.partnershipId;
    case "organisationId":
      return f.organisationId;
    case "personId":
      return f.subjectPersonId;
    case "token":
      return f.invitationToken;
    case "asset":
      return "swagger-ui.css";
    case "tokenId": {
      const owner = role === "anonymous" ? "convenor" : role;
      return (await createApiToken(ctx.handle.db, accounts[owner].userId, "matrix")).id;
    }
    default:
      throw new Error(`The matrix has no fixture for the path parameter :${name}; add one to paramValue().`);
  }
}

/** A valid body for each route that takes one, so the status reflects authorisation and not validation. */
function bodyFor(key: RouteKey, role: Role): unknown {
  const me = role === "anonymous" ? accounts.convenor : accounts[role];
  switch (key) {
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
      return { password: "a brand new password" };
    case "POST /api/v1/partnerships/:partnershipId/waves":
      return { name: "Follow-up", instrumentKey: "pulse", opensOn: "2026-06-01", closesOn: "2026-06-30" };
    case "PATCH /api/v1/partnerships/:partnershipId/waves/:waveId":
      return { name: "Renamed wave", k: 6 };
    case "POST /api/v1/partnerships/:partnershipId/waves/:waveId/links":
      return {};
    case "POST /api/v1/respond/:linkToken/response":
      return { answers: PULSE_ANSWERS };
    default:
      return undefined;
  }
}

/** Headers a route needs beyond the caller's credentials. */
function headersFor(key: RouteKey): Record<string, string> {
  return key === "POST /api/v1/respond/:linkToken/response" ? { "idempotency-key": newSecret(16) } : {};
}

async function fillPath(template: string, role: Role, f: Fixture, key: string): Promise<string> {
  let out = template;
  for (const m of template.matchAll(/:([A-Za-z]+)/g)) {
    const name = m[1] ?? "";
    out = out.replace(`:${name}`, encodeURIComponent(await paramValue(name, role, f, key)));
  }
  return out;
}

/** Every table's rows (rate-limit counters and token last-use times aside), to show a refused request changed nothing. */
async function snapshot(db: Db): Promise<Record<string, string[]>> {
  const tables =
    testDialect === "sqlite"
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
  const out: Record<string, string[]> = {};
  for (const { name } of tables.rows) {
    if (name === "rate_limits") continue;
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db);
    out[name] = rows.rows
      .map((r) => {
        const copy: Record<string, unknown> = { ...r };
        if (name === "api_tokens") delete copy["last_used_at"];
        return JSON.stringify(Object.keys(copy).sort().map((k) => [k, copy[k]]));
      })
      .sort();
  }
  return out;
}

beforeAll(async () => {
  ctx = await createTestContext();
  // The first account comes through the real setup route; it is this matrix's convenor.
  const setup = await ctx.anonymous().post("/api/v1/setup", { name: "Convenor", email: "convenor@example.org", password: PASSWORD });
  expect(setup.status).toBe(201);
  accounts.convenor = { userId: setup.body.id, email: "convenor@example.org" };
  for (const role of ["outsider", "viewer", "member", "otherConvenor"] as const) {
    const u = await ctx.user(role);
    expect(u.password).toBe(PASSWORD);
    accounts[role] = { userId: u.userId, email: u.email };
  }
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

  const cases = (Object.keys(MATRIX) as RouteKey[]).flatMap((key) => ROLES.map((role) => ({ key, role, expected: MATRIX[key][role] })));

  // Plain loops rather than it.each, whose titles would cut long paths short.
  for (const { key, role, expected } of cases) it(`${key} as ${role} → ${expected}`, async () => {
    const f = await currentFixture();
    const client = await freshClient(role);
    const [method = "", template = ""] = key.split(" ");
    const path = await fillPath(template, role, f, key);
    const body = bodyFor(key, role);
    const before = expected >= 400 ? await snapshot(ctx.handle.db) : undefined;
    fixtureDirty = true;
    const res = await client.request(method, path, body, headersFor(key));
    // Reads and refusals leave the fixture as it was (the snapshot below proves it); anything else gets a fresh one.
    fixtureDirty = !(method === "GET" || res.status >= 400);
    const context = `${method} ${path} as ${role}: ${res.status} ${res.text.slice(0, 300)}`;

    expect(res.status, context).toBe(expected);

    if (res.status >= 400 && template.startsWith("/api/v1")) {
      expect(res.headers.get("content-type"), context).toMatch(/^application\/problem\+json/);
      expect(res.body, context).toMatchObject({ status: res.status, code: expect.any(String), detail: expect.any(String) });
    }
    if (before) {
      // A refused request leaves no trace in the data (no half-done write, no audit entry).
      expect(await snapshot(ctx.handle.db), `stored data changed after ${context}`).toEqual(before);
    }

    if ((role === "anonymous" || role === "outsider" || role === "otherConvenor") && !REVEALS_TO_TOKEN_HOLDER.has(key)) {
      for (const secret of [f.partnershipName, f.purpose, f.organisationName, f.subjectEmail]) {
        expect(res.text.includes(secret), `${context} leaks "${secret}"`).toBe(false);
      }
    }

    // Outsiders' 404 is word-for-word the 404 for a partnership that does not exist: no existence oracle.
    if (expected === 404 && template.includes(":partnershipId")) {
      const ghost = { ...f, partnershipId: "00000000-0000-4000-8000-000000000000" };
      const ghostRes = await (await freshClient(role)).request(method, await fillPath(template, role, ghost, key), bodyFor(key, role), headersFor(key));
      expect({ status: ghostRes.status, code: ghostRes.body?.code, detail: ghostRes.body?.detail }, context).toEqual({
        status: res.status,
        code: res.body?.code,
        detail: res.body?.detail,
      });
    }
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
