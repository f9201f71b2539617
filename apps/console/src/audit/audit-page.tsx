import { Button, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { navigate, type AuditLogFilter } from '../routing/route';
import { AuditLogList } from './audit-log-list';
import { AUDIT_KINDS } from './audit-words';

const PAGE_SIZE = 25;
const KIND_CHOICES = [
  { value: '', label: 'Every kind' },
  ...Object.entries(AUDIT_KINDS).map(([value, label]) => ({ value, label })),
];

/**
 * Every action by a person, newest first: filtered by actor, tenant and kind. The filters live
 * in the address, so a reload or a shared link opens the same log.
 */
export function AuditPage({ filter, token }: { filter: AuditLogFilter; token: string }) {
  const [draft, setDraft] = useState(filter);
  useEffect(() => setDraft(filter), [filter]);
  const edit = (field: keyof AuditLogFilter) => (value: string) =>
    setDraft((current) => ({ ...current, [field]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate({
      page: 'audit',
      filter: { actorId: draft.actorId.trim(), tenantId: draft.tenantId.trim(), kind: draft.kind },
    });
  };
  const filtered = filter.actorId !== '' || filter.tenantId !== '' || filter.kind !== '';
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>Audit log</Title>
        <Text mt={4}>
          Every action a person took by hand — balance adjustments, credit grants, refunds, voided
          and reissued invoices, namespaces suspended or resumed — with who, why and when.
        </Text>
      </div>
      <form onSubmit={submit} role="search" aria-label="Audit log filters">
        <Group align="flex-end">
          <TextInput
            label="Actor (user or API key id)"
            value={draft.actorId}
            onChange={(event) => edit('actorId')(event.currentTarget.value)}
            style={{ flex: 1 }}
            autoComplete="off"
          />
          <TextInput
            label="Tenant id"
            value={draft.tenantId}
            onChange={(event) => edit('tenantId')(event.currentTarget.value)}
            style={{ flex: 1 }}
            autoComplete="off"
          />
          <NativeSelect
            label="Kind"
            data={KIND_CHOICES}
            value={draft.kind}
            onChange={(event) => edit('kind')(event.currentTarget.value)}
          />
          <Button type="submit">Filter</Button>
        </Group>
      </form>
      <AuditLogList
        filter={filter}
        pageSize={PAGE_SIZE}
        token={token}
        label="Audit records"
        emptyWords={filtered ? 'No action matches these filters.' : 'Nobody has acted by hand yet.'}
      />
    </Stack>
  );
}
