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
}

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
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
  userId: string;
  name: string;
  email: string;
  organisationId: string | null;
  role: Role;
  jobTitle: string | null;
  status: PersonStatus;
  createdAt: string;
  updatedAt: string;
}

export interface Invitation {
  url: string;
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

export interface InvitationDetails {
  partnershipId: string;
  partnershipName: string;
  personName: string;
  email: string;
  needsPassword: boolean;
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
