/** Chart: level × dimension heat grid of the latest wave: each cell shows its mean and band in words, or "not shown". */
import type { Health } from "../../health/contracts.ts";
import { BAND_FILL, BAND_WORD, INK, MUTED, fmt1, hatch, rect, text, type Drawing, type Primitive } from "./drawing.ts";

type Scores = Health["perceived"]["scores"];

export const GRID_LEVELS = [
  ["interpersonal", "Between people"],
  ["interorganisational", "Between organisations"],
  ["system", "Across the system"],
] as const;
export const GRID_DIMENSIONS = [
  ["competence", "Competence"],
  ["benevolence", "Benevolence"],
  ["integrity", "Integrity"],
  ["all", "All three"],
] as const;

export interface GridCell {
  level: string;
  dimension: string;
  x: number;
  y: number;
  shown: boolean;
  label: string;
}

/** The grid's cells (3 levels × 3 dimensions and their overall), with the text each shows. */
export function gridCells(scores: Scores, x0 = 120, y0 = 24, cellW = 88, cellH = 40): GridCell[] {
  const cells: GridCell[] = [];
  GRID_LEVELS.forEach(([level], r) =>
    GRID_DIMENSIONS.forEach(([dimension], c) => {
      const f = scores.find((s) => s.level === level && s.dimension === dimension)?.figure;
      const x = x0 + c * cellW;
      const y = y0 + r * cellH;
      if (!f || f.status === "suppressed") cells.push({ level, dimension, x, y, shown: false, label: "not shown" });
      else if (f.status === "coarse") cells.push({ level, dimension, x, y, shown: true, label: f.band ? `${BAND_WORD[f.band]} (band only)` : "band only" });
      else cells.push({ level, dimension, x, y, shown: true, label: `${fmt1(f.mean)} ${f.band ? BAND_WORD[f.band] : ""}`.trim() });
    }),
  );
  return cells;
}

export function gridChart(scores: Scores): Drawing {
  const x0 = 120;
  const y0 = 24;
  const cellW = 88;
  const cellH = 40;
  const items: Primitive[] = [];
  GRID_DIMENSIONS.forEach(([, label], c) => items.push(text(x0 + c * cellW + cellW / 2, y0 - 8, label, { anchor: "middle", size: 8.5, weight: "bold" })));
  GRID_LEVELS.forEach(([, label], r) => items.push(text(x0 - 8, y0 + r * cellH + cellH / 2 + 3, label, { anchor: "end", size: 8.5, weight: "bold" })));
  const described: string[] = [];
  for (const cell of gridCells(scores, x0, y0, cellW, cellH)) {
    const f = scores.find((s) => s.level === cell.level && s.dimension === cell.dimension)?.figure;
    const cx = cell.x + cellW / 2;
    if (!cell.shown || !f || f.status === "suppressed") {
      items.push(rect(cell.x, cell.y, cellW, cellH, "#ffffff"), ...hatch(cell.x, cell.y, cellW, cellH, 7, "#d0d0d0"), rect(cell.x, cell.y, cellW, cellH, null, "#ffffff"));
      items.push(rect(cx - 26, cell.y + cellH / 2 - 8, 52, 14, "#ffffff"), text(cx, cell.y + cellH / 2 + 3, "not shown", { anchor: "middle", size: 8, fill: MUTED }));
    } else {
      items.push(rect(cell.x, cell.y, cellW, cellH, BAND_FILL[f.band ?? "none"], "#ffffff"));
      if (f.status === "released") {
        items.push(text(cx, cell.y + 18, fmt1(f.mean), { anchor: "middle", size: 12, weight: "bold" }));
        items.push(text(cx, cell.y + 31, f.band ? BAND_WORD[f.band] : "", { anchor: "middle", size: 7.5, fill: INK }));
      } else {
        items.push(text(cx, cell.y + 18, f.band ? BAND_WORD[f.band] : "band only", { anchor: "middle", size: 8.5, weight: "bold" }));
        items.push(text(cx, cell.y + 31, "band only", { anchor: "middle", size: 7.5 }));
      }
    }
    described.push(`${cell.level} ${cell.dimension}: ${cell.label}`);
  }
  const height = y0 + GRID_LEVELS.length * cellH + 22;
  items.push(text(x0, height - 6, "Means on a 1–5 scale. 4.0 and above: strength; 3.0–3.9: worth discussing; below 3.0: concern.", { size: 7.5, fill: MUTED }));
  return { width: x0 + GRID_DIMENSIONS.length * cellW + 8, height, title: "Trust by level and dimension, latest wave", description: described.join("; "), items };
}
