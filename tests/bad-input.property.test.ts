// Property test: generated bad input on every write route never gives a 5xx, always a problem+json 4xx, and never changes stored data. The attacker's
// inputs get exact answers: bodies with a missing or wrong content type (415), bytes that are not UTF-8 (400, or 422 naming the CSV line), bidi,
// zero-width and control characters in names and text, days outside 1900–2199 (422 naming the field), CSV columns named twice (422).
import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "../src/accounts/api-tokens.ts";
import { createSession } from "../src/accounts/sessions.ts";
import type { Db } from "../src/db/database.ts";
import { newSecret } from "../src/db/ids.ts";
import { MAX_BODY_BYTES } from "../src/http/app.ts";
import { SESSION_COOKIE } from "../src/accounts/sessions.ts";
import { ORIGIN, TestClient, createTestContext, type TestContext, type TestResponse } from "../src/testing/test-app.ts";
import { testDialect } from "../src/testing/test-db.ts";
import { REGISTERS } from "../src/registers/definitions/index.ts";
import { FIRST_YEAR, LAST_YEAR, type FieldSpec } from "../src/registers/fields.ts";
import { PRESSURE_KINDS } from "../src/health/tables.ts";
import { REGISTER_KEYS, type RegisterKey } from "../src/registers/keys.ts";
import { MAX_IMPORT_BYTES } from "../src/registers/routes.ts";
import { etagOf } from "../src/registers/preconditions.ts";
import { FREE_TEXT, SINGLE_LINE } from "../src/db/safe-text.ts";
import { MAX_LISTED_PROBLEMS } from "../src/http/problem.ts";
import { sampleRegisterBody } from "../src/testing/register-samples.ts";

// Created at load time: the routes to test are read from the app itself, so a new write route is covered with no edit here.
// Each route then starts from an emptied database (see `useDatabaseOf`), which keeps the before/after snapshots small.
const ctx = await createTestContext();
afterAll(() => ctx.close());
const convenor = await ctx.user("Convenor");
const convenorRow = await ctx.handle.db.selectFrom("users").selectAll().where("id", "=", convenor.userId).executeTakeFirstOrThrow();

let current: TestContext = ctx;
const db = (): Db => current.handle.db;

/** If-Match naming a register entry's stored version: writes to an entry need one, and these properties are about the input, not the version. */
async function ifMatch(entryId: unknown): Promise<Record<string, string>> {
  const row = typeof entryId === "string" ? await db().selectFrom("register_entries").select("version").where("id", "=", entryId).executeTakeFirst() : undefined;
  return row ? { "if-match": etagOf(row.version) } : {};
}

const RUNS_AS_CONVENOR = 40;
/** CSV imports get more runs: a whole file is many inputs at once, and all-or-nothing is the property that matters most. */
const RUNS_CSV_AS_CONVENOR = 80;
const RUNS_ANONYMOUS = 20;
const RUNS_INERT = 6;

// ---------------------------------------------------------------------------------------------------------------
// The routes, and what the OpenAPI document says about their bodies and sign-in.

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  $ref?: string;
}

/** Which entry a register route acts on: a live one, a removed one (restore), or another organisation's open offer (take-up). */
type EntryKind = "live" | "removed" | "othersOffer";

interface WriteRoute {
  key: string;
  method: string;
  template: string;
  params: string[];
  /** The JSON body schema (resolved), or undefined when the route takes no JSON body. */
  body: JsonSchema | undefined;
  /** True when the body is a CSV file (the register imports). */
  csv: boolean;
  /** The register a register route writes, and which of its entries it acts on. */
  register: { key: RegisterKey; entry: EntryKind | null } | undefined;
  /** False when the OpenAPI operation declares no security (setup, sign-in/out, invitations). */
  needsSignIn: boolean;
  /** True when the OpenAPI document has the operation (a documented route without a body schema takes no body). */
  documented: boolean;
}

function registerOfRoute(template: string): WriteRoute["register"] {
  const m = /\/registers\/([a-z-]+)(\/import|\/:entryId(\/[a-z-]+)?)?$/.exec(template);
  if (!m) return undefined;
  const key = m[1] as RegisterKey;
  if (!REGISTER_KEYS.includes(key)) throw new Error(`Unknown register in ${template}`);
  const entry: EntryKind | null = m[2]?.startsWith("/:entryId") ? (m[3] === "/restore" ? "removed" : m[3] === "/take-up" ? "othersOffer" : "live") : null;
  return { key, entry };
}

const doc = ctx.app.getOpenAPI31Document({ openapi: "3.1.0", info: { title: "accord", version: "1" } }) as unknown as {
  paths: Record<string, Record<string, { security?: unknown[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

function resolve(schema: JsonSchema | undefined): JsonSchema | undefined {
  if (!schema?.$ref) return schema;
  const name = schema.$ref.replace("#/components/schemas/", "");
  return resolve(doc.components?.schemas?.[name]);
}

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const writeRoutes: WriteRoute[] = [...new Set(ctx.app.routes.filter((r) => WRITE_METHODS.has(r.method) && r.path.startsWith("/api/v1/")).map((r) => `${r.method} ${r.path}`))]
  .sort()
  .map((key) => {
    const [method = "", template = ""] = key.split(" ");
    const op = doc.paths[template.replace(/:(\w+)/g, "{$1}")]?.[method.toLowerCase()];
    const body = resolve(op?.requestBody?.content?.["application/json"]?.schema);
    const csv = op?.requestBody?.content?.["text/csv"] !== undefined;
    const properties = body?.properties ? Object.fromEntries(Object.entries(body.properties).map(([k, v]) => [k, resolve(v) ?? {}])) : undefined;
    return {
      key,
      method,
      template,
      params: [...template.matchAll(/:(\w+)/g)].map((m) => m[1] ?? ""),
      body: body ? { ...body, ...(properties ? { properties } : {}) } : undefined,
      csv,
      register: registerOfRoute(template),
      // An undocumented route is assumed to need sign-in: the stricter assumption.
      needsSignIn: op === undefined || (op.security?.length ?? 0) > 0,
      documented: op !== undefined,
    };
  });

// ---------------------------------------------------------------------------------------------------------------
// Fixture: a convenor with a partnership, two organisations, a person with an open invitation, and an API token; for a
// register route also the entry it acts on and the entries its fields may link to.
// Rebuilt whenever a generated request happened to be valid and changed something.

interface Fixture {
  session: string;
  /** Real values by name: path parameters, and body fields named like them (some are lists). */
  real: Record<string, unknown>;
}

/** The route whose database is in use, so the fixture can hold what that route acts on. */
let currentRoute: WriteRoute | undefined;

/** Names of fields (and path parameters) that take a real value from the fixture when generated as valid. */
const REAL_NAMES = [
  "partnershipId", "organisationId", "personId", "tokenId", "token",
  "ownerOrganisationId", "proposedByOrganisationId", "toOrganisationId", "takenUpByOrganisationId", "ownerPersonId",
  "agreedBy", "participants", "benefits", "priorityId", "adoptedByDecisionId", "goalIds",
  "programmeId", "joinCode", "userId", "confirm",
];

/** A register's required fields and its owner field, filled with valid values. */
const registerBody = (key: RegisterKey, organisationId: string, title: string) => sampleRegisterBody(key, organisationId, title, "Fuzz");

/** What each linked register's fixture entry is called (CSV cells name linked entries by title). */
const linkedTitle = (key: RegisterKey) => `Fuzz linked ${key}`;

/**
 * One database for the routes, emptied before each route (every table but the migrations' own) and given the same
 * convenor account again (copied, so no second password hash): every route starts from the same small state. (A
 * database per route cost a migration each, and PostgreSQL runs migrations one at a time: most of the run.)
 */
const routesCtx = await createTestContext();
afterAll(() => routesCtx.close());

async function emptyDatabase(c: TestContext): Promise<void> {
  const db = c.handle.db;
  const names = (await allTableNames(db)).filter((n) => !n.startsWith("kysely_"));
  if (testDialect === "postgres") {
    await sql`truncate ${sql.join(names.map((n) => sql.table(n)))} cascade`.execute(db);
  } else {
    await sql`pragma foreign_keys = off`.execute(db);
    try {
      for (const n of names) await sql`delete from ${sql.table(n)}`.execute(db);
    } finally {
      await sql`pragma foreign_keys = on`.execute(db);
    }
  }
  await db.insertInto("users").values(convenorRow).execute();
}

function useDatabaseOf(route: WriteRoute): void {
  beforeAll(async () => {
    await emptyDatabase(routesCtx);
    current = routesCtx;
    currentRoute = route;
    fixture = undefined;
    stored = undefined;
    dirty = true;
  });
  afterAll(() => {
    current = ctx;
    currentRoute = undefined;
  });
}

async function buildFixture(): Promise<Fixture> {
  const { secret } = await createSession(db(), convenor.userId);
  const c = new TestClient(current.app, { cookie: secret });
  const must = (res: TestResponse, what: string) => {
    if (res.status >= 300) throw new Error(`fixture step "${what}" failed: ${res.status} ${res.text}`);
    return res.body;
  };
  const tag = newSecret(16).toLowerCase().replace(/[^a-z0-9]/g, "");
  const p = must(await c.post("/api/v1/partnerships", { name: `Fuzz ${tag}`, purpose: "Fuzzing" }), "partnership");
  const base = `/api/v1/partnerships/${p.id}`;
  const o = must(await c.post(`${base}/organisations`, { name: "Fuzz Org", sector: "other" }), "organisation");
  const other = must(await c.post(`${base}/organisations`, { name: "Other Fuzz Org", sector: "education" }), "other organisation");
  const person = must(await c.post(`${base}/people`, { name: "Fuzz Person", email: `fuzz.${tag}@example.org`, role: "member", organisationId: o.id }), "person");
  const inv = must(await c.request("POST", `${base}/people/${person.id}/invitations`), "invitation");
  const token = await createApiToken(db(), convenor.userId, "fuzz");
  const waveBody = { instrumentKey: "pulse", opensOn: "2026-01-01", closesOn: "2099-12-31" };
  const wave = must(await c.post(`${base}/waves`, { ...waveBody, name: "Fuzz wave" }), "wave");
  must(await c.post(`${base}/waves/${wave.id}/open`), "open wave");
  const links = must(await c.post(`${base}/waves/${wave.id}/links`, { personIds: [person.id] }), "links");
  const otherWave = must(await c.post(`${base}/waves`, { ...waveBody, name: "Other fuzz wave" }), "other wave");
  const real: Record<string, unknown> = {
    partnershipId: p.id, organisationId: o.id, personId: person.id, tokenId: token.id, token: String(inv.url).split("/invite/")[1] ?? "",
    waveId: wave.id, otherWaveId: otherWave.id, linkToken: String(links.links[0]?.url ?? "").split("/respond/")[1] ?? "",
    personEmail: `fuzz.${tag}@example.org`,
    // Register fields: the owner is Fuzz Org, the other party Other Fuzz Org, so valid bodies pass the cross-field rules.
    ownerOrganisationId: o.id, proposedByOrganisationId: o.id, toOrganisationId: other.id, takenUpByOrganisationId: other.id, ownerPersonId: person.id,
    agreedBy: [o.id, other.id], participants: [o.id, other.id], benefits: [{ organisationId: other.id, note: "Fuzz note" }],
  };
  // A programme the convenor leads (its join code is a real value for the sharing body), for the programme routes.
  const programme = must(await c.post("/api/v1/programmes", { name: `Fuzz programme ${tag}` }), "programme");
  real["programmeId"] = programme.programme.id;
  real["joinCode"] = programme.joinCode;
  // The programme's only lead is the convenor: removing them is refused (409), which must change nothing; deleting needs the name.
  real["userId"] = convenor.userId;
  real["confirm"] = programme.programme.name;
  // An open invitation to lead the programme, for the route that withdraws one.
  if (currentRoute?.params.includes("invitationId")) {
    real["invitationId"] = must(await c.post(`/api/v1/programmes/${programme.programme.id}/leads`, { email: `lead.${tag}@example.org` }), "lead invitation").id;
  }
  // A pressure event for the routes that change or remove one.
  if (currentRoute?.params.includes("eventId")) {
    real["eventId"] = must(await c.post(`${base}/pressure-events`, { label: "Fuzz pressure", kind: "funding_cut", startsOn: "2026-01-01", endsOn: "2026-03-31" }), "pressure event").id;
  }
  const reg = currentRoute?.register;
  if (reg) {
    const addEntry = async (key: RegisterKey, body: Record<string, unknown>) => must(await c.post(`${base}/registers/${key}`, body), `${key} entry`).id as string;
    // The entries this register's fields may link to, by field name (CSV cells name them by title).
    for (const f of REGISTERS[reg.key].fields) {
      if (f.kind !== "entry" && f.kind !== "entries") continue;
      const id = await addEntry(f.register, registerBody(f.register, o.id, linkedTitle(f.register)));
      real[f.name] = f.kind === "entry" ? id : [id];
    }
    if (reg.entry) {
      const owner = reg.entry === "othersOffer" ? other.id : o.id;
      const id = await addEntry(reg.key, { ...registerBody(reg.key, owner, `Fuzz ${reg.key} entry`), ...(reg.entry === "othersOffer" ? { kind: "offer", status: "open" } : {}) });
      if (reg.entry === "removed") must(await c.request("DELETE", `${base}/registers/${reg.key}/${id}`, undefined, await ifMatch(id)), "remove entry");
      real["entryId"] = id;
    }
  }
  return { session: secret, real };
}

/** Every table's rows as sorted JSON (rate-limit counters and api_tokens.last_used_at aside); works on SQLite and PostgreSQL. */
async function tableNames(db: Db): Promise<string[]> {
  return (await allTableNames(db)).filter((n) => n !== "rate_limits");
}

async function allTableNames(db: Db): Promise<string[]> {
  const res =
    testDialect === "sqlite"
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
  return res.rows.map((r) => r.name).sort();
}

const tablesOf = new WeakMap<Db, Promise<string[]>>();

function canonical(name: string, row: Record<string, unknown>): string {
  const copy: Record<string, unknown> = { ...row };
  if (name === "api_tokens") delete copy["last_used_at"];
  return JSON.stringify(Object.keys(copy).sort().map((k) => [k, copy[k]]));
}

async function snapshot(db: Db): Promise<Record<string, string[]>> {
  let names = tablesOf.get(db);
  if (!names) tablesOf.set(db, (names = tableNames(db)));
  const out: Record<string, string[]> = Object.fromEntries((await names).map((n) => [n, []]));
  if (testDialect === "postgres") {
    // One round trip and one connection for the whole database.
    const parts = (await names).map((n) => sql`select ${n}::text as t, row_to_json(x)::text as j from ${sql.table(n)} x`);
    const res = await sql<{ t: string; j: string }>`${sql.join(parts, sql` union all `)}`.execute(db);
    for (const r of res.rows) out[r.t]?.push(canonical(r.t, JSON.parse(r.j) as Record<string, unknown>));
  } else {
    for (const n of await names) {
      const res = await sql<Record<string, unknown>>`select * from ${sql.table(n)}`.execute(db);
      out[n] = res.rows.map((r) => canonical(n, r));
    }
  }
  for (const lines of Object.values(out)) lines.sort();
  return out;
}

let fixture: Fixture | undefined;
let stored: Record<string, string[]> | undefined;
/** True when the last request may have changed data, so the fixture and the snapshot must be renewed. */
let dirty = true;

async function ready(): Promise<{ f: Fixture; before: Record<string, string[]> }> {
  if (!fixture || !stored || dirty) {
    fixture = await buildFixture();
    stored = await snapshot(db());
    dirty = false;
  }
  return { f: fixture, before: stored };
}

// ---------------------------------------------------------------------------------------------------------------
// Generators.

/** Marks a value to be replaced by a real id of the fixture when the request is sent. */
const REAL = (name: string) => `<real ${name}>`;
const REAL_PATTERN = /^<real (\w+)>$/;

type ParamPlan = { real: true } | { segment: string };

type BodyPlan =
  | { kind: "json"; value: unknown; contentType: string | null }
  | { kind: "raw"; text: string; contentType: string | null }
  | { kind: "none" }
  | { kind: "huge"; bytes: number; withContentLength: boolean }
  | { kind: "deep"; depth: number; shape: "array" | "object" | "field" }
  /**
   * A CSV file; `rows` is how many records it holds when it is well formed (to check the count imported), else null;
   * `repeated` the column its header names twice, when it does.
   */
  | { kind: "csv"; text: string; contentType: string | null; rows: number | null; repeated?: string }
  /** Text with bytes that are not UTF-8 between `before` and `after` (a Latin-1 é, a Windows-1252 quote, an overlong or cut-short sequence). */
  | { kind: "bytes"; before: string; bad: number[]; after: string; contentType: string | null }
  /** A valid body but for one field set to what spoofs a name (bidi, zero-width, controls) or to a day out of range: 422 naming the field. */
  | { kind: "spoof"; value: Record<string, unknown>; field: string }
  | { kind: "hugeCsv"; bytes: number; withContentLength: boolean };

interface Plan {
  params: Record<string, ParamPlan>;
  body: BodyPlan;
}

const JSON_TYPES = ["application/json", "application/json; charset=utf-8", "APPLICATION/JSON", "application/merge-patch+json", "application/vnd.accord+json; charset=UTF-8"];
/** `null` sends no content-type at all (the body goes as bytes, so nothing adds one). */
const NOT_JSON_TYPES = [null, "text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz", "application/xml", "application/jsonx", "text/json", "application/json; charset=iso-8859-1", "application/json; charset=windows-1252"];

/** Bytes that are never UTF-8 wherever they stand: Latin-1 é, a Windows-1252 curly quote, 0xFF, an overlong "/", a surrogate, past U+10FFFF, cut short. */
const BAD_BYTES: number[][] = [[0xe9], [0x92], [0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], [0xfe, 0xfe]];
const badBytes = fc.constantFrom(...BAD_BYTES);

/** Values for one-line fields (names, titles, labels) that spoof what lists and the audit log show. */
const SPOOF_NAMES = ["Acme\u202Egnp.exe", "\u2066Trust\u2069", "\u202ALeft", "\u202BRight\u202C", "\u202Dforced", "\u2067x\u2068y", "\u200B", "\u200B\u200C\u200D", " \u2060 ", "\u3164", "\u00A0\u200B", "\u0301", "Ac\u0007me", "Ac\u001Bme", "Ac\u0085me", "Ac\u009Bme", "Ac\u007Fme", "Line\nbreak", "Tab\there", "Carriage\rreturn", "Ac\u2028me", "Ac\u0000me"];
/** Values free text must still refuse (it keeps line breaks and tabs). */
const SPOOF_TEXT = ["Care \u202Efor all", "\u2067x", "bell\u0007", "esc\u001b[31m", "a\u0085b", "\u009b", "del\u007f", "a\u0000b", "\u202D\u2069"];
/** Days the one rule for days refuses: out of 1900–2199, or not a day at all. */
const BAD_DAYS = ["0000-01-01", "0001-01-01", "1899-12-31", "2200-01-01", "9999-12-31", "+020000-01-01", "2026-02-30", "2026-1-1"];

/** What a field refuses for spoofing, by its OpenAPI schema: one-line text, free text, or a day; undefined when none of these. */
function spoofValuesFor(schema: JsonSchema): string[] | undefined {
  if (schema.format === "date") return BAD_DAYS;
  if (schema.pattern === SINGLE_LINE.source) return SPOOF_NAMES;
  if (schema.pattern === FREE_TEXT.source) return SPOOF_TEXT;
  return undefined;
}

const nastyString = fc.constantFrom(
  "",
  " ",
  "   \t\n ",
  "\u0000",
  "a\u0000b",
  "\u0007\u001b[31m",
  "\u202Egnp.exe",
  "💥🔥👩‍👩‍👧‍👦",
  "\uD800",
  "\uDFFFx",
  "Ω≈ç√∫˜µ≤≥÷",
  "ｆｕｌｌｗｉｄｔｈ",
  "<script>alert(1)</script>",
  "'; drop table users; --",
  "%00",
  "../../etc/passwd",
  "null",
  "undefined",
  "true",
  "0",
  "-1",
  "1e309",
  "{}",
  "[]",
  "\\",
  '"',
  "\u0085\u2028\u2029",
  "\uFEFF",
  "x".repeat(5000),
);

function stringFor(schema: JsonSchema): fc.Arbitrary<string> {
  const options: fc.Arbitrary<string>[] = [fc.constant(""), nastyString, fc.string({ unit: "binary", maxLength: 40 }), fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 })];
  if (schema.maxLength !== undefined) options.push(fc.constantFrom("b".repeat(schema.maxLength), "b".repeat(schema.maxLength + 1)));
  if (schema.minLength !== undefined && schema.minLength > 0) options.push(fc.constantFrom("c".repeat(schema.minLength - 1), "c".repeat(schema.minLength)));
  if (schema.format === "email") {
    options.push(
      fc.constantFrom("someone@example.org", " Someone@Example.ORG ", "not-an-email", "a\u0000@example.org", "@example.org", "a@", "a@b", `${"x".repeat(250)}@example.org`, "a@example.org\u0000"),
    );
  }
  if (schema.enum) options.push(fc.constantFrom(...schema.enum.map(String)), fc.constantFrom(...schema.enum.map((e) => ` ${String(e).toUpperCase()}`)));
  return fc.oneof(...options);
}

const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
);

/** A value the schema accepts (real ids for fields named like a fixture id). */
function validValue(name: string, schema: JsonSchema, realNames: readonly string[]): fc.Arbitrary<unknown> {
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (realNames.includes(name)) return fc.constant(REAL(name));
  if (schema.enum && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  if (schema.format === "email") return fc.integer({ min: 1, max: 1e9 }).map((n) => `someone.${n}@example.org`);
  // Any real day the date fields accept, the first and last years included (the derived views must cope with what was stored).
  if (schema.format === "date") return fc.constantFrom("2026-06-30", "2026-01-01", "2099-12-31", "2024-02-29", "1900-01-01", "2199-12-31");
  if (types.includes("string")) {
    const min = Math.max(schema.minLength ?? 1, 1);
    const max = Math.max(schema.maxLength ?? 40, min);
    return fc.string({ unit: "grapheme-ascii", minLength: min, maxLength: Math.min(max, min + 30) }).map((s) => s.trim().padEnd(min, "v"));
  }
  if (types.includes("integer") || types.includes("number")) return fc.integer({ min: schema.minimum ?? 0, max: Math.min(schema.maximum ?? 10, (schema.minimum ?? 0) + 10) });
  if (types.includes("boolean")) return fc.boolean();
  if (types.includes("null")) return fc.constant(null);
  return fc.jsonValue({ maxDepth: 1 });
}

/** A value the schema may well refuse: edge-case strings for its type, or the wrong type altogether. */
function badValue(schema: JsonSchema): fc.Arbitrary<unknown> {
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const near: fc.Arbitrary<unknown>[] = [];
  if (types.includes("string") || schema.enum) near.push(stringFor(schema));
  if (types.includes("integer") || types.includes("number")) near.push(fc.constantFrom(-1, 0.5, 2 ** 53, 1e308, -0));
  if (near.length === 0) near.push(nastyString);
  return fc.oneof({ arbitrary: fc.oneof(...near), weight: 3 }, { arbitrary: wrongType, weight: 1 });
}

const unknownKey = fc.oneof(fc.constantFrom("__proto__", "constructor", "", "id", "Name", "createdAt", "isAdmin", "partnership_id", "role "), fc.string({ maxLength: 10 }));

type Mutation = { op: "set"; key: string; value: unknown } | { op: "drop"; key: string } | { op: "add"; key: string; value: unknown };

/** A valid object for the schema, then one to three mutations: a field set to a bad value, a field dropped, an unknown field added. */
function objectBody(schema: JsonSchema | undefined, realNames: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  const props = schema?.properties ?? {};
  const keys = Object.keys(props);
  const base = fc.record(Object.fromEntries(keys.map((k) => [k, validValue(k, props[k] ?? {}, realNames)])), { requiredKeys: (schema?.required ?? []).filter((k) => keys.includes(k)) });
  const mutation: fc.Arbitrary<Mutation>[] = [
    fc.record({ op: fc.constant("add" as const), key: unknownKey.filter((k) => !Object.hasOwn(props, k)), value: fc.jsonValue({ maxDepth: 2 }) }),
  ];
  if (keys.length > 0) {
    const key = fc.constantFrom(...keys);
    mutation.push(
      key.chain((k) => fc.record({ op: fc.constant("set" as const), key: fc.constant(k), value: badValue(props[k] ?? {}) })),
      key.chain((k) => fc.record({ op: fc.constant("set" as const), key: fc.constant(k), value: badValue(props[k] ?? {}) })),
      fc.record({ op: fc.constant("drop" as const), key }),
    );
  }
  return fc.tuple(base, fc.array(fc.oneof(...mutation), { minLength: 1, maxLength: 3 })).map(([b, mutations]) => {
    const out: Record<string, unknown> = {};
    const put = (k: string, v: unknown) => Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    for (const [k, v] of Object.entries(b)) put(k, v);
    for (const m of mutations) {
      if (m.op === "drop") delete out[m.key];
      else put(m.key, m.value);
    }
    return out;
  });
}

const malformedJson = fc.oneof(
  fc.constantFrom("", "{", "}", "[", '{"name":', '{"name": "x",}', "[1,]", "{'name':'x'}", "NaN", "undefined", "\uFEFF", "{} {}", '{"a":1}garbage', "\u0000", "nul", "tru", "-", "01", ".5", '{"a":"\\x41"}', '"unterminated', "{\n"),
  fc.string({ maxLength: 30 }).filter((s) => {
    try {
      JSON.parse(s);
      return false;
    } catch {
      return true;
    }
  }),
);

// ---------------------------------------------------------------------------------------------------------------
// CSV files for the register imports: mostly well-formed files whose cells are mostly valid (so whole files often import,
// and a file with one bad cell among good rows tests all-or-nothing), with broken quoting, odd line ends, a BOM, unknown
// or missing columns, a column named twice, rows of the wrong length, bytes that are not UTF-8, and plain junk.

/** Cells the fixture makes valid: `<real name>` is replaced by the fixture's value when the request is sent. */
function validCell(f: FieldSpec): fc.Arbitrary<string> {
  switch (f.kind) {
    case "text":
      return fc.oneof(
        // Line breaks only where the field is free text: one-line fields (titles) refuse them.
        { arbitrary: fc.constantFrom("Fuzz text", "Comma, inside", 'Quote " inside', ...(f.multiline ? ["Two\nlines", "Tab\tinside"] : []), "=1+1", "'=1+1", "-minus", "@at", "  padded  ", "Ünïcödé ✓"), weight: 2 },
        { arbitrary: fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 20 }).filter((t) => t.trim() !== ""), weight: 1 },
      );
    case "date":
      return fc.constantFrom("2026-05-01", "2026-12-31", " 2025-01-01 ", "2099-02-28", "1900-01-01", "2199-12-31");
    case "enum":
      return fc.constantFrom(...f.values, ...Object.values(f.labels), ...f.values.map((v) => v.toUpperCase()));
    case "int":
      return fc.integer({ min: f.min, max: f.max }).map(String);
    case "organisation":
      return fc.constantFrom("Fuzz Org", "other fuzz org", "<real organisationId>");
    case "organisations":
      return fc.constantFrom("Fuzz Org", "Fuzz Org; Other Fuzz Org", "Other Fuzz Org;", "<real organisationId>");
    case "person":
      return fc.constantFrom("<real personEmail>", "Fuzz Person", "<real personId>");
    case "entry":
    case "entries":
      return fc.constant(linkedTitle(f.register));
    case "organisationNotes":
      return fc.constantFrom("Fuzz Org: helps", "Other Fuzz Org", "Fuzz Org: a; Other Fuzz Org: b: c");
  }
}

const badCell: fc.Arbitrary<string> = fc.oneof(
  nastyString,
  fc.constantFrom(...SPOOF_NAMES, ...BAD_DAYS),
  fc.constantFrom("2026-02-30", "2026-1-1", "Nowhere Ltd", "-5", "0", "1.5", "99999999999999999999", "maybe", "Fuzz Org;;x", ": note", "'", '"', "a,b", "Fuzz Org: " + "n".repeat(600)),
  fc.string({ unit: "binary", maxLength: 20 }),
);

function quoteCell(cell: string): string {
  return /[",\r\n]/.test(cell) || cell !== cell.trim() ? `"${cell.replace(/"/g, '""')}"` : cell;
}

const CSV_TYPES = ["text/csv", "text/csv; charset=utf-8", "TEXT/CSV", "text/plain", "text/plain;charset=UTF-8"];
const NOT_CSV_TYPES = [null, "application/json", "text/csvx", "application/csv", "text/html", "multipart/form-data; boundary=xyz", "text/csv; charset=windows-1252", "text/csv;charset=ISO-8859-1"];
const csvType = fc.oneof({ arbitrary: fc.constant<string | null>("text/csv"), weight: 8 }, { arbitrary: fc.constantFrom<string | null>(...CSV_TYPES), weight: 3 }, { arbitrary: fc.constantFrom(...NOT_CSV_TYPES), weight: 1 });

function csvFile(key: RegisterKey): fc.Arbitrary<BodyPlan> {
  const fields = REGISTERS[key].fields;
  const required = fields.filter((f) => f.required);
  const columns = fc
    .tuple(
      fc.shuffledSubarray([...fields]),
      fc.oneof({ arbitrary: fc.constant(true), weight: 5 }, { arbitrary: fc.constant(false), weight: 1 }),
      fc.option(fc.constantFrom("id", "version", "created_at", "colour", "", "__proto__"), { freq: 6 }),
      fc.boolean(),
    )
    .map(([picked, withRequired, extra, labels]) => {
      const cols: (FieldSpec | string)[] = withRequired ? [...required.filter((f) => !picked.includes(f)), ...picked] : picked;
      if (extra !== null) cols.splice(cols.length === 0 ? 0 : 1, 0, extra);
      return { cols, labels };
    });
  const row = (cols: (FieldSpec | string)[]) =>
    fc.tuple(
      ...cols.map((c) =>
        typeof c === "string"
          ? fc.constantFrom("", "1", "x")
          : fc.oneof({ arbitrary: validCell(c), weight: c.required ? 30 : 20 }, { arbitrary: fc.constant(""), weight: c.required ? 0 : 6 }, { arbitrary: badCell, weight: 1 }),
      ),
    );
  const wellFormed = columns.chain(({ cols, labels }) =>
    fc.record({
      header: fc.constant(cols.map((c) => (typeof c === "string" ? c : labels ? c.label : c.name))),
      rows: fc.array(cols.length ? row(cols) : fc.constant([] as string[]), { minLength: 0, maxLength: 4 }),
      // A row of the wrong length, a blank line, an unquoted (broken) cell, a column named twice (once read as "the second wins").
      spoil: fc.constantFrom("none", "none", "none", "none", "extraCell", "missingCell", "blankLine", "unquoted", "repeated"),
      repeatAs: fc.constantFrom("same", "upper", "padded"),
      eol: fc.constantFrom("\r\n", "\n", "\r"),
      bom: fc.boolean(),
      trailing: fc.boolean(),
      contentType: csvType,
    }),
  );
  const file = wellFormed.map(({ header, rows, spoil, eol, bom, trailing, contentType, repeatAs }): BodyPlan & { kind: "csv" } => {
    // The column named twice: the first with a name, again at the end (the same, in capitals, or padded), its cells copied.
    const twice = spoil === "repeated" ? header.findIndex((h) => h.trim() !== "") : -1;
    if (twice >= 0) {
      const name = header[twice]!;
      header = [...header, repeatAs === "upper" ? name.toUpperCase() : repeatAs === "padded" ? ` ${name} ` : name];
      rows = rows.map((r) => [...r, r[twice] ?? ""]);
    }
    const lines = [header.map(quoteCell).join(","), ...rows.map((r) => r.map(spoil === "unquoted" ? (x) => x : quoteCell).join(","))];
    if (spoil === "extraCell" && lines.length > 1) lines[lines.length - 1] += ",extra";
    if (spoil === "missingCell" && lines.length > 1) lines[lines.length - 1] = lines[lines.length - 1]!.replace(/,[^,]*$/, "");
    if (spoil === "blankLine") lines.splice(1, 0, "");
    const text = (bom ? "\uFEFF" : "") + lines.join(eol) + (trailing ? eol : "");
    // Rows that encode to nothing but blanks may be skipped by the parser: count only files with none.
    const counted = spoil === "none" && rows.every((r) => r.join("").trim() !== "");
    return { kind: "csv", text, contentType, rows: counted ? rows.length : null, ...(twice >= 0 ? { repeated: header[twice]! } : {}) };
  });
  // The same files with bytes that are not UTF-8 somewhere in them, as a spreadsheet saving Windows-1252 would write.
  const notUtf8 = fc.tuple(file, fc.nat(), badBytes).map(([f, at, bad]): BodyPlan => {
    const cut = at % (f.text.length + 1);
    return { kind: "bytes", before: f.text.slice(0, cut), bad, after: f.text.slice(cut), contentType: f.contentType };
  });
  const junk = fc.record({
    kind: fc.constant("csv" as const),
    text: fc.oneof(
      fc.string({ unit: "binary", maxLength: 200 }),
      fc.constantFrom("", "\uFEFF", "\r\n\r\n", '"', '"unterminated\nrow', 'a"b,c\n1,2', "title\n\"x\"y\"", ",,,\n,,,", "\u0000,\u0000", "title\n" + "x\n".repeat(20)),
    ),
    contentType: csvType,
    rows: fc.constant(null),
  });
  return fc.oneof({ arbitrary: file, weight: 8 }, { arbitrary: notUtf8, weight: 1 }, { arbitrary: junk, weight: 2 });
}

/** Examples every import is tried with: a valid file, the same with one bad row (nothing may be stored), and edge files. */
function csvExamples(key: RegisterKey): BodyPlan[] {
  const def = REGISTERS[key];
  const cols = def.fields.filter((f) => f.required || f.name === def.ownerField);
  const header = cols.map((f) => f.name).join(",");
  const good = (title: string) => {
    const sample = sampleRegisterBody(key, "Fuzz Org", title, "Fuzz");
    return cols.map((f) => (f.name === def.titleField ? title : f.kind === "organisation" ? "Fuzz Org" : f.kind === "organisations" ? "Fuzz Org; Other Fuzz Org" : String(sample[f.name]))).join(",");
  };
  const bad = cols.map((f) => (f.name === def.titleField ? "x".repeat(1000) : f.kind === "organisation" ? "Nowhere Ltd" : f.kind === "date" ? "2026-02-30" : "")).join(",");
  const csv = (text: string, rows: number | null = null, contentType: string | null = "text/csv"): BodyPlan => ({ kind: "csv", text, contentType, rows });
  const tooMany = `${header}\n${Array.from({ length: 5001 }, (_, i) => good(`Row ${i}`)).join("\n")}\n`;
  return [
    csv(`${header}\r\n${good("One")}\r\n${good("Two")}\r\n`, 2),
    csv(`${header}\n${good("One")}\n${bad}\n${good("Three")}\n`),
    csv(`${header}\n${good("One")}\n${good("Two")},surplus\n`),
    csv(`${header}\n"${good("unterminated")}\n`),
    csv(`${header}\n`, 0),
    csv(""),
    csv("\uFEFF"),
    csv(`\uFEFF${header}\r${good("Mac line ends")}\r`, 1),
    csv(`colour,${header}\n"red",${good("Unknown column")}\n`),
    csv(tooMany),
    csv(`${header}\n${good("As JSON")}\n`, null, "application/json"),
    csv(`${header}\n${good("No type")}\n`, null, null),
    csv(`${header}\n${good("Windows-1252 says so")}\n`, null, "text/csv; charset=windows-1252"),
    // The attacker's files: a column named twice (once the second won), a Windows-1252 é, a header of 100,000 unknown columns.
    { kind: "csv", text: `${header},${cols[0]!.name.toUpperCase()}\n${good("Twice")},Spoofed\n`, contentType: "text/csv", rows: null, repeated: cols[0]!.name },
    { kind: "bytes", before: `${header}\r\n${good("One")}\r\nCaf`, bad: [0xe9], after: ` ${good("")}\r\n`, contentType: "text/csv" },
    { kind: "bytes", before: "\uFEFF", bad: [0x93], after: `${header}\n`, contentType: "text/plain" },
    csv(`${Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(",")}\n`),
  ];
}

function bodyPlan(route: WriteRoute, realNames: readonly string[]): fc.Arbitrary<BodyPlan> {
  if (route.csv && route.register) {
    const junk = fc.oneof(
      fc.record({ kind: fc.constant("json" as const), value: objectBody(route.body, realNames), contentType: fc.constantFrom<string | null>(...JSON_TYPES, null) }),
      fc.record({ kind: fc.constant("raw" as const), text: malformedJson, contentType: fc.constantFrom(...JSON_TYPES) }),
      fc.record({ kind: fc.constant("none" as const) }),
      fc.record({ kind: fc.constant("deep" as const), depth: fc.integer({ min: 50, max: 9000 }), shape: fc.constantFrom("array" as const, "object" as const, "field" as const) }),
    );
    return fc.oneof(
      { arbitrary: csvFile(route.register.key), weight: 16 },
      { arbitrary: junk, weight: 2 },
      { arbitrary: fc.record({ kind: fc.constant("hugeCsv" as const), bytes: fc.integer({ min: MAX_IMPORT_BYTES + 1, max: Math.floor(1.5 * MAX_IMPORT_BYTES) }), withContentLength: fc.boolean() }), weight: 1 },
    );
  }
  const jsonType = fc.oneof({ arbitrary: fc.constant("application/json"), weight: 6 }, { arbitrary: fc.constantFrom(...JSON_TYPES), weight: 1 });
  const anyType = fc.oneof({ arbitrary: jsonType, weight: 8 }, { arbitrary: fc.constantFrom<string | null>(...NOT_JSON_TYPES), weight: 2 });
  // The same bodies with bytes that are not UTF-8 spliced in anywhere (mostly typed as JSON, so the bytes are what is refused).
  const notUtf8 = fc.tuple(objectBody(route.body, realNames), fc.nat(), badBytes, fc.oneof({ arbitrary: jsonType, weight: 4 }, { arbitrary: anyType, weight: 1 })).map(([value, at, bad, contentType]): BodyPlan => {
    const text = JSON.stringify(value) ?? "null";
    const cut = at % (text.length + 1);
    return { kind: "bytes", before: text.slice(0, cut), bad, after: text.slice(cut), contentType };
  });
  const spoof = spoofPlan(route.body, realNames);
  const notAnObject = fc.oneof(fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }), fc.constant(null), fc.integer(), fc.double(), fc.string({ unit: "binary", maxLength: 20 }), fc.boolean());
  return fc.oneof(
    { arbitrary: fc.record({ kind: fc.constant("json" as const), value: objectBody(route.body, realNames), contentType: anyType }), weight: 10 },
    { arbitrary: fc.record({ kind: fc.constant("json" as const), value: notAnObject, contentType: jsonType }), weight: 2 },
    { arbitrary: fc.record({ kind: fc.constant("raw" as const), text: malformedJson, contentType: jsonType }), weight: 2 },
    { arbitrary: fc.record({ kind: fc.constant("none" as const) }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant("huge" as const), bytes: fc.integer({ min: MAX_BODY_BYTES + 1, max: 3 * MAX_BODY_BYTES }), withContentLength: fc.boolean() }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant("deep" as const), depth: fc.integer({ min: 50, max: 9000 }), shape: fc.constantFrom("array" as const, "object" as const, "field" as const) }), weight: 1 },
    { arbitrary: notUtf8, weight: 2 },
    ...(spoof ? [{ arbitrary: spoof, weight: 4 }] : []),
  );
}

/** A body valid but for one field that spoofs (a one-line field with bidi, zero-width or control characters, free text with controls, a day out of range); undefined when the body has no such field. */
function spoofPlan(schema: JsonSchema | undefined, realNames: readonly string[]): fc.Arbitrary<BodyPlan> | undefined {
  const props = schema?.properties ?? {};
  const fields = Object.entries(props).flatMap(([k, p]) => {
    const values = spoofValuesFor(p);
    return values ? [[k, values] as const] : [];
  });
  if (fields.length === 0) return undefined;
  const keys = Object.keys(props);
  const base = fc.record(Object.fromEntries(keys.map((k) => [k, validValue(k, props[k] ?? {}, realNames)])), { requiredKeys: (schema?.required ?? []).filter((k) => keys.includes(k)) });
  return fc
    .tuple(base, fc.constantFrom(...fields).chain(([field, values]) => fc.tuple(fc.constant(field), fc.constantFrom(...values))))
    .map(([b, [field, value]]): BodyPlan => ({ kind: "spoof", value: { ...b, [field]: value }, field }));
}

const randomSegment = fc.oneof(
  fc.uuid(),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 64 }).map(encodeURIComponent),
  fc.string({ unit: "grapheme-ascii", minLength: 65, maxLength: 90 }).map(encodeURIComponent),
  fc.constantFrom("%00", "a%00b", "%", "%zz", "%E0%A4%A", "a%2Fb", "%2e%2e", "..", ".", "null", "undefined", "0", "-1", "%20", "'%20or%201%3D1--", "%C0%AF", "%FF", "%F0%9F%92%A5"),
);

function planFor(route: WriteRoute, realNames: readonly string[]): fc.Arbitrary<Plan> {
  const params = fc.record(
    Object.fromEntries(
      // Real ids let a body reach validation; a route without a body learns more from unknown ids (and real ones succeed, which costs a fixture).
      route.params.map((p) => [p, fc.oneof({ arbitrary: fc.constant({ real: true as const }), weight: route.body || route.csv ? 3 : 1 }, { arbitrary: randomSegment.map((segment) => ({ segment })), weight: route.body || route.csv ? 2 : 3 })]),
    ) as Record<string, fc.Arbitrary<ParamPlan>>,
  );
  return fc.record({ params, body: bodyPlan(route, realNames) });
}

/** Edge values tried on every field of every body, and edge segments on every path parameter, before the random runs. */
const EDGE_VALUES: unknown[] = ["", " ", "a\u0000b", null, 0, [], { nested: true }];
const EDGE_SEGMENTS = ["%00", "x".repeat(65), "%zz", "..", "00000000-0000-4000-8000-000000000000"];

/** A valid example body for the schema: every field, each with a plain acceptable value. */
function exampleObject(schema: JsonSchema | undefined, realNames: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, p] of Object.entries(schema?.properties ?? {})) {
    const types = Array.isArray(p.type) ? p.type : p.type ? [p.type] : [];
    if (realNames.includes(k)) out[k] = REAL(k);
    else if (p.enum && p.enum.length > 0) out[k] = p.enum[p.enum.length - 1];
    else if (p.format === "email") out[k] = "edge.case@example.org";
    else if (p.format === "date") out[k] = "2026-06-30";
    else if (types.includes("string")) out[k] = "v".repeat(Math.max(p.minLength ?? 1, 12));
    else if (types.includes("integer") || types.includes("number")) out[k] = p.minimum ?? 1;
    else if (types.includes("boolean")) out[k] = true;
    else out[k] = null;
  }
  return out;
}

function examplePlans(route: WriteRoute, realNames: readonly string[]): Plan[] {
  const real = Object.fromEntries(route.params.map((p) => [p, { real: true as const }]));
  const plans: Plan[] = [];
  const json = (value: unknown): Plan => ({ params: real, body: { kind: "json", value, contentType: "application/json" } });
  const base = exampleObject(route.body, realNames);
  if (route.body) {
    for (const key of Object.keys(base)) {
      const max = route.body.properties?.[key]?.maxLength;
      for (const v of [...EDGE_VALUES, ...(max !== undefined ? ["w".repeat(max + 1)] : [])]) plans.push(json({ ...base, [key]: v }));
    }
    plans.push(json(null), json([]), json([base]), json("text"), json(42), json({ ...base, unexpected: true }));
    plans.push({ params: real, body: { kind: "raw", text: "{", contentType: "application/json" } });
    // A valid body the server must not read: untyped (once read as {}), typed otherwise, or not UTF-8.
    for (const contentType of [null, "text/plain", "application/x-www-form-urlencoded", "application/json; charset=latin1"]) plans.push({ params: real, body: { kind: "json", value: base, contentType } });
    const text = JSON.stringify(base);
    plans.push({ params: real, body: { kind: "bytes", before: text.slice(0, -2), bad: [0xe9], after: text.slice(-2), contentType: "application/json" } });
    // Every field that spoofs, with a value of each kind.
    for (const [field, p] of Object.entries(route.body.properties ?? {})) {
      const values = spoofValuesFor(p);
      if (values) for (const value of new Set([values[0], values[6], values[values.length - 1]])) plans.push({ params: real, body: { kind: "spoof", value: { ...base, [field]: value }, field } });
    }
  } else if (!route.csv) {
    // A route that takes no body, sent one: fields are refused by name; an untyped body is refused unread.
    plans.push({ params: real, body: { kind: "json", value: { unexpected: true }, contentType: "application/json" } });
    plans.push({ params: real, body: { kind: "json", value: { unexpected: true }, contentType: null } });
    plans.push({ params: real, body: { kind: "raw", text: "[]", contentType: "application/json" } });
  }
  const csv = route.csv && route.register ? csvExamples(route.register.key) : undefined;
  if (csv) for (const body of csv) plans.push({ params: real, body });
  plans.push({ params: real, body: csv ? { kind: "hugeCsv", bytes: MAX_IMPORT_BYTES + 1, withContentLength: false } : { kind: "huge", bytes: MAX_BODY_BYTES + 1, withContentLength: false } });
  for (const p of route.params) {
    const body: BodyPlan = csv ? csv[0]! : route.body ? { kind: "json", value: base, contentType: "application/json" } : { kind: "none" };
    for (const segment of EDGE_SEGMENTS) plans.push({ params: { ...real, [p]: { segment } }, body });
  }
  return plans;
}

// ---------------------------------------------------------------------------------------------------------------
// Sending a plan, and what must hold.

/** What is sent: the body's bytes (exactly; nothing adds a content-type), readable text for messages, and the headers. */
interface Encoded {
  bytes?: Uint8Array;
  shown?: string;
  headers: Record<string, string>;
}

const utf8 = (t: string) => new TextEncoder().encode(t);

function encodeBody(plan: BodyPlan, f: Fixture): Encoded {
  const realText = (t: string) => t.replace(/<real (\w+)>/g, (marker, name: string) => (f.real[name] === undefined ? marker : String(f.real[name])));
  const real = (_k: string, v: unknown) => {
    const m = typeof v === "string" ? REAL_PATTERN.exec(v) : null;
    return m ? (f.real[m[1] ?? ""] ?? v) : v;
  };
  const typed = (contentType: string | null): Record<string, string> => (contentType ? { "content-type": contentType } : {});
  const text = (t: string, headers: Record<string, string>): Encoded => ({ bytes: utf8(t), shown: t, headers });
  switch (plan.kind) {
    case "none":
      return { headers: {} };
    case "json":
      return text(JSON.stringify(plan.value, real) ?? "null", typed(plan.contentType));
    case "spoof":
      return text(JSON.stringify(plan.value, real), typed("application/json"));
    case "raw":
      return text(plan.text, typed(plan.contentType));
    case "csv":
      return text(realText(plan.text), typed(plan.contentType));
    case "bytes": {
      const before = realText(plan.before);
      const after = realText(plan.after);
      const bytes = new Uint8Array([...utf8(before), ...plan.bad, ...utf8(after)]);
      return { bytes, shown: `${before}${plan.bad.map((b) => `\\x${b.toString(16)}`).join("")}${after}`, headers: typed(plan.contentType) };
    }
    case "hugeCsv": {
      const t = `title\n${"h".repeat(plan.bytes)}\n`;
      return text(t, { "content-type": "text/csv", ...(plan.withContentLength ? { "content-length": String(Buffer.byteLength(t)) } : {}) });
    }
    case "huge": {
      const t = JSON.stringify({ name: "h".repeat(plan.bytes) });
      return text(t, { "content-type": "application/json", ...(plan.withContentLength ? { "content-length": String(Buffer.byteLength(t)) } : {}) });
    }
    case "deep": {
      const d = plan.depth;
      const t = plan.shape === "array" ? "[".repeat(d) + "]".repeat(d) : plan.shape === "object" ? '{"a":'.repeat(d) + "1" + "}".repeat(d) : `{"name":${"[".repeat(d)}${"]".repeat(d)}}`;
      return text(t, { "content-type": "application/json" });
    }
  }
}

/** Sends exactly these headers and bytes: a string goes as its UTF-8 bytes, so no content-type is added for it (fetch would add text/plain). */
async function send(method: string, path: string, body: string | Uint8Array | undefined, headers: Record<string, string>): Promise<TestResponse> {
  const bytes = typeof body === "string" ? utf8(body) : body;
  const res = await current.app.request(`${ORIGIN}${path}`, { method, headers: { origin: ORIGIN, ...headers }, ...(bytes !== undefined ? { body: bytes } : {}) });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: res.status, headers: res.headers, body: parsed, text };
}

/** The media type's essence and whether any charset it names is UTF-8. */
function mediaType(contentType: string | undefined): { essence: string; utf8: boolean } {
  const [essence = "", ...params] = (contentType ?? "").split(";");
  const charset = params.map((x) => x.trim().toLowerCase()).find((x) => x.startsWith("charset="))?.slice(8);
  return { essence: essence.trim().toLowerCase(), utf8: charset === undefined || charset === "utf-8" || charset === "utf8" };
}
const readsAsJson = (contentType: string | undefined) => {
  const t = mediaType(contentType);
  return /^application\/([\w.-]+\+)?json$/.test(t.essence) && t.utf8;
};
const readsAsCsv = (contentType: string | undefined) => {
  const t = mediaType(contentType);
  return (t.essence === "text/csv" || t.essence === "text/plain") && t.utf8;
};

/** The line (1-based; LF, CRLF and CR each end one) on which the text after `before` starts. */
const lineAfter = (before: string) => before.replace(/\r\n?/g, "\n").split("\n").length;

/** What the plan must get, when the input alone decides it: the status, and for a 422 the field or line it must name and what it must say. */
interface Expected {
  status: number;
  path?: string;
  says?: RegExp;
}

function expectedAnswer(route: WriteRoute, plan: Plan, sent: Encoded, as: "convenor" | "anonymous", dotted: boolean): Expected | undefined {
  const b = plan.body;
  // The body limit applies to every /api/v1 request before routing, with or without a content-length.
  if (b.kind === "huge" || b.kind === "hugeCsv") return { status: 413 };
  const realParams = Object.values(plan.params).every((p) => "real" in p);
  const type = sent.headers["content-type"];
  const hasBody = (sent.bytes?.length ?? 0) > 0;
  // Before routing or sign-in: a non-empty body must come as the media type its route reads, in UTF-8, and be UTF-8.
  if (route.csv) {
    if (hasBody && !readsAsCsv(type)) return { status: 415, says: /text\/csv|UTF-8/ };
    if (b.kind === "bytes") return { status: 422, path: `line ${lineAfter(b.before)}`, says: /not UTF-8.*Save it again as UTF-8/ };
    // A column named twice is refused when the file is read: after the sign-in and role checks, before any row.
    if (b.kind === "csv" && b.repeated !== undefined && realParams && as === "convenor") return { status: 422, path: "line 1", says: /appears twice/ };
    return undefined;
  }
  if (hasBody && !readsAsJson(type)) return { status: 415, says: /Send JSON with content-type application\/json|Only UTF-8/ };
  if (b.kind === "bytes") return { status: 400, says: /not valid UTF-8/ };
  // A documented route without a body schema refuses anything sent to it but nothing or {}, before sign-in.
  if (!route.body && route.documented && hasBody && !dotted) {
    const text = new TextDecoder().decode(sent.bytes);
    if (text === "") return undefined;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return { status: 400 };
    }
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      const keys = Object.keys(value);
      return keys.length === 0 ? undefined : { status: 422, path: keys[0]!, says: /this request takes no body/ };
    }
    return { status: 422, path: "(body)", says: /takes no body/ };
  }
  if (!realParams || !route.body) return undefined;
  if (b.kind === "spoof") return { status: 422, path: b.field, says: /U\+[0-9A-F]{4}|invisible|between 1900 and 2199|real date/ };
  if (b.kind === "deep") return { status: 422 };
  if (b.kind === "raw") return { status: 400 };
  if (b.kind === "json" && (b.value === null || typeof b.value !== "object" || Array.isArray(b.value))) return { status: 422 };
  if (b.kind === "json" && Object.keys(b.value as object).some((k) => !Object.hasOwn(route.body?.properties ?? {}, k))) return { status: 422 };
  return undefined;
}

/** The partnership's views derived from its registers. */
const DERIVED_VIEWS = ["timeline", "attention", "kept-on-time", "reciprocity", "intentions-freshness", "goal-progress"];

async function check(route: WriteRoute, plan: Plan, as: "convenor" | "anonymous"): Promise<void> {
  const { f, before } = await ready();
  let path = route.template;
  for (const name of route.params) {
    const p = plan.params[name];
    if (!p) throw new Error(`no plan for :${name}`);
    const realValue = f.real[name];
    if ("real" in p && realValue === undefined) throw new Error(`The fixture has no real value for :${name}; add one to buildFixture().`);
    path = path.replace(`:${name}`, "real" in p ? encodeURIComponent(String(realValue)) : p.segment);
  }
  // A dot segment is resolved by the URL parser ("/partnerships/../programmes" is "/programmes"): the request reaches
  // another route, so only the route-independent promises (no 5xx, a 4xx changes nothing) apply to it.
  const dotted = route.params.some((n) => {
    const p = plan.params[n];
    return p !== undefined && "segment" in p && /^(\.|%2e){1,2}$/i.test(p.segment);
  });
  const sent = encodeBody(plan.body, f);
  const { shown, headers } = sent;
  dirty = true;
  const entryId = route.register?.entry && "real" in (plan.params["entryId"] ?? {}) ? await ifMatch(f.real["entryId"]) : {};
  const res = await send(route.method, path, sent.bytes, { ...headers, ...entryId, ...(as === "convenor" ? { cookie: `${SESSION_COOKIE}=${f.session}` } : {}) });
  const what = `${route.method} ${path} as ${as}, content-type ${headers["content-type"] ?? "(none)"}, body ${shown === undefined ? "(none)" : JSON.stringify(shown.slice(0, 200))}${(shown?.length ?? 0) > 200 ? `… (${shown?.length} chars)` : ""}\n→ ${res.status} ${res.text.slice(0, 400)}`;

  // The one 5xx a valid request may get is 503 "this accord sends no email" (password reset without SMTP): the server's
  // setup, not the input. Anything else at 500 or above is a server error.
  const noMail = res.status === 503 && res.body?.code === "mail_not_configured";
  if (!noMail) expect(res.status, `server error: ${what}`).toBeLessThan(500);

  const expected = expectedAnswer(route, plan, sent, as, dotted);
  if (expected !== undefined) {
    expect(res.status, what).toBe(expected.status);
    if (expected.says) expect(`${res.body?.detail} ${JSON.stringify(res.body?.errors ?? [])}`, what).toMatch(expected.says);
    if (expected.path !== undefined) expect((res.body?.errors ?? []).map((e: { path: string }) => e.path), what).toContain(expected.path);
  }
  if (as === "anonymous" && route.needsSignIn) expect(res.status, `anonymous request accepted: ${what}`).toBeGreaterThanOrEqual(400);

  // A whole well-formed file is imported, every row of it.
  if (res.status === 201 && plan.body.kind === "csv" && plan.body.rows !== null) expect(res.body, what).toEqual({ imported: plan.body.rows });
  // Whatever a register write stored, the register and the views derived from it still answer.
  if (res.status < 300 && route.register && as === "convenor") {
    const base = `/api/v1/partnerships/${String(f.real["partnershipId"])}`;
    for (const view of [`registers/${route.register.key}`, `registers/${route.register.key}.csv`, ...DERIVED_VIEWS]) {
      const after = await send("GET", `${base}/${view}`, undefined, { cookie: `${SESSION_COOKIE}=${f.session}` });
      expect(after.status, `GET ${view} after ${what}\n→ ${after.status} ${after.text.slice(0, 300)}`).toBe(200);
    }
  }
  if (res.status < 400) return; // A generated body that happens to be valid may change data: renew the fixture next run.

  expect(res.headers.get("content-type") ?? "", what).toMatch(/^application\/problem\+json/);
  expect(res.body, what).toMatchObject({ status: res.status, code: expect.any(String), detail: expect.any(String) });
  // However many problems there were, the refusal stays small (a header of 100,000 unknown columns once gave 9 MiB).
  expect(res.text.length, `refusal of ${res.text.length} characters: ${what}`).toBeLessThan(256 * 1024);

  if (res.status === 422) {
    const errors: unknown = res.body.errors;
    expect(Array.isArray(errors) && errors.length > 0, `422 without an errors list: ${what}`).toBe(true);
    expect((errors as unknown[]).length, `more than ${MAX_LISTED_PROBLEMS} problems listed: ${what}`).toBeLessThanOrEqual(MAX_LISTED_PROBLEMS + 1);
    const value = plan.body.kind === "json" || plan.body.kind === "spoof" ? plan.body.value : undefined;
    const sentKeys = value !== null && typeof value === "object" && !Array.isArray(value) ? Object.keys(value) : [];
    const nameable = new Set(["(body)", "idempotency-key", ...route.params, ...Object.keys(route.body?.properties ?? {}), ...sentKeys, ...(plan.body.kind === "deep" ? ["a", "name"] : [])]);
    for (const e of errors as Array<{ path?: unknown; message?: unknown }>) {
      expect(typeof e.path === "string" && typeof e.message === "string", `malformed entry in errors: ${what}`).toBe(true);
      const path = String(e.path);
      // An import names the line of the file (and the column), or the file as a whole.
      const inFile = route.csv && /^(line \d+(: \S+)?|file)$/.test(path);
      expect(inFile || dotted || nameable.has(path) || nameable.has(path.split(".")[0] ?? ""), `errors names "${path}", which is no field of this request: ${what}`).toBe(true);
    }
    // Unknown fields are named, each of them, when the body was read at all (and the list was not cut at its limit).
    const unknown = sentKeys.filter((k) => !Object.hasOwn(route.body?.properties ?? {}, k));
    const cut = (errors as unknown[]).length > MAX_LISTED_PROBLEMS;
    if (expected?.status === 422 && unknown.length > 0 && !cut) {
      const paths = (errors as Array<{ path: string }>).map((e) => e.path);
      for (const k of unknown) expect(paths, `unknown field "${k}" not named: ${what}`).toContain(k);
    }
  }

  expect(await snapshot(db()), `stored data changed after a ${res.status}: ${what}`).toEqual(before);
  dirty = false;
}

// ---------------------------------------------------------------------------------------------------------------

describe("bad input on write routes", () => {
  it("finds the write routes and their body schemas in the app (so the properties below are not vacuous)", async () => {
    const keys = writeRoutes.map((r) => r.key);
    expect(keys).toContain("POST /api/v1/partnerships");
    expect(keys).toContain("PATCH /api/v1/partnerships/:partnershipId/people/:personId");
    expect(keys).toContain("POST /api/v1/setup");
    expect(writeRoutes.find((r) => r.key === "POST /api/v1/partnerships")?.body?.properties).toHaveProperty("name");
    expect(writeRoutes.find((r) => r.key === "POST /api/v1/setup")?.needsSignIn).toBe(false);
    expect(writeRoutes.find((r) => r.key === "POST /api/v1/partnerships")?.needsSignIn).toBe(true);
    // Every register's writes are found: a JSON body for create and change, a CSV file for import, and the entry each acts on.
    for (const key of REGISTER_KEYS) {
      const base = `/api/v1/partnerships/:partnershipId/registers/${key}`;
      expect(writeRoutes.find((r) => r.key === `POST ${base}`)?.body?.properties, key).toHaveProperty(REGISTERS[key].titleField);
      expect(writeRoutes.find((r) => r.key === `PATCH ${base}/:entryId`)?.body?.properties, key).toHaveProperty("version");
      expect(writeRoutes.find((r) => r.key === `POST ${base}/import`), key).toMatchObject({ csv: true, body: undefined, register: { key, entry: null } });
      expect(writeRoutes.find((r) => r.key === `POST ${base}/:entryId/restore`)?.register, key).toEqual({ key, entry: "removed" });
      expect(writeRoutes.find((r) => r.key === `DELETE ${base}/:entryId`)?.register, key).toEqual({ key, entry: "live" });
    }
    expect(writeRoutes.find((r) => r.key.endsWith("/take-up"))?.register).toEqual({ key: "offers-asks", entry: "othersOffer" });
    expect(writeRoutes.find((r) => r.key.endsWith("/sign-ups"))?.register).toEqual({ key: "ways-of-working", entry: "live" });
    // Pressure events: a body with both ends of the period to create one, any of its fields to change one.
    const events = "/api/v1/partnerships/:partnershipId/pressure-events";
    expect(writeRoutes.find((r) => r.key === `POST ${events}`)?.body).toMatchObject({ required: expect.arrayContaining(["label", "startsOn", "endsOn"]), properties: { startsOn: { format: "date" }, endsOn: { format: "date" } } });
    expect(writeRoutes.find((r) => r.key === `PATCH ${events}/:eventId`)?.body?.properties).toMatchObject({ startsOn: { format: "date" }, endsOn: { format: "date" } });
    expect(writeRoutes.find((r) => r.key === `DELETE ${events}/:eventId`)?.params).toEqual(["partnershipId", "eventId"]);
    // Programmes: a name to create one, an email to add a lead, a join code to share with one, the name again to delete one.
    expect(writeRoutes.find((r) => r.key === "POST /api/v1/programmes")?.body?.properties).toHaveProperty("name");
    expect(writeRoutes.find((r) => r.key === "POST /api/v1/programmes/:programmeId/leads")?.body?.properties).toHaveProperty("email");
    expect(writeRoutes.find((r) => r.key === "POST /api/v1/partnerships/:partnershipId/programmes")?.body?.properties).toHaveProperty("joinCode");
    expect(writeRoutes.find((r) => r.key === "DELETE /api/v1/partnerships/:partnershipId/programmes/:programmeId")?.params).toEqual(["partnershipId", "programmeId"]);
    // Removing a lead names the lead in the path; deleting a programme takes its name as confirmation.
    expect(writeRoutes.find((r) => r.key === "DELETE /api/v1/programmes/:programmeId/leads/:userId")?.params).toEqual(["programmeId", "userId"]);
    expect(writeRoutes.find((r) => r.key === "DELETE /api/v1/programmes/:programmeId")?.body).toMatchObject({ required: ["confirm"], properties: { confirm: { type: "string" } } });
    expect(await tableNames(db())).toEqual(expect.arrayContaining(["users", "sessions", "api_tokens", "partnerships", "organisations", "people", "invitations", "audit_log", "instance", "register_entries", "register_versions"]));
  });

  it("notices a change in stored data (the snapshot is not blind)", async () => {
    const { f, before } = await ready();
    dirty = true;
    const res = await new TestClient(current.app, { cookie: f.session }).patch(`/api/v1/partnerships/${f.real["partnershipId"]}`, { purpose: "changed" });
    expect(res.status).toBe(200);
    expect(await snapshot(db())).not.toEqual(before);
  });

  // Plain loops rather than describe.each, whose titles would cut long paths short.
  for (const route of writeRoutes) describe(route.key, () => {
    useDatabaseOf(route);
    // A route that takes neither a body nor ids has little to vary (junk bodies are ignored; oversized ones get 413), and succeeds each time.
    const inert = !route.body && route.params.length === 0;
    const realNames = REAL_NAMES;

    it("as the convenor: never a 5xx; 4xx are problems that change nothing", { timeout: 120_000 }, async () => {
      // fast-check counts the examples among numRuns: add them, so every route also gets its random runs.
      const examples = examplePlans(route, realNames).map((p): [Plan] => [p]);
      await fc.assert(
        fc.asyncProperty(planFor(route, realNames), (plan) => check(route, plan, "convenor")),
        { numRuns: examples.length + (inert ? RUNS_INERT : route.csv ? RUNS_CSV_AS_CONVENOR : RUNS_AS_CONVENOR), examples },
      );
    });

    it(`anonymously: never a 5xx${route.needsSignIn ? ", never accepted" : ""}; 4xx are problems that change nothing`, { timeout: 120_000 }, async () => {
      await fc.assert(
        fc.asyncProperty(planFor(route, realNames), (plan) => check(route, plan, "anonymous")),
        route.needsSignIn
          ? { numRuns: inert ? RUNS_INERT : Math.ceil(RUNS_ANONYMOUS / 2) }
          : { numRuns: examplePlans(route, realNames).length + (inert ? RUNS_INERT : RUNS_ANONYMOUS), examples: examplePlans(route, realNames).map((p): [Plan] => [p]) },
      );
    });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The period of a pressure event: the random bodies above rarely hold two real days in the wrong order, and a change
// that moves one end past the other is only seen against the event as stored. Here both ends are drawn from real and
// unreal days, and the outcome is predicted exactly.

describe("pressure events: the period they cover", () => {
  let base = "";
  let eventId = "";
  /** The event as stored, for predicting what a change does. */
  let stored = { startsOn: "2026-01-01", endsOn: "2026-03-31" };
  let headers: Record<string, string> = {};
  const sendJson = (method: string, path: string, body: unknown) => send(method, path, JSON.stringify(body), headers);

  beforeAll(async () => {
    await emptyDatabase(routesCtx);
    current = routesCtx;
    const { secret } = await createSession(db(), convenor.userId);
    headers = { "content-type": "application/json", cookie: `${SESSION_COOKIE}=${secret}` };
    const p = await sendJson("POST", "/api/v1/partnerships", { name: "Fuzz pressure", purpose: "" });
    expect(p.status, p.text).toBe(201);
    base = `/api/v1/partnerships/${p.body.id}`;
    const e = await sendJson("POST", `${base}/pressure-events`, { label: "Fuzz pressure", ...stored });
    expect(e.status, e.text).toBe(201);
    eventId = e.body.id;
  });
  afterAll(() => {
    current = ctx;
  });

  /** The fields a 422 must name for a period, or none when it is real and in order. */
  function periodProblems(startsOn: string | undefined, endsOn: string | undefined, sent: { startsOn?: string; endsOn?: string }): string[] {
    const fields = [...(sent.startsOn !== undefined && startsOn === undefined ? ["startsOn"] : []), ...(sent.endsOn !== undefined && endsOn === undefined ? ["endsOn"] : [])];
    if (fields.length === 0 && startsOn !== undefined && endsOn !== undefined && startsOn > endsOn) fields.push("endsOn");
    return fields;
  }

  async function expectRefused(res: TestResponse, fields: string[], before: Record<string, string[]>, what: string): Promise<void> {
    expect(res.status, what).toBe(422);
    expect(res.headers.get("content-type") ?? "", what).toMatch(/^application\/problem\+json/);
    expect(res.body, what).toMatchObject({ status: 422, code: "validation_failed", detail: expect.any(String) });
    expect((res.body.errors as Array<{ path: string }>).map((e) => e.path), what).toEqual(expect.arrayContaining(fields));
    expect(await snapshot(db()), `stored data changed after a 422: ${what}`).toEqual(before);
  }

  it("recording one: a real period in order is stored as sent (trimmed); a bad day, or an end before the start, is a 422 naming it that stores nothing", { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(dayValue, dayValue, fc.constantFrom(...PRESSURE_KINDS), async (startsOn, endsOn, kind) => {
        const before = await snapshot(db());
        const res = await sendJson("POST", `${base}/pressure-events`, { label: "Fuzz event", kind, startsOn, endsOn });
        const [s, e] = [realDay(startsOn) ?? undefined, realDay(endsOn) ?? undefined];
        const fields = periodProblems(s, e, { startsOn, endsOn });
        const what = `POST pressure event ${JSON.stringify({ startsOn, endsOn })}, expected ${fields.length ? `422 naming ${fields.join(", ")}` : "201"}\n→ ${res.status} ${res.text.slice(0, 300)}`;
        expect(res.status, `server error: ${what}`).toBeLessThan(500);
        if (fields.length > 0) return expectRefused(res, fields, before, what);
        expect(res.status, what).toBe(201);
        expect(res.body, what).toMatchObject({ kind, startsOn: s, endsOn: e });
      }),
      { numRuns: 80, examples: [["2026-06-30", "2026-01-01", "other"], ["2026-01-01", "2026-01-01", "funding_cut"], [" 2026-01-01", "2026-01-02 ", "restructure"], ["2026-02-30", "2026-01-01", "other"]] },
    );
  });

  it("changing one: moving either end is checked against the other as stored (an end before the start is a 422 that changes nothing)", { timeout: 120_000 }, async () => {
    const change = fc.record({ startsOn: dayValue, endsOn: dayValue }, { requiredKeys: [] });
    await fc.assert(
      fc.asyncProperty(change, async (sent) => {
        const before = await snapshot(db());
        const res = await sendJson("PATCH", `${base}/pressure-events/${eventId}`, sent);
        const s = sent.startsOn !== undefined ? (realDay(sent.startsOn) ?? undefined) : stored.startsOn;
        const e = sent.endsOn !== undefined ? (realDay(sent.endsOn) ?? undefined) : stored.endsOn;
        const fields = periodProblems(s, e, sent);
        const what = `PATCH pressure event ${JSON.stringify(sent)} over ${JSON.stringify(stored)}, expected ${fields.length ? `422 naming ${fields.join(", ")}` : "200"}\n→ ${res.status} ${res.text.slice(0, 300)}`;
        expect(res.status, `server error: ${what}`).toBeLessThan(500);
        if (fields.length > 0) return expectRefused(res, fields, before, what);
        expect(res.status, what).toBe(200);
        expect(res.body, what).toMatchObject({ id: eventId, startsOn: s, endsOn: e });
        stored = { startsOn: s!, endsOn: e! };
        const listed = await send("GET", `${base}/pressure-events`, undefined, { cookie: headers["cookie"] ?? "" });
        expect(listed.body.items.find((i: { id: string }) => i.id === eventId), what).toMatchObject(stored);
      }),
      {
        numRuns: 80,
        // Past the stored end, before the stored start, both ends swapped, and nothing at all.
        examples: [[{ startsOn: "2026-04-01" }], [{ endsOn: "2025-12-31" }], [{ startsOn: "2026-03-31", endsOn: "2026-01-01" }], [{}]],
      },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Read routes with query strings: the register lists, the timeline, what needs attention and the measures as of a day,
// and the partnership's health (whole, and one organisation's) and board report over a period.
// Random query strings (known keys with good and bad values, unknown keys, repeats, broken percent-encoding, forged
// cursors) never give a 5xx; and paging through a list with its cursors gives exactly the list in one page.

interface QueryParam {
  name: string;
  schema: JsonSchema;
  required: boolean;
}

interface ReadRoute {
  template: string;
  query: QueryParam[];
  /** The register a list route lists. */
  register: RegisterKey | undefined;
}

/** The routes read over a period (`from`, `to`): the health pages and the board report. */
const PERIOD_PATH = /^\/api\/v1\/partnerships\/:partnershipId\/(health|health\/organisations\/:organisationId|report\.html|report\.pdf)$/;
const READ_PATH = /^\/api\/v1\/partnerships\/:partnershipId\/(registers\/([a-z-]+)|timeline|attention|kept-on-time|intentions-freshness)$/;
const readRoutes: ReadRoute[] = [...new Set(ctx.app.routes.filter((r) => r.method === "GET" && (READ_PATH.test(r.path) || PERIOD_PATH.test(r.path))).map((r) => r.path))].sort().map((template) => {
  const op = doc.paths[template.replace(/:(\w+)/g, "{$1}")]?.["get"] as { parameters?: Array<{ name: string; in: string; required?: boolean; schema?: JsonSchema }> } | undefined;
  const register = READ_PATH.exec(template)?.[2] as RegisterKey | undefined;
  return { template, register, query: (op?.parameters ?? []).filter((p) => p.in === "query").map((p) => ({ name: p.name, schema: resolve(p.schema) ?? {}, required: p.required === true })) };
});
const periodRoutes = readRoutes.filter((r) => PERIOD_PATH.test(r.template));

// Days for the period properties, with the rule they are held to written out here rather than imported.
const DAY_MS = 86_400_000;
const todayIso = () => new Date().toISOString().slice(0, 10);
const shiftDay = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
/** The day a value names, once surrounding white space is trimmed, when it is a real YYYY-MM-DD day in the years the API accepts; else null. */
function realDay(value: string): string | null {
  const t = value.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= FIRST_YEAR && y <= LAST_YEAR && date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? t : null;
}
const FIRST_DAY = Date.UTC(FIRST_YEAR, 0, 1);
const anyRealDay = fc.integer({ min: 0, max: (Date.UTC(LAST_YEAR, 11, 31) - FIRST_DAY) / DAY_MS }).map((n) => new Date(FIRST_DAY + n * DAY_MS).toISOString().slice(0, 10));
/** Mostly real days (near today, at the ends of the accepted years, anywhere between; some padded), else days that are not. */
const dayValue: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: anyRealDay, weight: 3 },
  { arbitrary: fc.constantFrom(`${FIRST_YEAR}-01-01`, `${LAST_YEAR}-12-31`, "2024-02-29", "2025-07-01", "2026-06-30", todayIso(), shiftDay(todayIso(), 1), shiftDay(todayIso(), -364)), weight: 3 },
  { arbitrary: fc.tuple(anyRealDay, fc.constantFrom(" ", "  ", "\t", "\n")).map(([d, pad]) => `${pad}${d}${pad}`), weight: 1 },
  {
    arbitrary: fc.constantFrom(
      "2026-02-30", "2023-02-29", "2100-02-29", `${FIRST_YEAR - 1}-12-31`, `${LAST_YEAR + 1}-01-01`, "0000-01-01", "0050-06-01", "9999-12-31", "+020000-01-01", "-002026-01-01",
      "2026-1-1", "20260101", "2026-13-01", "2026-00-10", "2026-01-32", "2026-01-01T00:00:00Z", "2026/01/01", "01/06/2026", "", " ", "today", "null", "2026-06-30\u0000", "\u0662\u0660\u0662\u0666-\u0660\u0661-\u0660\u0661",
    ),
    weight: 2,
  },
  { arbitrary: nastyString, weight: 1 },
);

const b64 = (v: unknown) => Buffer.from(typeof v === "string" ? v : JSON.stringify(v), "utf8").toString("base64url");
const forgedCursor = fc.oneof(
  fc.constantFrom(
    b64({ c: "9999-12-31", i: "" }),
    b64({ c: "", i: "zzz" }),
    b64({ c: 1, i: 2 }),
    b64({ c: null, i: null }),
    b64({ c: { a: 1 }, i: ["x"] }),
    b64({ c: "a\u0000b", i: "x" }),
    b64({ c: "\uD800", i: "x" }),
    b64({ c: "x".repeat(300), i: "y" }),
    b64({ c: "2026-01-01T00:00:00.000Z", i: "'; drop table register_entries; --" }),
    b64({ c: "%", i: "_" }),
    b64({}),
    b64([]),
    b64("null"),
    b64("not json"),
    "!!!",
    "====",
    "a".repeat(500),
    "a".repeat(501),
  ),
  fc.record({ c: fc.string({ maxLength: 30 }), i: fc.string({ maxLength: 30 }) }).map(b64),
  fc.string({ unit: "binary", maxLength: 40 }),
);

/** A value for a query parameter: one the schema accepts (real ids and cursors included), or one it may well refuse. */
function queryValue(p: QueryParam, route: ReadRoute): fc.Arbitrary<string> {
  const s = p.schema;
  const good: fc.Arbitrary<string>[] = [];
  if (s.enum) good.push(fc.constantFrom(...s.enum.filter((e) => e !== null).map(String)));
  if (s.type === "integer") good.push(fc.integer({ min: s.minimum ?? 0, max: s.maximum ?? 100 }).map(String));
  if (s.format === "date") good.push(fc.constantFrom("2026-01-01", "2026-06-30", "2024-02-29", "2099-12-31", "1970-01-01"));
  if (p.name === "organisationId") good.push(fc.constantFrom("@@organisationId@@", "@@otherOrganisationId@@"));
  if (p.name === "cursor") good.push(fc.constant("@@cursor@@"));
  if (p.name === "status" && route.register) {
    const def = REGISTERS[route.register];
    const field = def.fields.find((f) => f.name === def.statusField);
    if (field?.kind === "enum") good.push(fc.constantFrom(...field.values));
  }
  if (p.name === "q") good.push(fc.constantFrom("Alpha", "alpha", "%", "_", "\\", "Ün", "'", "a%b", ""));
  if (good.length === 0) good.push(fc.string({ unit: "grapheme-ascii", maxLength: 20 }));
  const bad: fc.Arbitrary<string>[] = [
    nastyString,
    fc.constantFrom("0", "-1", "201", "1e2", "1.5", "Infinity", "NaN", "0x10", " 5", "5 ", "2026-02-30", "0000-01-01", "9999-12-31", "+020000-01-01", "2026-13-01", "DESC", "Title", "include,only"),
  ];
  if (p.name === "cursor") bad.push(forgedCursor);
  return fc.oneof({ arbitrary: fc.oneof(...good), weight: 3 }, { arbitrary: fc.oneof(...bad), weight: 2 });
}

/** Percent-encodes as a browser would; a lone surrogate (which has no UTF-8) goes as the bytes of one, which are not UTF-8. */
const enc = (s: string) => (s.isWellFormed() ? encodeURIComponent(s) : encodeURIComponent(s.toWellFormed()).replace(/%EF%BF%BD/g, "%ED%A0%80"));

/** A query string: known keys with good or bad values, unknown keys, repeated keys, and raw (possibly broken) encoding. */
function queryString(route: ReadRoute): fc.Arbitrary<string> {
  const known = route.query.map((p) => fc.tuple(fc.constant(p.name), queryValue(p, route)));
  const unknown = fc.tuple(fc.oneof(fc.constantFrom("LIMIT", "limit[]", "__proto__", "constructor", "", "a b", "sort.order"), fc.string({ maxLength: 8 })), fc.string({ maxLength: 12 }));
  const pair = fc.oneof({ arbitrary: fc.oneof(...known), weight: 6 }, { arbitrary: unknown, weight: 1 });
  const rawPiece = fc.constantFrom("%", "%zz", "%E0%A4%A", "%00", "+", "&&", "=", "==", "limit", "limit=", "=5", "%FF", "%C0%AF", "%F0%9F%92%A5");
  const piece = fc.oneof(
    { arbitrary: fc.tuple(pair, fc.boolean()).map(([[k, v], plus]) => `${enc(k)}=${plus ? enc(v).replace(/%20/g, "+") : enc(v)}`), weight: 8 },
    { arbitrary: fc.tuple(pair, rawPiece).map(([[k], raw]) => `${enc(k)}=${raw}`), weight: 1 },
    { arbitrary: rawPiece, weight: 1 },
  );
  return fc.array(piece, { minLength: 0, maxLength: 6 }).map((pieces) => pieces.join("&"));
}

describe("bad query strings on read routes", () => {
  let reads: TestContext;
  let session = "";
  const real: Record<string, string> = {};
  const get = (path: string) => send("GET", path, undefined, { cookie: `${SESSION_COOKIE}=${session}` });
  /** The route's path with the fixture's ids in it. */
  const fillRead = (template: string) => template.replace(":partnershipId", real["partnershipId"] ?? "").replace(":organisationId", real["organisationId"] ?? "");

  beforeAll(async () => {
    reads = await createTestContext();
    await reads.handle.db.insertInto("users").values(convenorRow).execute();
    session = (await createSession(reads.handle.db, convenor.userId)).secret;
    current = reads;
    const c = new TestClient(reads.app, { cookie: session });
    const must = (res: TestResponse, what: string) => {
      if (res.status >= 300) throw new Error(`fixture step "${what}" failed: ${res.status} ${res.text}`);
      return res.body;
    };
    const p = must(await c.post("/api/v1/partnerships", { name: "Reads", purpose: "" }), "partnership");
    const base = `/api/v1/partnerships/${p.id}`;
    const o = must(await c.post(`${base}/organisations`, { name: "Fuzz Org", sector: "other" }), "organisation");
    const other = must(await c.post(`${base}/organisations`, { name: "Other Fuzz Org", sector: "education" }), "other organisation");
    Object.assign(real, { partnershipId: p.id, organisationId: o.id, otherOrganisationId: other.id });
    // Titles and dates with ties (equal, differing only in case, non-ASCII), one entry removed and one changed, in every register.
    const titles = ["Alpha", "alpha", "Beta", "Alpha", "Ünïcode ✓", "_under%score"];
    for (const key of REGISTER_KEYS) {
      const def = REGISTERS[key];
      const ids: string[] = [];
      for (const [n, title] of titles.entries()) {
        const body = registerBody(key, n % 2 ? other.id : o.id, title);
        for (const f of def.fields) if (f.kind === "date" && f.required) body[f.name] = n % 3 ? "2026-03-01" : `2026-0${n + 1}-15`;
        ids.push(must(await c.post(`${base}/registers/${key}`, body), `${key} ${title}`).id);
      }
      must(await c.request("DELETE", `${base}/registers/${key}/${ids[1]}`, undefined, await ifMatch(ids[1])), "remove");
      must(await c.patch(`${base}/registers/${key}/${ids[2]}`, { [def.titleField]: "Beta changed" }, await ifMatch(ids[2])), "change");
    }
    // A pressure event for the health pages and the report to show, whatever the period.
    must(await c.post(`${base}/pressure-events`, { label: "Fuzz winter", kind: "winter_pressures", startsOn: "2025-12-01", endsOn: "2026-02-28" }), "pressure event");
    for (const route of readRoutes) {
      const path = fillRead(route.template);
      const page = await get(`${path}?limit=1`);
      if (page.body?.nextCursor) real[`cursor ${route.template}`] = page.body.nextCursor;
    }
  });
  afterAll(async () => {
    current = ctx;
    await reads?.close();
  });

  it("finds the read routes and their query parameters", () => {
    expect(readRoutes.map((r) => r.template)).toEqual(expect.arrayContaining(["/api/v1/partnerships/:partnershipId/timeline", "/api/v1/partnerships/:partnershipId/attention", ...REGISTER_KEYS.map((k) => `/api/v1/partnerships/:partnershipId/registers/${k}`)]));
    expect(readRoutes.find((r) => r.register === "commitments")?.query.map((q) => q.name)).toEqual(expect.arrayContaining(["status", "organisationId", "q", "deleted", "sort", "order", "limit", "cursor"]));
    expect(Object.keys(real).filter((k) => k.startsWith("cursor ")).length).toBeGreaterThanOrEqual(REGISTER_KEYS.length + 1);
    // The health pages and the board report, each with an optional period.
    const period = ["/health", "/health/organisations/:organisationId", "/report.html", "/report.pdf"].map((p) => `/api/v1/partnerships/:partnershipId${p}`);
    expect(periodRoutes.map((r) => r.template).sort()).toEqual(period.sort());
    for (const route of periodRoutes) expect(route.query.filter((q) => q.name === "from" || q.name === "to").map((q) => ({ name: q.name, format: q.schema.format })), route.template).toEqual([{ name: "from", format: "date" }, { name: "to", format: "date" }]);
  });

  it("answers for entries dated in any year the date fields accept, and for any day asked about", async () => {
    const c = new TestClient(reads.app, { cookie: session });
    const base = `/api/v1/partnerships/${real["partnershipId"]}`;
    const problems: string[] = [];
    for (const asOf of ["0000-01-01", "0001-01-01", "0099-12-31", "0100-01-01", "9999-12-31"]) {
      for (const view of ["attention", "kept-on-time", "intentions-freshness"]) {
        const res = await get(`${base}/${view}?asOf=${asOf}`);
        if (res.status !== 200 && res.status !== 422) problems.push(`GET ${view}?asOf=${asOf} → ${res.status} ${res.text.slice(0, 120)}`);
      }
    }
    // The date fields take the first and last days of the years they accept (201), so every view must then cope with them;
    // earlier years are refused by the one rule for days.
    const early = [
      await c.post(`${base}/registers/commitments`, { title: "Early commitment", organisationId: real["organisationId"], dueOn: `${FIRST_YEAR}-01-01` }),
      await c.post(`${base}/registers/intentions`, { title: "Late intentions", organisationId: real["organisationId"], statedOn: `${LAST_YEAR}-12-31` }),
      await c.post(`${base}/registers/actions`, { title: "Early action", ownerOrganisationId: real["organisationId"], dueOn: `${FIRST_YEAR}-06-30` }),
    ];
    for (const res of early) if (res.status !== 201) problems.push(`POST a day in ${FIRST_YEAR}–${LAST_YEAR} → ${res.status} ${res.text.slice(0, 120)}`);
    const before = await c.post(`${base}/registers/commitments`, { title: "Too early", organisationId: real["organisationId"], dueOn: "0050-06-01" });
    if (before.status !== 422) problems.push(`POST a day in year 0050 → ${before.status} ${before.text.slice(0, 120)}`);
    for (const view of DERIVED_VIEWS) {
      const res = await get(`${base}/${view}`);
      if (res.status !== 200) problems.push(`GET ${view} with entries dated in ${FIRST_YEAR} and ${LAST_YEAR} → ${res.status} ${res.text.slice(0, 120)}`);
    }
    // Leave the fixture as the properties below expect it.
    for (const res of early) if (res.status === 201) await c.request("DELETE", `${base}/registers/${res.body.register}/${res.body.id}`, undefined, await ifMatch(res.body.id));
    expect(problems).toEqual([]);
  });

  for (const route of readRoutes) {
    it(`${route.template}: never a 5xx; refusals are problems`, { timeout: 60_000 }, async () => {
      await fc.assert(
        fc.asyncProperty(queryString(route), async (qs) => {
          const query = qs.replace(/(?:@@|%40%40)(\w+)(?:@@|%40%40)/g, (marker, name: string) => {
            const value = real[name === "cursor" ? `cursor ${route.template}` : name];
            return value === undefined ? marker : encodeURIComponent(value);
          });
          const path = `${fillRead(route.template)}?${query}`;
          const res = await get(path);
          const what = `GET ${path}\n→ ${res.status} ${res.text.slice(0, 400)}`;
          expect(res.status, `server error: ${what}`).toBeLessThan(500);
          if (res.status >= 400) {
            expect(res.headers.get("content-type") ?? "", what).toMatch(/^application\/problem\+json/);
            expect(res.body, what).toMatchObject({ status: res.status, code: expect.any(String), detail: expect.any(String) });
            if (res.status === 422) expect(Array.isArray(res.body.errors) && res.body.errors.length > 0, what).toBe(true);
          } else {
            expect(res.status, what).toBe(200);
            expectAnswer(route, res, what);
          }
        }),
        { numRuns: 60 },
      );
    });
  }

  /** A 200 is the page the route promises: JSON for the lists and the health pages, an HTML document or a PDF for the report. */
  function expectAnswer(route: ReadRoute, res: TestResponse, what: string): void {
    const type = res.headers.get("content-type") ?? "";
    if (route.template.endsWith(".html")) {
      expect(type, what).toMatch(/^text\/html/);
      expect(res.text, what).toMatch(/^<!doctype html>/i);
    } else if (route.template.endsWith(".pdf")) {
      expect(type, what).toMatch(/^application\/pdf/);
      expect(res.text.startsWith("%PDF-"), what).toBe(true);
    } else {
      expect(type, what).toMatch(/^application\/json/);
      expect(typeof res.body, what).toBe("object");
    }
  }

  /**
   * What a period query must get: each end given must be a real day (surrounding spaces trimmed), else 422 naming it;
   * a missing end defaults (`to` to today, `from` to 364 days before `to`), and a period ending before it starts —
   * given so, or so by default — is a 422 naming `to`.
   */
  function expectedPeriod(route: ReadRoute, from: string | undefined, to: string | undefined): { from: string; to: string } | { fields: string[] } {
    const required = (name: string) => route.query.some((q) => q.name === name && q.required);
    const bad = (["from", "to"] as const).filter((name) => {
      const v = name === "from" ? from : to;
      return v === undefined ? required(name) : realDay(v) === null;
    });
    if (bad.length > 0) return { fields: bad };
    const end = to !== undefined ? realDay(to)! : todayIso();
    const start = from !== undefined ? realDay(from)! : shiftDay(end, -364);
    return start <= end ? { from: start, to: end } : { fields: ["to"] };
  }

  for (const route of periodRoutes) {
    it(`${route.template}: a real period is answered for it; bad days and periods ending before they start are 422 naming the day, never a 5xx`, { timeout: 120_000 }, async () => {
      const end = fc.option(dayValue, { nil: undefined, freq: 6 });
      await fc.assert(
        fc.asyncProperty(end, end, async (from, to) => {
          const query = [from !== undefined ? `from=${enc(from)}` : "", to !== undefined ? `to=${enc(to)}` : ""].filter((x) => x !== "").join("&");
          const path = `${fillRead(route.template)}?${query}`;
          const res = await get(path);
          const expected = expectedPeriod(route, from, to);
          const what = `GET ${path} (from ${JSON.stringify(from)}, to ${JSON.stringify(to)}; expected ${JSON.stringify(expected)})\n→ ${res.status} ${res.text.slice(0, 400)}`;
          expect(res.status, `server error: ${what}`).toBeLessThan(500);
          if ("fields" in expected) {
            expect(res.status, what).toBe(422);
            expect(res.headers.get("content-type") ?? "", what).toMatch(/^application\/problem\+json/);
            expect(res.body, what).toMatchObject({ status: 422, code: "validation_failed", detail: expect.any(String) });
            expect((res.body.errors as Array<{ path: string }>).map((e) => e.path), what).toEqual(expect.arrayContaining(expected.fields));
          } else {
            expect(res.status, what).toBe(200);
            expectAnswer(route, res, what);
            // The JSON pages say which period they cover: exactly the one asked for, defaults filled in.
            if (route.template.endsWith("/health")) expect(res.body.period, what).toEqual(expected);
            if (route.template.includes("/health/organisations/")) expect(res.body.health.period, what).toEqual(expected);
          }
        }),
        {
          numRuns: 40,
          examples: [
            [undefined, undefined],
            ["2026-06-30", "2026-01-01"],
            ["2026-01-01", "2026-01-01"],
            [shiftDay(todayIso(), 1), undefined],
            [undefined, `${FIRST_YEAR}-01-01`],
            [`${FIRST_YEAR}-01-01`, `${LAST_YEAR}-12-31`],
            ["2026-02-30", "2026-06-30"],
            ["", ""],
          ],
        },
      );
    });
  }

  const pageable = readRoutes.filter((r) => r.query.some((q) => q.name === "cursor"));
  for (const route of pageable) {
    it(`${route.template}: paging with the cursors gives the same items as one page, each once`, { timeout: 60_000 }, async () => {
      const param = (name: string) => route.query.find((q) => q.name === name)?.schema.enum?.filter((e) => e !== null).map(String);
      const choice = (name: string) => {
        const values = param(name);
        return values ? fc.option(fc.constantFrom(...values), { nil: undefined }) : fc.constant(undefined);
      };
      const filters = fc.record({
        sort: choice("sort"),
        order: choice("order"),
        deleted: choice("deleted"),
        register: choice("register"),
        organisationId: route.query.some((q) => q.name === "organisationId") ? fc.option(fc.constantFrom(real["organisationId"]!, real["otherOrganisationId"]!), { nil: undefined }) : fc.constant(undefined),
        q: route.query.some((q) => q.name === "q") ? fc.option(fc.constantFrom("alpha", "a", "%", "_"), { nil: undefined }) : fc.constant(undefined),
      });
      await fc.assert(
        fc.asyncProperty(filters, fc.integer({ min: 1, max: route.register ? 3 : 25 }), async (f, limit) => {
          const base = route.template.replace(":partnershipId", real["partnershipId"] ?? "");
          const params = Object.entries(f).filter((e): e is [string, string] => e[1] !== undefined);
          const qs = (extra: Record<string, string>) => new URLSearchParams([...params, ...Object.entries(extra)]).toString();
          const whole = await get(`${base}?${qs({ limit: "200" })}`);
          expect(whole.status, whole.text).toBe(200);
          expect(whole.body.nextCursor, "one page of 200 holds everything here").toBeNull();
          const seen: string[] = [];
          let cursor: string | null = null;
          for (let pages = 0; pages <= whole.body.items.length; pages++) {
            const page: TestResponse = await get(`${base}?${qs({ limit: String(limit), ...(cursor ? { cursor } : {}) })}`);
            expect(page.status, page.text).toBe(200);
            expect(page.body.items.length).toBeLessThanOrEqual(limit);
            seen.push(...page.body.items.map((i: { id: string }) => i.id));
            cursor = page.body.nextCursor;
            if (!cursor) break;
          }
          expect(cursor, "paging did not end").toBeNull();
          expect(seen, `paged ${base}?${qs({ limit: String(limit) })}`).toEqual(whole.body.items.map((i: { id: string }) => i.id));
        }),
        { numRuns: route.register ? 25 : 10 },
      );
    });
  }
});
