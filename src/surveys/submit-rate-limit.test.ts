// Submissions count against the address's limit exactly once each: a stored one inside its own transaction, replays and refusals on their own.
import { afterEach, beforeEach, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../testing/test-app.ts";
import { instrumentItems, latestInstrument } from "./instruments/registry.ts";

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => {
  await ctx.close();
});

const PULSE = Object.fromEntries(instrumentItems(latestInstrument("pulse")).map((i) => [i.key, { value: 4 }]));

it("counts a stored submission, a replay, a refusal and a bad link once each", async () => {
  const convenor = await ctx.user("Cora");
  const p = (await convenor.client.post("/api/v1/partnerships", { name: "Limits", purpose: "" })).body;
  const base = `/api/v1/partnerships/${p.id}`;
  const wave = (await convenor.client.post(`${base}/waves`, { name: "Pulse", instrumentKey: "pulse", opensOn: "2026-01-01", closesOn: "2099-01-01" })).body;
  await convenor.client.post(`${base}/waves/${wave.id}/open`);
  const token = (await convenor.client.post(`${base}/waves/${wave.id}/links`, {})).body.links[0].url.split("/respond/")[1];
  const submit = (t: string, key: string, answers: unknown = PULSE) => ctx.anonymous().request("POST", `/api/v1/respond/${t}/response`, { answers }, { "idempotency-key": key });
  const count = async () => Number((await ctx.handle.db.selectFrom("rate_limits").select("count").where("key", "like", "submit:address:%").executeTakeFirst())?.count ?? 0);

  expect((await submit(token, "first-key-123")).status).toBe(201);
  expect(await count()).toBe(1);
  expect((await submit(token, "first-key-123")).status).toBe(200);
  expect(await count()).toBe(2);
  expect((await submit(token, "other-key-456")).status).toBe(409);
  expect(await count()).toBe(3);
  expect((await submit("no-such-link", "third-key-789")).status).toBe(404);
  expect(await count()).toBe(4);
  const stored = await ctx.handle.db.selectFrom("wave_responses").select("id").where("wave_id", "=", wave.id).execute();
  expect(stored).toHaveLength(1);
});
