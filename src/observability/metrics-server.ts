/** A small HTTP server of its own for Prometheus to scrape: GET /metrics, on loopback unless configured otherwise, behind a bearer token when one is set. */
import { createHash, timingSafeEqual } from "node:crypto";
import http from "node:http";

export interface MetricsServerOptions {
  port: number;
  host: string;
  token: string | undefined;
  /** The text to serve, in the Prometheus exposition format. */
  collect: () => Promise<string>;
  contentType: string;
  /** Where a failed collection is reported. */
  onError?: (err: unknown) => void;
}

export interface MetricsServer {
  /** The port it listens on (useful with METRICS_PORT=0). */
  port: number;
  close: () => Promise<void>;
}

const digest = (s: string) => createHash("sha256").update(s).digest();

/** Compares digests so the time taken says nothing about how much of a guess was right. */
function authorised(header: string | undefined, token: string | undefined): boolean {
  if (token === undefined) return true;
  if (!header?.startsWith("Bearer ")) return false;
  return timingSafeEqual(digest(header.slice(7).trim()), digest(token));
}

export async function startMetricsServer(opts: MetricsServerOptions): Promise<MetricsServer> {
  const server = http.createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path !== "/metrics") {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Metrics are at /metrics.\n");
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" }).end("Use GET.\n");
      return;
    }
    if (!authorised(req.headers.authorization, opts.token)) {
      res.writeHead(401, { "www-authenticate": 'Bearer realm="accord metrics"', "content-type": "text/plain; charset=utf-8" }).end("Send Authorization: Bearer <METRICS_TOKEN>.\n");
      return;
    }
    opts.collect().then(
      (text) => res.writeHead(200, { "content-type": opts.contentType, "cache-control": "no-store" }).end(req.method === "HEAD" ? undefined : text),
      (err: unknown) => {
        opts.onError?.(err);
        res.writeHead(503, { "content-type": "text/plain; charset=utf-8" }).end("Metrics could not be collected just now.\n");
      },
    );
  });
  // Scrapes are small and come every few seconds; a connection left open by a scraper must not hold up a stop.
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", (err: NodeJS.ErrnoException) =>
      reject(err.code === "EADDRINUSE" ? new Error(`METRICS_PORT ${opts.port} is already in use. Set METRICS_PORT to another port.`) : err),
    );
    server.listen(opts.port, opts.host, () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === "object" && address ? address.port : opts.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
