// Types for the accord HTTP API (/api/v1) as used by the web UI.
import type { Role, Sector } from "../../../src/partnerships/sectors.ts";

export type { Role, Sector };

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface User {
  id: string;
  name: string;
  email: string;
  createdAt: string;
  /** False while no email has proven the address (the first password came through a link someone passed on). */
  emailProven: boolean;
}

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  /** When it stops working; null: until revoked, or until a password change or reset. */
  expiresAt: string | null;
}

export interface CreatedApiToken extends ApiToken {
  token: string;
}

export interface Partnership {
  id: string;
  name: string;
  purpose: string;
  myRole: Role;
  createdAt: string;
  updatedAt: string;
}

export interface Organisation {
  id: string;
  name: string;
  sector: Sector;
  createdAt: string;
  updatedAt: string;
}

export type PersonStatus = "active" | "invited" | "not_invited";

export interface Person {
  id: string;
  /** The account, once the person has joined; null before. */
  userId: string | null;
  /** Name and email as the convenor typed them. */
  name: string;
  email: string;
  organisationId: string | null;
  organisationName: string | null;
  role: Role;
  jobTitle: string | null;
  status: PersonStatus;
  /** Joined through a link the convenor passed on, and no email has proven the address since. */
  addressUnproven: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A new invitation: emailed only to the person, or (when accord sends no email) its link, to pass on. */
export interface Invitation {
  url: string | null;
  expiresAt: string;
  emailed: boolean;
}

export interface AuditEntry {
  id: string;
  at: string;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  summary: string;
}

export type InvitationKind = "partnership" | "programme";

/** What an invitation link is for; says nothing about whether the address has an account. */
export interface InvitationDetails {
  kind: InvitationKind;
  partnershipId: string | null;
  programmeId: string | null;
  /** The partnership's or programme's name. */
  name: string;
  /** The name as whoever invited typed it (for a programme, the address). */
  personName: string;
  email: string;
  /** The link went only to the address by email. */
  emailed: boolean;
}

export interface AcceptedInvitation {
  kind: InvitationKind;
  partnershipId: string | null;
  programmeId: string | null;
  user: User;
}

/** One field-level problem in an application/problem+json response. */
export interface ProblemFieldError {
  path: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  errors?: ProblemFieldError[];
  requestId?: string;
}
