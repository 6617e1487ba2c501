// Edits that cross: every entry response carries its ETag, and every write to an entry must name the version it was made from.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestClient, type TestContext, type TestResponse } from "../testing/test-app.ts";
import { etagOf, parseIfMatch } from "./preconditions.ts";

let ctx: TestContext;
let convenor: TestClient;
let member: TestClient;
let reg = "";
let trust = "";
let council = "";

beforeAll(async () => {
  ctx = await createTestContext();
  const c = await ctx.user("Cora");
  convenor = c.client;
  const p = (await convenor.post("/api/v1/partnerships", { name: "Crossed Edits", purpose: "" })).body;
  const base = `/api/v1/partnerships/${p.id}`;
  reg = `${base}/registers`;
  trust = (await convenor.post(`${base}/organisations`, { name: "Riverside Trust", sector: "nhs_trust" })).body.id;
  council = (await convenor.post(`${base}/organisations`, { name: "Borough Council", sector: "local_authority" })).body.id;
  const m = await ctx.user("Mo");
  member = m.client;
  expect((await ctx.addMember(convenor, base, { name: "Mo", email: m.email, role: "member", organisationId: trust }, member)).status).toBe(201);
});
afterAll(async () => {
  await ctx.close();
});

const im = (tag: string | number) => ({ "if-match": typeof tag === "number" ? etagOf(tag) : tag });
const newCommitment = async (title = "Share the discharge list daily") => {
  const res = await convenor.post(`${reg}/commitments`, { title, organisationId: trust, dueOn: "2026-01-10" });
  expect(res.status, res.text).toBe(201);
  return res;
};
/** The stored row and how many versions its history holds: what a refused write must leave as it was. */
async function stored(id: string) {
  const row = await ctx.handle.db.selectFrom("register_entries").select(["version", "data", "deleted_at"]).where("id", "=", id).executeTakeFirstOrThrow();
  const history = await ctx.handle.db.selectFrom("register_versions").select("version").where("entry_id", "=", id).execute();
  return { ...row, history: history.length };
}

describe("ETag", () => {
  it("comes with every answer that carries an entry, names its version, and changes with each write", async () => {
    const made = await newCommitment();
    const id = made.body.id;
    const one = `${reg}/commitments/${id}`;
    expect(made.headers.get("etag")).toBe('"1"');
    expect((await convenor.get(one)).headers.get("etag")).toBe('"1"');
    const changed = await convenor.patch(one, { note: "first" }, im(1));
    expect([changed.status, changed.headers.get("etag"), changed.body.version]).toEqual([200, '"2"', 2]);
    expect((await convenor.get(one)).headers.get("etag")).toBe('"2"');
    const removed = await convenor.delete(one, im(2));
    expect([removed.status, removed.headers.get("etag")]).toEqual([204, '"3"']);
    const restored = await convenor.post(`${one}/restore`, {}, im(3));
    expect([restored.status, restored.headers.get("etag"), restored.body.version]).toEqual([200, '"4"', 4]);

    const offer = (await convenor.post(`${reg}/offers-asks`, { kind: "offer", title: "A meeting room", organisationId: council })).body;
    const taken = await member.post(`${reg}/offers-asks/${offer.id}/take-up`, { organisationId: trust }, im(1));
    expect([taken.status, taken.headers.get("etag")]).toEqual([200, '"2"']);
    const statement = (await convenor.post(`${reg}/ways-of-working`, { statement: "We say early when we cannot deliver." })).body;
    const signed = await member.post(`${reg}/ways-of-working/${statement.id}/sign-ups`, { organisationId: trust }, im(1));
    expect([signed.status, signed.headers.get("etag")]).toEqual([201, '"2"']);
  });
});

describe("a write that names no version", () => {
  it("is refused with 428 on every write to an entry, saying what to send, and writes nothing", async () => {
    const c = (await newCommitment()).body;
    const removed = (await newCommitment("Removed one")).body;
    expect((await convenor.delete(`${reg}/commitments/${removed.id}`, im(1))).status).toBe(204);
    const offer = (await convenor.post(`${reg}/offers-asks`, { kind: "offer", title: "Spare desks", organisationId: council })).body;
    const statement = (await convenor.post(`${reg}/ways-of-working`, { statement: "We share data by default." })).body;
    const attempts: Array<[string, () => Promise<TestResponse>, string]> = [
      ["change", () => convenor.patch(`${reg}/commitments/${c.id}`, { note: "unconditional" }), c.id],
      ["remove", () => convenor.delete(`${reg}/commitments/${c.id}`), c.id],
      ["restore", () => convenor.post(`${reg}/commitments/${removed.id}/restore`, {}), removed.id],
      ["take up", () => member.post(`${reg}/offers-asks/${offer.id}/take-up`, { organisationId: trust }), offer.id],
      ["sign up", () => member.post(`${reg}/ways-of-working/${statement.id}/sign-ups`, { organisationId: trust }), statement.id],
      ["change with If-Match: *", () => convenor.patch(`${reg}/commitments/${c.id}`, { note: "any" }, im("*")), c.id],
      ["remove with If-Match: *", () => convenor.delete(`${reg}/commitments/${c.id}`, im("*")), c.id],
    ];
    for (const [what, attempt, id] of attempts) {
      const before = await stored(id);
      const res = await attempt();
      expect([res.status, res.body?.code], `${what}: ${res.text}`).toEqual([428, "precondition_required"]);
      expect(res.body.detail, what).toMatch(/If-Match: "\d+"/);
      expect(await stored(id), what).toEqual(before);
    }
    // A change may name its version in the body instead, as before.
    expect((await convenor.patch(`${reg}/commitments/${c.id}`, { note: "with a body version", version: 1 })).status).toBe(200);
  });
});

describe("a write that names another version", () => {
  it("is refused with 412 (If-Match) or 409 (body version alone), and writes nothing", async () => {
    const c = (await newCommitment()).body;
    const one = `${reg}/commitments/${c.id}`;
    expect((await convenor.patch(one, { note: "now version 2" }, im(1))).status).toBe(200);
    const offer = (await convenor.post(`${reg}/offers-asks`, { kind: "offer", title: "A van", organisationId: council })).body;
    expect((await convenor.patch(`${reg}/offers-asks/${offer.id}`, { title: "A van, on Tuesdays" }, im(1))).status).toBe(200);
    const attempts: Array<[string, () => Promise<TestResponse>, string, number, string]> = [
      ["stale If-Match", () => convenor.patch(one, { note: "stale" }, im(1)), c.id, 412, "precondition_failed"],
      ["If-Match from the future", () => convenor.patch(one, { note: "future" }, im(9)), c.id, 412, "precondition_failed"],
      ["weak If-Match (strong comparison)", () => convenor.patch(one, { note: "weak" }, im('W/"2"')), c.id, 412, "precondition_failed"],
      ["If-Match and body disagree", () => convenor.patch(one, { note: "disagree", version: 1 }, im(2)), c.id, 412, "precondition_failed"],
      ["stale body version", () => convenor.patch(one, { note: "stale body", version: 1 }), c.id, 409, "conflict"],
      ["stale remove", () => convenor.delete(one, im(1)), c.id, 412, "precondition_failed"],
      ["take-up of words changed since", () => member.post(`${reg}/offers-asks/${offer.id}/take-up`, { organisationId: trust }, im(1)), offer.id, 412, "precondition_failed"],
      ["If-Match that is not an entity tag", () => convenor.patch(one, { note: "bare" }, im("2")), c.id, 400, "bad_request"],
      ["If-Match list with junk", () => convenor.patch(one, { note: "junk" }, im('"2" x')), c.id, 400, "bad_request"],
    ];
    for (const [what, attempt, id, status, code] of attempts) {
      const before = await stored(id);
      const res = await attempt();
      expect([res.status, res.body?.code], `${what}: ${res.text}`).toEqual([status, code]);
      expect(await stored(id), what).toEqual(before);
    }
    // The current version anywhere in a list matches; a matching body version alongside is fine.
    const listed = await convenor.patch(one, { note: "listed" }, im('W/"2", "1", "2"'));
    expect([listed.status, listed.headers.get("etag")]).toEqual([200, '"3"']);
    expect((await convenor.patch(one, { note: "both", version: 3 }, im(3))).status).toBe(200);
  });

  it("of two made from the same version, lets exactly one through and refuses the other, whichever way it is named", async () => {
    for (const named of ["if-match", "body"] as const) {
      for (let i = 0; i < 6; i++) {
        const c = (await newCommitment(`Race ${named} ${i}`)).body;
        const write = (note: string) => (named === "if-match" ? convenor.patch(`${reg}/commitments/${c.id}`, { note }, im(1)) : convenor.patch(`${reg}/commitments/${c.id}`, { note, version: 1 }));
        const results = await Promise.all([write("left"), write("right")]);
        const statuses = results.map((r) => r.status).sort();
        expect(statuses, results.map((r) => r.text).join("\n")).toEqual(named === "if-match" ? [200, 412] : [200, 409]);
        const winner = results.find((r) => r.status === 200)!;
        const after = await stored(c.id);
        expect({ version: after.version, history: after.history, note: JSON.parse(after.data).fields.note }).toEqual({ version: 2, history: 2, note: winner.body.data.note });
      }
    }
  });
});

describe("parseIfMatch", () => {
  it("reads * and lists of strong and weak tags, ignoring empty elements; anything else is a 400", () => {
    expect(parseIfMatch("*")).toEqual({ any: true });
    expect(parseIfMatch('"3"')).toEqual({ any: false, versions: [3] });
    expect(parseIfMatch(' "3" , W/"4",, "x", "5",')).toEqual({ any: false, versions: [3, 5] });
    expect(parseIfMatch('"0", "03", "1.5", ""')).toEqual({ any: false, versions: [] });
    for (const bad of ["", " ", "3", '"3" "4"', '"3', "W/3", '*, "3"', ",", '"a"b']) expect(() => parseIfMatch(bad), JSON.stringify(bad)).toThrow(/If-Match must be/);
  });
});

describe("the OpenAPI document", () => {
  it("shows ETag on entry answers, and If-Match with 412 and 428 on every write to an entry", async () => {
    const doc = (await ctx.anonymous().get("/api/v1/openapi.json")).body;
    const entry = "/api/v1/partnerships/{partnershipId}/registers/commitments/{entryId}";
    expect(Object.keys(doc.paths[entry].get.responses[200].headers)).toEqual(["ETag"]);
    expect(Object.keys(doc.paths["/api/v1/partnerships/{partnershipId}/registers/commitments"].post.responses[201].headers)).toEqual(["ETag"]);
    const writes = [
      [entry, "patch"],
      [entry, "delete"],
      [`${entry}/restore`, "post"],
      ["/api/v1/partnerships/{partnershipId}/registers/offers-asks/{entryId}/take-up", "post"],
      ["/api/v1/partnerships/{partnershipId}/registers/ways-of-working/{entryId}/sign-ups", "post"],
    ] as const;
    for (const [path, method] of writes) {
      const op = doc.paths[path][method];
      expect(op.parameters.filter((p: { in: string }) => p.in === "header").map((p: { name: string }) => p.name), `${method} ${path}`).toEqual(["if-match"]);
      expect(Object.keys(op.responses), `${method} ${path}`).toEqual(expect.arrayContaining(["400", "412", "428"]));
      const ok = op.responses[method === "delete" ? "204" : method === "patch" ? "200" : path.endsWith("sign-ups") ? "201" : "200"];
      expect(Object.keys(ok.headers ?? {}), `${method} ${path}`).toEqual(["ETag"]);
    }
  });
});
