/** Starts the HTTP server on the configured port, and stops it within 10 s on SIGINT/SIGTERM: no new connections, requests in flight finished (5 s at most), slow and idle connections closed, the database closed. */
import type { Server } from "node:http";
import { serve } from "@hono/node-server";
import type { Config } from "../config/config.ts";
import { createApp } from "../http/app.ts";
import { createMailer } from "../mail/mailer.ts";
import { startObservability } from "../observability/start.ts";
import { markDraining } from "./draining.ts";
import { gracefulCloser, RunningHandlers, SERVER_TIMEOUTS } from "./graceful-close.ts";
import { releaseMemoryWhenIdle } from "./idle-memory.ts";
import { openDatabase } from "./open-database.ts";
import { announceToPrimary } from "./workers.ts";
import cluster from "node:cluster";

/** How long requests in flight at a stop may take to finish before their connections are cut. */
const GRACE_MS = 5_000;
/** Then, how long handlers whose connection was cut may go on (a transaction finishing) before the database closes. */
const HANDLER_MS = 2_000;
/** Then, how long closing the database and the metrics port may take. */
const CLOSE_MS = 1_500;
/** A stop that somehow takes longer than this ends the process anyway (exit code 1). */
const HARD_LIMIT_MS = 9_500;

export async function startServer(config: Config): Promise<{ url: string; stop: () => Promise<void> }> {
  const database = await openDatabase(config, { waitForDatabase: true });
  if (database.applied.length > 0) console.log(`accord: applied migrations ${database.applied.join(", ")}`);
  const observability = await startObservability(config, database).catch(async (err: unknown) => { await database.close(); throw err; });
  const app = createApp({ db: database.db, dialect: database.dialect, config, mailer: createMailer(config.smtp) }, { observer: observability.observer });
  const handlers = new RunningHandlers();
  const server = serve({ fetch: handlers.wrap(app.fetch), port: config.port, hostname: config.host, serverOptions: { ...SERVER_TIMEOUTS } });
  const closer = gracefulCloser(server as Server, handlers);
  await new Promise<void>((resolve, reject) => {
    server.once("listening", () => resolve());
    server.once("error", (err) => reject(err));
  }).catch(async (err: NodeJS.ErrnoException) => {
    await Promise.all([database.close(), observability.stop()]);
    if (err.code === "EADDRINUSE") throw new Error(`Port ${config.port} is already in use. Set PORT to another port.`);
    throw err;
  });
  const stopReleasing = releaseMemoryWhenIdle(server as Server);
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const url = config.publicUrl ?? `http://localhost:${port}`;
  // A worker of several (WORKERS > 1) reports to the primary, which announces them all once.
  if (cluster.isWorker) announceToPrimary(port, database.describe);
  else console.log(`accord: serving ${url} on ${database.describe}${config.smtp ? `, mail via ${config.smtp.host}` : ", no mail server (invitation links are shown to convenors)"}`);
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      markDraining();
      stopReleasing();
      const outcome = await closer.close({ graceMs: GRACE_MS, handlerMs: HANDLER_MS });
      console.log(
        `accord: connections closed (${outcome.dropped} without a request at once, ${outcome.cut} still busy after ${GRACE_MS / 1000} s cut` +
          `${outcome.unfinished > 0 ? `; ${outcome.unfinished} request(s) had not finished` : ""})`,
      );
      const closing = Promise.all([database.close(), observability.stop()]).then(() => true);
      if (!(await Promise.race([closing, new Promise<false>((resolve) => setTimeout(() => resolve(false), CLOSE_MS).unref())]))) {
        console.error(`accord: the database or the metrics port did not close within ${CLOSE_MS / 1000} s`);
      }
    })());
  return { url, stop };
}

/**
 * Stops the server on the first SIGINT or SIGTERM and exits 0 once it has (1 if stopping failed or outlasted
 * HARD_LIMIT_MS); later signals are noted and ignored. With several workers each gets SIGTERM from the primary
 * (and, in a terminal, SIGINT too).
 */
export function stopOnSignals(server: { stop: () => Promise<void> }, log: (line: string) => void = console.log): void {
  let received: NodeJS.Signals | undefined;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (received) return log(`accord: ${signal} received, already stopping`);
      received = signal;
      markDraining();
      log(`accord: ${signal} received, stopping`);
      setTimeout(() => {
        console.error(`accord: not stopped within ${HARD_LIMIT_MS / 1000} s, exiting anyway`);
        process.exit(1);
      }, HARD_LIMIT_MS).unref();
      server.stop().then(
        () => process.exit(0),
        (err: unknown) => {
          console.error(`accord: stopping failed: ${err instanceof Error ? err.message : String(err)}`);
          process.exit(1);
        },
      );
    });
  }
}
