/** Batching for hot paths: reads that arrive together become one query, and writes that arrive together share one durable commit. */
import { type Db, type Tx, isSqlite } from "./database.ts";

interface Waiting<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (err: unknown) => void;
}

/** Collects what arrives during one turn of the event loop, then hands it over in one go. */
abstract class Collector<I, O> {
  #queue: Waiting<I, O>[] = [];
  #inFlight = 0;
  #scheduled = false;

  constructor(
    private readonly maxBatch: number,
    private readonly concurrency: number,
  ) {}

  /** Items waiting for a group, and groups being processed (for metrics). */
  get waiting(): number { return this.#queue.length; }
  get inFlight(): number { return this.#inFlight; }

  protected enqueue(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.#queue.push({ item, resolve, reject });
      this.#schedule();
    });
  }

  protected abstract process(group: Waiting<I, O>[]): Promise<void>;

  #schedule(): void {
    if (this.#scheduled || this.#queue.length === 0 || this.#inFlight >= this.concurrency) return;
    this.#scheduled = true;
    // setImmediate runs after the current I/O phase, so every request read in this turn joins the group.
    setImmediate(() => {
      this.#scheduled = false;
      if (this.#queue.length === 0 || this.#inFlight >= this.concurrency) return;
      const group = this.#queue.splice(0, this.maxBatch);
      this.#inFlight++;
      void this.process(group)
        .catch((err: unknown) => group.forEach((w) => w.reject(err)))
        .finally(() => {
          this.#inFlight--;
          this.#schedule();
        });
      this.#schedule();
    });
  }
}

/**
 * Writes items in groups: `write` gets every item queued meanwhile and returns one outcome per item, in order.
 * It must be atomic and durable before it returns — one transaction, or one statement — so each caller's
 * promise settles only after its group has committed. If a group's write throws, each item is written again
 * on its own, so one bad item fails alone; `write` should therefore return expected refusals as outcomes
 * rather than throw them. `inTransaction` makes such a `write` from one that takes a transaction.
 */
export class BatchWriter<I, O> extends Collector<I, O> {
  /** Transactions committed, items in them, and groups that fell back to one transaction per item. */
  readonly stats = { transactions: 0, items: 0, fallbacks: 0 };

  constructor(
    private readonly db: Db,
    private readonly write: (db: Db, items: I[]) => Promise<O[]>,
  ) {
    // One group in flight at a time: while it commits, the next group gathers, so groups grow with load and each
    // submission costs less (on PostgreSQL, 1–3 groups in flight measured within the noise of this machine).
    super(isSqlite(db) ? 500 : 200, 1);
  }

  store(item: I): Promise<O> {
    return this.enqueue(item);
  }

  protected async process(group: Waiting<I, O>[]): Promise<void> {
    const items = group.map((w) => w.item);
    let outcomes: O[];
    try {
      outcomes = await this.write(this.db, items);
    } catch (err) {
      if (group.length === 1) return group[0]!.reject(err);
      this.stats.fallbacks++;
      await Promise.all(group.map((w) => this.write(this.db, [w.item]).then((o) => w.resolve(o[0]!), w.reject)));
      return;
    }
    this.stats.transactions++;
    this.stats.items += items.length;
    group.forEach((w, i) => w.resolve(outcomes[i]!));
  }
}

/** A group write that runs `write` in one transaction. */
export function inTransaction<I, O>(write: (tx: Tx, items: I[]) => Promise<O[]>): (db: Db, items: I[]) => Promise<O[]> {
  return (db, items) => db.transaction().execute((tx) => write(tx, items));
}

/** Reads by key in groups: `read` gets the distinct keys queued meanwhile and returns what it found for each. */
export class BatchLoader<K, V> extends Collector<K, V | undefined> {
  constructor(private readonly read: (keys: K[]) => Promise<Map<K, V>>) {
    super(500, 2);
  }

  load(key: K): Promise<V | undefined> {
    return this.enqueue(key);
  }

  protected async process(group: Waiting<K, V | undefined>[]): Promise<void> {
    const found = await this.read([...new Set(group.map((w) => w.item))]);
    for (const w of group) w.resolve(found.get(w.item));
  }
}

/** One instance per database handle and purpose, so every request in a process joins the same groups. */
export function perDatabase<T>(make: (db: Db) => T): (db: Db) => T {
  const made = new WeakMap<Db, T>();
  return (db) => {
    let it = made.get(db);
    if (!it) made.set(db, (it = make(db)));
    return it;
  };
}
