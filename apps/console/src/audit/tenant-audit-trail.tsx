import { Group, Title } from '@mantine/core';
import { RouteLink } from '../routing/link';
import { AuditLogList } from './audit-log-list';

const PAGE_SIZE = 10;

/** What people did by hand in one tenant, newest first, with a way into the whole log. */
export function TenantAuditTrail({ tenantId, token }: { tenantId: string; token: string }) {
  const filter = { actorId: '', tenantId, kind: '' };
  return (
    <>
      <Group justify="space-between" align="baseline">
        <Title order={2}>Audit trail</Title>
        <RouteLink to={{ page: 'audit', filter }}>This tenant in the audit log</RouteLink>
      </Group>
      <AuditLogList
        filter={filter}
        pageSize={PAGE_SIZE}
        token={token}
        label="Audit trail of this tenant"
        emptyWords="Nobody has acted on this tenant by hand yet."
      />
    </>
  );
}
