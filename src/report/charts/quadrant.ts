/** Chart: perceived trust against behaviour per organisation, with the two threshold lines and each quadrant named. */
import type { Health } from "../../health/contracts.ts";
import { ACCENT, GRID, INK, MUTED, WARN, fmt1, line, pct, rect, scale, text, truncate, type Drawing, type Primitive } from "./drawing.ts";

type QuadrantData = Health["quadrant"];

export function quadrantChart(q: QuadrantData): Drawing {
  const width = 480;
  const x0 = 50;
  const x1 = width - 20;
  const top = 16;
  const bottom = 216;
  const placed = q.rows.filter((r) => r.perceived !== null && r.behaviour !== null);
  const maxPerceived = Math.max(q.perceivedThreshold * 2 - 1, ...placed.map((r) => r.perceived!));
  const yMax = maxPerceived > 4 ? 5 : 4;
  const x = scale(0, 1, x0, x1);
  const y = scale(1, yMax, bottom, top);
  const items: Primitive[] = [rect(x0, top, x1 - x0, bottom - top, null, GRID)];
  for (const v of [0, 0.25, 0.5, 0.75, 1]) items.push(text(x(v), bottom + 12, pct(v), { anchor: "middle", size: 7.5, fill: MUTED }));
  for (let v = 1; v <= yMax; v++) items.push(text(x0 - 6, y(v) + 3, String(v), { anchor: "end", size: 7.5, fill: MUTED }));
  const tx = x(q.behaviourThreshold);
  const ty = y(q.perceivedThreshold);
  items.push(line(tx, top, tx, bottom, WARN, 0.8, [4, 3]), line(x0, ty, x1, ty, WARN, 0.8, [4, 3]));
  const corner = (cx: number, cy: number, s: string, anchor: "start" | "end") => text(cx, cy, s, { anchor, size: 7.5, weight: "bold", fill: MUTED });
  items.push(
    corner(x0 + 4, top + 10, "Rated highly, keeps fewer commitments: warning", "start"),
    corner(x1 - 4, top + 10, "Both high", "end"),
    corner(x0 + 4, bottom - 5, "Both low", "start"),
    corner(x1 - 4, bottom - 5, "Keeps commitments, rated low: revisit", "end"),
  );
  const described: string[] = [];
  const taken: { x0: number; x1: number; y: number }[] = [];
  placed.forEach((r) => {
    const px = x(Math.min(1, Math.max(0, r.behaviour!)));
    const py = y(Math.min(yMax, Math.max(1, r.perceived!)));
    items.push({ kind: "circle", cx: px, cy: py, r: 3.5, fill: ACCENT, stroke: "#ffffff", strokeWidth: 0.8 });
    const leftSide = px > x1 - 110;
    const label = truncate(r.organisationName, 26);
    const w = label.length * 7.5 * 0.52;
    const lx0 = leftSide ? px - 6 - w : px + 6;
    // Nudge a label up or down until it clears the labels already placed.
    const dy = [0, 9, -9, 18, -18, 27, -27].find((d) => !taken.some((t) => Math.abs(t.y - (py + d)) < 9 && t.x0 < lx0 + w && lx0 < t.x1)) ?? 0;
    taken.push({ x0: lx0, x1: lx0 + w, y: py + dy });
    if (dy !== 0) items.push(line(px, py, leftSide ? px - 5 : px + 5, py + dy, "#8c8c8c", 0.5));
    items.push(text(px + (leftSide ? -6 : 6), py + dy + 3, label, { anchor: leftSide ? "end" : "start", size: 7.5 }));
    described.push(`${r.organisationName}: perceived ${fmt1(r.perceived!)}, kept ${pct(r.behaviour!)} (${r.label})`);
  });
  items.push(text((x0 + x1) / 2, bottom + 26, "Commitments kept on time (adjusted)", { anchor: "middle", size: 8, fill: INK }));
  items.push(text(12, top + (bottom - top) / 2, "Trust", { size: 8 }), text(12, top + (bottom - top) / 2 + 10, "received", { size: 8 }));
  const unplaced = q.rows.filter((r) => r.perceived === null || r.behaviour === null);
  let h = bottom + 40;
  if (unplaced.length) {
    items.push(text(x0, h, truncate(`Not enough data to place: ${unplaced.map((r) => r.organisationName).join(", ")}.`, 110), { size: 7.5, fill: MUTED }));
    h += 12;
  }
  return { width, height: h, title: "Perceived trust against behaviour", description: `${described.join("; ") || "No organisation could be placed"}. ${q.rule}`, items };
}
