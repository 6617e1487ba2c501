/** Starts the HTTP server on the configured port and shuts it down cleanly on SIGINT/SIGTERM. */
import type { Server } from "node:http";
import { serve } from "@hono/node-server";
import type { Config } from "../config/config.ts";
import { createApp } from "../http/app.ts";
import { createMailer } from "../mail/mailer.ts";
import { startObservability } from "../observability/start.ts";
import { releaseMemoryWhenIdle } from "./idle-memory.ts";
import { openDatabase } from "./open-database.ts";
import { announceToPrimary } from "./workers.ts";
import cluster from "node:cluster";

export async function startServer(config: Config): Promise<{ url: string; stop: () => Promise<void> }> {
  const database = await openDatabase(config, { waitForDatabase: true });
  if (database.applied.length > 0) console.log(`accord: applied migrations ${database.applied.join(", ")}`);
  const observability = await startObservability(config, database).catch(async (err: unknown) => { await database.close(); throw err; });
  const app = createApp({ db: database.db, dialect: database.dialect, config, mailer: createMailer(config.smtp) }, { observer: observability.observer });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
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
    (stopping ??= new Promise<void>((resolve) => {
      stopReleasing();
      server.close(() => resolve());
    }).then(() => Promise.all([database.close(), observability.stop()])).then(() => {}));
  return { url, stop };
}
