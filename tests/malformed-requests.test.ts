// Through a real Node server, the malformed requests an attacker showed were accepted — bodies without (or with the wrong) content type, bytes that are not UTF-8, spoofing characters in names, CSV columns named twice or by the 100,000, out-of-range dates, a Host header choosing emailed links — each now a clear 4xx that writes nothing.
import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../src/accounts/sessions.ts";
import { MAX_LISTED_PROBLEMS } from "../src/http/problem.ts";
import { MAIL_ON, ORIGIN, createTestContext, type TestClient, type TestContext } from "../src/testing/test-app.ts";

let ctx: TestContext;
let server: ServerType;
let base: string;
let cookie: string;
let convenor: TestClient;
let p: string;
let org: string;
let people: string[];
let waveId: string;
let draftWaveId: string;

const TABLES = ["partnerships", "organisations", "people", "invitations", "waves", "wave_participants", "register_entries", "register_versions", "audit_log", "programmes", "users"];

/** Every row of the tables a write could touch, so "nothing written" is checked, not assumed. */
async function stored(): Promise<string> {
  const out: Record<string, unknown[]> = {};
  for (const t of TABLES) out[t] = (await sql<Record<string, unknown>>`select * from ${sql.table(t)} order by id`.execute(ctx.handle.db)).rows;
  return JSON.stringify(out);
}

interface Answer {
  status: number;
  type: string;
  text: string;
  body: { code?: string; detail?: string; errors?: { path: string; message: string }[] } & Record<string, unknown>;
}

/** Sends exactly these bytes and headers (no content-type unless given) to the real server, signed in as the convenor. */
async function send(method: string, path: string, body: string | Uint8Array | undefined, headers: Record<string, string> = {}): Promise<Answer> {
  const bytes = typeof body === "string" ? new TextEncoder().encode(body) : body;
  const res = await fetch(`${base}${path}`, { method, headers: { origin: base, cookie: `${SESSION_COOKIE}=${cookie}`, ...headers }, ...(bytes ? { body: bytes } : {}) });
  const text = await res.text();
  let parsed: Answer["body"] = {};
  try {
    parsed = JSON.parse(text) as Answer["body"];
  } catch {
    // not JSON
  }
  return { status: res.status, type: res.headers.get("content-type") ?? "", text, body: parsed };
}

/** The request is refused with `status` as problem+json, and nothing stored changed. */
async function refused(status: number, request: () => Promise<Answer>): Promise<Answer> {
  const before = await stored();
  const res = await request();
  expect(res.status, res.text).toBe(status);
  expect(res.type).toMatch(/^application\/problem\+json/);
  expect(await stored(), `stored data changed after ${res.status}: ${res.text.slice(0, 300)}`).toBe(before);
  return res;
}

const JSON_TYPE = { "content-type": "application/json" };
const CSV_TYPE = { "content-type": "text/csv" };
const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((x) => (typeof x === "string" ? [...new TextEncoder().encode(x)] : x)));

beforeAll(async () => {
  ctx = await createTestContext();
  server = serve({ fetch: ctx.app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise((r) => server.once("listening", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const me = await ctx.user("Convenor");
  convenor = me.client;
  cookie = me.client.cookie!;
  p = `/api/v1/partnerships/${(await convenor.post("/api/v1/partnerships", { name: "Riverside", purpose: "Care" })).body.id}`;
  org = (await convenor.post(`${p}/organisations`, { name: "Fuzz Org", sector: "nhs_trust" })).body.id;
  people = [];
  for (const n of ["Ann", "Bo", "Cy"]) people.push((await convenor.post(`${p}/people`, { name: n, email: `${n.toLowerCase()}@example.org`, role: "member", organisationId: org })).body.id);
  const wave = { instrumentKey: "pulse", opensOn: "2026-01-01", closesOn: "2099-12-31" };
  waveId = (await convenor.post(`${p}/waves`, { ...wave, name: "Open wave" })).body.id;
  expect((await convenor.post(`${p}/waves/${waveId}/open`)).status).toBe(200);
  draftWaveId = (await convenor.post(`${p}/waves`, { ...wave, name: "Draft wave" })).body.id;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await ctx.close();
});

describe("a JSON body must say it is JSON", () => {
  it("refuses links for one person sent without a content type (once read as {}: links for everyone), then issues them when typed", async () => {
    const one = JSON.stringify({ personIds: [people[0]] });
    for (const headers of [{}, { "content-type": "text/plain" }, { "content-type": "application/x-www-form-urlencoded" }, { "content-type": "multipart/form-data; boundary=x" }] as Record<string, string>[]) {
      const res = await refused(415, () => send("POST", `${p}/waves/${waveId}/links`, one, headers));
      expect(res.body.detail).toMatch(/Send JSON with content-type application\/json/);
    }
    const ok = await send("POST", `${p}/waves/${waveId}/links`, one, JSON_TYPE);
    expect(ok.status, ok.text).toBe(201);
    expect((ok.body["links"] as { personId: string }[]).map((l) => l.personId)).toEqual([people[0]]);
  });

  it("refuses a PATCH whose body is not typed as JSON, or is JSON in another charset, instead of answering 200 unchanged", async () => {
    for (const headers of [{}, { "content-type": "text/plain;charset=UTF-8" }, { "content-type": "application/jsonx" }, { "content-type": "application/json; charset=latin1" }] as Record<string, string>[]) {
      await refused(415, () => send("PATCH", p, JSON.stringify({ name: "Hijacked" }), headers));
    }
    expect((await send("PATCH", p, JSON.stringify({ purpose: "Care, typed" }), { "content-type": "application/merge-patch+json" })).status).toBe(200);
  });

  it("accepts an empty body with no content type on a route that takes none, and refuses fields sent to it, naming each", async () => {
    const path = `${p}/people/${people[1]}/invitations`;
    const res = await refused(422, () => send("POST", path, JSON.stringify({ email: "attacker@example.net" }), JSON_TYPE));
    expect(res.body.errors).toEqual([{ path: "email", message: expect.stringMatching(/Unknown field “email”; this request takes no body/) }]);
    await refused(422, () => send("POST", path, "[1]", JSON_TYPE));
    await refused(400, () => send("POST", path, "{", JSON_TYPE));
    await refused(415, () => send("POST", path, "email=attacker@example.net", { "content-type": "application/x-www-form-urlencoded" }));
    expect((await send("POST", path, undefined)).status).toBe(201);
    expect((await send("POST", `${p}/people/${people[2]}/invitations`, "{}", JSON_TYPE)).status).toBe(201);
  });
});

describe("bytes that are not UTF-8", () => {
  it("in JSON: 400 saying where, never stored as U+FFFD", async () => {
    const res = await refused(400, () => send("PATCH", p, bytes('{"name":"Caf', [0xe9], '"}'), JSON_TYPE));
    expect(res.body.detail).toMatch(/not valid UTF-8: the byte 0xE9 at line 1, character 13/);
    await refused(400, () => send("POST", `${p}/organisations`, bytes('{"name":"', [0xc0, 0xaf], '","sector":"nhs_trust"}'), JSON_TYPE));
  });

  it("in a CSV file: 422 naming the line, the column and how to save as UTF-8; a byte-order mark is fine", async () => {
    const res = await refused(422, () => send("POST", `${p}/registers/priorities/import`, bytes("title,description\r\nFirst,fine\r\nCaf", [0xe9], " meeting,x\r\n"), CSV_TYPE));
    expect(res.body.errors).toEqual([{ path: "line 3", message: expect.stringMatching(/line 3, column 1 \(“title”\), character 4 the byte 0xE9 is not UTF-8.*Windows-1252.*UTF-8/) }]);
    const ok = await send("POST", `${p}/registers/priorities/import`, bytes([0xef, 0xbb, 0xbf], "title\r\nFrom a spreadsheet\r\n"), CSV_TYPE);
    expect(ok.status, ok.text).toBe(201);
    expect(ok.body).toEqual({ imported: 1 });
  });
});

describe("CSV imports", () => {
  const path = () => `${p}/registers/priorities/import`;

  it("say which content type they read", async () => {
    for (const headers of [{}, JSON_TYPE, { "content-type": "application/vnd.ms-excel" }, { "content-type": "text/csv; charset=windows-1252" }] as Record<string, string>[]) {
      const res = await refused(415, () => send("POST", path(), "title\nA\n", headers));
      expect(res.body.detail).toMatch(/text\/csv|UTF-8/);
    }
  });

  it("refuse a column named twice, naming it, rather than letting the second win", async () => {
    const res = await refused(422, () => send("POST", path(), "title,description,Title\nReal,x,Spoofed\n", CSV_TYPE));
    expect(res.body.errors).toEqual([{ path: "line 1", message: expect.stringMatching(/The column “title” \(as “Title” the second time\) appears twice, as columns 1 and 3/) }]);
  });

  it(`list at most ${MAX_LISTED_PROBLEMS} problems of a header of 100,000 unknown columns, and count the rest`, async () => {
    const header = Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(",");
    const res = await refused(422, () => send("POST", path(), `${header}\n${",".repeat(99_999)}\n`, CSV_TYPE));
    expect(res.text.length).toBeLessThan(20_000);
    expect(res.body.errors).toHaveLength(MAX_LISTED_PROBLEMS + 1);
    expect(res.body.errors!.at(-1)!.message).toMatch(/…and 99,98\d more problems from here on, not listed/);
  });
});

describe("names that spoof what lists and the audit log show", () => {
  const cases: Array<[string, string, Record<string, unknown>, string, RegExp]> = [
    ["organisation", "/organisations", { sector: "nhs_trust" }, "name", /right-to-left override \(U\+202E\)/],
    ["person", "/people", { email: "eve@example.org", role: "member" }, "name", /U\+202E/],
    ["register title", "/registers/priorities", {}, "title", /U\+202E/],
    ["wave", "/waves", { instrumentKey: "pulse", opensOn: "2026-01-01", closesOn: "2026-02-01" }, "name", /U\+202E/],
  ];
  for (const [what, route, rest, field, message] of cases) {
    it(`refuses a bidi override, a control character, a line break and an invisible-only ${what} ${field}`, async () => {
      for (const [value, expected] of [["Acme\u202Egnp.exe", message], ["Ac\u0007me", /control character \(U\+0007\)/], ["Acme\nLtd", /U\+000A/], ["\u200B\u200D", /invisible/]] as const) {
        const res = await refused(422, () => send("POST", `${p}${route}`, JSON.stringify({ ...rest, [field]: value }), JSON_TYPE));
        expect(res.body.errors?.find((e) => e.path === field)?.message, `${what} ${JSON.stringify(value)}`).toMatch(expected);
      }
    });
  }

  it("refuses them in partnership and programme names and job titles, and bidi overrides and controls (not line breaks) in free text", async () => {
    await refused(422, () => send("POST", "/api/v1/partnerships", JSON.stringify({ name: "\u2066Riverside\u2069", purpose: "" }), JSON_TYPE));
    await refused(422, () => send("POST", "/api/v1/programmes", JSON.stringify({ name: "North\u202Eeast" }), JSON_TYPE));
    await refused(422, () => send("PATCH", `${p}/people/${people[0]}`, JSON.stringify({ jobTitle: "Lead\u0085Nurse" }), JSON_TYPE));
    // Fields whose contracts are not single-line yet (token names, pressure-event labels) still get the free-text rules.
    await refused(422, () => send("POST", "/api/v1/me/tokens", JSON.stringify({ name: "ci\u202Egnp" }), JSON_TYPE));
    await refused(422, () => send("POST", `${p}/pressure-events`, JSON.stringify({ label: "Winter\u0007", kind: "other", startsOn: "2026-01-01", endsOn: "2026-02-01" }), JSON_TYPE));
    await refused(422, () => send("PATCH", p, JSON.stringify({ purpose: "Care \u202Efor all" }), JSON_TYPE));
    await refused(422, () => send("PATCH", p, JSON.stringify({ purpose: "Care \u001b[31m" }), JSON_TYPE));
    expect((await send("PATCH", p, JSON.stringify({ purpose: "Care\n\tfor all" }), JSON_TYPE)).status).toBe(200);
  });
});

describe("one rule for days", () => {
  it("refuses wave dates outside 1900–2199 as register dates are refused, naming the field", async () => {
    for (const day of ["0000-01-01", "1899-12-31", "2200-01-01", "9999-12-31", "2026-02-30"]) {
      const res = await refused(422, () => send("POST", `${p}/waves`, JSON.stringify({ name: "W", instrumentKey: "pulse", opensOn: day, closesOn: "2199-12-31" }), JSON_TYPE));
      expect(res.body.errors?.map((e) => e.path)).toContain("opensOn");
      await refused(422, () => send("PATCH", `${p}/waves/${draftWaveId}`, JSON.stringify({ closesOn: day }), JSON_TYPE));
      await refused(422, () => send("POST", `${p}/registers/commitments`, JSON.stringify({ title: "T", organisationId: org, dueOn: day }), JSON_TYPE));
    }
    expect((await send("PATCH", `${p}/waves/${draftWaveId}`, JSON.stringify({ opensOn: "1900-01-01", closesOn: "2199-12-31" }), JSON_TYPE)).status).toBe(200);
  });
});

describe("links in emails", () => {
  it("are built on PUBLIC_URL when mail is configured, whatever Host the request names", async () => {
    const mail = await createTestContext(MAIL_ON);
    try {
      const me = await mail.user("Mail Convenor");
      const mp = `/api/v1/partnerships/${(await me.client.post("/api/v1/partnerships", { name: "Mailed", purpose: "" })).body.id}`;
      await me.client.post(`${mp}/people`, { name: "Dee", email: "dee@example.org", role: "member" });
      const w = (await me.client.post(`${mp}/waves`, { name: "W", instrumentKey: "pulse", opensOn: "2026-01-01", closesOn: "2099-12-31" })).body.id;
      await me.client.post(`${mp}/waves/${w}/open`);
      const res = await mail.app.request(`http://evil.example${mp}/waves/${w}/links`, { method: "POST", headers: { host: "evil.example", origin: ORIGIN, cookie: `${SESSION_COOKIE}=${me.client.cookie}`, ...JSON_TYPE }, body: "{}" });
      expect(res.status, await res.clone().text()).toBe(201);
      const sent = mail.mailer.sent.map((m) => m.text).join("\n");
      expect(sent).toContain(`${ORIGIN}/respond/`);
      expect(sent).not.toContain("evil.example");
    } finally {
      await mail.close();
    }
  });

  it("are never built from the Host header: with mail but no PUBLIC_URL nothing is sent", async () => {
    const bad = await createTestContext({ ...MAIL_ON, publicUrl: undefined });
    try {
      const me = await bad.user("Mail Convenor");
      const res = await me.client.post("/api/v1/partnerships", { name: "Unmailed", purpose: "" });
      expect(res.status).toBe(500);
      expect(res.body.detail).toMatch(/set PUBLIC_URL/);
      expect(bad.mailer.sent).toEqual([]);
    } finally {
      await bad.close();
    }
  });
});
