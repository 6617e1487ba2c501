// Test-only: fast-check generators of partnerships and waves, and independent checkers of the anonymity invariants.
import fc from "fast-check";
import type { Breakdown, Group, GroupDecision, Release } from "./core.ts";

export const CHOICES = ["great_deal", "moderate", "little", "none", "other"] as const;
export const SCALE = ["1", "2", "3", "4", "5", "dont_know"] as const;

/** What one generated respondent does: a choice answer, a scale answer (either may be skipped), a role. */
const person = fc.record({
  choice: fc.oneof(
    { weight: 3, arbitrary: fc.constant("MOOD" as const) },
    { weight: 2, arbitrary: fc.constantFrom(...CHOICES) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  ),
  scale: fc.oneof(
    { weight: 3, arbitrary: fc.constant("MOOD" as const) },
    { weight: 2, arbitrary: fc.constantFrom(...SCALE) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  ),
  role: fc.integer({ min: 0, max: 2 }),
});

/** The shape of a partnership and its respondents for one wave. */
export const partnershipSpec = fc.record({
  k: fc.integer({ min: 3, max: 7 }),
  orgs: fc.array(fc.record({ sector: fc.integer({ min: 0, max: 3 }), size: fc.integer({ min: 0, max: 16 }) }), {
    minLength: 1,
    maxLength: 7,
  }),
  /** Respondents who belong to no organisation (counted in the total only). */
  unaffiliated: fc.integer({ min: 0, max: 3 }),
  /** Also offer a breakdown that crosses organisations (by role), so the groups are not nested. */
  crossing: fc.boolean(),
  choiceMood: fc.constantFrom(...CHOICES),
  scaleMood: fc.constantFrom("3", "4", "5"),
  people: fc.array(person, { minLength: 120, maxLength: 120 }),
});
export type PartnershipSpec = typeof partnershipSpec extends fc.Arbitrary<infer T> ? T : never;

export interface World {
  breakdown: Breakdown;
  /** The baseline-style question: response id → option. */
  choices: Map<string, string>;
  /** A 1–5 item including "don't know", as shown in a distribution. */
  scaleChoices: Map<string, string>;
  /** The same item as numbers ("don't know" left out), for means. */
  scale: Map<string, number>;
}

/** Builds the breakdowns the API offers — total, each sector, each organisation (and roles) — and answers. */
export function buildWorld(spec: PartnershipSpec, wave = "w1"): World {
  const choices = new Map<string, string>();
  const scaleChoices = new Map<string, string>();
  const scale = new Map<string, number>();
  const all: string[] = [];
  const roles: string[][] = [[], [], []];
  let next = 0;
  const enrol = (): string => {
    const id = `${wave}-r${next}`;
    const p = spec.people[next % spec.people.length];
    next++;
    all.push(id);
    if (!p) return id;
    roles[p.role]?.push(id);
    const c = p.choice === "MOOD" ? spec.choiceMood : p.choice;
    if (c !== undefined) choices.set(id, c);
    const s = p.scale === "MOOD" ? spec.scaleMood : p.scale;
    if (s !== undefined) {
      scaleChoices.set(id, s);
      if (s !== "dont_know") scale.set(id, Number(s));
    }
    return id;
  };
  const orgs: Group[] = spec.orgs.map((o, i) => ({ key: `org:${i}`, members: new Set(Array.from({ length: o.size }, enrol)) }));
  for (let i = 0; i < spec.unaffiliated; i++) enrol();
  const sectors: Group[] = [...new Set(spec.orgs.map((o) => o.sector))].map((s) => ({
    key: `sector:${s}`,
    members: new Set(orgs.filter((_, i) => spec.orgs[i]?.sector === s).flatMap((o) => [...o.members])),
  }));
  const crossing = spec.crossing ? roles.map((members, r) => ({ key: `role:${r}`, members: new Set(members) })) : [];
  const breakdown: Breakdown = { total: { key: "total", members: new Set(all) }, groups: [...sectors, ...orgs, ...crossing], k: spec.k };
  return { breakdown, choices, scaleChoices, scale };
}

// ---- independent oracles (deliberately not sharing code with the module under test) ----

const minus = (a: ReadonlySet<string>, b: ReadonlySet<string>) => [...a].filter((x) => !b.has(x)).length;

/** Classes of respondents by which sets contain them: what sums and differences of the sets can isolate. */
function atoms(sets: ReadonlyArray<ReadonlySet<string>>): string[][] {
  const classes = new Map<string, string[]>();
  for (const id of new Set(sets.flatMap((s) => [...s]))) {
    const sig = sets.map((s) => Number(s.has(id))).join("");
    classes.set(sig, [...(classes.get(sig) ?? []), id]);
  }
  return [...classes.values()];
}

/** True when all values but at most one are equal. */
export function nearlyUniform(values: readonly unknown[]): boolean {
  const counts = new Map<unknown, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return Math.max(0, ...counts.values()) >= values.length - 1;
}

function fail(message: string): never {
  throw new Error(message);
}

/** Rules 1–3 on a family of released sets inside `total` (the total itself among them or not). */
export function checkSafeFamily(
  label: string,
  total: Group,
  released: ReadonlyMap<string, ReadonlySet<string>>,
  k: number,
) {
  const entries = [...released];
  for (const [key, set] of entries) {
    if (set.size < k) fail(`${label}: ${key} covers ${set.size} < k=${k}`);
    const rest = minus(total.members, set);
    if (key !== total.key && rest < k) fail(`${label}: the rest of the partnership beside ${key} is ${rest} < k=${k}`);
  }
  for (const [ka, a] of entries) {
    for (const [kb, b] of entries) {
      const d = minus(a, b);
      if (d > 0 && d < k) fail(`${label}: ${ka} \\ ${kb} has ${d} < k=${k}`);
    }
  }
  for (const atom of atoms(entries.map(([, s]) => s))) {
    if (atom.length < k) fail(`${label}: adding and subtracting released groups isolates ${atom.length} < k=${k}`);
  }
}

/** Group-level invariants. */
export function checkGroups(b: Breakdown, decisions: ReadonlyMap<string, GroupDecision>) {
  const released = new Map<string, ReadonlySet<string>>();
  for (const g of [b.total, ...b.groups]) {
    const d = decisions.get(g.key);
    if (!d) fail(`no decision for ${g.key}`);
    if (d.ok) {
      if (d.n !== g.members.size) fail(`${g.key}: n ${d.n} is not its size ${g.members.size}`);
      released.set(g.key, g.members);
    }
  }
  if (released.size > 0 && !released.has(b.total.key)) fail("a group released without the total");
  checkSafeFamily("groups", b.total, released, b.k);
}

/** Figure-level invariants: k on who answered, rules 2–3 on the covered sets, and the coarse rule. */
export function checkFigure<V>(
  b: Breakdown,
  answers: ReadonlyMap<string, V>,
  results: ReadonlyMap<string, Release<unknown, unknown>>,
  tooAlike: (values: V[]) => boolean,
) {
  const covered = (g: Group) => new Set([...g.members].filter((id) => answers.has(id)));
  const shown = new Map<string, ReadonlySet<string>>();
  const full: Array<ReadonlySet<string>> = [];
  for (const g of [b.total, ...b.groups]) {
    const r = results.get(g.key);
    if (!r) fail(`no figure for ${g.key}`);
    if (r.status === "suppressed") {
      if (Object.keys(r).sort().join() !== "reason,status") fail(`${g.key}: a suppressed figure carries data`);
      continue;
    }
    const set = covered(g);
    if (r.n !== set.size) fail(`${g.key}: n ${r.n} is not the number who answered (${set.size})`);
    shown.set(g.key, set);
    const values = [...set].map((id) => answers.get(id) as V);
    if (r.status === "released") {
      if (tooAlike(values)) fail(`${g.key}: all but one answers agree, yet released in full`);
      full.push(set);
    }
  }
  checkSafeFamily("figure", { key: b.total.key, members: covered(b.total) }, shown, b.k);
  for (const atom of atoms(full)) {
    if (tooAlike(atom.map((id) => answers.get(id) as V))) fail("subtracting full figures isolates a too-alike set");
  }
}

/** Rule 4: groups released in both waves changed size by 0 or ≥ k (the total exempt). */
export function checkWaves(k: number, before: ReadonlyMap<string, number>, now: ReadonlyMap<string, GroupDecision>) {
  for (const [key, d] of now) {
    const n0 = before.get(key);
    if (key === "total" || !d.ok || n0 === undefined) continue;
    const change = Math.abs(d.n - n0);
    if (change > 0 && change < k) fail(`${key}: ${n0} → ${d.n} between waves, a change below k=${k}`);
  }
}

/** The coarse test for distributions: all but one counted answers, or all but one substantive answers, agree. */
export const distributionTooAlike = (values: string[]) =>
  nearlyUniform(values) || nearlyUniform(values.filter((v) => v !== "dont_know"));

/** A members set that throws from its n-th method call on: an injected fault inside the rules. */
export function faulty(members: ReadonlySet<string>, after: number): { members: ReadonlySet<string>; fired: () => boolean } {
  let calls = 0;
  let fired = false;
  const proxy = new Proxy(members, {
    get(target, prop) {
      const v: unknown = Reflect.get(target, prop, target);
      if (typeof v !== "function") return v;
      return (...args: unknown[]) => {
        if (++calls > after) {
          fired = true;
          throw new Error("injected fault");
        }
        return (v as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { members: proxy, fired: () => fired };
}
