/** Closing an HTTP server in bounded time: stop accepting, drop connections that carry no request, let requests in flight finish for a grace period, then cut whatever is left. */
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import net, { type Socket } from "node:net";

/**
 * Limits against slow clients, for `http.createServer`. Node's defaults give a client 60 s to send its headers and
 * 300 s for the whole request, checked every 30 s, so a few hundred sockets trickling a request line in (slow loris)
 * hold a file descriptor each for minutes. accord's bodies are at most 1 MiB.
 */
export const SERVER_TIMEOUTS = {
  /** Headers must be complete within 20 s of the first byte. */
  headersTimeout: 20_000,
  /** The whole request (headers and body) within 60 s. */
  requestTimeout: 60_000,
  /** An idle keep-alive connection is closed after 5 s (Node's default, said here on purpose). */
  keepAliveTimeout: 5_000,
  /** How often those two request limits are checked. */
  connectionsCheckingInterval: 2_000,
} as const;

export interface CloseOutcome {
  /** Connections with no request and nothing left to send, closed at once (idle keep-alive, requests still arriving). */
  dropped: number;
  /** Connections still busy when the grace period ended, cut. */
  cut: number;
  /** Handlers still running after their connection was cut, when the wait for them ended. */
  unfinished: number;
}

/** Counts the app's handlers running, even after their connection is gone (their database work goes on). */
export class RunningHandlers {
  private count = 0;
  private waiters: Array<() => void> = [];

  wrap<A extends unknown[], R>(fetch: (...args: A) => R | Promise<R>): (...args: A) => Promise<R> {
    return async (...args) => {
      this.count++;
      try {
        return await fetch(...args);
      } finally {
        if (--this.count === 0) for (const done of this.waiters.splice(0)) done();
      }
    };
  }

  get running(): number {
    return this.count;
  }

  /** Resolves true once none runs, or false after `ms`. */
  idle(ms: number): Promise<boolean> {
    if (this.count === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), ms);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}

export interface GracefulCloser {
  /**
   * Stops accepting and closes every connection: at once for those with no request in the app and nothing to
   * send, once their responses are sent for the others, and after `graceMs` for any still open (a slow reader). Then waits up to `handlerMs` more for
   * handlers whose connection was cut (their database work) to end.
   */
  close(opts: { graceMs: number; handlerMs: number }): Promise<CloseOutcome>;
}

/** Starts tracking connections and requests on `server`; call before it accepts any. */
export function gracefulCloser(server: Server, handlers: RunningHandlers): GracefulCloser {
  /** Every open connection, with the number of its requests handed to the app whose response has not ended. */
  const sockets = new Map<Socket, number>();
  const responses = new Set<ServerResponse>();
  let closing = false;

  server.on("connection", (socket: Socket) => {
    sockets.set(socket, 0);
    socket.once("close", () => sockets.delete(socket));
  });
  // Before the app's own listener, so the request is counted before any of it runs.
  server.prependListener("request", (req: IncomingMessage, res: ServerResponse) => {
    const socket = req.socket;
    sockets.set(socket, (sockets.get(socket) ?? 0) + 1);
    responses.add(res);
    if (closing) res.shouldKeepAlive = false; // answered with Connection: close
    res.once("close", () => {
      responses.delete(res);
      if (!sockets.has(socket)) return;
      const left = Math.max(0, (sockets.get(socket) ?? 1) - 1);
      sockets.set(socket, left);
      if (closing && left === 0) socket.end(); // its response was sent with keep-alive before the stop
    });
  });

  return {
    async close({ graceMs, handlerMs }) {
      closing = true;
      // net.Server's close, not http.Server's: that one also destroys every connection whose last response has been
      // ended, even with most of it still unsent to a slow reader; here such a connection has the grace period.
      const closed = new Promise<void>((resolve) => net.Server.prototype.close.call(server, () => resolve()));
      let dropped = 0;
      for (const [socket, active] of sockets) {
        if (active > 0) continue;
        if (socket.writableLength > 0) {
          socket.end(); // answered, but the client has not read it all yet: it has the grace period to
          continue;
        }
        socket.destroy(); // nothing of it is in the app: an idle keep-alive, or a request still being sent
        dropped++;
      }
      for (const res of responses) if (!res.headersSent) res.shouldKeepAlive = false;
      let cut = 0;
      let timer: NodeJS.Timeout | undefined;
      const inTime = await Promise.race([closed.then(() => true), new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), graceMs)))]);
      clearTimeout(timer);
      if (!inTime) {
        for (const socket of sockets.keys()) {
          socket.destroy();
          cut++;
        }
        await closed;
      }
      await handlers.idle(handlerMs);
      return { dropped, cut, unfinished: handlers.running };
    },
  };
}
