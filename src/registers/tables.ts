/** Kysely row types for register entries and their full version history. */
import type { RegisterKey } from "./keys.ts";

/** One entry of any register. Common columns are indexed; the register's own fields live in `data` (JSON). */
export interface RegisterEntriesTable {
  id: string;
  partnership_id: string;
  register: RegisterKey;
  /** The organisation whose members may edit it, or null (convenors only). */
  organisation_id: string | null;
  /** Every organisation the entry mentions, as ",id,id," for filtering. */
  organisation_ids: string;
  title: string;
  status: string | null;
  /** The date it falls due or is reviewed, or '9999-12-31' when none (so it sorts last). */
  due_key: string;
  data: string;
  version: number;
  created_by: string;
  created_at: string;
  updated_by: string;
  updated_at: string;
  deleted_at: string | null;
  deleted_by: string | null;
}

/** Every state an entry has had, written in the same transaction as the change. Also the activity timeline. */
export interface RegisterVersionsTable {
  id: string;
  entry_id: string;
  partnership_id: string;
  register: RegisterKey;
  organisation_ids: string;
  version: number;
  action: "created" | "updated" | "removed" | "restored" | "signed_up" | "taken_up" | "imported";
  title: string;
  summary: string;
  data: string;
  changed_by: string;
  changed_at: string;
}

export interface RegisterTables {
  register_entries: RegisterEntriesTable;
  register_versions: RegisterVersionsTable;
}
