// The DatabaseMonitor: out of reach and back, and "no room" and back, each said once; refuses at once while out of reach; a stalled query makes it look.
import { afterEach, expect, it } from "vitest";
import { DatabaseMonitor, STALL_MS } from "./availability.ts";
import { DatabaseUnreachableError } from "./errors.ts";

const refused = () => Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
const full = () => Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" });

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

let monitor: DatabaseMonitor | undefined;
afterEach(() => monitor?.close());

it("finds the server out of reach by a probe, says so once, refuses at once, ends pooled connections, and says once when it answers again", async () => {
  const lines: string[] = [];
  let up = true;
  let dropped = 0;
  monitor = new DatabaseMonitor({ log: (l) => lines.push(l), probe: async () => (up ? undefined : Promise.reject(refused())), dropConnections: () => dropped++ });
  monitor.observe(refused()); // the server answers: a broken connection alone is not an outage
  await until(() => !monitor!.unreachable && lines.length === 0);
  expect(monitor.unreachable).toBe(false);

  up = false;
  await new Promise((r) => setTimeout(r, 600));
  for (let i = 0; i < 5; i++) monitor.observe(refused());
  await until(() => monitor!.unreachable);
  expect(() => monitor!.refuseWhileUnreachable()).toThrow(DatabaseUnreachableError);
  expect(dropped).toBe(1);
  for (let i = 0; i < 5; i++) monitor.observe(refused());
  await new Promise((r) => setTimeout(r, 1_500));
  expect(lines.filter((l) => l.includes("cannot be reached"))).toHaveLength(1);

  up = true;
  await until(() => !monitor!.unreachable);
  expect(() => monitor!.refuseWhileUnreachable()).not.toThrow();
  expect(lines.filter((l) => l.includes("can be reached again"))).toHaveLength(1);
  expect(lines).toHaveLength(2);
});

it("a check-out waiting when the server is found out of reach is refused then, and a late connection goes back", async () => {
  let answer: (v: string) => void = () => {};
  const late: string[] = [];
  monitor = new DatabaseMonitor({ log: () => {}, probe: () => Promise.reject(refused()) });
  const waiting = monitor.track(new Promise<string>((r) => (answer = r)), (v) => late.push(v));
  await monitor.suspect();
  await expect(waiting).rejects.toBeInstanceOf(DatabaseUnreachableError);
  answer("connection");
  await until(() => late.length === 1);
  expect(late).toEqual(["connection"]);
});

it("a query stalled past STALL_MS sets off a probe", async () => {
  let probes = 0;
  monitor = new DatabaseMonitor({ log: () => {}, probe: async () => void probes++ });
  const never = monitor.track(new Promise<void>(() => {}));
  void never;
  await until(() => probes > 0, STALL_MS * 3);
  expect(probes).toBeGreaterThan(0);
});

it("no room is said once when it starts and once when writes have worked again for settleMs", async () => {
  const lines: string[] = [];
  monitor = new DatabaseMonitor({ log: (l) => lines.push(l), settleMs: 300 });
  expect(monitor.storageFull).toBe(false);
  for (let i = 0; i < 10; i++) monitor.noteFull(full());
  expect(monitor.storageFull).toBe(true);
  monitor.noteWriteOk(); // too soon after the last failure: still full
  expect(monitor.storageFull).toBe(true);
  await until(() => !monitor!.storageFull, 3_000);
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(/no room to store \(SQLITE_FULL: database or disk is full\)/);
  expect(lines[1]).toMatch(/writes work again/);
});

it("without a room check, no room lasts until a write has worked", async () => {
  monitor = new DatabaseMonitor({ log: () => {}, settleMs: 0 });
  monitor.noteFull(full());
  await new Promise((r) => setTimeout(r, 50));
  expect(monitor.storageFull).toBe(true);
  monitor.noteWriteOk();
  expect(monitor.storageFull).toBe(false);
});

it("with a room check (SQLite), no room lasts while the check fails", async () => {
  let room = false;
  monitor = new DatabaseMonitor({ log: () => {}, settleMs: 0, hasRoom: () => room });
  expect(monitor.storageFull).toBe(true); // the check alone says so
  monitor.noteFull(full());
  monitor.noteWriteOk();
  expect(monitor.storageFull).toBe(true);
  room = true;
  expect(monitor.storageFull).toBe(false);
});
