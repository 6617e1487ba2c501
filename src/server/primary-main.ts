/** Entry of `accord serve` in the primary of several workers (WORKERS > 1): loads only its settings and node:cluster, not the app, so it stays small. */
import { loadConfig } from "../config/config.ts";
import { runPrimary } from "./workers.ts";

try {
  runPrimary(loadConfig());
} catch (err) {
  console.error(`accord: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
