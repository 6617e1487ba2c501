/** Benchmark: the audit gate (src/anonymity/audit) on a table the size of a 200-respondent wave. Run: npx tsx bench/audit.ts */
import { auditTable, suppressSecondary, type Cell, type Fact, type TableModel, type Terms, type Withheld } from "../src/anonymity/audit/index.ts";

// 10 organisations × 5 sectors × 8 items × 5 answer values = 2,000 unknown counts. Organisation sizes
// put two organisations under k = 5, so their counts are withheld; everything else is released.
const ORGS = 10, SECTORS = 5, ITEMS = 8, ANSWERS = 5, K = 5;
const ORG_SIZES = [40, 35, 30, 25, 25, 20, 15, 5, 3, 2];
const RUNS = Number(process.env["BENCH_RUNS"] ?? 3);

let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const id = (o: number, s: number, i: number, a: number) => `o${o}s${s}i${i}a${a}`;

const hidden = new Map<string, number>();
for (let o = 0; o < ORGS; o++) {
  for (let p = 0; p < ORG_SIZES[o]!; p++) {
    const s = Math.floor(rand() * SECTORS);
    for (let i = 0; i < ITEMS; i++) {
      const a = Math.floor(rand() * ANSWERS);
      hidden.set(id(o, s, i, a), (hidden.get(id(o, s, i, a)) ?? 0) + 1);
    }
  }
}
const cells: Cell[] = [];
for (let o = 0; o < ORGS; o++) for (let s = 0; s < SECTORS; s++) for (let i = 0; i < ITEMS; i++) for (let a = 0; a < ANSWERS; a++) cells.push({ id: id(o, s, i, a), upper: 200 });

const sumOf = (terms: Terms) => Object.entries(terms).reduce((t, [c, k]) => t + k * (hidden.get(c) ?? 0), 0);
const fact = (name: string, terms: Terms): Fact => ({ id: name, terms, value: sumOf(terms) });
const over = (pick: (o: number, s: number) => boolean, i: number, weight: (a: number) => number): Terms => {
  const terms: Record<string, number> = {};
  for (let o = 0; o < ORGS; o++) for (let s = 0; s < SECTORS; s++) if (pick(o, s)) for (let a = 0; a < ANSWERS; a++) terms[id(o, s, i, a)] = weight(a);
  return terms;
};
const count = (a0: number) => (a: number) => (a === a0 ? 1 : 0);
const value = (a: number) => a + 1;

const facts: Fact[] = [];
const withheld: Withheld[] = [];
const sectorCandidates: Fact[] = [];
for (let i = 0; i < ITEMS; i++) {
  for (let a = 0; a < ANSWERS; a++) {
    for (let o = 0; o < ORGS; o++) {
      const terms = over((oo) => oo === o, i, count(a));
      if (ORG_SIZES[o]! >= K) facts.push(fact(`org ${o} item ${i} answer ${a}`, terms));
      else withheld.push({ id: `org ${o} item ${i} answer ${a}`, terms });
    }
    for (let s = 0; s < SECTORS; s++) sectorCandidates.push(fact(`sector ${s} item ${i} answer ${a}`, over((_, ss) => ss === s, i, count(a))));
  }
  for (let o = 0; o < ORGS; o++) {
    const terms = over((oo) => oo === o, i, value);
    if (ORG_SIZES[o]! < K) withheld.push({ id: `org ${o} item ${i} sum`, terms });
  }
}
// The wave total per item (released): makes the two small organisations' combined counts a complement.
for (let i = 0; i < ITEMS; i++) facts.push(fact(`total item ${i} n`, over(() => true, i, () => 1)));

const table: TableModel = { cells, facts, withheld, protection: { minWidth: 2 } };
console.log(`cells ${cells.length}, released facts ${facts.length}, withheld figures ${withheld.length}`);

async function time(label: string, run: () => Promise<string>) {
  const times: number[] = [];
  let note = "";
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    note = await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`${label}: median ${times[Math.floor(times.length / 2)]!.toFixed(0)} ms over ${RUNS} runs (${note})`);
}

await time("audit, LP only", async () => `${(await auditTable(table, "lp")).exposed.length} exposed`);
await time("audit, integer", async () => `${(await auditTable(table, "integer")).exposed.length} exposed`);
const candidates = sectorCandidates.slice(0, 10);
await time(`secondary suppression, ${candidates.length} candidates, integer`, async () => {
  const r = await suppressSecondary({ ...table, withheld: withheld.slice(0, 10) }, candidates, "integer");
  return `${r.release.length} released, ${r.suppress.length} suppressed`;
});
