/** Chart: commitments kept on time per organisation: the adjusted rate as a dot with its credible interval, labelled "k of n due". */
import type { Health } from "../../health/contracts.ts";
import { ACCENT, GRID, INK, MUTED, line, pct, scale, text, truncate, type Drawing, type Primitive } from "./drawing.ts";

type Orgs = Health["behaviour"]["organisations"];

export const dueLabel = (kept: number, due: number) => (due === 0 ? "none due" : `${kept} of ${due} due`);

export function behaviourChart(orgs: Orgs): Drawing {
  const width = 480;
  const labelW = 160;
  const x0 = labelW;
  const x1 = width - 92;
  const top = 22;
  const rowH = 20;
  const x = scale(0, 1, x0, x1);
  const rows = [...orgs].sort((a, b) => (a.organisationName < b.organisationName ? -1 : a.organisationName > b.organisationName ? 1 : 0));
  const bottom = top + Math.max(1, rows.length) * rowH;
  const items: Primitive[] = [];
  for (const v of [0, 0.25, 0.5, 0.75, 1]) items.push(line(x(v), top - 4, x(v), bottom, GRID, 0.5), text(x(v), top - 8, pct(v), { anchor: "middle", size: 7.5, fill: MUTED }));
  items.push(text(x1 + 16, top - 8, "kept of due", { size: 7.5, fill: MUTED }));
  const described: string[] = [];
  rows.forEach((o, i) => {
    const cy = top + i * rowH + rowH / 2;
    const c = o.commitments;
    items.push(text(x0 - 8, cy + 3, truncate(o.organisationName, 32), { anchor: "end", size: 8 }));
    items.push(text(x1 + 16, cy + 3, dueLabel(c.kept, c.due), { size: 8 }));
    if (c.due === 0) {
      items.push(text((x0 + x1) / 2, cy + 3, "no commitments fell due", { anchor: "middle", size: 7.5, fill: MUTED }));
      described.push(`${o.organisationName}: none due`);
      return;
    }
    items.push(line(x(c.lower), cy, x(c.upper), cy, ACCENT, 1.5), line(x(c.lower), cy - 4, x(c.lower), cy + 4, ACCENT, 1), line(x(c.upper), cy - 4, x(c.upper), cy + 4, ACCENT, 1));
    items.push({ kind: "circle", cx: x(c.adjusted), cy, r: 4, fill: ACCENT, stroke: "#ffffff", strokeWidth: 1 });
    described.push(`${o.organisationName}: adjusted ${pct(c.adjusted)} (${pct(c.lower)} to ${pct(c.upper)}), ${dueLabel(c.kept, c.due)}`);
  });
  if (rows.length === 0) items.push(text((x0 + x1) / 2, top + 12, "No organisations", { anchor: "middle", fill: MUTED }));
  const level = orgs[0]?.commitments.level ?? 0.8;
  items.push(text(12, bottom + 16, `Dot: share kept on time, adjusted for small numbers; bar: ${Math.round(level * 100)}% credible interval.`, { size: 7.5, fill: INK }));
  return { width, height: bottom + 24, title: "Commitments kept on time by organisation", description: described.join("; ") || "No organisations", items };
}
