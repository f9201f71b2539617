import { Injectable } from '@nestjs/common';
import { toWireMicros } from '@tally/money';
import { PrismaService } from '@tally/prisma';
import type { AuditKind, AuditRecordView, AuditTargetType } from '@tally/transport';
import type { Pool, PoolClient } from 'pg';
import type { AuditEntry } from './audit-entry';

/** What the audit log is filtered by; null: any. */
export interface AuditFilter {
  readonly actorId: string | null;
  readonly tenantId: string | null;
  readonly kind: AuditKind | null;
}

interface AuditRow {
  id: string;
  kind: AuditKind;
  actor_type: string;
  actor_id: string | null;
  tenant_id: string;
  target_type: AuditTargetType;
  target_id: string;
  reason: string;
  request_id: string | null;
  amount_micros: string | null;
  currency: string | null;
  transaction_id: string | null;
  created_at: Date;
}

// A replayed action finds its key taken and writes nothing: one record per action.
const INSERT_SQL = `
INSERT INTO account.audit_records (action_key, kind, actor_type, actor_id, tenant_id, target_type,
                                   target_id, reason, request_id, amount_micros, currency,
                                   transaction_id)
VALUES ($1, $2::account."AuditKind", $3, $4, $5::uuid, $6, $7, $8, $9, $10::bigint, $11, $12::uuid)
ON CONFLICT (action_key) DO NOTHING`;

// Newest first by id; each filter has an index on (column, id), and without one the primary
// key is read backwards. Sent unnamed, so Postgres plans each call with its own values (a
// generic plan of the `IS NULL OR` arms could not pick the filter's index).
export const AUDIT_PAGE_SQL = `
SELECT a.id::text, a.kind, a.actor_type, a.actor_id, a.tenant_id, a.target_type, a.target_id,
       a.reason, a.request_id, a.amount_micros::text, a.currency, a.transaction_id, a.created_at
  FROM account.audit_records a
 WHERE ($1::text IS NULL OR a.actor_id = $1)
   AND ($2::uuid IS NULL OR a.tenant_id = $2)
   AND ($3::account."AuditKind" IS NULL OR a.kind = $3)
   AND ($4::bigint IS NULL OR a.id < $4)
 -- a.id, the bigint: a bare "id" would be the text column of the select list.
 ORDER BY a.id DESC
 LIMIT $5`;

/** The audit trail: append-only (a trigger refuses updates and deletes). */
@Injectable()
export class AuditRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Writes the record; `db` is the client of the action's own transaction when it has one. */
  async record(entry: AuditEntry, db: Pool | PoolClient = this.prisma.pool): Promise<void> {
    await db.query(INSERT_SQL, [
      entry.actionKey,
      entry.kind,
      entry.actor.type,
      entry.actor.id ?? null,
      entry.tenantId,
      entry.target.type,
      entry.target.id,
      entry.reason,
      entry.requestId,
      entry.amount?.micros.toString() ?? null,
      entry.amount?.currency ?? null,
      entry.transactionId,
    ]);
  }

  /** Up to `limit` records older than `beforeId` (null: the newest), newest first. */
  async page(
    filter: AuditFilter,
    beforeId: bigint | null,
    limit: number,
  ): Promise<AuditRecordView[]> {
    const { rows } = await this.prisma.pool.query<AuditRow>(AUDIT_PAGE_SQL, [
      filter.actorId,
      filter.tenantId,
      filter.kind,
      beforeId?.toString() ?? null,
      limit,
    ]);
    return rows.map(toView);
  }
}

function toView(row: AuditRow): AuditRecordView {
  return {
    id: row.id,
    kind: row.kind,
    actorType: row.actor_type,
    actorId: row.actor_id,
    tenantId: row.tenant_id,
    targetType: row.target_type,
    targetId: row.target_id,
    reason: row.reason,
    requestId: row.request_id,
    amountMicros: row.amount_micros === null ? null : toWireMicros(BigInt(row.amount_micros)),
    currency: row.currency,
    transactionId: row.transaction_id,
    createdAt: row.created_at.toISOString(),
  };
}
