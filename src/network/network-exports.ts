/** Exports of a wave's released network (pure): ties as CSV, and GraphML for Gephi, Kumu, yEd or igraph. */
import { csvLine } from "../registers/csv-codec.ts";
import type { networkView } from "./network-views.ts";

type View = ReturnType<typeof networkView>;
const num = (v: number | null | undefined, digits = 3) => (v === null || v === undefined ? "" : Number(v.toFixed(digits)));

/** Every ordered pair the wave knows about, with its status; hidden ties carry no figures. */
export function tiesCsv(view: View): string {
  const name = new Map(view.organisations.map((o) => [o.id, o.name]));
  let out = csvLine(["from", "to", "status", "n", "mean", "competence", "benevolence", "integrity", "from_id", "to_id"]);
  for (const t of view.ties) {
    out += csvLine([name.get(t.from) ?? t.from, name.get(t.to) ?? t.to, t.status === "suppressed" ? "not shown" : t.status, t.n, num(t.mean), num(t.dimensions.competence), num(t.dimensions.benevolence), num(t.dimensions.integrity), t.from, t.to]);
  }
  return out;
}

/** Organisations with their measures, as CSV. */
export function organisationsCsv(view: View): string {
  let out = csvLine(["id", "name", "sector", "in_degree", "out_degree", "mean_trust_received", "mean_trust_given", "betweenness", "closeness", "pagerank", "one_sided_given", "one_sided_received", "community"]);
  for (const o of view.organisations) {
    out += csvLine([o.id, o.name, o.sector, o.inDegree, o.outDegree, num(o.meanTrustReceived), num(o.meanTrustGiven), num(o.betweenness, 6), num(o.closeness, 6), num(o.pagerank, 6), o.oneSidedGiven, o.oneSidedReceived, o.community]);
  }
  return out;
}

const xml = (s: string) => s.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);
const data = (key: string, v: string | number | null | undefined) => (v === null || v === undefined || v === "" ? "" : `<data key="${key}">${xml(String(v))}</data>`);

/** The released network only (hidden ties are left out), directed, with measures on the nodes. */
export function networkGraphml(view: View): string {
  const keys = [
    ["name", "node", "string"], ["sector", "node", "string"], ["trust_received", "node", "double"], ["betweenness", "node", "double"], ["pagerank", "node", "double"], ["community", "node", "int"],
    ["weight", "edge", "double"], ["n", "edge", "int"], ["competence", "edge", "double"], ["benevolence", "edge", "double"], ["integrity", "edge", "double"],
  ] as const;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keys.map(([id, domain, type]) => `  <key id="${id}" for="${domain}" attr.name="${id}" attr.type="${type}"/>`),
    `  <graph id="${xml(view.wave.name)}" edgedefault="directed">`,
    ...view.organisations.map((o) => `    <node id="${xml(o.id)}">${data("name", o.name)}${data("sector", o.sector)}${data("trust_received", num(o.meanTrustReceived))}${data("betweenness", num(o.betweenness, 6))}${data("pagerank", num(o.pagerank, 6))}${data("community", o.community)}</node>`),
    ...view.ties
      .filter((t) => t.status === "released" && t.mean !== null)
      .map((t, i) => `    <edge id="e${i}" source="${xml(t.from)}" target="${xml(t.to)}">${data("weight", num(t.mean))}${data("n", t.n)}${data("competence", num(t.dimensions.competence))}${data("benevolence", num(t.dimensions.benevolence))}${data("integrity", num(t.dimensions.integrity))}</edge>`),
    "  </graph>",
    "</graphml>",
  ];
  return `${lines.join("\n")}\n`;
}
