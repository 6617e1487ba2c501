// The demo quota: at most DEMO_QUOTA live demo partnerships per account, exact under parallel requests, counted per account, freed by deleting one.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { describeLimit, DEMO_QUOTA, EXPENSIVE_LIMITS } from "../limits/expensive-limits.ts";
import { limitAccount } from "../limits/limit-account.ts";
import { createTestContext, type TestContext, type TestResponse } from "../testing/test-app.ts";
import { DEMO_CREATED, liveDemoCount } from "./demo-quota.ts";

// Three minutes into the hour: the demo limit's window cannot turn mid-test, and Retry-After is known.
const NOW = new Date("2026-03-02T10:03:00.000Z");

let ctx: TestContext;
beforeEach(async () => {
  vi.useFakeTimers({ toFake: ["Date"], now: NOW });
  ctx = await createTestContext({ expensiveLimits: true });
});
afterEach(async () => {
  await ctx.close();
  vi.useRealTimers();
});

function expectQuotaRefusal(r: TestResponse): void {
  expect(r.status).toBe(429);
  expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(0);
  expect(r.body.detail).toContain(`At most ${DEMO_QUOTA} live demo partnerships for each account`);
}

describe("demo quota", () => {
  it(`of ${DEMO_QUOTA} + 20 demo requests at once, exactly ${DEMO_QUOTA} are made; the rest get 429 with Retry-After`, { timeout: 120_000 }, async () => {
    const ada = await ctx.user("Ada");
    const all = await Promise.all(Array.from({ length: DEMO_QUOTA + 20 }, () => ada.client.post("/api/v1/demo")));
    expect(all.filter((r) => r.status === 201)).toHaveLength(DEMO_QUOTA);
    const refused = all.filter((r) => r.status !== 201);
    expect(refused).toHaveLength(20);
    for (const r of refused) {
      expect(r.status).toBe(429);
      expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(r.body.detail).toMatch(/^At most \d+ (live demo partnerships|demo partnerships created per hour) for each account/);
    }
    expect((await ada.client.get("/api/v1/partnerships")).body.items).toHaveLength(DEMO_QUOTA);
    expect(await liveDemoCount(ctx.handle.db, ada.userId)).toBe(DEMO_QUOTA);
    // Nothing is left reserved: the places held while building were given back as each demo was marked.
    const building = await ctx.handle.db.selectFrom("rate_limits").select("count").where("key", "=", `demo:building:${ada.userId}`).executeTakeFirstOrThrow();
    expect(Number(building.count)).toBe(0);
  });

  it("counts per account, frees a place when a demo partnership is deleted, and limits how many are made an hour", { timeout: 180_000 }, async () => {
    const ada = await ctx.user("Ada");
    const bea = await ctx.user("Bea");
    const made: string[] = [];
    for (let i = 0; i < DEMO_QUOTA; i++) {
      const r = await ada.client.post("/api/v1/demo");
      expect(r.status).toBe(201);
      made.push(r.body.id);
    }
    expectQuotaRefusal(await ada.client.post("/api/v1/demo"));
    // Another account has a quota of its own; a partnership that is not a demo counts towards nobody's.
    expect((await bea.client.post("/api/v1/demo")).status).toBe(201);
    expect((await ada.client.post("/api/v1/partnerships", { name: "A real one", purpose: "Not a demo" })).status).toBe(201);
    expect(await liveDemoCount(ctx.handle.db, ada.userId)).toBe(DEMO_QUOTA);
    expect(await liveDemoCount(ctx.handle.db, bea.userId)).toBe(1);

    expect((await ada.client.delete(`/api/v1/partnerships/${made[0]}`)).status).toBe(204);
    expect(await liveDemoCount(ctx.handle.db, ada.userId)).toBe(DEMO_QUOTA - 1);
    expect((await ada.client.post("/api/v1/demo")).status).toBe(201);
    expect(await liveDemoCount(ctx.handle.db, ada.userId)).toBe(DEMO_QUOTA);

    // Under the quota again after another deletion, but the hour's demo requests are used up (each counts, refused or not).
    const l = EXPENSIVE_LIMITS.demo;
    for (let used = DEMO_QUOTA + 2; used < l.max; used++) await limitAccount(ctx.handle.db, ada.userId, "demo");
    expect((await ada.client.delete(`/api/v1/partnerships/${made[1]}`)).status).toBe(204);
    const limited = await ada.client.post("/api/v1/demo");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe(String(l.windowSeconds - 180));
    expect(limited.body.detail).toContain(describeLimit(l));
    expect(await liveDemoCount(ctx.handle.db, ada.userId)).toBe(DEMO_QUOTA - 1);
    // The mark is in the partnership's audit log.
    const marks = await ctx.handle.db.selectFrom("audit_log").select("partnership_id").where("action", "=", DEMO_CREATED).where("actor_user_id", "=", ada.userId).execute();
    expect(marks).toHaveLength(DEMO_QUOTA + 1);
  });
});
