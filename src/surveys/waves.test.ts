// Integration tests for waves: lifecycle, locked k, personal links, idempotent single submission, response bands, publishing.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestContext, invitationToken, type TestContext } from "../testing/test-app.ts";
import { SubmittedSchema } from "./contracts.ts";
import { instrumentItems, latestInstrument } from "./instruments/registry.ts";

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => {
  await ctx.close();
});

const PULSE = Object.fromEntries(instrumentItems(latestInstrument("pulse")).map((i) => [i.key, { value: 4 }]));

async function setUp(people = 6) {
  const convenor = await ctx.user("Cora");
  const p = (await convenor.client.post("/api/v1/partnerships", { name: "Survey Partnership", purpose: "" })).body;
  const base = `/api/v1/partnerships/${p.id}`;
  const org = (await convenor.client.post(`${base}/organisations`, { name: "Trust", sector: "nhs_trust" })).body;
  for (let i = 0; i < people; i++) await convenor.client.post(`${base}/people`, { name: `Person ${i}`, email: `p${i}@example.org`, role: "member", organisationId: org.id });
  const wave = await convenor.client.post(`${base}/waves`, { name: "Pulse", instrumentKey: "pulse", opensOn: "2026-01-01", closesOn: "2099-01-01" });
  expect(wave.status).toBe(201);
  return { convenor, base, wave: wave.body, waveBase: `${base}/waves/${wave.body.id}` };
}

const tokenOf = (url: string) => url.split("/respond/")[1]!;
const submit = (token: string, answers: unknown, key: string) => ctx.anonymous().request("POST", `/api/v1/respond/${token}/response`, { answers }, { "idempotency-key": key });

describe("wave lifecycle", () => {
  it("defaults k to 5, refuses k below 3, and locks k once open", async () => {
    const { convenor, base, wave, waveBase } = await setUp(0);
    expect(wave).toMatchObject({ k: 5, status: "draft", instrumentKey: "pulse", instrumentVersion: 1 });
    const low = await convenor.client.post(`${base}/waves`, { name: "x", instrumentKey: "pulse", opensOn: "2026-01-01", closesOn: "2026-02-01", k: 2 });
    expect(low.status).toBe(422);
    expect(low.body.errors[0].path).toBe("k");
    const backwards = await convenor.client.post(`${base}/waves`, { name: "x", instrumentKey: "pulse", opensOn: "2026-02-01", closesOn: "2026-01-01" });
    expect(backwards.body.errors[0].path).toBe("closesOn");
    expect((await convenor.client.patch(waveBase, { k: 7 })).body.k).toBe(7);
    expect((await convenor.client.post(`${waveBase}/open`)).body.status).toBe("open");
    const locked = await convenor.client.patch(waveBase, { k: 3 });
    expect(locked.status).toBe(409);
    expect((await convenor.client.get(waveBase)).body.k).toBe(7);
    expect((await convenor.client.post(`${waveBase}/publish`)).status).toBe(409);
    expect((await convenor.client.post(`${waveBase}/close`)).body.status).toBe("closed");
    const published = await convenor.client.post(`${waveBase}/publish`);
    expect(published.body.status).toBe("published");
    const audit = await convenor.client.get(`${base}/audit`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toContain("wave.published");
  });
});

describe("responding through a personal link", () => {
  it("shows the survey without an account, takes one response, and replays it for the same Idempotency-Key", async () => {
    const { convenor, waveBase } = await setUp(3);
    await convenor.client.post(`${waveBase}/open`);
    const issued = await convenor.client.post(`${waveBase}/links`, {});
    expect(issued.status).toBe(201);
    expect(issued.body.links).toHaveLength(4);
    expect(ctx.mailer.sent).toHaveLength(4);
    const token = tokenOf(issued.body.links[1].url);

    const info = await ctx.anonymous().get(`/api/v1/respond/${token}`);
    expect(info.body).toMatchObject({ waveName: "Pulse", k: 5, status: "open", opensOn: "2026-01-01", closesOn: "2099-01-01" });
    expect(info.body.instrument.sections[0].items).toHaveLength(3);

    const first = await submit(token, PULSE, "key-aaaaaaaa");
    expect(first.status).toBe(201);
    const replay = await submit(token, PULSE, "key-aaaaaaaa");
    expect(replay.status).toBe(200);
    expect(replay.body.answers).toEqual(first.body.answers);
    // Both bodies are the documented schema, as JSON, whatever way they are written out.
    for (const [res, status] of [[first, "stored"], [replay, "already_stored"]] as const) {
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      expect(SubmittedSchema.parse(res.body)).toEqual({ status, answers: PULSE });
    }
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    const again = await submit(token, PULSE, "key-bbbbbbbb");
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/already have your answers/);
    expect((await ctx.anonymous().get(`/api/v1/respond/${token}`)).body.status).toBe("answered");

    const stored = await ctx.handle.db.selectFrom("wave_responses").selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.id).toMatch(/^[0-9a-f]{32}$/);
  });

  it("stores exactly one response for 50 concurrent identical submissions", async () => {
    const { convenor, waveBase } = await setUp(1);
    await convenor.client.post(`${waveBase}/open`);
    const token = tokenOf((await convenor.client.post(`${waveBase}/links`, {})).body.links[0].url);
    const results = await Promise.all(Array.from({ length: 50 }, () => submit(token, PULSE, "same-key-123")));
    expect(results.every((r) => r.status === 201 || r.status === 200)).toBe(true);
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    const n = await ctx.handle.db.selectFrom("wave_responses").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1);
  });

  it("names each bad answer, and takes nothing", async () => {
    const { convenor, waveBase } = await setUp(1);
    await convenor.client.post(`${waveBase}/open`);
    const token = tokenOf((await convenor.client.post(`${waveBase}/links`, {})).body.links[0].url);
    const [firstKey, secondKey] = Object.keys(PULSE);
    const bad = await submit(token, { ...PULSE, [firstKey!]: { value: 9 }, [secondKey!]: { value: 3, text: "no" }, nonsense: { value: 1 } }, "key-cccccccc");
    expect(bad.status).toBe(422);
    const paths = bad.body.errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual([`answers.${firstKey}`, `answers.${secondKey}`, "answers.nonsense"].sort());
    const missing = await submit(token, {}, "key-dddddddd");
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toHaveLength(3);
    expect((await submit(token, PULSE, "key-cccccccc")).status).toBe(201);
  });

  it("refuses links before opening and after closing, and unknown links with 404", async () => {
    const { convenor, waveBase } = await setUp(1);
    const token = tokenOf((await convenor.client.post(`${waveBase}/links`, {})).body.links[0].url);
    expect((await ctx.anonymous().get(`/api/v1/respond/${token}`)).body.status).toBe("not_open");
    expect((await submit(token, PULSE, "key-eeeeeeee")).status).toBe(409);
    await convenor.client.post(`${waveBase}/open`);
    await convenor.client.post(`${waveBase}/close`);
    expect((await ctx.anonymous().get(`/api/v1/respond/${token}`)).body.status).toBe("closed");
    expect((await submit(token, PULSE, "key-ffffffff")).status).toBe(409);
    expect((await ctx.anonymous().get(`/api/v1/respond/not-a-real-token`)).status).toBe(404);
  });

  it("requires an Idempotency-Key", async () => {
    const { convenor, waveBase } = await setUp(1);
    await convenor.client.post(`${waveBase}/open`);
    const token = tokenOf((await convenor.client.post(`${waveBase}/links`, {})).body.links[0].url);
    const res = await ctx.anonymous().post(`/api/v1/respond/${token}/response`, { answers: PULSE });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].path).toBe("idempotency-key");
  });
});

describe("while a wave is open", () => {
  it("shows the convenor only a band of the response count, and members nothing", async () => {
    const { convenor, base, waveBase } = await setUp(6);
    await convenor.client.post(`${waveBase}/open`);
    const links = (await convenor.client.post(`${waveBase}/links`, {})).body.links as Array<{ url: string; email: string }>;
    expect((await convenor.client.get(waveBase)).body.responseBand).toBe("fewer than 5");
    for (const [i, l] of links.slice(0, 5).entries()) expect((await submit(tokenOf(l.url), PULSE, `key-band-${i}`)).status).toBe(201);
    expect((await convenor.client.get(waveBase)).body.responseBand).toBe("5–9");
    // p0 is a member on the roster: they join with their own account by accepting an invitation.
    const p0 = await ctx.user("Person 0", "p0@example.org");
    const person = ((await convenor.client.get(`${base}/people`)).body.items as Array<{ id: string; email: string }>).find((p) => p.email === "p0@example.org")!;
    const invited = await convenor.client.post(`${base}/people/${person.id}/invitations`);
    expect(invited.status).toBe(201);
    expect((await p0.client.post(`/api/v1/invitations/${invitationToken(invited.body.url)}/accept`, {})).status).toBe(200);
    const memberClient = p0.client;
    const seen = await memberClient.get(waveBase);
    expect(seen.status).toBe(200);
    expect(seen.body.responseBand).toBeNull();
    expect((await memberClient.get(`${base}/waves`)).body.items[0].responseBand).toBeNull();
  });

  it("does not re-issue a link to someone who has answered", async () => {
    const { convenor, waveBase } = await setUp(1);
    await convenor.client.post(`${waveBase}/open`);
    const first = (await convenor.client.post(`${waveBase}/links`, {})).body.links as Array<{ url: string; personId: string }>;
    await submit(tokenOf(first[0]!.url), PULSE, "key-gggggggg");
    const second = await convenor.client.post(`${waveBase}/links`, {});
    expect(second.body.skipped.map((s: { reason: string }) => s.reason)).toContain("has already answered");
    expect(second.body.links).toHaveLength(first.length - 1);
  });
});
