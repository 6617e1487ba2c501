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

/** A person is someone in one partnership, with a role there; once they accept an invitation, their account's membership. */
export interface PeopleTable {
  id: string;
  partnership_id: string;
  /** The account, once the person has joined; null before (adding someone never looks up or creates an account). */
  user_id: string | null;
  /** The name and email as the convenor typed them. */
  name: string;
  email: string;
  joined_at: string | null;
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
  /** The address the invitation was made for (the person's email then). */
  email: string | null;
  /** "email": the link went only to that address, so using it proves the address; "held": it was shown to the convenor. */
  delivery: Delivery;
}

export type Delivery = "email" | "held";

export interface PartnershipTables {
  partnerships: PartnershipsTable;
  organisations: OrganisationsTable;
  people: PeopleTable;
  invitations: InvitationsTable;
}
