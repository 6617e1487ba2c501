/** Chart: outward activity of one flagged organisation, per rolling window (oldest first) against its own baseline, with pressure events marked. */
import type { Health } from "../../health/contracts.ts";
import { ACCENT, GRID, MUTED, WARN, line, rect, scale, text, truncate, type Drawing, type Primitive } from "./drawing.ts";

type Activity = Health["activity"][number];
type Pressure = { label: string; from: string; to: string };

const overlaps = (p: Pressure, w: { from: string; to: string }) => p.from <= w.to && p.to >= w.from;

export function activityChart(row: Activity, pressure: readonly Pressure[]): Drawing {
  const width = 480;
  const x0 = 40;
  const x1 = width - 12;
  const top = 36;
  const bottom = 140;
  const windows = [...row.previous, row.current].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const max = Math.max(1, row.baseline, ...windows.map((w) => w.count));
  const y = scale(0, max * 1.15, bottom, top);
  const step = (x1 - x0) / Math.max(1, windows.length);
  const items: Primitive[] = [line(x0, bottom, x1, bottom, GRID, 0.75)];
  items.push(text(x0, 12, truncate(row.organisationName, 60), { size: 9, weight: "bold" }));
  const marked: Pressure[] = [];
  windows.forEach((w, i) => {
    const bx = x0 + i * step + step * 0.2;
    const bw = step * 0.6;
    const isCurrent = w.from === row.current.from;
    const events = pressure.filter((p) => overlaps(p, w));
    if (events.length) {
      items.push(rect(x0 + i * step + 2, top - 16, step - 4, bottom - top + 16, "#f3eee0"));
      for (const e of events) if (!marked.includes(e)) marked.push(e);
      items.push(text(x0 + i * step + step / 2, top - 7, events.map((e) => `P${marked.indexOf(e) + 1}`).join(" "), { anchor: "middle", size: 7, weight: "bold", fill: WARN }));
    }
    items.push(rect(bx, y(w.count), bw, bottom - y(w.count), isCurrent ? WARN : ACCENT));
    items.push(text(bx + bw / 2, y(w.count) - 3, String(w.count), { anchor: "middle", size: 8, weight: "bold" }));
    items.push(text(bx + bw / 2, bottom + 11, `${w.from.slice(0, 7)}${isCurrent ? " (latest)" : ""}`, { anchor: "middle", size: 7, fill: MUTED }));
  });
  items.push(line(x0, y(row.baseline), x1, y(row.baseline), "#333333", 0.8, [4, 3]));
  items.push(text(x0 - 4, y(row.baseline) + 3, `${row.baseline}`, { anchor: "end", size: 7.5 }));
  items.push(text(x0, bottom + 24, `Bars: outward acts per period (the latest in red). Dashed line: the usual level, ${row.baseline} (median of the earlier periods).`, { size: 7, fill: MUTED }));
  let h = bottom + 37;
  for (const [i, e] of marked.entries()) {
    items.push(text(x0, h, truncate(`P${i + 1}: ${e.label} (${e.from} to ${e.to})`, 90), { size: 7.5, fill: WARN }));
    h += 11;
  }
  const described = windows.map((w) => `${w.from} to ${w.to}: ${w.count}`).join("; ");
  return { width, height: h + 2, title: `Outward activity of ${row.organisationName}`, description: `${described}. Usual level ${row.baseline}.${marked.length ? ` Pressure: ${marked.map((e) => e.label).join(", ")}.` : ""}`, items };
}
