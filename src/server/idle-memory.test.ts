// The idle collection runs once after a burst of requests, only once the server has gone quiet, and again after the next burst.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, expect, it } from "vitest";
import { releaseMemoryWhenIdle } from "./idle-memory.ts";

const servers: http.Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

it("collects once per burst, after the idle time, never while requests keep coming", async () => {
  const server = http.createServer((_, res) => res.end("ok"));
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  let collections = 0;
  const stop = releaseMemoryWhenIdle(server, { idleMs: 150, checkEveryMs: 20, collect: () => collections++ });

  await sleep(300);
  expect(collections).toBe(0); // no request yet: nothing to give back

  for (let i = 0; i < 8; i++) {
    await fetch(url).then((r) => r.text());
    await sleep(40); // busy: never 150 ms without a request
  }
  expect(collections).toBe(0);
  await sleep(400);
  expect(collections).toBe(1);
  await sleep(300);
  expect(collections).toBe(1); // still idle: not again

  await fetch(url).then((r) => r.text());
  await sleep(400);
  expect(collections).toBe(2);
  stop();
  await fetch(url).then((r) => r.text());
  await sleep(400);
  expect(collections).toBe(2);
});

it("finds V8's full collection when none is given, and stops listening when stopped", () => {
  const server = http.createServer();
  const stop = releaseMemoryWhenIdle(server);
  expect(server.listenerCount("request")).toBe(1); // attached only when a collection function was found
  stop();
  expect(server.listenerCount("request")).toBe(0);
});
