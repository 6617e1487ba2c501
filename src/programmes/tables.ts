/** Kysely row types for programmes, their leads, sharing partnerships and the per-wave published summaries. */

export interface ProgrammesTable {
  id: string;
  name: string;
  description: string;
  join_code_hash: string;
  created_by: string;
  created_at: string;
  deleted_at: string | null;
}

export interface ProgrammeLeadsTable {
  programme_id: string;
  user_id: string;
  added_at: string;
}

/** An invitation to lead a programme, made by a lead (or the operator) for an email address; accepted by that account. */
export interface ProgrammeLeadInvitationsTable {
  id: string;
  programme_id: string;
  email: string;
  token_hash: string;
  delivery: "email" | "held";
  created_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface ProgrammePartnershipsTable {
  programme_id: string;
  partnership_id: string;
  shared_by: string;
  shared_at: string;
  withdrawn_at: string | null;
}

export interface WaveSummariesTable {
  wave_id: string;
  partnership_id: string;
  /** The wave's name (fixed once a wave opens), so the roll-up need not read the wave. */
  wave_name: string;
  published_at: string;
  k: number;
  /** People invited; null when not known (an imported wave keeps no participation rows). */
  invited: number | null;
  /** The released n of the overall score, or null when it was suppressed. */
  respondents: number | null;
  /** JSON: the all × all score figure exactly as released (released, coarse or suppressed), or null when the instrument has none. */
  overall: string | null;
  /** JSON: the baseline question's whole-partnership figure as released, or null when the wave did not ask it. */
  baseline: string | null;
  /** JSON: change of all × all since the partnership's first published wave (released or suppressed), or null for that first wave. */
  change: string | null;
  /** The status of `overall` ("released", "coarse" or "suppressed"), null when there is none: indexed, so the roll-up finds the latest wave with a score without reading figures. */
  overall_status: string | null;
  /** The status of `baseline`, likewise. */
  baseline_status: string | null;
}

export interface ProgrammeTables {
  programmes: ProgrammesTable;
  programme_leads: ProgrammeLeadsTable;
  programme_lead_invitations: ProgrammeLeadInvitationsTable;
  programme_partnerships: ProgrammePartnershipsTable;
  wave_summaries: WaveSummariesTable;
}
