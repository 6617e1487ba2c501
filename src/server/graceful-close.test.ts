// Tests for the bounded close of an HTTP server: idle and half-sent connections go at once, a request in flight is answered, a reader that never reads is cut after the grace period.
import http from "node:http";
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { gracefulCloser, RunningHandlers } from "./graceful-close.ts";

const servers: http.Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.closeAllConnections();
});

async function start(handler: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void> | void) {
  const handlers = new RunningHandlers();
  const wrapped = handlers.wrap(async (req: http.IncomingMessage, res: http.ServerResponse) => handler(req, res));
  const server = http.createServer((req, res) => void wrapped(req, res));
  servers.push(server);
  const closer = gracefulCloser(server, handlers);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { closer, handlers, port: (server.address() as net.AddressInfo).port };
}

function raw(port: number, text: string, read = true) {
  const socket = net.connect(port, "127.0.0.1");
  let received = "";
  socket.setEncoding("latin1").on("data", (d: string) => (received += d));
  socket.on("error", () => {});
  if (!read) socket.pause();
  socket.write(text);
  return { socket, received: () => received, closed: new Promise<void>((r) => socket.once("close", () => r())) };
}

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("gracefulCloser", () => {
  it("drops connections without a request at once and answers the request in flight with Connection: close", async () => {
    let release!: () => void;
    const { closer, port } = await start(async (req, res) => {
      if (req.url === "/slow") await new Promise<void>((r) => (release = r));
      res.end(`done ${req.url}`);
    });
    const loris = raw(port, "GET /hal");
    const idle = raw(port, "GET /idle HTTP/1.1\r\nHost: x\r\n\r\n");
    const slow = raw(port, "GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
    while (!idle.received().includes("done /idle")) await tick(5);
    while (release === undefined) await tick(5);

    const closing = closer.close({ graceMs: 60_000, handlerMs: 1_000 });
    await Promise.all([loris.closed, idle.closed]);
    release();
    const outcome = await closing;
    await slow.closed;
    expect(slow.received()).toMatch(/^HTTP\/1\.1 200[\s\S]*connection: close[\s\S]*done \/slow$/i);
    expect(outcome).toEqual({ dropped: 2, cut: 0, unfinished: 0 });
  });

  it("cuts a reader that never reads once the grace period is over", async () => {
    const big = Buffer.alloc(8_000_000, 97);
    const { closer, port } = await start((_req, res) => void res.end(big));
    const reader = raw(port, "GET /big HTTP/1.1\r\nHost: x\r\n\r\n", false);
    await tick(200);
    const outcome = await closer.close({ graceMs: 300, handlerMs: 100 });
    expect(outcome.cut).toBe(1);
    reader.socket.resume();
    await reader.closed;
    expect(reader.received().length).toBeLessThan(big.length);
  });

  it("waits for handlers still running after their connection was cut, for at most handlerMs", async () => {
    const { closer, handlers, port } = await start(async (_req, res) => {
      await tick(10_000);
      res.end();
    });
    const client = raw(port, "GET /stuck HTTP/1.1\r\nHost: x\r\n\r\n");
    while (handlers.running === 0) await tick(5);
    const outcome = await closer.close({ graceMs: 100, handlerMs: 100 });
    await client.closed;
    expect(outcome).toEqual({ dropped: 0, cut: 1, unfinished: 1 });
  });
});
