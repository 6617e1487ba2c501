/** Kysely row type for the append-only audit log. */
export interface AuditLogTable {
  id: string;
  partnership_id: string | null;
  actor_user_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  summary: string;
  detail: string;
  at: string;
}

export interface AuditTables {
  audit_log: AuditLogTable;
}
