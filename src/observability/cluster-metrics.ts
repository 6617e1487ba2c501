/** In the primary of several workers (WORKERS > 1): serves the metrics of every worker, summed, on the metrics port. Loads prom-client and node:http, none of the app. */
import { AggregatorRegistry } from "prom-client";
import type { Config } from "../config/config.ts";
import { startMetricsServer, type MetricsServer } from "./metrics-server.ts";

/**
 * prom-client's AggregatorRegistry asks each live worker for its registry over the cluster channel and merges them:
 * counters and histograms added up, event-loop lag averaged. A worker that is replaced takes its counts with it, which
 * Prometheus's rate() treats as a counter reset.
 */
export async function serveClusterMetrics(metrics: NonNullable<Config["metrics"]>, say: (line: string) => void = console.log): Promise<MetricsServer> {
  const aggregator = new AggregatorRegistry();
  const server = await startMetricsServer({
    ...metrics,
    collect: () => aggregator.clusterMetrics(),
    contentType: aggregator.contentType,
    onError: (err) => console.error(`accord: metrics could not be collected from the workers: ${err instanceof Error ? err.message : String(err)}`),
  });
  say(`accord: metrics of every worker on http://${metrics.host}:${server.port}/metrics${metrics.token ? " (bearer token required)" : ""}`);
  return server;
}
