/** Knows whether the database can be reached and has room, from what queries meet and from probes; says so in one log line when that changes. */
import { classifyDatabaseError, DatabaseUnreachableError, describeDatabaseError } from "./errors.ts";

/** A query or connection waiting longer than this makes the monitor check the server on a connection of its own. */
export const STALL_MS = 2_000;
/**
 * How long a probe (a new connection and `select 1`) may take before the server counts as out of reach. Counting it
 * out of reach ends every pooled connection, so this is kept well above what a busy but healthy server takes to
 * answer a new connection (tens of milliseconds even at a load of 13 on 2 cores here).
 */
export const PROBE_TIMEOUT_MS = 3_500;
/** While out of reach, a probe this often. */
const RECHECK_MS = 1_000;

export interface MonitorOptions {
  log?: (line: string) => void;
  /** PostgreSQL: opens a connection outside the pool and runs `select 1`; rejects when the server does not answer. */
  probe?: () => Promise<void>;
  /** Ends every pooled connection (they lead to a server that stopped answering), so waiting queries fail now. */
  dropConnections?: () => void;
  /** SQLite: whether the file still has room (free space where it lives, `max_page_count`). */
  hasRoom?: () => boolean;
  /** How long after the last "no room" error writes must have worked before the monitor says so (damps flapping). */
  settleMs?: number;
}

export class DatabaseMonitor {
  private readonly log: (line: string) => void;
  private readonly opts: MonitorOptions;
  private readonly settleMs: number;
  private unreachableSince: number | undefined;
  private lastProblem = "";
  private probing: Promise<void> | undefined;
  private lastProbeAt = 0;
  private recheck: NodeJS.Timeout | undefined;
  private readonly inFlight = new Set<{ since: number }>();
  private watchdog: NodeJS.Timeout | undefined;
  private readonly onDown = new Set<(err: Error) => void>();
  private fullSince: number | undefined;
  private lastFullAt = 0;
  private wroteSinceFull = false;
  private settleTimer: NodeJS.Timeout | undefined;
  private misconfiguredLoggedAt = 0;
  private closed = false;

  constructor(opts: MonitorOptions = {}) {
    this.opts = opts;
    this.log = opts.log ?? ((line) => console.error(line));
    this.settleMs = opts.settleMs ?? 5_000;
    if (opts.probe) {
      this.watchdog = setInterval(() => this.checkStalls(), STALL_MS / 2);
      this.watchdog.unref();
    }
  }

  /** True while the last probe found the server out of reach (PostgreSQL only). */
  get unreachable(): boolean {
    return this.unreachableSince !== undefined;
  }

  /** Why the database was last found out of reach. */
  get problem(): string {
    return this.lastProblem;
  }

  /** Throws at once while the database is known to be out of reach, instead of queuing behind a server that does not answer. */
  refuseWhileUnreachable(): void {
    if (this.unreachableSince !== undefined) throw new DatabaseUnreachableError(this.lastProblem);
  }

  /** Counts `work` as in flight (for the stall watchdog) and, when `abandon` is given, rejects it as soon as the server is found out of reach (`abandon` gets a late result). */
  track<T>(work: Promise<T>, abandon?: (late: T) => void): Promise<T> {
    if (!this.opts.probe) return work;
    const entry = { since: Date.now() };
    this.inFlight.add(entry);
    const done = () => this.inFlight.delete(entry);
    if (!abandon) return work.finally(done);
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const down = (err: Error) => {
        settled = true;
        done();
        this.onDown.delete(down);
        reject(err);
      };
      this.onDown.add(down);
      work.then(
        (value) => {
          this.onDown.delete(down);
          done();
          if (settled) abandon(value);
          else resolve(value);
        },
        (err: unknown) => {
          this.onDown.delete(down);
          done();
          if (!settled) reject(err);
        },
      );
    });
  }

  /** Every driver error passes here: a lost connection sets off a probe, "no room" is remembered, a bad setting is logged now and then. */
  observe(err: unknown): void {
    const failure = classifyDatabaseError(err);
    if (failure === "unreachable") this.suspect(err);
    else if (failure === "full") this.noteFull(err);
    else if (failure === "misconfigured" && Date.now() - this.misconfiguredLoggedAt > 60_000) {
      this.misconfiguredLoggedAt = Date.now();
      this.log(`accord: the database refuses this server's settings (${describeDatabaseError(err)}); check DATABASE_URL`);
    }
  }

  /** Checks the server on a connection of its own (at most one probe at a time, and not twice a second while it answers). */
  suspect(reason?: unknown): Promise<void> {
    const probe = this.opts.probe;
    if (!probe || this.closed) return Promise.resolve();
    if (this.probing) return this.probing;
    if (Date.now() - this.lastProbeAt < RECHECK_MS / 2) return Promise.resolve();
    this.probing = probe().then(
      () => this.reachable(),
      (err: unknown) => (classifyDatabaseError(err) === "unreachable" ? this.outOfReach(err) : this.reachable()),
    ).finally(() => {
      this.lastProbeAt = Date.now();
      this.probing = undefined;
    });
    if (reason !== undefined && this.unreachableSince === undefined) this.lastProblem = describeDatabaseError(reason);
    return this.probing;
  }

  private checkStalls(): void {
    const oldest = this.inFlight.values().next().value;
    if (oldest && Date.now() - oldest.since >= STALL_MS) void this.suspect();
  }

  private outOfReach(err: unknown): void {
    this.lastProblem = describeDatabaseError(err);
    if (this.unreachableSince !== undefined) return;
    this.unreachableSince = Date.now();
    this.log(`accord: the database cannot be reached (${this.lastProblem}); requests get 503 with Retry-After until it answers (checked every second)`);
    this.opts.dropConnections?.();
    const refusal = new DatabaseUnreachableError(this.lastProblem);
    for (const down of [...this.onDown]) down(refusal);
    const again = () => {
      if (this.closed || this.unreachableSince === undefined) return;
      void this.suspect().finally(() => {
        if (this.unreachableSince !== undefined && !this.closed) {
          this.recheck = setTimeout(again, RECHECK_MS);
          this.recheck.unref();
        }
      });
    };
    this.recheck = setTimeout(again, RECHECK_MS);
    this.recheck.unref();
  }

  private reachable(): void {
    if (this.unreachableSince === undefined) return;
    const seconds = Math.round((Date.now() - this.unreachableSince) / 1000);
    this.unreachableSince = undefined;
    clearTimeout(this.recheck);
    this.log(`accord: the database can be reached again (it could not be for ${seconds} s)`);
  }

  /** A write failed for want of room: says so once, when it starts. */
  noteFull(err: unknown): void {
    this.lastFullAt = Date.now();
    this.wroteSinceFull = false;
    if (this.fullSince !== undefined) return;
    this.fullSince = this.lastFullAt;
    this.log(`accord: the database has no room to store (${describeDatabaseError(err)}); writes are refused with 507 storage_full until room is made`);
  }

  /** A write was stored: once writes have worked for a while after the last "no room", says so once. */
  noteWriteOk(): void {
    if (this.fullSince === undefined) return;
    this.wroteSinceFull = true;
    this.settleFull();
  }

  /** Whether the database has no room: the last writes failed for it, or (SQLite) the file system or page limit is at its end. */
  get storageFull(): boolean {
    this.settleFull();
    if (this.fullSince !== undefined) return true;
    return this.opts.hasRoom ? !this.opts.hasRoom() : false;
  }

  private settleFull(): void {
    if (this.fullSince === undefined) return;
    const room = this.opts.hasRoom?.();
    // With a room check (SQLite) room is enough once it has lasted; without one (PostgreSQL) a write must have worked.
    if (room === false || (room === undefined && !this.wroteSinceFull)) return;
    const wait = this.lastFullAt + this.settleMs - Date.now();
    if (wait > 0) {
      if (!this.settleTimer) {
        this.settleTimer = setTimeout(() => {
          this.settleTimer = undefined;
          this.settleFull();
        }, wait);
        this.settleTimer.unref();
      }
      return;
    }
    const seconds = Math.round((Date.now() - this.fullSince) / 1000);
    this.fullSince = undefined;
    this.log(`accord: writes work again (the database had no room for ${seconds} s)`);
  }

  close(): void {
    this.closed = true;
    clearInterval(this.watchdog);
    clearTimeout(this.recheck);
    clearTimeout(this.settleTimer);
  }
}
