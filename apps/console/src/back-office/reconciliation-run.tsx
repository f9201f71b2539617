import { Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReconciliationRunFragment as Run } from '../gql/graphql';
import { describeMoment } from '../wallets/wallet-words';

const FINDINGS: Readonly<Record<string, string>> = {
  adjustment: 'Correction posted',
  flagged_hour: 'Flagged hour',
  source_mismatch: 'Sources disagree',
  ledger: 'Ledger mismatch',
  missing_charge: 'Missing charge',
};

/** One reconciliation run: what it checked, what it found and what it posted. */
export function ReconciliationRunCard({ run }: { run: Run }) {
  const now = new Date();
  const started = describeMoment(run.startedAt, now);
  const mismatches = run.sourceMismatches + run.ledgerMismatches;
  return (
    <Card withBorder padding="lg" component="section" aria-label={`Reconciliation run ${run.id}`}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3}>
            Hours {describeMoment(run.fromHour, now).at} to {describeMoment(run.toHour, now).at}
          </Title>
          <Badge variant="dot" radius="sm" color={run.status === 'SUCCEEDED' ? 'green' : 'red'}>
            {run.status.charAt(0) + run.status.slice(1).toLowerCase()}
          </Badge>
        </Group>
        <Text size="sm">
          Started {started.at} ({started.relative}) by{' '}
          {run.trigger === 'schedule' ? 'the schedule' : 'finance'}.
        </Text>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Figure label="Hours checked" value={String(run.hoursChecked)} />
          <Figure label="Flagged hours" value={String(run.flaggedHours)} />
          <Figure label="Mismatches" value={String(mismatches)} />
          {/* A run's net `adjusted` adds up every currency's corrections: each one's amount is
              in its finding, with the wallet's currency. */}
          <Figure label="Adjustments posted" value={String(run.adjustments)} />
        </SimpleGrid>
        {run.findings.length === 0 ? (
          <Text>Nothing was found: usage, sources and the ledger agree.</Text>
        ) : (
          <Table aria-label={`Findings of run ${run.id}`} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Finding</Table.Th>
                <Table.Th scope="col">Namespace</Table.Th>
                <Table.Th scope="col">Hour</Table.Th>
                <Table.Th scope="col">Detail</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {run.findings.map((finding, n) => (
                <Table.Tr key={n}>
                  <Table.Td>{FINDINGS[finding.kind] ?? finding.kind}</Table.Td>
                  <Table.Td ff="monospace">{finding.namespace ?? '—'}</Table.Td>
                  <Table.Td>
                    {finding.hour === null ? '—' : describeMoment(finding.hour, now).at}
                  </Table.Td>
                  <Table.Td>{finding.detail}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="sm" c="gray.7">
        {label}
      </Text>
      <Text fw={700}>{value}</Text>
    </div>
  );
}
