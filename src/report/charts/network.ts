/** Chart: the trust network on a deterministic circle: arrows for released ties only (width by trust), node size by trust received, sector colours and codes. */
import { SECTOR_LABELS, type Sector } from "../../partnerships/sectors.ts";
import { INK, MUTED, fmt1, line, rect, text, truncate, type Drawing, type Point, type Primitive } from "./drawing.ts";

export interface NetworkInput {
  waveName: string;
  organisations: readonly { id: string; name: string; sector: string }[];
  ties: readonly { from: string; to: string; status: string; mean: number | null }[];
  /** Trust received per organisation (released figures from the health service), or null when not shown. */
  received: ReadonlyMap<string, number | null>;
}

export const SECTOR_STYLE: Record<Sector, { fill: string; code: string }> = {
  nhs_trust: { fill: "#8dbbe6", code: "NHS" },
  primary_care: { fill: "#c3e4f6", code: "PC" },
  local_authority: { fill: "#95d5b9", code: "LA" },
  social_care: { fill: "#f2c48d", code: "SC" },
  voluntary_community: { fill: "#eab0c8", code: "VC" },
  housing: { fill: "#dcd585", code: "HO" },
  police_fire: { fill: "#cdbbe9", code: "PF" },
  education: { fill: "#f5bca8", code: "ED" },
  private: { fill: "#c4c4c4", code: "PR" },
  academic: { fill: "#acd8d3", code: "AC" },
  other: { fill: "#e9e9e9", code: "OT" },
};
const style = (sector: string) => SECTOR_STYLE[sector as Sector] ?? SECTOR_STYLE.other;

/** Node positions: organisations sorted by name then id, placed clockwise from the top. */
export function circularLayout(ids: readonly { id: string; name: string }[], cx: number, cy: number, radius: number): Map<string, Point> {
  const sorted = [...ids].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const n = sorted.length;
  return new Map(sorted.map((o, i) => [o.id, n === 1 ? ([cx, cy] as Point) : ([cx + radius * Math.sin((2 * Math.PI * i) / n), cy - radius * Math.cos((2 * Math.PI * i) / n)] as Point)]));
}

export const nodeRadius = (received: number | null | undefined) => (received == null ? 7 : 7 + (Math.min(4, Math.max(1, received)) - 1) * 3.5);
export const tieWidth = (mean: number) => 0.6 + (Math.min(4, Math.max(1, mean)) - 1) * 1.1;

export function networkChart(input: NetworkInput): Drawing {
  const width = 480;
  const cx = 240;
  const cy = 175;
  const radius = 118;
  const items: Primitive[] = [];
  const pos = circularLayout(input.organisations, cx, cy, radius);
  const present = new Set(input.organisations.map((o) => o.id));
  const released = input.ties.filter((t) => t.status === "released" && t.mean !== null && present.has(t.from) && present.has(t.to) && t.from !== t.to);
  const hidden = input.ties.filter((t) => t.status === "suppressed").length;
  const both = new Set(released.map((t) => `${t.from}>${t.to}`));
  for (const t of released) {
    const a = pos.get(t.from)!;
    const b = pos.get(t.to)!;
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const len = Math.hypot(dx, dy) || 1;
    const ux = dx / len;
    const uy = dy / len;
    // Two-way ties are drawn side by side, each offset to its own right.
    const off = both.has(`${t.to}>${t.from}`) ? 3 : 0;
    const ox = -uy * off;
    const oy = ux * off;
    const rFrom = nodeRadius(input.received.get(t.from));
    const rTo = nodeRadius(input.received.get(t.to));
    const w = tieWidth(t.mean!);
    const head = 5 + w;
    const sx = a[0] + ux * rFrom + ox;
    const sy = a[1] + uy * rFrom + oy;
    const tipX = b[0] - ux * (rTo + 1) + ox;
    const tipY = b[1] - uy * (rTo + 1) + oy;
    const baseX = tipX - ux * head;
    const baseY = tipY - uy * head;
    items.push(line(sx, sy, baseX, baseY, "#4a6fa0", w));
    items.push({ kind: "polygon", points: [[tipX, tipY], [baseX - uy * head * 0.5, baseY + ux * head * 0.5], [baseX + uy * head * 0.5, baseY - ux * head * 0.5]], fill: "#4a6fa0" });
  }
  for (const o of input.organisations) {
    const [x, y] = pos.get(o.id)!;
    const r = nodeRadius(input.received.get(o.id));
    const st = style(o.sector);
    items.push({ kind: "circle", cx: x, cy: y, r, fill: st.fill, stroke: INK, strokeWidth: 0.8 });
    items.push(text(x, y + 2.5, st.code, { anchor: "middle", size: 6.5, weight: "bold" }));
    const ang = Math.atan2(y - cy, x - cx);
    const lx = x + Math.cos(ang) * (r + 5);
    const ly = y + Math.sin(ang) * (r + 5) + (Math.sin(ang) > 0.3 ? 8 : Math.sin(ang) < -0.3 ? -2 : 3);
    const anchor = Math.cos(ang) > 0.3 ? "start" : Math.cos(ang) < -0.3 ? "end" : "middle";
    const got = input.received.get(o.id);
    items.push(text(lx, ly, `${truncate(o.name, 30)}${got == null ? "" : ` (${fmt1(got)})`}`, { anchor, size: 7.5 }));
  }
  if (input.organisations.length === 0) items.push(text(cx, cy, "No organisations", { anchor: "middle", fill: MUTED }));
  // Key: sectors present, then how to read widths and sizes.
  let y = cy + radius + 46;
  let x = 12;
  const sectors = [...new Set(input.organisations.map((o) => o.sector))].sort();
  for (const s of sectors) {
    const label = `${style(s).code}: ${SECTOR_LABELS[s as Sector] ?? s}`;
    const w = 16 + label.length * 4.2 + 10;
    if (x + w > width) {
      x = 12;
      y += 13;
    }
    items.push(rect(x, y - 8, 10, 10, style(s).fill, INK), text(x + 14, y, label, { size: 7.5 }));
    x += w;
  }
  y += 15;
  items.push(text(12, y, "Arrow from the organisation giving the rating to the one rated; thicker: higher trust (1–4). Larger circle: more trust received (in brackets).", { size: 7, fill: MUTED }));
  y += 11;
  const note = hidden ? `${hidden} rating${hidden === 1 ? " is" : "s are"} not shown (too few answers); a missing arrow does not mean there is no trust.` : "Every rating between these organisations that was given is shown.";
  items.push(text(12, y, note, { size: 7, fill: MUTED }));
  const names = new Map(input.organisations.map((o) => [o.id, o.name]));
  const description = `${input.waveName}: ${input.organisations.length} organisations, ${released.length} ratings shown. ${released.map((t) => `${names.get(t.from)} rates ${names.get(t.to)} ${fmt1(t.mean!)}`).join("; ")}. ${note}`;
  return { width, height: y + 8, title: `Trust network, ${input.waveName}`, description, items };
}
