// Chart layer (pure): what each chart draws from the figures, and that the SVG renderer is escaped, accessible and well-formed.
import { describe, expect, it } from "vitest";
import { healthFixture, reportFixture } from "../report-fixture.ts";
import { activityChart, behaviourChart, circularLayout, distributionChart, gridCells, gridChart, headlineChart, institutionsChart, keyPersonChart, networkChart, quadrantChart, segments, toSvg, type Drawing, type Primitive } from "./index.ts";

const texts = (d: Drawing) => d.items.filter((p): p is Extract<Primitive, { kind: "text" }> => p.kind === "text").map((t) => t.text);
const h = healthFixture;
const net = reportFixture.network!;
const received = new Map(h.perceived.network[1]!.organisations.map((o) => [o.organisationId, o.received] as const));
const network = () => networkChart({ waveName: net.wave.name, organisations: net.organisations, ties: net.ties, received });

/** A small XML well-formedness check: every tag closes in order, attributes quoted, no raw "<" or "&" in text. */
function wellFormed(xml: string): boolean {
  const stack: string[] = [];
  const re = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/g;
  let consumed = 0;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m.index !== consumed) return false;
    consumed = re.lastIndex;
    if (m[5] !== undefined) {
      if (/&(?!(amp|lt|gt|quot|#39);)/.test(m[5])) return false;
      continue;
    }
    if (m[1]) {
      if (stack.pop() !== m[2]) return false;
    } else if (!m[4]) stack.push(m[2]!);
  }
  return consumed === xml.length && stack.length === 0;
}

const all = (): Drawing[] => [
  headlineChart(h.perceived.trend, h.perceived.sinceBaseline),
  distributionChart(h.perceived.trend),
  gridChart(h.perceived.scores),
  network(),
  behaviourChart(h.behaviour.organisations),
  institutionsChart(h.institutions),
  keyPersonChart(h.institutions.keyPerson),
  quadrantChart(h.quadrant),
  activityChart(h.activity[1]!, [{ label: "Budget cut", from: "2026-04-01", to: "2026-05-31" }]),
];

describe("charts", () => {
  it("headline: a dot per released wave, 'not shown' for the suppressed one, and the change since baseline", () => {
    const d = headlineChart(h.perceived.trend, h.perceived.sinceBaseline);
    expect(d.items.filter((p) => p.kind === "circle")).toHaveLength(2);
    expect(texts(d)).toContain("not shown");
    expect(texts(d).some((t) => t.startsWith("Change since baseline: +0.5"))).toBe(true);
    expect(texts(headlineChart(h.perceived.trend.slice(0, 1), null))).toContain("One published wave: no change to show yet");
  });

  it("distribution: stacked segments fill exactly the bar's width, with a legend entry per answer", () => {
    const opts = [{ label: "A", percent: 0.11 }, { label: "B", percent: 0.11 }, { label: "C", percent: 0.56 }, { label: "D", percent: 0.22 }, { label: "E", percent: 0 }];
    const segs = segments(opts, 100, 370);
    expect(segs.reduce((a, s) => a + s.w, 0)).toBeCloseTo(370, 9);
    expect(segs[segs.length - 1]!.x + segs[segs.length - 1]!.w).toBeCloseTo(470, 9);
    expect(segments([{ label: "A", percent: null }], 0, 10)).toEqual([]);
    const d = distributionChart(h.perceived.trend);
    for (const label of ["A great deal", "A moderate amount", "A little", "None at all"]) expect(texts(d)).toContain(label);
    expect(texts(d)).toContain("not shown");
  });

  it("grid: 12 cells (three levels × three dimensions and their overall), 'not shown' for suppressed figures, bands in words", () => {
    const cells = gridCells(h.perceived.scores);
    expect(cells).toHaveLength(12);
    expect(cells.filter((c) => !c.shown).map((c) => `${c.level}:${c.dimension}`)).toEqual(["system:benevolence"]);
    expect(gridCells([]).every((c) => c.label === "not shown")).toBe(true);
    const t = texts(gridChart(h.perceived.scores));
    expect(t.filter((s) => s === "not shown")).toHaveLength(1);
    expect(t).toContain("concern");
    expect(t).toContain("band only");
  });

  it("network: deterministic layout, arrows for released ties only, and a note counting hidden ones", () => {
    const d = network();
    const released = net.ties.filter((t) => t.status === "released").length;
    expect(d.items.filter((p) => p.kind === "polygon")).toHaveLength(released);
    expect(d.items.filter((p) => p.kind === "line")).toHaveLength(released);
    expect(texts(d).some((t) => t.startsWith("1 rating is not shown"))).toBe(true);
    expect(network()).toEqual(d);
    const shuffled = circularLayout([...net.organisations].reverse(), 0, 0, 10);
    expect([...circularLayout(net.organisations, 0, 0, 10).entries()].sort()).toEqual([...shuffled.entries()].sort());
    const none = networkChart({ waveName: "w", organisations: net.organisations, ties: net.ties.map((t) => ({ ...t, status: "suppressed", mean: null })), received });
    expect(none.items.filter((p) => p.kind === "line" || p.kind === "polygon")).toHaveLength(0);
  });

  it("behaviour: a dot and interval per organisation with commitments due, labelled 'k of n due'", () => {
    const d = behaviourChart(h.behaviour.organisations);
    expect(d.items.filter((p) => p.kind === "circle")).toHaveLength(3);
    expect(texts(d)).toEqual(expect.arrayContaining(["45 of 50 due", "2 of 2 due", "none due"]));
  });

  it("institutionalisation, key person, quadrant and activity draw their labels", () => {
    expect(texts(institutionsChart(h.institutions))).toEqual(expect.arrayContaining(["5", "2", "In date", "Review overdue", "No review date"]));
    expect(texts(keyPersonChart(h.institutions.keyPerson))).toEqual(expect.arrayContaining(["83% flagged", "70% threshold"]));
    const q = quadrantChart(h.quadrant);
    expect(q.items.filter((p) => p.kind === "circle")).toHaveLength(3);
    expect(texts(q).some((t) => t.includes("Not enough data to place: Eastfield"))).toBe(true);
    const a = activityChart(h.activity[1]!, [{ label: "Budget cut", from: "2026-04-01", to: "2026-05-31" }]);
    expect(texts(a)).toEqual(expect.arrayContaining(["1", "6", "5", "P1"]));
    expect(texts(a).some((t) => t.startsWith("P1: Budget cut"))).toBe(true);
  });
});

describe("toSvg", () => {
  it("is well-formed, labelled for screen readers, and escapes names", () => {
    for (const d of all()) {
      const svg = toSvg(d);
      expect(wellFormed(svg), d.title).toBe(true);
      expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-label="[^"]+"/);
      expect(svg).toContain("<title>");
      expect(svg).not.toContain("<script");
    }
    const svg = toSvg(network());
    expect(svg).toContain("&lt;script&gt;");
    expect(wellFormed(`<a>x</a>`)).toBe(true);
    expect(wellFormed(`<a><script>x</a>`)).toBe(false);
  });
});
