// One account's expensive requests run one after another (in the order they came); other accounts' run beside them; a failure does not hold the queue.
import { setImmediate as nextTurn } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { accountsQueued, oneAtATime } from "./one-at-a-time.ts";

describe("oneAtATime", () => {
  it("never runs two of one account's tasks at once, runs them in order, and lets other accounts' run meanwhile", async () => {
    const running = new Map<string, number>();
    let mostAtOnce = 0;
    const order: string[] = [];
    const task = (account: string, name: string, fail = false) => async () => {
      const now = (running.get(account) ?? 0) + 1;
      running.set(account, now);
      mostAtOnce = Math.max(mostAtOnce, now);
      order.push(`${name} starts`);
      for (let i = 0; i < 3; i++) await nextTurn();
      running.set(account, now - 1);
      order.push(`${name} ends`);
      if (fail) throw new Error(`${name} failed`);
      return name;
    };
    const results = await Promise.allSettled([
      oneAtATime("ada", task("ada", "a1")),
      oneAtATime("ada", task("ada", "a2", true)),
      oneAtATime("ada", task("ada", "a3")),
      oneAtATime("bea", task("bea", "b1")),
    ]);
    expect(results.map((r) => (r.status === "fulfilled" ? r.value : (r.reason as Error).message))).toEqual(["a1", "a2 failed", "a3", "b1"]);
    expect(mostAtOnce).toBe(1);
    expect(order.filter((e) => e.startsWith("a"))).toEqual(["a1 starts", "a1 ends", "a2 starts", "a2 ends", "a3 starts", "a3 ends"]);
    // Bea's task started while Ada's first was running.
    expect(order.indexOf("b1 starts")).toBeLessThan(order.indexOf("a1 ends"));
    expect(accountsQueued()).toBe(0);
  });
});
