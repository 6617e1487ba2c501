/** Chart: the overall trust score per published wave (1–5) with its interval, and the change since the baseline. */
import type { Health } from "../../health/contracts.ts";
import { ACCENT, GRID, INK, MUTED, BAND_WORD, fmt1, line, scale, signed, text, truncate, type Drawing, type Primitive } from "./drawing.ts";

type Trend = Health["perceived"]["trend"];
type Comparison = Health["perceived"]["sinceBaseline"];

/** The all-levels, all-dimensions change between the baseline and the latest wave, if released. */
export function overallChange(c: Comparison) {
  const row = c?.scores.find((s) => s.level === "all" && s.dimension === "all");
  return row && row.change.status === "released" ? row.change : null;
}

export function changeSentence(c: Comparison): string {
  if (!c) return "Only one published wave so far, so there is no change since the baseline yet.";
  const ch = overallChange(c);
  if (!ch) return `Change from ${c.from.name} to ${c.to.name}: not shown (too few people answered both waves to release it).`;
  const interval = ch.lower !== null && ch.upper !== null ? ` (95% interval ${signed(ch.lower)} to ${signed(ch.upper)})` : "";
  return `Change from ${c.from.name} to ${c.to.name}: ${signed(ch.difference)} points on the 1–5 scale${interval}.`;
}

export function headlineChart(trend: Trend, sinceBaseline: Comparison): Drawing {
  const width = 480;
  const left = 40;
  const right = width - 16;
  const top = 30;
  const bottom = 150;
  const height = 190;
  const y = scale(1, 5, bottom, top);
  const items: Primitive[] = [];
  for (let v = 1; v <= 5; v++) {
    items.push(line(left, y(v), right, y(v), GRID, 0.5), text(left - 6, y(v) + 3, String(v), { anchor: "end", size: 8, fill: MUTED }));
  }
  items.push(line(left, top, left, bottom, INK, 0.75));
  const n = Math.max(trend.length, 1);
  const step = (right - left) / n;
  const described: string[] = [];
  trend.forEach((w, i) => {
    const cx = left + step * (i + 0.5);
    items.push(text(cx, bottom + 14, truncate(w.name, Math.floor(step / 5)), { anchor: "middle", size: 8 }));
    const f = w.overall;
    if (!f || f.status === "suppressed") {
      items.push(text(cx, (top + bottom) / 2, "not shown", { anchor: "middle", size: 8, fill: MUTED }));
      described.push(`${w.name}: not shown`);
    } else if (f.status === "coarse") {
      const word = f.band ? BAND_WORD[f.band] : "no band";
      items.push(text(cx, (top + bottom) / 2, `band only: ${word}`, { anchor: "middle", size: 8, fill: MUTED }));
      described.push(`${w.name}: band only, ${word}`);
    } else {
      if (f.lower !== null && f.upper !== null) {
        const lo = y(Math.max(1, f.lower));
        const hi = y(Math.min(5, f.upper));
        items.push(line(cx, lo, cx, hi, ACCENT, 1.2), line(cx - 5, lo, cx + 5, lo, ACCENT, 1.2), line(cx - 5, hi, cx + 5, hi, ACCENT, 1.2));
      }
      items.push({ kind: "circle", cx, cy: y(f.mean), r: 4, fill: ACCENT, stroke: "#ffffff", strokeWidth: 1 });
      items.push(text(cx + 8, y(f.mean) + 3, fmt1(f.mean), { size: 9, weight: "bold" }));
      described.push(`${w.name}: ${fmt1(f.mean)}${f.lower !== null && f.upper !== null ? ` (${fmt1(f.lower)} to ${fmt1(f.upper)})` : ""}`);
    }
  });
  if (trend.length === 0) items.push(text((left + right) / 2, (top + bottom) / 2, "No published wave yet", { anchor: "middle", fill: MUTED }));
  const ch = overallChange(sinceBaseline);
  const short = !sinceBaseline ? "One published wave: no change to show yet" : ch ? `Change since baseline: ${signed(ch.difference)}${ch.lower !== null && ch.upper !== null ? ` (95% interval ${signed(ch.lower)} to ${signed(ch.upper)})` : ""}` : "Change since baseline: not shown";
  items.push(text(left, 14, short, { size: 9, weight: "bold" }));
  items.push(text(left, height - 8, "Dots: mean score (1 = low, 5 = high); bars: 95% interval.", { size: 7.5, fill: MUTED }));
  return { width, height, title: "Overall trust by wave", description: `${described.join("; ") || "No published wave"}. ${changeSentence(sinceBaseline)}`, items };
}
