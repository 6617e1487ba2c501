/** Sets up what `accord serve` shows operators: the access log on stdout and, with METRICS_PORT, Prometheus metrics (served here, or by the primary when there are several workers). */
import cluster from "node:cluster";
import type { Config } from "../config/config.ts";
import { sqliteFileIn } from "../db/connect.ts";
import type { Db } from "../db/database.ts";
import { createLogger } from "./access-log.ts";
import type { PoolStats } from "./metrics-registry.ts";
import { requestObserver, type RequestObserver } from "./request-observer.ts";

export interface Observability {
  /** For `createApp`: undefined when both the log and metrics are off. */
  observer: RequestObserver | undefined;
  /** The metrics port, when this process serves one. */
  metricsPort: number | undefined;
  stop: () => Promise<void>;
}

export async function startObservability(
  config: Config,
  database: { db: Db; pool?: PoolStats | undefined },
  say: (line: string) => void = console.log,
): Promise<Observability> {
  const log = config.accessLog ? createLogger(config.logLevel) : undefined;
  if (!config.metrics) return { observer: requestObserver({ log }), metricsPort: undefined, stop: async () => {} };

  // Loaded only when metrics are asked for.
  const [{ createMetricsRegistry }, { responseWriter }, { accountsQueued }, { AggregatorRegistry }] = await Promise.all([
    import("./metrics-registry.ts"),
    import("../surveys/store-responses.ts"),
    import("../limits/one-at-a-time.ts"),
    import("prom-client"),
  ]);
  const { registry, http } = createMetricsRegistry({
    pool: database.pool,
    sqliteFile: config.databaseUrl ? undefined : sqliteFileIn(config.dataDir),
    submissions: () => responseWriter(database.db),
    expensiveQueued: accountsQueued,
  });
  const observer = requestObserver({ log, metrics: http });
  if (cluster.isWorker) {
    // One of several workers: the primary serves every worker's metrics summed (src/observability/cluster-metrics.ts) and
    // asks each for its own over the cluster channel; constructing an AggregatorRegistry here starts answering.
    AggregatorRegistry.setRegistries(registry);
    new AggregatorRegistry();
    return { observer, metricsPort: undefined, stop: async () => {} };
  }
  const { startMetricsServer } = await import("./metrics-server.ts");
  const server = await startMetricsServer({
    ...config.metrics,
    collect: () => registry.metrics(),
    contentType: registry.contentType,
    onError: (err) => console.error(`accord: metrics could not be collected: ${err instanceof Error ? err.message : String(err)}`),
  });
  say(`accord: metrics on http://${config.metrics.host}:${server.port}/metrics${config.metrics.token ? " (bearer token required)" : ""}`);
  return { observer, metricsPort: server.port, stop: server.close };
}
