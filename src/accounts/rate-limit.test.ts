// Tests for the database-backed fixed-window rate limiter.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "../db/connect.ts";
import { AppError } from "../errors/app-error.ts";
import { createTestDb } from "../testing/test-db.ts";
import { assertUnderLimit, consume, hit, release } from "./rate-limit.ts";

let h: DbHandle;
beforeEach(async () => {
  h = await createTestDb();
});
afterEach(async () => {
  await h.close();
});

const limit = { max: 3, windowSeconds: 60 };
const t0 = Date.parse("2026-01-01T10:00:05Z");

describe("rate limits", () => {
  it("allows max events per window, then refuses with the seconds left", async () => {
    for (let i = 0; i < 3; i++) {
      await assertUnderLimit(h.db, "k", limit, t0);
      await hit(h.db, "k", limit, t0);
    }
    const err = await assertUnderLimit(h.db, "k", limit, t0).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).retryAfterSeconds).toBe(55);
  });
  it("starts afresh in the next window and keeps keys apart", async () => {
    for (let i = 0; i < 3; i++) await hit(h.db, "k", limit, t0);
    await expect(assertUnderLimit(h.db, "other", limit, t0)).resolves.toBeUndefined();
    await expect(assertUnderLimit(h.db, "k", limit, t0 + 60_000)).resolves.toBeUndefined();
    await hit(h.db, "k", limit, t0 + 60_000);
    const row = await h.db.selectFrom("rate_limits").selectAll().where("key", "=", "k").executeTakeFirstOrThrow();
    expect(Number(row.count)).toBe(1);
  });
});

describe("reserving before the work", () => {
  it("lets exactly max of many simultaneous reservations through", async () => {
    const results = await Promise.allSettled(Array.from({ length: 40 }, () => consume(h.db, "par", limit, t0)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(limit.max);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused.every((r) => r.reason instanceof AppError && r.reason.code === "rate_limited")).toBe(true);
  });
  it("gives a reservation back, never below zero, and starts afresh in the next window", async () => {
    await consume(h.db, "r", limit, t0);
    await release(h.db, "r", limit, t0);
    await release(h.db, "r", limit, t0);
    for (let i = 0; i < limit.max; i++) await consume(h.db, "r", limit, t0);
    await expect(consume(h.db, "r", limit, t0)).rejects.toBeInstanceOf(AppError);
    await expect(consume(h.db, "r", limit, t0 + 60_000)).resolves.toBe(1);
  });
});
