// Pressure events drawn on a time chart: shaded bands, and labels above them staggered in two rows and kept inside the chart.
import * as Plot from "@observablehq/plot";
import type { PressureRef } from "../api/health-types.ts";
import { day } from "./health-format.ts";

export interface Band {
  from: Date;
  to: Date;
  label: string;
}

const DAY_MS = 86_400_000;

/** The events as bands from their first day to the end of their last day. */
export const toBands = (events: PressureRef[]): Band[] => events.map((e) => ({ from: day(e.from), to: new Date(day(e.to).getTime() + DAY_MS), label: e.label }));

/** Marks for the bands between start and end; needs a top margin of about 40 px for the labels (left out on narrow charts, where the caption names the events). */
export function bandMarks(bands: Band[], start: Date, end: Date, width: number): Plot.Markish[] {
  const shown = bands.filter((b) => b.to > start && b.from < end);
  const middle = (start.getTime() + end.getTime()) / 2;
  return [
    Plot.rect(shown, { x1: "from", x2: "to", fill: "#b1b4b6", fillOpacity: 0.45, clip: true }),
    ...(width < 500 ? [] : shown).map((b, i) => {
      const left = new Date(Math.max(b.from.getTime(), start.getTime()));
      const right = new Date(Math.min(b.to.getTime(), end.getTime()));
      const fromLeft = left.getTime() < middle;
      return Plot.text([b], { x: fromLeft ? left : right, text: "label", frameAnchor: "top", textAnchor: fromLeft ? "start" : "end", dx: fromLeft ? 3 : -3, dy: i % 2 === 0 ? -28 : -12, fill: "#0b0c0c" });
    }),
  ];
}
