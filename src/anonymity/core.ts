// Shared types and set arithmetic of the anonymity rules: groups, breakdowns, release statuses, atoms, the error guard.

/** The smallest k any wave may use. */
export const MIN_K = 3;

/** A set of respondents whose answers a figure would aggregate. Members are random response ids. */
export interface Group {
  key: string;
  members: ReadonlySet<string>;
}

/**
 * Everything a viewer could be shown for one wave: the whole partnership (`total`) and the groups it
 * can be broken down by (sectors, organisations, …). Every group must be a subset of the total.
 */
export interface Breakdown {
  total: Group;
  groups: readonly Group[];
  /** Minimum group size of the wave (≥ MIN_K). */
  k: number;
  /** For each earlier published wave: key → n of the groups released in it (see `releasedSizes`). */
  previousWaves?: ReadonlyArray<ReadonlyMap<string, number>>;
}

export type Suppression =
  /** Fewer than k respondents (in the group, or answering this question in it). */
  | "too_few"
  /** The rest of the partnership, or a remainder obtainable by adding and subtracting released groups, is below k. */
  | "remainder"
  /** It differs from an already released group by fewer than k respondents. */
  | "overlap"
  /** Its size changed by fewer than k since a wave in which it was released. */
  | "wave_difference"
  /** Something went wrong inside the rules; nothing is released. */
  | "error";

export type GroupDecision = { ok: true; n: number } | { ok: false; reason: Suppression };

export interface Released<T> {
  status: "released";
  n: number;
  value: T;
}
export interface Coarse<C> {
  status: "coarse";
  n: number;
  value: C;
}
export interface Suppressed {
  status: "suppressed";
  reason: Suppression;
}
/** A figure is released in full, released only coarsely, or suppressed (never shown as 0). */
export type Release<T, C> = Released<T> | Coarse<C> | Suppressed;

export const suppressed = (reason: Suppression): Suppressed => ({ status: "suppressed", reason });

export function checkK(k: number): void {
  if (!Number.isInteger(k) || k < MIN_K) throw new RangeError(`k must be an integer of at least ${MIN_K}, got ${k}`);
}

/** Validates a breakdown: k, unique keys, groups inside the total. Throws on anything odd. */
export function checkBreakdown(b: Breakdown): void {
  checkK(b.k);
  const keys = new Set<string>([b.total.key]);
  for (const group of b.groups) {
    if (keys.has(group.key)) throw new Error(`group key used twice: ${group.key}`);
    keys.add(group.key);
    for (const id of group.members) {
      if (!b.total.members.has(id)) throw new Error(`group ${group.key} has a member outside the total`);
    }
  }
}

/**
 * The order in which groups are considered (the total always comes first): larger groups first, so
 * a sector wins over an organisation inside it, then by key (code-unit order, not locale) for ties.
 * Input order never matters, so every viewer, every time, gets the same release.
 */
export function inReleaseOrder<G extends { key: string; members: ReadonlySet<string> }>(groups: readonly G[]): G[] {
  return [...groups].sort((a, b) => b.members.size - a.members.size || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** |a \ b| */
export function sizeOfDifference(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const id of a) if (!b.has(id)) n++;
  return n;
}

/**
 * The atoms of a growing family of sets: respondents in at least one set, grouped by exactly which
 * sets contain them. Adding and subtracting aggregates of the sets can isolate an atom but nothing
 * finer (exactly so for nested families such as total ⊇ sector ⊇ organisation, conservatively for
 * crossing ones), so every atom a viewer can reach must itself be safe to release. Incremental:
 * adding a set only splits the atoms it touches, so checking a candidate costs O(touched members).
 */
export class Atoms {
  private readonly atomOf = new Map<string, number>();
  private readonly atoms: string[][] = [];

  /** The atoms that adding `set` would create or change; every other atom stays as it is. */
  piecesIfAdded(set: ReadonlySet<string>): string[][] {
    const inside = new Map<number, string[]>();
    const fresh: string[] = [];
    for (const id of set) {
      const a = this.atomOf.get(id);
      if (a === undefined) {
        fresh.push(id);
        continue;
      }
      const ids = inside.get(a);
      if (ids) ids.push(id);
      else inside.set(a, [id]);
    }
    const pieces: string[][] = [];
    for (const [a, ids] of inside) {
      pieces.push(ids);
      const atom = this.atoms[a] ?? [];
      if (ids.length < atom.length) pieces.push(atom.filter((id) => !set.has(id)));
    }
    if (fresh.length > 0) pieces.push(fresh);
    return pieces;
  }

  add(set: ReadonlySet<string>): void {
    for (const piece of this.piecesIfAdded(set)) {
      const index = this.atoms.length;
      this.atoms.push(piece);
      for (const id of piece) this.atomOf.set(id, index);
    }
  }
}

/** True when every answer but at most one is the same (the "all but one" disclosure). */
export function allButOneSame<V>(values: readonly V[]): boolean {
  const counts = new Map<V, number>();
  let most = 0;
  for (const v of values) {
    const c = (counts.get(v) ?? 0) + 1;
    counts.set(v, c);
    if (c > most) most = c;
  }
  return most >= values.length - 1;
}

/** Keys a result map must cover, even when the breakdown itself is broken (then as many as can be read). */
export function keysOf(b: Breakdown): string[] {
  const keys: string[] = [];
  try {
    keys.push(b.total.key);
  } catch {
    /* nothing readable */
  }
  try {
    for (const group of b.groups) {
      try {
        keys.push(group.key);
      } catch {
        /* skip unreadable group */
      }
    }
  } catch {
    /* groups not iterable */
  }
  return keys.filter((key) => typeof key === "string");
}

/**
 * The results keyed in the caller's order (total, then the groups as given), never in the internal
 * size order, which would hint at the relative sizes of suppressed groups. Missing keys get `missing`.
 */
export function inBreakdownOrder<V>(b: Breakdown, results: ReadonlyMap<string, V>, missing: V): Map<string, V> {
  return new Map([b.total, ...b.groups].map((g) => [g.key, results.get(g.key) ?? missing]));
}

/**
 * Runs `compute`; on any exception returns every key of the breakdown as suppressed with reason
 * "error", so a fault can never leak a raw figure. Callers must treat a missing key as suppressed
 * too (`releaseOf` does).
 */
export function guardMap<V>(b: Breakdown, compute: () => Map<string, V>, onError: V): Map<string, V> {
  try {
    return compute();
  } catch {
    return new Map(keysOf(b).map((key) => [key, onError]));
  }
}

/** The release for `key`, treating a key missing from the map as suppressed. */
export function releaseOf<T, C>(results: ReadonlyMap<string, Release<T, C>>, key: string): Release<T, C> {
  return results.get(key) ?? suppressed("error");
}
