/** Writes one entry to the audit log, inside the caller's transaction so the change and its record land together. */
import type { DbOrTx } from "../db/database.ts";
import { newId, nowIso } from "../db/ids.ts";

export interface AuditEntry {
  partnershipId: string | null;
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  summary: string;
  detail?: Record<string, unknown>;
}

export async function recordAudit(db: DbOrTx, entry: AuditEntry): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      id: newId(),
      partnership_id: entry.partnershipId,
      actor_user_id: entry.actorUserId,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      summary: entry.summary,
      detail: JSON.stringify(entry.detail ?? {}),
      at: nowIso(),
    })
    .execute();
}
