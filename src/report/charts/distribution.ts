/** Chart: the baseline question's answers per wave as 100% stacked bars, each segment labelled, with a legend. */
import type { Health } from "../../health/contracts.ts";
import { INK, MUTED, SERIES, onFill, pct, rect, text, textWidth, truncate, type Drawing, type Primitive } from "./drawing.ts";

type Trend = Health["perceived"]["trend"];

export interface Segment {
  label: string;
  x: number;
  w: number;
  share: number;
}

/** Splits `width` between the options by their released percentages; the widths always add up to exactly `width` (when any is above 0). */
export function segments(options: readonly { label: string; percent: number | null }[], x: number, width: number): Segment[] {
  const shares = options.map((o) => Math.max(0, o.percent ?? 0));
  const total = shares.reduce((a, b) => a + b, 0);
  if (total <= 0) return [];
  let at = x;
  return options.map((o, i) => {
    const w = i === options.length - 1 ? x + width - at : (width * shares[i]!) / total;
    const seg = { label: o.label, x: at, w, share: shares[i]! / total };
    at += w;
    return seg;
  });
}

export function distributionChart(trend: Trend): Drawing {
  const width = 480;
  const labelW = 110;
  const barX = labelW;
  const barW = width - labelW - 10;
  const barH = 20;
  const rowH = 30;
  const items: Primitive[] = [];
  const legend = new Map<string, string>();
  const described: string[] = [];
  trend.forEach((w, i) => {
    const y = 8 + i * rowH;
    items.push(text(barX - 8, y + barH / 2 + 3, truncate(w.name, 20), { anchor: "end", size: 8.5 }));
    const f = w.baseline;
    if (!f || f.status === "suppressed") {
      items.push(rect(barX, y, barW, barH, "#ffffff", "#9a9a9a"), text(barX + barW / 2, y + barH / 2 + 3, "not shown", { anchor: "middle", size: 8, fill: MUTED }));
      described.push(`${w.name}: not shown`);
      return;
    }
    if (f.status === "coarse") {
      items.push(rect(barX, y, barW, barH, "#ffffff", "#9a9a9a"), text(barX + barW / 2, y + barH / 2 + 3, truncate(`coarse figure only: ${f.note}`, 70), { anchor: "middle", size: 8, fill: MUTED }));
      described.push(`${w.name}: coarse figure only`);
      return;
    }
    const segs = segments(f.options, barX, barW);
    segs.forEach((s, j) => {
      const fill = SERIES[j % SERIES.length]!;
      legend.set(s.label, fill);
      items.push(rect(s.x, y, s.w, barH, fill, "#ffffff"));
      const label = pct(s.share);
      if (s.w >= textWidth(label, 8) + 4) items.push(text(s.x + s.w / 2, y + barH / 2 + 3, label, { anchor: "middle", size: 8, fill: onFill(fill) }));
    });
    described.push(`${w.name} (${f.n} people): ${segs.map((s) => `${s.label} ${pct(s.share)}`).join(", ")}`);
  });
  let y = 8 + trend.length * rowH + 6;
  if (trend.length === 0) {
    items.push(text(width / 2, 24, "No published wave yet", { anchor: "middle", fill: MUTED }));
    y = 40;
  }
  // Legend, wrapping across lines, in the same order as the segments.
  let x = barX;
  for (const [label, fill] of legend) {
    const w = 14 + textWidth(label, 8) + 14;
    if (x + w > width) {
      x = barX;
      y += 14;
    }
    items.push(rect(x, y, 10, 10, fill, INK), text(x + 14, y + 8.5, label, { size: 8 }));
    x += w;
  }
  const height = y + (legend.size ? 20 : 6);
  return { width, height, title: "Answers to the baseline question by wave", description: described.join("; ") || "No published wave", items };
}
