/** Kysely row types for survey waves, participation (who was invited / answered) and the anonymous responses. */

export type NetworkMode = "none" | "organisational" | "personal";

export type WaveStatus = "draft" | "open" | "closed" | "published";

export interface WavesTable {
  id: string;
  partnership_id: string;
  name: string;
  instrument_key: string;
  instrument_version: number;
  opens_on: string;
  closes_on: string;
  k: number;
  status: WaveStatus;
  /** Whether the wave asks organisations to rate each other, and how (see src/network). */
  network_mode: NetworkMode;
  opened_at: string | null;
  closed_at: string | null;
  published_at: string | null;
  published_by: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** Who was invited to a wave and whether they answered. No times, and nothing that points at a response. */
export interface WaveParticipantsTable {
  id: string;
  wave_id: string;
  person_id: string;
  token_hash: string;
  responded: number;
}

/**
 * What was answered. A random id, no times, no person: `nullifier` is a hash of the respondent's link
 * token under a different label from `wave_participants.token_hash`, so the two cannot be joined
 * without the token, which only the respondent holds. Its uniqueness makes one response per link a
 * database constraint.
 */
export interface WaveResponsesTable {
  id: string;
  wave_id: string;
  nullifier: string;
  idempotency_hash: string;
  organisation_id: string | null;
  sector: string | null;
  answers: string;
  /** Personal-mode organisation ratings (JSON), or null. */
  ratings: string | null;
}

export interface SurveyTables {
  waves: WavesTable;
  wave_participants: WaveParticipantsTable;
  wave_responses: WaveResponsesTable;
}
