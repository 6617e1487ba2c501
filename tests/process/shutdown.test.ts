// Process test: SIGTERM / SIGINT with slow clients connected (half-sent requests, idle keep-alives, a reader that never reads, a request in flight) ends `accord serve` with exit code 0, and the request in flight gets its whole answer and is stored (SQLite; PostgreSQL too when TEST_DATABASE_URL is set).
import net from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { freshDatabase } from "./load-helpers.ts";
import { api, cleanUp, sessionCookie, startServe, tempDir, type Server } from "./process-helpers.ts";

const adminUrl = process.env["TEST_DATABASE_URL"];
const engine = adminUrl ? "postgres" : "sqlite";

const drops: Array<() => Promise<void>> = [];
afterAll(async () => {
  await cleanUp();
  for (const drop of drops) await drop();
});

/** A raw connection to the server, with everything it received and whether it has closed. */
interface Raw {
  socket: net.Socket;
  /** Bytes received, counted even when not kept. */
  bytes: () => number;
  received: () => string;
  closed: Promise<void>;
  waitFor: (text: string) => Promise<void>;
}

function connectRaw(server: Server, opts: { read?: boolean } = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(server.port, "127.0.0.1");
    let received = "";
    let bytes = 0;
    const waiters: Array<{ text: string; done: () => void }> = [];
    socket.setEncoding("latin1").on("data", (d: string) => {
      bytes += d.length;
      if (opts.read !== false) {
        received += d;
        for (const w of waiters.splice(0)) (received.includes(w.text) ? w.done : () => waiters.push(w))();
      }
    });
    if (opts.read === false) socket.pause(); // reads nothing until resumed
    socket.on("error", () => {}); // a reset by the stopping server is expected
    const closed = new Promise<void>((r) => socket.once("close", () => r()));
    socket.once("connect", () =>
      resolve({
        socket,
        received: () => received,
        bytes: () => bytes,
        closed,
        waitFor: (text) => new Promise<void>((done) => (received.includes(text) ? done() : waiters.push({ text, done }))),
      }),
    );
    socket.once("error", reject);
  });
}

/** The status, headers and body of the final HTTP/1.1 response in `raw`, past any "100 Continue" (Content-Length or chunked). */
function parseResponse(raw: string): { status: number; headers: Record<string, string>; body: string } {
  const text = raw.slice(Math.max(0, raw.search(/HTTP\/1\.1 [2-5]/)));
  const end = text.indexOf("\r\n\r\n");
  const [statusLine, ...lines] = text.slice(0, end).split("\r\n");
  const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(":")).toLowerCase(), l.slice(l.indexOf(":") + 1).trim()]));
  let body = text.slice(end + 4);
  if (headers["transfer-encoding"] === "chunked") {
    let out = "";
    for (let rest = body; ; ) {
      const size = Number.parseInt(rest.slice(0, rest.indexOf("\r\n")), 16);
      if (!size) break;
      const from = rest.indexOf("\r\n") + 2;
      out += rest.slice(from, from + size);
      rest = rest.slice(from + size + 2);
    }
    body = out;
  }
  return { status: Number(statusLine!.split(" ")[1]), headers, body: Buffer.from(body, "latin1").toString("utf8") };
}

/** Waits for the process to end; a server still running 30 s after the signal is killed and reported. */
async function exitOf(server: Server): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  const late = new Promise<"late">((r) => setTimeout(() => r("late"), 30_000).unref());
  const result = await Promise.race([server.exited, late]);
  if (result === "late") {
    await server.kill9();
    throw new Error(`accord serve was still running 30 s after the signal:\n${server.output()}`);
  }
  return result;
}

/** The slow and idle clients every stop must get rid of. */
async function slowClients(server: Server) {
  // 50 sockets that send half a request line and stall (slow loris).
  const loris = await Promise.all(Array.from({ length: 50 }, () => connectRaw(server)));
  for (const l of loris) l.socket.write("GET /api/v1/hea");
  // One that asks for a large file eight times over and never reads (about 14 MB, more than socket buffers hold).
  const reader = await connectRaw(server, { read: false });
  reader.socket.write("GET /api/docs/swagger-ui-bundle.js HTTP/1.1\r\nHost: localhost\r\n\r\n".repeat(8));
  // Ten idle keep-alive connections, each after one answered request.
  const idle = await Promise.all(Array.from({ length: 10 }, () => connectRaw(server)));
  for (const i of idle) i.socket.write("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n");
  await Promise.all(idle.map((i) => i.waitFor("\r\n\r\n")));
  return [...loris, reader, ...idle];
}

/** Starts a server (with `workers` processes on PostgreSQL), signs up, and returns it with its settings and a session cookie. */
async function startWithAccount(workers: number) {
  let settings: Record<string, string>;
  if (adminUrl) {
    const database = await freshDatabase(adminUrl);
    drops.push(database.drop);
    settings = { DATABASE_URL: database.url, DATA_DIR: tempDir(), WORKERS: String(workers) };
  } else {
    settings = { DATA_DIR: tempDir() };
  }
  const server = await startServe(settings);
  const setup = await api(server, "POST", "/api/v1/setup", { body: { name: "Ada Convenor", email: "ada@example.org", password: "a long enough password" } });
  expect(setup.status, setup.text).toBe(201);
  return { server, settings, cookie: sessionCookie(setup) };
}

/**
 * Sends a request whose headers are in and which the app has (Node answers "100 Continue" as it hands the request
 * over), stops the server with `signal`, and sends the body only once every process has said it is stopping.
 */
async function requestAcrossTheStop(server: Server, cookie: string, signal: NodeJS.Signals, processes: number) {
  const body = JSON.stringify({ name: "Begun before the stop", purpose: "Finished after it" });
  const inFlight = await connectRaw(server);
  inFlight.socket.write(
    `POST /api/v1/partnerships HTTP/1.1\r\nHost: localhost:${server.port}\r\nOrigin: ${server.url}\r\nCookie: ${cookie}\r\n` +
      `Content-Type: application/json\r\nAccept: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nExpect: 100-continue\r\n\r\n`,
  );
  await inFlight.waitFor("100 Continue");
  const signalledAt = performance.now();
  server.child.kill(signal);
  const stopping = () => server.output().match(new RegExp(`${signal} received, stopping\n`, "g"))?.length ?? 0;
  while (stopping() < processes) await new Promise((r) => setTimeout(r, 10));
  inFlight.socket.write(body);
  const exit = await exitOf(server);
  const seconds = (performance.now() - signalledAt) / 1000;
  await inFlight.closed;
  return { exit, seconds, inFlight };
}

describe(`stopping with slow clients connected (${engine})`, () => {
  it("exits 0 on SIGTERM, the request in flight answered in full and stored; then on SIGINT", { timeout: 180_000 }, async () => {
    const { server, settings, cookie } = await startWithAccount(1);
    const others = await slowClients(server);
    const { exit, seconds, inFlight } = await requestAcrossTheStop(server, cookie, "SIGTERM", 1);
    console.log(`shutdown (${engine}): SIGTERM → exit ${exit.code} in ${seconds.toFixed(2)} s with ${others.length} slow or idle connections and one request in flight`);

    expect(exit, server.output()).toEqual({ code: 0, signal: null });
    const answer = parseResponse(inFlight.received());
    expect(answer.status, inFlight.received()).toBe(201);
    expect(answer.headers["connection"]).toBe("close");
    const created = JSON.parse(answer.body) as { id: string; name: string };
    expect(created.name).toBe("Begun before the stop");
    // Every slow or idle connection was closed by the server (the reader sees it once it reads what it was sent).
    for (const o of others) o.socket.resume();
    await Promise.all(others.map((o) => o.closed));
    console.log(`  the reader that never read had been sent ${others[50]!.bytes()} bytes`);

    // What the request in flight wrote is there after a restart; a second stop, by SIGINT, ends with exit 0 too.
    const again = await startServe(settings);
    const got = await api(again, "GET", `/api/v1/partnerships/${created.id}`, { cookie });
    expect(got.status, got.text).toBe(200);
    expect(got.body).toMatchObject({ id: created.id, name: "Begun before the stop" });
    const othersAgain = await slowClients(again);
    again.child.kill("SIGINT");
    expect(await exitOf(again), again.output()).toEqual({ code: 0, signal: null });
    for (const o of othersAgain) o.socket.resume();
    await Promise.all(othersAgain.map((o) => o.closed));
  });

  it.skipIf(!adminUrl)("exits 0 on SIGTERM with WORKERS=2, the request in flight answered in full and stored", { timeout: 180_000 }, async () => {
    const { server, settings, cookie } = await startWithAccount(2);
    const deadline = Date.now() + 30_000;
    while (!server.output().includes("2 worker processes") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const others = await slowClients(server);
    const { exit, seconds, inFlight } = await requestAcrossTheStop(server, cookie, "SIGTERM", 2);
    console.log(`shutdown (postgres, WORKERS=2): SIGTERM → exit ${exit.code} in ${seconds.toFixed(2)} s with ${others.length} slow or idle connections and one request in flight`);
    expect(exit, server.output()).toEqual({ code: 0, signal: null });
    const answer = parseResponse(inFlight.received());
    expect(answer.status, inFlight.received()).toBe(201);
    const created = JSON.parse(answer.body) as { id: string };
    for (const o of others) o.socket.resume();
    await Promise.all(others.map((o) => o.closed));
    const again = await startServe({ ...settings, WORKERS: "1" });
    const got = await api(again, "GET", `/api/v1/partnerships/${created.id}`, { cookie });
    expect(got.status, got.text).toBe(200);
    await again.stop();
  });
});
