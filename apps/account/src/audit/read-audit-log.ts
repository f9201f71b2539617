import { Inject, Injectable } from '@nestjs/common';
import { forbidden } from '@tally/errors';
import {
  isFinanceStaff,
  type Authenticated,
  type AuditRecordsPage,
  type RpcRequest,
} from '@tally/transport';
import {
  assertAuditPageSize,
  auditFilter,
  decodeAuditCursor,
  encodeAuditCursor,
} from './audit-log-input';
import { AuditRepository } from './audit.repository';

type AuditPageInput = RpcRequest<'account.audit.page'>['input'];

/** The audit log as use cases read it (their specs hand them a fake of this). */
export type IAuditLogReader = Pick<AuditRepository, 'page'>;

/**
 * Finance staff and platform admins read what people did by hand, newest first, filtered by
 * actor, tenant and kind. Nobody else may (FORBIDDEN before any check of the input).
 */
@Injectable()
export class ReadAuditLog {
  constructor(@Inject(AuditRepository) private readonly audit: IAuditLogReader) {}

  async execute({ principal, input }: Authenticated<AuditPageInput>): Promise<AuditRecordsPage> {
    if (!isFinanceStaff(principal)) {
      throw forbidden('Only finance staff and platform admins may read the audit log');
    }
    assertAuditPageSize(input.first);
    const filter = auditFilter(input);
    const beforeId = input.after === null ? null : decodeAuditCursor(input.after);
    const rows = await this.audit.page(filter, beforeId, input.first + 1);
    const edges = rows
      .slice(0, input.first)
      .map((record) => ({ cursor: encodeAuditCursor(record.id), record }));
    return {
      edges,
      hasNextPage: rows.length > input.first,
      endCursor: edges.at(-1)?.cursor ?? null,
    };
  }
}
