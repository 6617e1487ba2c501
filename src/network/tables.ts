/** Kysely row types for the trust network: organisational-mode nominees and their attributed ratings. */

/** Who answers for an organisation in an organisational-mode wave. */
export interface WaveNomineesTable {
  wave_id: string;
  organisation_id: string;
  person_id: string;
}

/** Organisational-mode ratings: attributed to the rating organisation by design, never anonymous. */
export interface WaveOrgRatingsTable {
  id: string;
  wave_id: string;
  rater_organisation_id: string;
  rated_organisation_id: string;
  competence: number | null;
  benevolence: number | null;
  integrity: number | null;
  no_tie: number;
  person_id: string;
  submitted_at: string;
}

export interface NetworkTables {
  wave_nominees: WaveNomineesTable;
  wave_org_ratings: WaveOrgRatingsTable;
}
