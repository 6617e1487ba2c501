// The network drawing's look (pure): sector colours, circle size by trust received, tie kinds, and cytoscape elements and styles.
import type { DimensionChoice, OrganisationMeasures, Tie, WaveNetwork } from "../api/network-types.ts";
import type { Sector } from "../api/types.ts";
import { tieWeight } from "./network-format.ts";

/** Colour-blind-safe sector colours (Okabe–Ito, then Tol), always shown with the sector's name in the legend. */
export const SECTOR_COLOURS: Record<Sector, string> = {
  nhs_trust: "#0072b2",
  primary_care: "#56b4e9",
  local_authority: "#e69f00",
  social_care: "#cc79a7",
  voluntary_community: "#009e73",
  housing: "#f0e442",
  police_fire: "#882255",
  education: "#44aa99",
  private: "#999999",
  academic: "#332288",
  other: "#ddcc77",
};

export const TIE_COLOURS = { mutual: "#505a5f", oneSided: "#d55e00", hidden: "#8e9295" };

export type TieKind = "mutual" | "one-sided" | "hidden";

/** How each pair is drawn: shown ties (returned or one-sided) with their weight, hidden ties as unknown; "no tie" and unrated pairs not at all. */
export interface DrawnTie {
  tie: Tie;
  kind: TieKind;
  weight: number | null;
}

export function drawnTies(network: WaveNetwork, dimension: DimensionChoice): DrawnTie[] {
  const weight = new Map(network.ties.map((t) => [`${t.from}>${t.to}`, tieWeight(t, dimension)]));
  return network.ties.flatMap((t): DrawnTie[] => {
    if (t.status === "suppressed") return [{ tie: t, kind: "hidden", weight: null }];
    const w = weight.get(`${t.from}>${t.to}`) ?? null;
    // Personal mode releases each dimension on its own: a tie shown overall may be hidden on one dimension.
    if (w === null) return network.wave.mode === "personal" && t.status === "released" ? [{ tie: t, kind: "hidden", weight: null }] : [];
    const back = weight.get(`${t.to}>${t.from}`) ?? null;
    return [{ tie: t, kind: back === null ? "one-sided" : "mutual", weight: w }];
  });
}

/** Circle diameter in pixels: 28 for no trust received, up to 64 for the most. */
export function nodeSize(o: OrganisationMeasures, maxStrength: number): number {
  return maxStrength > 0 ? Math.round(28 + 36 * (o.inStrength / maxStrength)) : 34;
}

/** Line width in pixels for a weight on the 1–4 scale. */
export const tieWidth = (weight: number) => 1 + (weight - 1) * 2;

/** Organisations in a fixed order for the circle: by community, then by name, so the same data always draws the same. */
export function orderedOrganisations(network: WaveNetwork): OrganisationMeasures[] {
  return [...network.organisations].sort((a, b) => a.community - b.community || a.name.localeCompare(b.name, "en-GB") || a.id.localeCompare(b.id));
}

export interface ElementDefinition {
  group: "nodes" | "edges";
  data: Record<string, string | number>;
  classes?: string;
}

export function networkElements(network: WaveNetwork, dimension: DimensionChoice): ElementDefinition[] {
  const maxStrength = Math.max(0, ...network.organisations.map((o) => o.inStrength));
  const nodes: ElementDefinition[] = orderedOrganisations(network).map((o) => ({
    group: "nodes",
    data: { id: o.id, label: o.name, colour: SECTOR_COLOURS[o.sector] ?? "#ffffff", size: nodeSize(o, maxStrength) },
  }));
  const edges: ElementDefinition[] = drawnTies(network, dimension).map(({ tie, kind, weight }) => ({
    group: "edges",
    data: { id: `${tie.from}>${tie.to}`, source: tie.from, target: tie.to, width: weight === null ? 1.5 : tieWidth(weight) },
    classes: kind,
  }));
  return [...nodes, ...edges];
}

/** The cytoscape stylesheet (plain objects, so this file needs no import of the library). */
export const NETWORK_STYLE = [
  {
    selector: "node",
    style: {
      "background-color": "data(colour)",
      "border-width": 2,
      "border-color": "#0b0c0c",
      width: "data(size)",
      height: "data(size)",
      label: "data(label)",
      color: "#0b0c0c",
      "font-size": 13,
      "font-family": "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif",
      "text-valign": "bottom",
      "text-margin-y": 4,
      "text-wrap": "wrap",
      "text-max-width": "110px",
      "text-background-color": "#ffffff",
      "text-background-opacity": 0.85,
      "text-background-padding": "2px",
    },
  },
  {
    selector: "edge",
    style: {
      "curve-style": "bezier",
      "control-point-step-size": 28,
      width: "data(width)",
      "line-color": TIE_COLOURS.mutual,
      "target-arrow-color": TIE_COLOURS.mutual,
      "target-arrow-shape": "triangle",
      "arrow-scale": 1.1,
    },
  },
  { selector: "edge.one-sided", style: { "line-style": "dashed", "line-dash-pattern": [8, 5], "line-color": TIE_COLOURS.oneSided, "target-arrow-color": TIE_COLOURS.oneSided } },
  { selector: "edge.hidden", style: { "line-style": "dotted", "line-color": TIE_COLOURS.hidden, "target-arrow-color": TIE_COLOURS.hidden, opacity: 0.55, "arrow-scale": 0.8 } },
  { selector: "node:active, node.hover", style: { "overlay-opacity": 0, "border-width": 4, "border-color": "#0b0c0c" } },
];
