/** How each health indicator is computed, in plain language, shown beside it on the page and in the board report. */
import { EARLY_WARNING_DEFAULTS, KEY_PERSON_MIN_JOINT, KEY_PERSON_THRESHOLD } from "./indicators/index.ts";

const pct = (x: number) => `${Math.round(x * 100)}%`;
const W = EARLY_WARNING_DEFAULTS;

export const EXPLANATIONS: Readonly<Record<string, string>> = {
  perceived:
    "The scores come from the published survey waves, exactly as the results page shows them: each figure covers at least the wave's minimum number of people, and a figure that would not be shown there is not shown here either. Change since baseline compares the first published wave with the latest, with a 95% interval; it is given only where the figure was shown in both waves.",
  network:
    "Trust received is the average rating (1 to 4) an organisation received from the other organisations in a published network wave, over the ties that may be shown. Competence and integrity is the average of the ‘reliability and competence’ and ‘openness and integrity’ ratings received. Ties that are hidden by the anonymity rules are left out, never counted as zero.",
  behaviour:
    "Taken from the registers for the chosen period. Commitments kept on time: the commitments falling due in the period that were kept by their (renegotiated) due date. Small numbers are pulled towards the partnership's overall rate (a Beta prior worth two commitments), so two kept out of two does not outrank forty-five out of fifty; the counts and an 80% credible interval are shown beside each rate. Actions done on time are treated the same way. Give and take counts offers and asks delivered in the period. Openness counts risks shared in the period and whether the organisation's latest intentions statement is under 90 days old. Opportunities joined counts joint opportunities agreed, in progress or won that it takes part in.",
  quadrant:
    "Each organisation is placed by two figures: the trust it received on competence and integrity in the latest network wave, and its adjusted kept-on-time rate. Rated low but keeping its commitments is a perception to revisit; rated highly but not keeping them is a warning. An organisation missing either figure is not placed.",
  institutions:
    "Counts the decisions that are decided and the procedures that are adopted, and how many of them have a review date that has not passed. The more of the partnership's working that rests on recorded, in-date decisions and procedures, the less it depends on particular people.",
  keyPerson: `For each pair of organisations, their joint register work (commitments between them, offers and asks taken up, joint opportunities, decisions both took part in) is counted, and on each side the one person who appears in most of it. A pair is flagged when one person on either side carries more than ${pct(KEY_PERSON_THRESHOLD)} of it and that person's side is seen acting in at least ${KEY_PERSON_MIN_JOINT} of their joint entries: trust held by one person leaves with them.`,
  warnings: `An organisation is flagged when its outward activity (offers made, risks shared, commitments kept, opportunities joined) in the last ${W.windowDays} days falls below ${pct(W.ratio)} of its own usual level — the median of the ${W.baselineWindows} periods of ${W.windowDays} days before — provided that usual level is at least ${W.minBaseline}; or when the trust it received falls by ${W.trustDrop} points or more between its last two network waves. Pressure events recorded for the same time are shown beside each flag, as a possible explanation rather than an excuse.`,
  pressure: "Convenors record periods of pressure (winter pressures, funding cuts, restructures) so that flags can be read against them. They do not change any figure.",
  nextSteps:
    "Drawn from the weakest areas above: each suggestion names a practice from the article (communicate directly, joint opportunities, reciprocity, commitment, openness) or the partnership's structures, says what was found, and links to the register where it can be acted on. The areas affecting most of the partnership come first.",
};
