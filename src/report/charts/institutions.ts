/** Charts: decisions and procedures in date / overdue / without a review date (stacked bars), and key-person dependency per pair. */
import type { Health } from "../../health/contracts.ts";
import { GRID, INK, MUTED, WARN, hatch, line, pct, rect, scale, text, textWidth, truncate, type Drawing, type Primitive } from "./drawing.ts";
import { segments } from "./distribution.ts";

type Institutions = Health["institutions"];

const PARTS = [
  { key: "inDate", label: "In date", fill: "#2e6b3a", ink: "#ffffff" },
  { key: "overdue", label: "Review overdue", fill: "#f6c9c4", ink: INK },
  { key: "noReviewDate", label: "No review date", fill: "#e8e8e8", ink: INK },
] as const;

export function institutionsChart(inst: Institutions): Drawing {
  const width = 480;
  const barX = 100;
  const barW = width - barX - 12;
  const barH = 22;
  const items: Primitive[] = [];
  const described: string[] = [];
  (["decisions", "procedures"] as const).forEach((kind, i) => {
    const c = inst[kind];
    const y = 10 + i * 34;
    items.push(text(barX - 8, y + barH / 2 + 3, kind === "decisions" ? `Decisions (${c.inForce})` : `Procedures (${c.inForce})`, { anchor: "end", size: 8.5 }));
    const segs = segments(PARTS.map((p) => ({ label: p.label, percent: c[p.key] })), barX, barW);
    if (!segs.length) {
      items.push(rect(barX, y, barW, barH, "#ffffff", "#9a9a9a"), text(barX + barW / 2, y + barH / 2 + 3, `No ${kind} in force`, { anchor: "middle", size: 8, fill: MUTED }));
      described.push(`${kind}: none in force`);
      return;
    }
    segs.forEach((s, j) => {
      const part = PARTS[j]!;
      items.push(rect(s.x, y, s.w, barH, part.fill, "#ffffff"));
      if (part.key === "overdue" && s.w > 1) items.push(...hatch(s.x, y, s.w, barH, 5, WARN));
      const n = c[part.key];
      const label = `${n}`;
      if (n > 0 && s.w >= textWidth(label, 8.5) + 6) items.push(rect(s.x + s.w / 2 - 7, y + 5, 14, 12, part.key === "overdue" ? "#ffffff" : null), text(s.x + s.w / 2, y + barH / 2 + 3, label, { anchor: "middle", size: 8.5, weight: "bold", fill: part.key === "overdue" ? INK : part.ink }));
    });
    described.push(`${kind}: ${c.inDate} in date, ${c.overdue} overdue, ${c.noReviewDate} with no review date`);
  });
  let x = barX;
  const y = 84;
  for (const p of PARTS) {
    items.push(rect(x, y, 10, 10, p.fill, INK));
    if (p.key === "overdue") items.push(...hatch(x, y, 10, 10, 4, WARN));
    items.push(text(x + 14, y + 8.5, p.label, { size: 8 }));
    x += 24 + textWidth(p.label, 8) + 10;
  }
  const share = inst.overall.share;
  items.push(text(barX, y + 26, share === null ? "Nothing recorded in force yet." : `${pct(share)} of decisions and procedures in force are in date.`, { size: 8.5, weight: "bold" }));
  return { width, height: y + 34, title: "Decisions and procedures: in date or overdue", description: described.join("; "), items };
}

export function keyPersonChart(kp: Institutions["keyPerson"]): Drawing {
  const width = 480;
  const labelW = 190;
  const x0 = labelW;
  const x1 = width - 60;
  const top = 20;
  const rowH = 18;
  const rows = kp.pairs.filter((p) => p.share !== null).sort((a, b) => b.share! - a.share! || (a.aName + a.bName < b.aName + b.bName ? -1 : 1)).slice(0, 10);
  const bottom = top + Math.max(1, rows.length) * rowH;
  const x = scale(0, 1, x0, x1);
  const items: Primitive[] = [];
  for (const v of [0, 0.5, 1]) items.push(line(x(v), top - 4, x(v), bottom, GRID, 0.5), text(x(v), top - 8, pct(v), { anchor: "middle", size: 7.5, fill: MUTED }));
  const described: string[] = [];
  rows.forEach((p, i) => {
    const y = top + i * rowH + 3;
    const flagged = p.flagged;
    items.push(text(x0 - 8, y + 9, truncate(`${p.aName} – ${p.bName}`, 40), { anchor: "end", size: 8, weight: flagged ? "bold" : "normal" }));
    items.push(rect(x0, y, x(p.share!) - x0, rowH - 6, flagged ? WARN : "#8c8c8c"));
    items.push(text(x(p.share!) + 4, y + 9, `${pct(p.share!)}${flagged ? " flagged" : ""}`, { size: 8, weight: flagged ? "bold" : "normal" }));
    described.push(`${p.aName} and ${p.bName}: ${pct(p.share!)} carried by one person${flagged ? ", flagged" : ""}`);
  });
  items.push(line(x(kp.threshold), top - 4, x(kp.threshold), bottom + 2, WARN, 1, [3, 2]), text(x(kp.threshold), bottom + 12, `${pct(kp.threshold)} threshold`, { anchor: "middle", size: 7.5, fill: WARN }));
  if (rows.length === 0) items.push(text((x0 + x1) / 2, top + 12, `No pair has ${kp.minJoint} or more joint entries yet`, { anchor: "middle", size: 8, fill: MUTED }));
  items.push(text(12, bottom + 26, "Share of a pair's joint register activity carried by a single person on either side.", { size: 7.5, fill: MUTED }));
  return { width, height: bottom + 32, title: "Key-person dependency by pair of organisations", description: described.join("; ") || "No pair with enough joint activity", items };
}
