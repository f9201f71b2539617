import { Badge, Button, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useOperation } from '../api/use-operation';
import type { PriceBookVersionFragment as Version } from '../gql/graphql';
import { LoadError, Loading } from '../layout/states';
import { formatPrice } from '../money/money';
import { describeMoment } from '../wallets/wallet-words';
import { PriceBooksQuery } from './back-office.queries';
import { CurrencyForm } from './currency-form';
import { priceDiff, type PriceChange, type VersionPrice } from './price-diff';
import { ScheduleVersionForm } from './schedule-version-form';

const CHANGES: Readonly<Record<PriceChange, string>> = {
  same: 'Same',
  higher: 'Higher',
  lower: 'Lower',
  new: 'Only in one version',
  unit: 'Other unit',
};

/**
 * A currency's price book: every version, when each takes effect, any version against the one
 * in force, and a form to schedule the next one.
 */
export function PriceBookPage({ token }: { token: string }) {
  const [currency, setCurrency] = useState('USD');
  const books = useOperation(PriceBooksQuery, { currency }, token);
  const [compared, setCompared] = useState<string | null>(null);
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>Price book</Title>
        <Text mt={4}>
          Each currency has its own versions. A version is never changed: a new price is a new
          version from a later moment, so every past hour keeps the prices it was charged at.
        </Text>
      </div>
      <CurrencyForm label="Price book currency" onCurrency={setCurrency} />
      {books.isPending ? (
        <Loading what="the price book" />
      ) : books.isError ? (
        <LoadError what="the price book" error={books.error} onRetry={() => void books.refetch()} />
      ) : (
        <>
          <Versions
            versions={books.data.priceBooks}
            current={books.data.priceBook}
            onCompare={setCompared}
          />
          <Diff
            current={books.data.priceBook}
            other={books.data.priceBooks.find((v) => v.id === compared) ?? null}
          />
          <ScheduleVersionForm
            current={books.data.priceBook}
            token={token}
            onScheduled={() => void books.refetch()}
          />
        </>
      )}
    </Stack>
  );
}

function Versions({
  versions,
  current,
  onCompare,
}: {
  versions: readonly Version[];
  current: Version;
  onCompare: (id: string) => void;
}) {
  const now = new Date();
  const status = (v: Version) =>
    v.id === current.id
      ? { label: 'In force', color: 'green' }
      : new Date(v.effectiveFrom) > now
        ? { label: 'Scheduled', color: 'blue' }
        : { label: 'Past', color: 'gray' };
  return (
    <>
      <Title order={2}>Versions</Title>
      <Table aria-label="Price book versions" striped maw={760}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Version</Table.Th>
            <Table.Th scope="col">Takes effect</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Against the one in force</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.map((v) => (
            <Table.Tr key={v.id}>
              <Table.Td>{v.version}</Table.Td>
              <Table.Td>{describeMoment(v.effectiveFrom, now).at}</Table.Td>
              <Table.Td>
                <Badge variant="dot" radius="sm" color={status(v).color}>
                  {status(v).label}
                </Badge>
              </Table.Td>
              <Table.Td>
                {v.id === current.id ? (
                  'In force'
                ) : (
                  <Button variant="default" size="xs" onClick={() => onCompare(v.id)}>
                    Compare version {v.version}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}

function Diff({ current, other }: { current: Version; other: Version | null }) {
  const price = (p: VersionPrice | null) =>
    p === null
      ? '—'
      : `${formatPrice(p.pricePerUnitHour, p.scale, current.currency)} per ${p.unit}`;
  if (other === null) {
    return (
      <Text>
        Version {current.version} is in force. Choose another version above to see how its prices
        differ.
      </Text>
    );
  }
  return (
    <>
      <Title order={2}>
        Version {other.version} against version {current.version}, in force
      </Title>
      <Table aria-label={`Version ${other.version} against version ${current.version}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Resource</Table.Th>
            <Table.Th scope="col" ta="right">
              Version {current.version} (in force)
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Version {other.version}
            </Table.Th>
            <Table.Th scope="col">Change</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {priceDiff(current.prices, other.prices).map((row) => (
            <Table.Tr key={row.resource}>
              <Table.Td>{row.resource}</Table.Td>
              <Table.Td ta="right">{price(row.current)}</Table.Td>
              <Table.Td ta="right">{price(row.other)}</Table.Td>
              <Table.Td>{CHANGES[row.change]}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
