/**
 * The demo's organisational trust network: who answers for each organisation, and how each rates the others
 * in the baseline and the six-month follow-up. Hand-written, so the demo is the same every time, and told to
 * match the registers (demo-registers-exchanges.ts):
 *
 * - Age Well keeps giving to the hospital trust with nothing coming back. The trust thinks highly of Age Well
 *   (3.7 by the follow-up), but Age Well's view of the trust falls from 2.7 to 2.0 after the clinician for its
 *   carers' evening never came: the follow-up's clearest one-sided pair.
 * - The trust and Willowbank Home Care both broke promises to each other, and rate each other low throughout.
 *   Eastgate Housing's view of Willowbank drops to 1.3 once two care rounds on its estate are handed back,
 *   while Willowbank still rates Eastgate 2.7: a second one-sided pair. The council's view of Willowbank cools
 *   too once its monthly returns stop coming, so the trust Willowbank receives falls from 2.67 to 2.08: the
 *   health page's trust-drop warning.
 * - The council's in-year savings round (a pressure event, demo-pressure.ts) colours how partners see it: by
 *   the follow-up every partner rates its competence and integrity lower (2.3 on average), though it still
 *   means well (benevolence holds) and it has kept every commitment it made on time. Its overall trust
 *   received falls from 3.0 to 2.6, not far enough to flag; on the health page it is a perception to revisit.
 * - Primary care and Age Well grow close (surgery rooms, social prescribing slots, carers' sessions in
 *   practices): both directions strengthen from 2.7 to 3.7. The council's trust in Eastgate (key safes, advice
 *   drop-ins in its hall) and Eastgate's in Age Well (warm packs, the lunch club) strengthen too.
 * - Willowbank and Age Well never work together ("we don't work with them", both ways, in both waves). Primary
 *   care did not work with Eastgate at the baseline; by the follow-up Eastgate has shared its list of tenants
 *   over 75 who live alone, and the tie forms.
 *
 * Ratings are [competence, benevolence, integrity], each 1–4 (see src/network/ratings.ts).
 */
import type { Ratings } from "../network/ratings.ts";

export type DemoOrgKey = "trust" | "pcn" | "council" | "care" | "vcs" | "housing";
type Triple = readonly [competence: number, benevolence: number, integrity: number];
type DemoRating = Triple | "no tie";
export type DemoNetworkWave = Readonly<Record<DemoOrgKey, Readonly<Partial<Record<DemoOrgKey, DemoRating>>>>>;

/** The person who answers for each organisation (one per organisation, the same in both waves). */
export const DEMO_NOMINEES: Readonly<Record<DemoOrgKey, string>> = {
  trust: "Amara Okafor", // Discharge lead
  pcn: "Tom Hughes", // Clinical director
  council: "Priya Nair", // Head of adult social care
  care: "Gareth Lewis", // Registered manager
  vcs: "Sian Roberts", // Chief officer
  housing: "Marek Nowak", // Tenancy support lead
};

/** Eight months ago. */
export const DEMO_NETWORK_BASELINE: DemoNetworkWave = {
  trust: { pcn: [3, 3, 3], council: [3, 3, 3], care: [2, 2, 3], vcs: [3, 3, 3], housing: [2, 3, 3] },
  pcn: { trust: [2, 2, 2], council: [3, 3, 3], care: [3, 2, 3], vcs: [3, 2, 3], housing: "no tie" },
  council: { trust: [2, 3, 2], pcn: [3, 3, 3], care: [2, 3, 3], vcs: [3, 3, 3], housing: [3, 3, 3] },
  care: { trust: [2, 2, 2], pcn: [3, 3, 3], council: [3, 3, 3], vcs: "no tie", housing: [3, 3, 2] },
  vcs: { trust: [3, 3, 2], pcn: [3, 3, 2], council: [3, 3, 3], care: "no tie", housing: [3, 3, 3] },
  housing: { trust: [3, 2, 3], pcn: [2, 3, 3], council: [3, 3, 3], care: [3, 3, 3], vcs: [3, 3, 3] },
};

/** Two months ago. */
export const DEMO_NETWORK_FOLLOW_UP: DemoNetworkWave = {
  trust: { pcn: [3, 3, 3], council: [2, 3, 2], care: [2, 2, 2], vcs: [4, 4, 3], housing: [3, 3, 3] },
  pcn: { trust: [2, 2, 3], council: [2, 3, 2], care: [3, 3, 3], vcs: [4, 4, 3], housing: [3, 3, 3] },
  council: { trust: [2, 3, 2], pcn: [3, 3, 3], care: [2, 2, 2], vcs: [3, 4, 3], housing: [4, 4, 3] },
  care: { trust: [1, 2, 2], pcn: [3, 3, 4], council: [2, 3, 2], vcs: "no tie", housing: [3, 3, 2] },
  vcs: { trust: [2, 2, 2], pcn: [4, 4, 3], council: [3, 4, 2], care: "no tie", housing: [3, 4, 3] },
  housing: { trust: [3, 3, 3], pcn: [3, 3, 3], council: [3, 3, 3], care: [2, 1, 1], vcs: [4, 4, 3] },
};

/** One organisation's ratings as its nominee submits them, keyed by the rated organisation's id. */
export function demoRatings(wave: DemoNetworkWave, from: DemoOrgKey, orgIds: ReadonlyMap<string, string>): Ratings {
  const ratings: Ratings = {};
  for (const [to, r] of Object.entries(wave[from]) as [DemoOrgKey, DemoRating][]) {
    const id = orgIds.get(to);
    if (!id) throw new Error(`Unknown demo organisation ${to}`);
    ratings[id] = r === "no tie" ? { noTie: true } : { competence: r[0], benevolence: r[1], integrity: r[2] };
  }
  return ratings;
}

/** The overall (mean of the three dimensions) rating from one organisation of another, or null for "no tie". */
export function demoTieMean(wave: DemoNetworkWave, from: DemoOrgKey, to: DemoOrgKey): number | null {
  const r = wave[from][to];
  if (r === undefined) throw new Error(`${from} does not rate ${to}`);
  return r === "no tie" ? null : (r[0] + r[1] + r[2]) / 3;
}
