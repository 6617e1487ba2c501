// Process test (PostgreSQL, needs TEST_DATABASE_URL): with WORKERS=2, a worker SIGKILLed while it is still starting is replaced (it is not a bad setting), while one that fails by itself before serving still stops the lot.
import { afterAll, describe, expect, it } from "vitest";
import { cleanUp, freePort, scratchDatabase, spawnServe, tempDir, workersOf } from "./process-helpers.ts";

const adminUrl = process.env["TEST_DATABASE_URL"];

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 60_000, every = 100): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

describe.skipIf(!adminUrl)("WORKERS=2 while workers start", () => {
  let drop: (() => Promise<void>) | undefined;
  afterAll(async () => {
    await cleanUp();
    await drop?.();
  });

  it("replaces the first worker and a later one SIGKILLed before they serve, and then serves on both", { timeout: 120_000 }, async () => {
    const db = await scratchDatabase(adminUrl!, "accord_wstart");
    drop = db.drop;
    const server = spawnServe(await freePort(), { DATABASE_URL: db.url, DATA_DIR: tempDir(), WORKERS: "2" });
    const primary = server.child.pid!;
    // The first worker, while it loads (before it listens: nothing has said so yet).
    await until("the first worker", () => workersOf(primary).length === 1, 30_000, 10);
    const [first] = workersOf(primary);
    expect(server.output()).not.toContain("worker processes");
    process.kill(first!, "SIGKILL");
    await until("its replacement", () => server.output().includes(`worker ${first} was stopped (SIGKILL) before it could serve; starting another`));
    // Then the second worker, forked once the first listens, killed while it starts.
    await until("a second worker starting", () => /applied migrations/.test(server.output()) && workersOf(primary).length === 2, 60_000, 10);
    const second = workersOf(primary).sort((a, b) => b - a)[0]!;
    if (!server.output().includes("2 worker processes")) {
      process.kill(second, "SIGKILL");
      await until("the second's replacement", () => server.output().includes(`worker ${second} was stopped (SIGKILL) before it could serve`));
    }
    await until("both workers serving", () => server.output().includes("2 worker processes"));
    expect(server.child.exitCode).toBeNull();
    expect(server.output()).not.toContain("failed before it could serve");
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(workersOf(primary)).toHaveLength(2);
    await server.stop();
    expect((await server.exited).code).toBe(0);
  });
});
