// Types for the trust network API: nominees, the rating block a respondent sees, a wave's network, profiles and comparisons.
import type { Sector } from "./types.ts";

export type NetworkMode = "none" | "organisational" | "personal";
export type TieDimension = "competence" | "benevolence" | "integrity";
export type DimensionChoice = TieDimension | "overall";

export interface Nominee {
  organisationId: string;
  organisationName: string;
  personId: string;
  personName: string;
}

/** What a respondent who rates other organisations is shown (GET /respond/{token}). */
export interface NetworkBlock {
  mode: Exclude<NetworkMode, "none">;
  explanation: string;
  organisations: { id: string; name: string }[];
  dimensions: { key: TieDimension; label: string; question: string }[];
  scale: { value: number; label: string }[];
  noTieLabel: string;
}

/** One rating as sent: any of the dimensions 1–4, or "we don't work with them". */
export type TieRating = Partial<Record<TieDimension, number>> | { noTie: true };
export type Ratings = Record<string, TieRating>;

export interface NetworkWave {
  id: string;
  name: string;
  mode: "organisational" | "personal";
  k: number;
  publishedAt: string | null;
  openedAt: string | null;
}

export interface OrganisationMeasures {
  id: string;
  name: string;
  sector: Sector;
  inDegree: number;
  outDegree: number;
  inStrength: number;
  outStrength: number;
  meanTrustReceived: number | null;
  meanTrustGiven: number | null;
  betweenness: number;
  betweennessNormalised: number;
  closeness: number | null;
  reach: number;
  pagerank: number;
  oneSidedGiven: number;
  oneSidedReceived: number;
  community: number;
}

export type TieStatus = "released" | "suppressed" | "no_tie";

export interface Tie {
  from: string;
  to: string;
  status: TieStatus;
  n: number | null;
  mean: number | null;
  dimensions: Record<TieDimension, number | null>;
  /** Why a tie is not shown (convenors only). */
  reason?: string;
}

export interface NetworkSummary {
  n: number;
  ties: number;
  mutualPairs: number;
  oneSidedTies: number;
  density: number | null;
  reciprocity: number | null;
  inDegreeCentralisation: number | null;
  meanTrust: number | null;
  modularity: number | null;
  communities: string[][];
}

export interface AsymmetricPair {
  from: string;
  to: string;
  fromName: string;
  toName: string;
  /** w(from→to), the higher of the two. */
  weight: number;
  /** w(to→from). */
  reverseWeight: number;
  gap: number;
}

export interface WaveNetwork {
  wave: NetworkWave;
  dimension: DimensionChoice;
  organisations: OrganisationMeasures[];
  ties: Tie[];
  counts: { released: number; suppressed: number; noTie: number };
  network: NetworkSummary;
  asymmetricPairs: AsymmetricPair[];
}

export interface NamedTie {
  from: string;
  to: string;
  fromName: string;
  toName: string;
  weight: number;
}

export interface TieChange {
  from: string;
  to: string;
  fromName: string;
  toName: string;
  before: number;
  after: number;
  change: number;
}

export interface OrganisationChange {
  id: string;
  name?: string;
  meanTrustReceivedBefore: number | null;
  meanTrustReceivedAfter: number | null;
  meanTrustReceivedChange: number | null;
  inStrengthBefore: number | null;
  inStrengthAfter: number | null;
  inStrengthChange: number | null;
}

export interface NetworkComparison {
  before: NetworkWave;
  after: NetworkWave;
  dimension: DimensionChoice;
  comparablePairs: number;
  formed: NamedTie[];
  broken: NamedTie[];
  strengthened: TieChange[];
  weakened: TieChange[];
  unchanged: TieChange[];
  organisations: OrganisationChange[];
}

export type ProfileTie = Tie & { organisationName: string };

export interface OrganisationProfile {
  wave: NetworkWave;
  dimension: DimensionChoice;
  organisation: OrganisationMeasures;
  ratedBy: ProfileTie[];
  rates: ProfileTie[];
  asymmetricPairs: AsymmetricPair[];
  change: null | {
    previousWave: NetworkWave;
    organisation: OrganisationChange | null;
    formed: NamedTie[];
    broken: NamedTie[];
    strengthened: TieChange[];
    weakened: TieChange[];
  };
}
