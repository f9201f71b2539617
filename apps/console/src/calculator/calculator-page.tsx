import { Card, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../api/graphql-client';
import { useOperation } from '../api/use-operation';
import type { CurrentPriceBookQuery as PriceBook } from '../gql/graphql';
import { LoadError, Loading } from '../layout/states';
import { formatAmount, formatMoney } from '../money/money';
import { RESOURCE_NAMES } from '../spending/spend-words';
import { TenantWalletsQuery } from '../wallets/wallets.queries';
import { CurrentPriceBookQuery } from './calculator.queries';
import { lineCost, parseDecimal } from './price-calculator';

/** A month of hours, the usual thing to price. */
const DEFAULT_HOURS = '730';

/** What a workload would cost at the tenant's price book in force, exactly. */
export function CalculatorPage({ tenantId, token }: { tenantId: string; token: string }) {
  const tenant = useOperation(TenantWalletsQuery, { tenantId }, token);
  const currency = tenant.data?.tenant?.wallet.currency;
  const book = useOperation(
    CurrentPriceBookQuery,
    { currency: currency ?? '' },
    token,
    currency !== undefined,
  );
  if (tenant.isPending || (currency !== undefined && book.isPending)) {
    return <Loading what="the price book" />;
  }
  if (tenant.isError) {
    return (
      <LoadError what="the price book" error={tenant.error} onRetry={() => void tenant.refetch()} />
    );
  }
  if (currency === undefined) {
    return (
      <LoadError what="the price book" error={new ApiError('NOT_FOUND', `No tenant ${tenantId}`)} />
    );
  }
  if (book.isError) {
    return (
      <LoadError what="the price book" error={book.error} onRetry={() => void book.refetch()} />
    );
  }
  return <Calculator book={book.data!.priceBook} />;
}

function Calculator({ book }: { book: PriceBook['priceBook'] }) {
  const [hours, setHours] = useState(DEFAULT_HOURS);
  const [quantities, setQuantities] = useState<Record<string, string>>({});
  const hoursRead = parseDecimal(hours);
  const lines = book.prices.map((price) => {
    const text = quantities[price.resource] ?? '';
    const quantity = text.trim() === '' ? { digits: 0n, scale: 0 } : parseDecimal(text);
    const cost =
      quantity !== null && hoursRead !== null ? lineCost(quantity, hoursRead, price) : null;
    return { price, text, valid: quantity !== null, cost };
  });
  const total = lines.every((l) => l.cost !== null)
    ? lines.reduce((sum, l) => sum + (l.cost ?? 0n), 0n)
    : null;
  const money = (micros: bigint) => formatMoney(micros, book.currency);
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>Price calculator</Title>
        <Text mt={4}>
          Price book version {book.version}, in force since{' '}
          {new Date(book.effectiveFrom).toISOString().slice(0, 10)}. Each resource is charged
          quantity × hours × its price, rounded up once to the micro-unit, as settlement does.
        </Text>
      </div>
      <Card withBorder padding="lg" component="section" aria-labelledby="calculator">
        <Title order={2} id="calculator" mb="md">
          Estimate
        </Title>
        <TextInput
          label="Hours"
          inputMode="decimal"
          value={hours}
          onChange={(e) => setHours(e.currentTarget.value)}
          error={hoursRead === null ? 'Enter hours as digits, such as 730 or 1.5.' : null}
          maw={200}
          mb="md"
        />
        <Table layout="fixed" captionSide="top">
          <Table.Caption>Quantities and what they cost</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Resource</Table.Th>
              <Table.Th scope="col">Price per unit-hour</Table.Th>
              <Table.Th scope="col">Quantity</Table.Th>
              <Table.Th scope="col" ta="right">
                Cost
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map(({ price, text, valid, cost }) => {
              const name = RESOURCE_NAMES[price.resource] ?? price.resource;
              return (
                <Table.Tr key={price.resource}>
                  <Table.Th scope="row" fw={400}>
                    {name}
                  </Table.Th>
                  <Table.Td>
                    {formatAmount(price.pricePerUnitHour, book.currency)}
                    {price.scale > 0 && ` × 10^-${price.scale}`} per {price.unit}
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`${name} quantity (${price.unit})`}
                      inputMode="decimal"
                      placeholder="0"
                      value={text}
                      onChange={(e) => {
                        const value = e.currentTarget.value;
                        setQuantities((q) => ({ ...q, [price.resource]: value }));
                      }}
                      error={valid ? null : 'Digits only, such as 2.5'}
                    />
                  </Table.Td>
                  <Table.Td ta="right" data-testid={`cost-${price.resource}`}>
                    {cost === null ? '—' : money(cost)}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row" colSpan={3}>
                Total
              </Table.Th>
              <Table.Td ta="right" fw={700} data-testid="cost-total">
                {total === null ? 'Correct the fields above' : money(total)}
              </Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Card>
    </Stack>
  );
}
