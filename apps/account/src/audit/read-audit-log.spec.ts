import { DomainError } from '@tally/errors';
import type { AuditRecordView, Principal } from '@tally/transport';
import { decodeAuditCursor, encodeAuditCursor } from './audit-log-input';
import { ReadAuditLog, type IAuditLogReader } from './read-audit-log';

const finance: Principal = { kind: 'user', userId: 'u-1', platformRole: 'FINANCE' };
const member: Principal = { kind: 'user', userId: 'u-2', platformRole: null };
const apiKey: Principal = { kind: 'api_key', apiKeyId: 'k-1', tenantId: 't-1' };
const TENANT = '00000000-0000-4000-8000-000000000001';

function record(id: number): AuditRecordView {
  return {
    id: String(id),
    kind: 'BALANCE_ADJUSTED',
    actorType: 'user',
    actorId: 'u-1',
    tenantId: TENANT,
    targetType: 'wallet',
    targetId: 'w-1',
    reason: 'goodwill',
    requestId: null,
    amountMicros: null,
    currency: null,
    transactionId: null,
    createdAt: '2026-12-06T00:00:00.000Z',
  };
}

/** The repository's answers, newest first, and what it was asked. */
class FakeAuditLog implements IAuditLogReader {
  readonly asked: Parameters<IAuditLogReader['page']>[] = [];
  constructor(private readonly rows: AuditRecordView[]) {}
  page(...args: Parameters<IAuditLogReader['page']>): Promise<AuditRecordView[]> {
    this.asked.push(args);
    return Promise.resolve(this.rows.slice(0, args[2]));
  }
}

const input = { actorId: null, tenantId: null, kind: null, first: 2, after: null };
const codeOf = (error: unknown) =>
  error instanceof DomainError ? [error.code, error.details?.reason] : error;

describe('ReadAuditLog', () => {
  it('answers a page, says whether more follow, and the next starts below its last id', async () => {
    const audit = new FakeAuditLog([record(9), record(7), record(4)]);
    const page = await new ReadAuditLog(audit).execute({
      principal: finance,
      input: { ...input, actorId: ' u-1 ', tenantId: TENANT.toUpperCase(), kind: 'CREDIT_GRANTED' },
    });
    expect(audit.asked).toEqual([
      [{ actorId: 'u-1', tenantId: TENANT, kind: 'CREDIT_GRANTED' }, null, 3],
    ]);
    expect(page.edges.map((e) => e.record.id)).toEqual(['9', '7']);
    expect([page.hasNextPage, page.endCursor]).toEqual([true, page.edges[1].cursor]);
    expect(decodeAuditCursor(page.endCursor!)).toBe(7n);

    await new ReadAuditLog(audit).execute({
      principal: finance,
      input: { ...input, actorId: '  ', after: page.endCursor },
    });
    expect(audit.asked[1]).toEqual([{ actorId: null, tenantId: null, kind: null }, 7n, 3]);
  });

  it('ends on the last page; an empty one has no cursor', async () => {
    const none = await new ReadAuditLog(new FakeAuditLog([])).execute({
      principal: finance,
      input,
    });
    expect(none).toEqual({ edges: [], hasNextPage: false, endCursor: null });
  });

  it.each([
    ['a member', member],
    ['an API key', apiKey],
  ])('refuses %s before looking at the input', async (_, principal) => {
    const audit = new FakeAuditLog([record(1)]);
    const read = new ReadAuditLog(audit).execute({ principal, input: { ...input, first: 0 } });
    await expect(read.catch(codeOf)).resolves.toEqual(['FORBIDDEN', undefined]);
    expect(audit.asked).toEqual([]);
  });

  it.each([
    ['a page of none', { first: 0 }, 'BAD_PAGE_SIZE'],
    ['a page of 201', { first: 201 }, 'BAD_PAGE_SIZE'],
    ['a cursor it did not make', { after: 'x!' }, 'BAD_CURSOR'],
    ['a cursor of zero', { after: encodeAuditCursor('0') }, 'BAD_CURSOR'],
    ['a cursor past bigint', { after: encodeAuditCursor('9223372036854775808') }, 'BAD_CURSOR'],
    ['a tenant id that is no UUID', { tenantId: 'acme' }, 'BAD_TENANT_ID'],
    ['an unknown kind', { kind: 'DELETED' }, 'BAD_KIND'],
    ['an actor id longer than any id', { actorId: 'x'.repeat(201) }, 'BAD_ACTOR_ID'],
  ])('refuses %s as BAD_USER_INPUT', async (_, change, reason) => {
    const read = new ReadAuditLog(new FakeAuditLog([])).execute({
      principal: finance,
      input: { ...input, ...change } as typeof input,
    });
    await expect(read.catch(codeOf)).resolves.toEqual(['BAD_USER_INPUT', reason]);
  });
});
