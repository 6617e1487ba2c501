/** The report's chart layer: pure chart functions producing Drawings, and their SVG and PDF renderers. */
export * from "./drawing.ts";
export { toSvg, escapeXml } from "./svg.ts";
export { drawOnPdf } from "./pdf.ts";
export { headlineChart } from "./headline.ts";
export { distributionChart, segments } from "./distribution.ts";
export { gridChart, gridCells } from "./grid.ts";
export { networkChart, circularLayout } from "./network.ts";
export { behaviourChart } from "./behaviour.ts";
export { institutionsChart, keyPersonChart } from "./institutions.ts";
export { quadrantChart } from "./quadrant.ts";
export { activityChart } from "./activity.ts";
