/** The chaos run's clients: each submission goes to its own survey link and is retried as a real client would (same link, same Idempotency-Key, same answers) until it gets an answer that settles it. */

/** How one submission ended. */
export type Ending = "acknowledged" | "refused" | "failed" | "in_doubt";

export interface Submission {
  token: string;
  key: string;
  answers: Record<string, { value: number }>;
  /** X-Forwarded-For (the server runs with TRUST_PROXY): every respondent is their own address. */
  address: string;
  attempts: number;
  ending?: Ending;
  /** The answer that settled it (or the last one seen). */
  last?: string;
}

/** What the clients saw, in counts. */
export class ChaosTally {
  readonly statuses = new Map<string, number>();
  readonly connectionErrors = new Map<string, number>();
  readonly samples: string[] = [];
  /** Submissions: started, and how they ended. */
  sent = 0;
  acknowledged = 0;
  /** Acknowledged by a 200 `already_stored` to a retry: an earlier attempt had stored it, its answer never arrived. */
  acknowledgedOnRetry = 0;
  refused = 0;
  failed = 0;
  inDoubt = 0;
  /** Attempts after the first; those answered 503 with a Retry-After header; the longest wait a client was told. */
  retries = 0;
  retryAfter = 0;
  /** Same-key replays of acknowledged submissions (once the links are used up), and those not answered 200 `already_stored`. */
  replays = 0;
  replayMismatches = 0;
  /** Whole seconds since the start in which at least one submission was acknowledged. */
  readonly ackSeconds = new Set<number>();

  count(map: Map<string, number>, key: string): void {
    map.set(key, (map.get(key) ?? 0) + 1);
  }

  sample(line: string): void {
    if (this.samples.length < 12) this.samples.push(line);
  }
}

interface Answer {
  status: number;
  body: any;
  retryAfter: number | undefined;
  error?: string;
}

async function post(url: string, s: Submission, timeoutMs: number): Promise<Answer> {
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", "idempotency-key": s.key, "x-forwarded-for": s.address },
      body: JSON.stringify({ answers: s.answers }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    const after = res.headers.get("retry-after");
    return { status: res.status, body, retryAfter: after !== null && /^\d+$/.test(after) ? Number(after) : undefined };
  } catch (err) {
    const e = err as { name?: string; cause?: { code?: string } };
    return { status: 0, body: undefined, retryAfter: undefined, error: e.cause?.code ?? e.name ?? "error" };
  }
}

const RETRYABLE = new Set([0, 429, 500, 502, 503, 504]);

export interface ClientOptions {
  base: string;
  tally: ChaosTally;
  t0: number;
  /** After this moment (ms since the epoch) a submission still unanswered is given up as in doubt. */
  giveUpAt: () => number;
  timeoutMs: number;
  random: () => number;
}

/**
 * Sends one submission until it is settled: 201, or 200 `already_stored` (an earlier attempt was stored) acknowledge
 * it; a connection failure, a timeout, 429 or a 5xx is retried after Retry-After or a growing, jittered pause;
 * another 4xx settles it as refused; no answer by giveUpAt leaves it in doubt.
 */
export async function submit(s: Submission, o: ClientOptions, replay = false): Promise<Ending> {
  const { tally } = o;
  for (;;) {
    s.attempts++;
    if (s.attempts > 1) tally.retries++;
    const a = await post(`${o.base}/api/v1/respond/${s.token}/response`, s, o.timeoutMs);
    tally.count(tally.statuses, a.status === 0 ? "connection error" : String(a.status));
    if (a.status === 0) tally.count(tally.connectionErrors, a.error ?? "?");
    s.last = a.status === 0 ? (a.error ?? "connection error") : `${a.status} ${typeof a.body === "object" ? (a.body?.code ?? a.body?.status ?? "") : ""}`;
    const acked = a.status === 201 || (a.status === 200 && a.body?.status === "already_stored");
    if (replay) {
      if (acked && a.status === 200) return (s.ending = "acknowledged");
      if (!RETRYABLE.has(a.status) || Date.now() > o.giveUpAt()) {
        tally.replayMismatches++;
        tally.sample(`replay of an acknowledged submission answered ${s.last}: ${JSON.stringify(a.body)?.slice(0, 200)}`);
        return (s.ending = acked ? "acknowledged" : "failed");
      }
    } else if (acked) {
      tally.acknowledged++;
      if (a.status === 200) tally.acknowledgedOnRetry++;
      tally.ackSeconds.add(Math.floor((Date.now() - o.t0) / 1000));
      return (s.ending = "acknowledged");
    } else if (a.status >= 400 && a.status < 500 && a.status !== 429) {
      tally.refused++;
      tally.sample(`submission refused ${a.status} after ${s.attempts} attempt(s): ${JSON.stringify(a.body)?.slice(0, 200)}`);
      return (s.ending = "refused");
    } else if (!RETRYABLE.has(a.status)) {
      tally.failed++;
      tally.sample(`submission answered ${a.status}: ${JSON.stringify(a.body)?.slice(0, 200)}`);
      return (s.ending = "failed");
    } else if (Date.now() > o.giveUpAt()) {
      tally.inDoubt++;
      return (s.ending = "in_doubt");
    }
    if (a.status >= 500 && tally.samples.length < 12 && a.status !== 503) tally.sample(`${a.status} (retried): ${JSON.stringify(a.body)?.slice(0, 200)}`);
    if (a.retryAfter !== undefined) tally.retryAfter++;
    const pause = a.retryAfter !== undefined ? Math.max(0.25, Math.min(10, a.retryAfter)) * 1000 * (1 + 0.5 * o.random()) : Math.min(3000, 100 * 2 ** Math.min(s.attempts, 6)) * (0.5 + o.random());
    await new Promise((r) => setTimeout(r, pause));
  }
}
