/** Renders a chart Drawing as an accessible, escaped inline SVG string. */
import { r2, type Drawing, type Point, type Primitive } from "./drawing.ts";

/** Escapes text for XML/HTML content and attribute values. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);
}

const colour = (c: string | null) => (c === null ? "none" : escapeXml(c));
const points = (ps: readonly Point[]) => ps.map(([x, y]) => `${r2(x)},${r2(y)}`).join(" ");
const dash = (d: readonly number[] | undefined) => (d && d.length ? ` stroke-dasharray="${d.map(r2).join(" ")}"` : "");

function primitive(p: Primitive): string {
  switch (p.kind) {
    case "rect":
      return `<rect x="${r2(p.x)}" y="${r2(p.y)}" width="${r2(Math.max(0, p.w))}" height="${r2(Math.max(0, p.h))}" fill="${colour(p.fill)}"${p.stroke ? ` stroke="${colour(p.stroke)}" stroke-width="${r2(p.strokeWidth ?? 1)}"` : ""}/>`;
    case "line":
      return `<line x1="${r2(p.x1)}" y1="${r2(p.y1)}" x2="${r2(p.x2)}" y2="${r2(p.y2)}" stroke="${colour(p.stroke)}" stroke-width="${r2(p.width)}"${dash(p.dash)}/>`;
    case "polyline":
      return `<polyline points="${points(p.points)}" fill="none" stroke="${colour(p.stroke)}" stroke-width="${r2(p.width)}"${dash(p.dash)}/>`;
    case "circle":
      return `<circle cx="${r2(p.cx)}" cy="${r2(p.cy)}" r="${r2(p.r)}" fill="${colour(p.fill)}"${p.stroke ? ` stroke="${colour(p.stroke)}" stroke-width="${r2(p.strokeWidth ?? 1)}"` : ""}/>`;
    case "polygon":
      return `<polygon points="${points(p.points)}" fill="${colour(p.fill)}"${p.stroke ? ` stroke="${colour(p.stroke)}"` : ""}/>`;
    case "text":
      return `<text x="${r2(p.x)}" y="${r2(p.y)}" font-size="${r2(p.size)}"${p.anchor === "start" ? "" : ` text-anchor="${p.anchor}"`}${p.weight === "bold" ? ` font-weight="bold"` : ""} fill="${colour(p.fill)}">${escapeXml(p.text)}</text>`;
  }
}

/** The drawing as `<svg role="img">` with a `<title>`, an aria-label and a description; width scales to its container. */
export function toSvg(d: Drawing): string {
  const label = escapeXml(d.title);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${label}" viewBox="0 0 ${r2(d.width)} ${r2(d.height)}" width="${r2(d.width)}" height="${r2(d.height)}" font-family="Helvetica, Arial, sans-serif">`,
    `<title>${label}</title>`,
    `<desc>${escapeXml(d.description)}</desc>`,
    ...d.items.map(primitive),
    `</svg>`,
  ].join("\n");
}
