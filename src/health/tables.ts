/** Kysely row types for partnership health: pressure events recorded on the timeline. */

export const PRESSURE_KINDS = ["winter_pressures", "funding_cut", "restructure", "leadership_change", "policy_change", "other"] as const;
export type PressureKind = (typeof PRESSURE_KINDS)[number];

export interface PressureEventsTable {
  id: string;
  partnership_id: string;
  label: string;
  kind: PressureKind;
  /** First and last day, inclusive (ISO dates). */
  starts_on: string;
  ends_on: string;
  note: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface HealthTables {
  pressure_events: PressureEventsTable;
}
