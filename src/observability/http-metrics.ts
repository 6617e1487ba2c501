/** Request counts and latencies per route pattern, method and status, as Prometheus metrics. */
import { Counter, Histogram, type Registry } from "prom-client";

/** Seconds; the submission route answers in a few milliseconds, reports and imports take seconds. */
export const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

interface Series {
  inc: () => void;
  observe: (seconds: number) => void;
}

export class HttpMetrics {
  readonly #requests: Counter<"method" | "route" | "status">;
  readonly #duration: Histogram<"method" | "route" | "status">;
  /** Each label combination's children, found once: the hot path then skips prom-client's label hashing. */
  readonly #series = new Map<string, Series>();

  constructor(registry: Registry) {
    const labelNames = ["method", "route", "status"] as const;
    this.#requests = new Counter({ name: "accord_http_requests_total", help: "HTTP requests answered, by route pattern, method and status.", labelNames, registers: [registry] });
    this.#duration = new Histogram({
      name: "accord_http_request_duration_seconds",
      help: "Time from a request's arrival until its response was ready to send, by route pattern, method and status.",
      labelNames,
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    });
  }

  observe(method: string, route: string, status: number, seconds: number): void {
    const key = `${method} ${status} ${route}`;
    let series = this.#series.get(key);
    if (!series) {
      const labels = { method, route, status: String(status) };
      const counter = this.#requests.labels(labels);
      const histogram = this.#duration.labels(labels);
      series = { inc: () => counter.inc(), observe: (s) => histogram.observe(s) };
      this.#series.set(key, series);
    }
    series.inc();
    series.observe(seconds);
  }
}
