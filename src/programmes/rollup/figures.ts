// Pure: the figure shapes a roll-up carries, and copies that keep only what each status may show (suppressed stays a reason, never a number).
export type Band = "strength" | "discuss" | "concern" | null;
export interface Suppressed {
  status: "suppressed";
  reason: string;
}
export type ScoreFigure = { status: "released"; n: number; mean: number; lower: number | null; upper: number | null; band: Band } | { status: "coarse"; n: number; band: Band } | Suppressed;
export interface QuestionOption {
  value: string;
  label: string;
  count: number;
  percent: number | null;
}
export type QuestionFigure =
  | { status: "released"; n: number; options: QuestionOption[]; mean: number | null; lower: number | null; upper: number | null; dontKnow: number }
  | { status: "coarse"; n: number; note: string; band: Band }
  | Suppressed;
export type ChangeFigure = { status: "released"; difference: number; lower: number | null; upper: number | null; since: { id: string; name: string } } | Suppressed;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const num = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const int = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const numOrNull = (v: unknown): number | null => (num(v) ? v : null);
const band = (v: unknown): Band => (v === "strength" || v === "discuss" || v === "concern" ? v : null);
const suppressed = (v: Record<string, unknown>): Suppressed => ({ status: "suppressed", reason: typeof v["reason"] === "string" ? v["reason"] : "error" });
const BROKEN: Suppressed = { status: "suppressed", reason: "error" };

/** A score figure rebuilt field by field; anything malformed suppresses (it never leaks a raw value). */
export function cleanScore(v: unknown): ScoreFigure {
  if (!isObj(v)) return BROKEN;
  if (v["status"] === "released" && int(v["n"]) && num(v["mean"])) return { status: "released", n: v["n"], mean: v["mean"], lower: numOrNull(v["lower"]), upper: numOrNull(v["upper"]), band: band(v["band"]) };
  if (v["status"] === "coarse" && int(v["n"])) return { status: "coarse", n: v["n"], band: band(v["band"]) };
  return v["status"] === "suppressed" ? suppressed(v) : BROKEN;
}

export function cleanQuestion(v: unknown): QuestionFigure {
  if (!isObj(v)) return BROKEN;
  if (v["status"] === "released" && int(v["n"]) && Array.isArray(v["options"])) {
    const options: QuestionOption[] = [];
    for (const o of v["options"] as unknown[]) {
      if (!isObj(o) || typeof o["value"] !== "string" || !int(o["count"])) return BROKEN;
      options.push({ value: o["value"], label: typeof o["label"] === "string" ? o["label"] : o["value"], count: o["count"], percent: numOrNull(o["percent"]) });
    }
    return { status: "released", n: v["n"], options, mean: numOrNull(v["mean"]), lower: numOrNull(v["lower"]), upper: numOrNull(v["upper"]), dontKnow: int(v["dontKnow"]) ? v["dontKnow"] : 0 };
  }
  if (v["status"] === "coarse" && int(v["n"])) return { status: "coarse", n: v["n"], note: typeof v["note"] === "string" ? v["note"] : "", band: band(v["band"]) };
  return v["status"] === "suppressed" ? suppressed(v) : BROKEN;
}

export function cleanChange(v: unknown): ChangeFigure {
  if (!isObj(v)) return BROKEN;
  const since = v["since"];
  if (v["status"] === "released" && num(v["difference"]) && isObj(since) && typeof since["id"] === "string" && typeof since["name"] === "string") {
    return { status: "released", difference: v["difference"], lower: numOrNull(v["lower"]), upper: numOrNull(v["upper"]), since: { id: since["id"], name: since["name"] } };
  }
  return v["status"] === "suppressed" ? suppressed(v) : BROKEN;
}

/** The released mean of a headline, or null (coarse and suppressed figures have no number to rank by). */
export function releasedMean(f: ScoreFigure | null): number | null {
  return f?.status === "released" ? f.mean : null;
}
