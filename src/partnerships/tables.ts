/** Kysely row types for partnerships, their organisations, people (memberships) and invitations. */
import type { Role, Sector } from "./sectors.ts";

export interface PartnershipsTable {
  id: string;
  name: string;
  purpose: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface OrganisationsTable {
  id: string;
  partnership_id: string;
  name: string;
  sector: Sector;
  created_by: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** A person is a user's membership of one partnership, with a role there. */
export interface PeopleTable {
  id: string;
  partnership_id: string;
  user_id: string;
  organisation_id: string | null;
  role: Role;
  job_title: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface InvitationsTable {
  id: string;
  partnership_id: string;
  person_id: string;
  token_hash: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface PartnershipTables {
  partnerships: PartnershipsTable;
  organisations: OrganisationsTable;
  people: PeopleTable;
  invitations: InvitationsTable;
}
