/** How long requests and probes take to answer while PostgreSQL is stopped or stalled, and to serve again after (not part of the suite: `npx tsx bench/outage.ts`, needs PostgreSQL's server binaries; a cluster of its own). */
import { ownPostgres } from "../tests/process/own-postgres.ts";
import { api, cleanUp, sessionCookie, startServe, tempDir } from "../tests/process/process-helpers.ts";

const own = await ownPostgres();
try {
  const server = await startServe({ DATABASE_URL: own.url, DATA_DIR: tempDir() });
  const setup = await api(server, "POST", "/api/v1/setup", { body: { name: "Ada Convenor", email: "ada@example.org", password: "a long enough password" } });
  const cookie = sessionCookie(setup);
  const list = () => api(server, "GET", "/api/v1/partnerships", { cookie });
  const health = () => fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(10_000) });
  const timed = async (label: string, call: () => Promise<{ status: number }>) => {
    const started = performance.now();
    const res = await call();
    console.log(`${label.padEnd(40)} ${res.status}  ${(performance.now() - started).toFixed(0).padStart(5)} ms`);
  };
  const healthyAgain = async (label: string) => {
    const started = performance.now();
    while ((await health()).status !== 200) await new Promise((r) => setTimeout(r, 50));
    console.log(`${label.padEnd(40)} 200  ${(performance.now() - started).toFixed(0).padStart(5)} ms`);
  };
  for (let i = 0; i < 20; i++) await list(); // warm: pooled connections open

  own.stop();
  await timed("stopped: first API request", list);
  await timed("stopped: next API request", list);
  await timed("stopped: /healthz", health);
  own.start();
  await healthyAgain("started again: until /healthz 200");
  for (let i = 0; i < 5; i++) await list();

  own.freeze(); // connections open, nothing answers
  await timed("stalled: first API request (pooled conn.)", list);
  await timed("stalled: next API request", list);
  await timed("stalled: /healthz", health);
  own.thaw();
  await healthyAgain("thawed: until /healthz 200");

  own.freeze();
  await timed("stalled, idle server: first /healthz", health);
  own.thaw();
} finally {
  await cleanUp();
  own.destroy();
}
