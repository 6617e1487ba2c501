/** The small vector drawing every report chart produces (pure data), with shared colours and layout helpers. */

export type Anchor = "start" | "middle" | "end";
export type Point = readonly [number, number];

export type Primitive =
  | { kind: "rect"; x: number; y: number; w: number; h: number; fill: string | null; stroke?: string; strokeWidth?: number }
  | { kind: "line"; x1: number; y1: number; x2: number; y2: number; stroke: string; width: number; dash?: readonly number[] }
  | { kind: "polyline"; points: readonly Point[]; stroke: string; width: number; dash?: readonly number[] }
  | { kind: "circle"; cx: number; cy: number; r: number; fill: string | null; stroke?: string; strokeWidth?: number }
  | { kind: "polygon"; points: readonly Point[]; fill: string; stroke?: string }
  | { kind: "text"; x: number; y: number; text: string; anchor: Anchor; size: number; weight: "normal" | "bold"; fill: string };

/** A chart: its size in points (1/72 inch, which is also CSS px at 96 dpi × 0.75), a title and a plain description for screen readers. */
export interface Drawing {
  width: number;
  height: number;
  title: string;
  description: string;
  items: Primitive[];
}

/** Colours: dark ink on white, fills light enough for dark text on them (contrast ≥ 4.5:1 for #1f1f1f). */
export const INK = "#1f1f1f";
export const MUTED = "#555555";
export const GRID = "#c8c8c8";
export const ACCENT = "#1d4f91";
export const WARN = "#a3321a";
export const BAND_FILL = { strength: "#cfe8d5", discuss: "#fbe3b0", concern: "#f6c9c4", none: "#e8e8e8" } as const;
export const BAND_WORD = { strength: "strength", discuss: "worth discussing", concern: "concern" } as const;

/** Stacked-segment fills, distinguishable in greyscale by lightness (each segment is also labelled). */
export const SERIES = ["#1d4f91", "#6b9bd1", "#c9dcf0", "#e6a157", "#8c8c8c", "#f2f2f2"] as const;
/** Text colour that reads on a series fill. */
export const onFill = (fill: string) => (["#1d4f91", "#a3321a", "#555555", "#2e6b3a"].includes(fill) ? "#ffffff" : INK);

export function text(x: number, y: number, s: string, opts: { anchor?: Anchor; size?: number; weight?: "normal" | "bold"; fill?: string } = {}): Primitive {
  return { kind: "text", x, y, text: s, anchor: opts.anchor ?? "start", size: opts.size ?? 9, weight: opts.weight ?? "normal", fill: opts.fill ?? INK };
}

export function rect(x: number, y: number, w: number, h: number, fill: string | null, stroke?: string): Primitive {
  return stroke ? { kind: "rect", x, y, w, h, fill, stroke, strokeWidth: 0.75 } : { kind: "rect", x, y, w, h, fill };
}

export function line(x1: number, y1: number, x2: number, y2: number, stroke = INK, width = 1, dash?: readonly number[]): Primitive {
  return dash ? { kind: "line", x1, y1, x2, y2, stroke, width, dash } : { kind: "line", x1, y1, x2, y2, stroke, width };
}

/** Average Helvetica advance width as a share of the font size: good enough to lay labels out. */
export const textWidth = (s: string, size: number) => s.length * size * 0.52;

/** Shortens a label to at most `max` characters with an ellipsis. */
export function truncate(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, Math.max(1, max - 1)).join("").trimEnd()}…`;
}

/** Diagonal hatching inside a rectangle as plain lines (so "not shown" never depends on colour). */
export function hatch(x: number, y: number, w: number, h: number, gap = 6, stroke = "#9a9a9a"): Primitive[] {
  const out: Primitive[] = [];
  // Lines x' - y' = c for c from -h to w, clipped to the rectangle.
  for (let c = -h + gap / 2; c < w; c += gap) {
    const x1 = Math.max(0, c);
    const y1 = x1 - c;
    const x2 = Math.min(w, c + h);
    const y2 = x2 - c;
    if (x2 - x1 > 0.5) out.push(line(x + x1, y + h - y1, x + x2, y + h - y2, stroke, 0.6));
  }
  return out;
}

/** One decimal place with a proper minus sign replaced later for the PDF (e.g. "3.4"). */
export const fmt1 = (v: number) => v.toFixed(1);
export const signed = (v: number) => `${v > 0 ? "+" : v < 0 ? "−" : "±"}${Math.abs(v).toFixed(1)}`;
export const pct = (v: number) => `${Math.round(v * 100)}%`;

/** Linear scale from a domain to a range. */
export function scale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  return (v) => (d1 === d0 ? (r0 + r1) / 2 : r0 + ((v - d0) / (d1 - d0)) * (r1 - r0));
}

/** A drawing with a single centred message (used when there is nothing to chart). */
export function emptyDrawing(title: string, message: string, width = 480): Drawing {
  return { width, height: 40, title, description: message, items: [text(width / 2, 24, message, { anchor: "middle", fill: MUTED })] };
}

/** Rounds coordinates so the SVG and PDF output are stable and small. */
export const r2 = (v: number) => Math.round(v * 100) / 100;
