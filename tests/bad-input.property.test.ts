// Property test: generated bad input on every write route never gives a 5xx, always a problem+json 4xx, and never changes stored data.
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

// Created at load time: the routes to test are read from the app itself, so a new write route is covered with no edit here.
// Each route then gets a database of its own (see `useDatabaseOf`), which keeps the before/after snapshots small.
const ctx = await createTestContext();
afterAll(() => ctx.close());
const convenor = await ctx.user("Convenor");
const convenorRow = await ctx.handle.db.selectFrom("users").selectAll().where("id", "=", convenor.userId).executeTakeFirstOrThrow();

let current: TestContext = ctx;
const db = (): Db => current.handle.db;

const RUNS_AS_CONVENOR = 40;
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
  $ref?: string;
}

interface WriteRoute {
  key: string;
  method: string;
  template: string;
  params: string[];
  /** The JSON body schema (resolved), or undefined when the route takes no body. */
  body: JsonSchema | undefined;
  /** False when the OpenAPI operation declares no security (setup, sign-in/out, invitations). */
  needsSignIn: boolean;
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
    const properties = body?.properties ? Object.fromEntries(Object.entries(body.properties).map(([k, v]) => [k, resolve(v) ?? {}])) : undefined;
    return {
      key,
      method,
      template,
      params: [...template.matchAll(/:(\w+)/g)].map((m) => m[1] ?? ""),
      body: body ? { ...body, ...(properties ? { properties } : {}) } : undefined,
      // An undocumented route is assumed to need sign-in: the stricter assumption.
      needsSignIn: op === undefined || (op.security?.length ?? 0) > 0,
    };
  });

// ---------------------------------------------------------------------------------------------------------------
// Fixture: a convenor with a partnership, an organisation, a person with an open invitation, and an API token.
// Rebuilt whenever a generated request happened to be valid and changed something.

interface Fixture {
  session: string;
  real: Record<string, string>;
}

/** A database per route, all made at once (migrations run in parallel), each holding the same convenor account (copied, so no second password hash). */
const databases = new Map<string, Promise<TestContext>>(
  writeRoutes.map((r) => [
    r.key,
    createTestContext().then(async (c) => {
      await c.handle.db.insertInto("users").values(convenorRow).execute();
      return c;
    }),
  ]),
);
afterAll(async () => {
  await Promise.all([...databases.values()].map(async (c) => (await c).close()));
});

function useDatabaseOf(route: WriteRoute): void {
  beforeAll(async () => {
    current = (await databases.get(route.key)) ?? ctx;
    fixture = undefined;
    stored = undefined;
    dirty = true;
  });
  afterAll(() => {
    current = ctx;
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
  const person = must(await c.post(`${base}/people`, { name: "Fuzz Person", email: `fuzz.${tag}@example.org`, role: "member", organisationId: o.id }), "person");
  const inv = must(await c.request("POST", `${base}/people/${person.id}/invitations`), "invitation");
  const token = await createApiToken(db(), convenor.userId, "fuzz");
  const waveBody = { instrumentKey: "pulse", opensOn: "2026-01-01", closesOn: "2099-12-31" };
  const wave = must(await c.post(`${base}/waves`, { ...waveBody, name: "Fuzz wave" }), "wave");
  must(await c.post(`${base}/waves/${wave.id}/open`), "open wave");
  const links = must(await c.post(`${base}/waves/${wave.id}/links`, { personIds: [person.id] }), "links");
  const other = must(await c.post(`${base}/waves`, { ...waveBody, name: "Other fuzz wave" }), "other wave");
  return {
    session: secret,
    real: {
      partnershipId: p.id, organisationId: o.id, personId: person.id, tokenId: token.id, token: String(inv.url).split("/invite/")[1] ?? "",
      waveId: wave.id, otherWaveId: other.id, linkToken: String(links.links[0]?.url ?? "").split("/respond/")[1] ?? "",
    },
  };
}

/** Every table's rows as sorted JSON (rate-limit counters and api_tokens.last_used_at aside); works on SQLite and PostgreSQL. */
async function tableNames(db: Db): Promise<string[]> {
  const res =
    testDialect === "sqlite"
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
  return res.rows.map((r) => r.name).filter((n) => n !== "rate_limits").sort();
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
  | { kind: "deep"; depth: number; shape: "array" | "object" | "field" };

interface Plan {
  params: Record<string, ParamPlan>;
  body: BodyPlan;
}

const JSON_TYPES = ["application/json", "application/json; charset=utf-8", "APPLICATION/JSON", "application/merge-patch+json"];
const NOT_JSON_TYPES = ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz", "application/xml", "application/jsonx", "text/json"];

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
  if (types.includes("string")) {
    const min = Math.max(schema.minLength ?? 1, 1);
    const max = Math.max(schema.maxLength ?? 40, min);
    return fc.string({ unit: "grapheme-ascii", minLength: min, maxLength: Math.min(max, min + 30) }).map((s) => s.trim().padEnd(min, "v"));
  }
  if (types.includes("integer") || types.includes("number")) return fc.integer({ min: 0, max: 10 });
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

function bodyPlan(route: WriteRoute, realNames: readonly string[]): fc.Arbitrary<BodyPlan> {
  const jsonType = fc.oneof({ arbitrary: fc.constant("application/json"), weight: 6 }, { arbitrary: fc.constantFrom(...JSON_TYPES), weight: 1 });
  const anyType = fc.oneof({ arbitrary: jsonType, weight: 8 }, { arbitrary: fc.constantFrom<string | null>(null, ...NOT_JSON_TYPES), weight: 1 });
  const notAnObject = fc.oneof(fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }), fc.constant(null), fc.integer(), fc.double(), fc.string({ unit: "binary", maxLength: 20 }), fc.boolean());
  return fc.oneof(
    { arbitrary: fc.record({ kind: fc.constant("json" as const), value: objectBody(route.body, realNames), contentType: anyType }), weight: 10 },
    { arbitrary: fc.record({ kind: fc.constant("json" as const), value: notAnObject, contentType: jsonType }), weight: 2 },
    { arbitrary: fc.record({ kind: fc.constant("raw" as const), text: malformedJson, contentType: jsonType }), weight: 2 },
    { arbitrary: fc.record({ kind: fc.constant("none" as const) }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant("huge" as const), bytes: fc.integer({ min: MAX_BODY_BYTES + 1, max: 3 * MAX_BODY_BYTES }), withContentLength: fc.boolean() }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant("deep" as const), depth: fc.integer({ min: 50, max: 9000 }), shape: fc.constantFrom("array" as const, "object" as const, "field" as const) }), weight: 1 },
  );
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
      route.params.map((p) => [p, fc.oneof({ arbitrary: fc.constant({ real: true as const }), weight: route.body ? 3 : 1 }, { arbitrary: randomSegment.map((segment) => ({ segment })), weight: route.body ? 2 : 3 })]),
    ) as Record<string, fc.Arbitrary<ParamPlan>>,
  );
  return fc.record({ params, body: bodyPlan(route, realNames) });
}

/** Edge values tried on every field of every body, and edge segments on every path parameter, before the random runs. */
const EDGE_VALUES: unknown[] = ["", " ", "a\u0000b", null, 0, [], { nested: true }];
const EDGE_SEGMENTS = ["%00", "x".repeat(65), "%zz", "00000000-0000-4000-8000-000000000000"];

/** A valid example body for the schema: every field, each with a plain acceptable value. */
function exampleObject(schema: JsonSchema | undefined, realNames: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, p] of Object.entries(schema?.properties ?? {})) {
    const types = Array.isArray(p.type) ? p.type : p.type ? [p.type] : [];
    if (realNames.includes(k)) out[k] = REAL(k);
    else if (p.enum && p.enum.length > 0) out[k] = p.enum[p.enum.length - 1];
    else if (p.format === "email") out[k] = "edge.case@example.org";
    else if (types.includes("string")) out[k] = "v".repeat(Math.max(p.minLength ?? 1, 12));
    else if (types.includes("integer") || types.includes("number")) out[k] = 1;
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
    plans.push({ params: real, body: { kind: "json", value: base, contentType: "text/plain" } });
  }
  plans.push({ params: real, body: { kind: "huge", bytes: MAX_BODY_BYTES + 1, withContentLength: false } });
  for (const p of route.params) {
    for (const segment of EDGE_SEGMENTS) plans.push({ params: { ...real, [p]: { segment } }, body: route.body ? { kind: "json", value: base, contentType: "application/json" } : { kind: "none" } });
  }
  return plans;
}

// ---------------------------------------------------------------------------------------------------------------
// Sending a plan, and what must hold.

function encodeBody(plan: BodyPlan, f: Fixture): { text?: string; headers: Record<string, string> } {
  const real = (_k: string, v: unknown) => {
    const m = typeof v === "string" ? REAL_PATTERN.exec(v) : null;
    return m ? (f.real[m[1] ?? ""] ?? v) : v;
  };
  switch (plan.kind) {
    case "none":
      return { headers: {} };
    case "json":
      return { text: JSON.stringify(plan.value, real) ?? "null", headers: plan.contentType ? { "content-type": plan.contentType } : {} };
    case "raw":
      return { text: plan.text, headers: plan.contentType ? { "content-type": plan.contentType } : {} };
    case "huge": {
      const text = JSON.stringify({ name: "h".repeat(plan.bytes) });
      return { text, headers: { "content-type": "application/json", ...(plan.withContentLength ? { "content-length": String(Buffer.byteLength(text)) } : {}) } };
    }
    case "deep": {
      const d = plan.depth;
      const text = plan.shape === "array" ? "[".repeat(d) + "]".repeat(d) : plan.shape === "object" ? '{"a":'.repeat(d) + "1" + "}".repeat(d) : `{"name":${"[".repeat(d)}${"]".repeat(d)}}`;
      return { text, headers: { "content-type": "application/json" } };
    }
  }
}

/** Sends exactly these headers and bytes (TestClient would add a content-type of its own). */
async function send(method: string, path: string, body: string | undefined, headers: Record<string, string>): Promise<TestResponse> {
  const res = await current.app.request(`${ORIGIN}${path}`, { method, headers: { origin: ORIGIN, ...headers }, ...(body !== undefined ? { body } : {}) });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: res.status, headers: res.headers, body: parsed, text };
}

function isJsonType(contentType: string | null): boolean {
  return contentType !== null && JSON_TYPES.includes(contentType);
}

/** The status the plan must get, when it is fully determined by the input alone (real ids, a route with a body). */
function determinedStatus(route: WriteRoute, plan: Plan): number | undefined {
  const b = plan.body;
  // The body limit applies to every /api/v1 request before routing, with or without a content-length.
  if (b.kind === "huge") return 413;
  const realParams = Object.values(plan.params).every((p) => "real" in p);
  if (!realParams || !route.body) return undefined;
  if (b.kind === "deep") return 422;
  if ((b.kind === "json" || b.kind === "raw") && !isJsonType(b.contentType)) return 415;
  if (b.kind === "raw") return 400;
  if (b.kind === "json" && (b.value === null || typeof b.value !== "object" || Array.isArray(b.value))) return 422;
  if (b.kind === "json" && Object.keys(b.value as object).some((k) => !Object.hasOwn(route.body?.properties ?? {}, k))) return 422;
  return undefined;
}

async function check(route: WriteRoute, plan: Plan, as: "convenor" | "anonymous"): Promise<void> {
  const { f, before } = await ready();
  let path = route.template;
  for (const name of route.params) {
    const p = plan.params[name];
    if (!p) throw new Error(`no plan for :${name}`);
    const realValue = f.real[name];
    if ("real" in p && realValue === undefined) throw new Error(`The fixture has no real value for :${name}; add one to buildFixture().`);
    path = path.replace(`:${name}`, "real" in p ? encodeURIComponent(realValue ?? "") : p.segment);
  }
  const { text, headers } = encodeBody(plan.body, f);
  dirty = true;
  const res = await send(route.method, path, text, { ...headers, ...(as === "convenor" ? { cookie: `${SESSION_COOKIE}=${f.session}` } : {}) });
  const what = `${route.method} ${path} as ${as}, content-type ${headers["content-type"] ?? "(none)"}, body ${text === undefined ? "(none)" : JSON.stringify(text.slice(0, 200))}${(text?.length ?? 0) > 200 ? `… (${text?.length} chars)` : ""}\n→ ${res.status} ${res.text.slice(0, 400)}`;

  expect(res.status, `server error: ${what}`).toBeLessThan(500);

  const expected = determinedStatus(route, plan);
  if (expected !== undefined) expect(res.status, what).toBe(expected);
  if (as === "anonymous" && route.needsSignIn) expect(res.status, `anonymous request accepted: ${what}`).toBeGreaterThanOrEqual(400);

  if (res.status < 400) return; // A generated body that happens to be valid may change data: renew the fixture next run.

  expect(res.headers.get("content-type") ?? "", what).toMatch(/^application\/problem\+json/);
  expect(res.body, what).toMatchObject({ status: res.status, code: expect.any(String), detail: expect.any(String) });

  if (res.status === 422) {
    const errors: unknown = res.body.errors;
    expect(Array.isArray(errors) && errors.length > 0, `422 without an errors list: ${what}`).toBe(true);
    const sent = plan.body.kind === "json" && plan.body.value !== null && typeof plan.body.value === "object" && !Array.isArray(plan.body.value) ? Object.keys(plan.body.value) : [];
    const nameable = new Set(["(body)", "idempotency-key", ...route.params, ...Object.keys(route.body?.properties ?? {}), ...sent, ...(plan.body.kind === "deep" ? ["a", "name"] : [])]);
    for (const e of errors as Array<{ path?: unknown; message?: unknown }>) {
      expect(typeof e.path === "string" && typeof e.message === "string", `malformed entry in errors: ${what}`).toBe(true);
      const path = String(e.path);
      expect(nameable.has(path) || nameable.has(path.split(".")[0] ?? ""), `errors names "${path}", which is no field of this request: ${what}`).toBe(true);
    }
    // Unknown fields are named, each of them, when the body was read at all.
    const unknown = sent.filter((k) => !Object.hasOwn(route.body?.properties ?? {}, k));
    if (expected === 422 && unknown.length > 0) {
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
    expect(await tableNames(db())).toEqual(expect.arrayContaining(["users", "sessions", "api_tokens", "partnerships", "organisations", "people", "invitations", "audit_log", "instance"]));
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
    const realNames = ["partnershipId", "organisationId", "personId", "tokenId", "token"];

    it("as the convenor: never a 5xx; 4xx are problems that change nothing", { timeout: 120_000 }, async () => {
      await fc.assert(
        fc.asyncProperty(planFor(route, realNames), (plan) => check(route, plan, "convenor")),
        { numRuns: inert ? RUNS_INERT : RUNS_AS_CONVENOR, examples: examplePlans(route, realNames).map((p) => [p]) },
      );
    });

    it(`anonymously: never a 5xx${route.needsSignIn ? ", never accepted" : ""}; 4xx are problems that change nothing`, { timeout: 120_000 }, async () => {
      await fc.assert(
        fc.asyncProperty(planFor(route, realNames), (plan) => check(route, plan, "anonymous")),
        { numRuns: inert ? RUNS_INERT : route.needsSignIn ? Math.ceil(RUNS_ANONYMOUS / 2) : RUNS_ANONYMOUS, ...(route.needsSignIn ? {} : { examples: examplePlans(route, realNames).map((p) => [p]) }) },
      );
    });
  });
});
