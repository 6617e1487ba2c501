/** Entry of `accord serve` in the primary of several workers (WORKERS > 1): loads only its settings and node:cluster, not the app, so it stays small. */
import { loadConfig } from "../config/config.ts";
import { runPrimary } from "./workers.ts";

try {
  const config = loadConfig();
  // With METRICS_PORT the primary serves every worker's metrics, summed; that loads prom-client, still none of the app.
  if (config.metrics) await (await import("../observability/cluster-metrics.ts")).serveClusterMetrics(config.metrics);
  runPrimary(config);
} catch (err) {
  console.error(`accord: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
