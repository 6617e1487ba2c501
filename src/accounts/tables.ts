/** Kysely row types for accounts: users, sessions, API tokens, rate-limit counters, the setup marker. */
import type { Generated } from "kysely";

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
  /** When the address was proven: a link sent only by mail was used, or the operator set the account up. */
  email_proven_at: string | null;
  /** For an account whose first password came through a link a convenor or lead held: `partnership:<id>` or `programme:<id>`. */
  unproven_scope: string | null;
}

/** A password reset sent by mail: single use, expiring, stored hashed. */
export interface PasswordResetsTable {
  id: string;
  user_id: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** A browser that has signed in to the account (its cookie's secret stored hashed). */
export interface KnownDevicesTable {
  device_hash: string;
  user_id: string;
  created_at: string;
  last_used_at: string;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  prefix: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  expires_at: string | null;
}

export interface RateLimitsTable {
  key: string;
  window_start: string;
  count: number;
}

export interface InstanceTable {
  id: Generated<number>;
  set_up_at: string;
  set_up_by: string;
}

export interface AccountTables {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  rate_limits: RateLimitsTable;
  password_resets: PasswordResetsTable;
  known_devices: KnownDevicesTable;
  instance: InstanceTable;
}
