import { Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { WalletFiguresFragment } from '../gql/graphql';
import { formatAmount } from '../money/money';
import { DEBT_STATES, describeMoment } from './wallet-words';

interface Props {
  readonly title: string;
  /** A line under the title, e.g. the sub-account's monthly budget. */
  readonly subtitle?: string;
  readonly wallet: WalletFiguresFragment;
  /** A card as wide as the page: the figures beside the balance rather than under it. */
  readonly wide?: boolean;
}

/** One wallet's balance and live figures, each with a sentence saying what it is. */
export function WalletCard({ title, subtitle, wallet, wide = false }: Props) {
  const money = (amount: string) => formatAmount(amount, wallet.currency);
  const state = DEBT_STATES[wallet.debtState];
  return (
    <Card withBorder padding="lg" component="section" aria-label={title}>
      <SimpleGrid cols={wide ? { base: 1, md: 2 } : 1} spacing="xl">
        <div>
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={2}>
              <Title order={3}>{title}</Title>
              {subtitle && (
                <Text size="sm" c="gray.7">
                  {subtitle}
                </Text>
              )}
            </Stack>
            {/* The dot variant keeps dark text on white: coloured badges fail AA contrast. */}
            <Badge variant="dot" color={state.color} size="lg" radius="sm">
              {state.label}
            </Badge>
          </Group>
          <Text size="sm" c="gray.7" mt="md">
            Balance
          </Text>
          <Text fz={28} fw={700} data-testid="wallet-balance" style={{ overflowWrap: 'anywhere' }}>
            {money(wallet.balance)}
          </Text>
          <Text size="sm" mt={4}>
            {state.meaning}
          </Text>
        </div>
        <Table verticalSpacing={6} layout="fixed">
          <Table.Tbody>
            <Figure label="Pending charges" hint="usage of hours not settled yet">
              {money(wallet.pendingCharges)}
            </Figure>
            <Figure label="Available balance" hint="balance less pending charges">
              {money(wallet.availableBalance)}
            </Figure>
            <Figure label="Spend rate" hint="over the last hour">
              {`${money(wallet.spendRate)} per hour`}
            </Figure>
            <Figure label="Runs out" hint="at the current spend rate">
              <RunsOut at={wallet.runsOutAt} />
            </Figure>
          </Table.Tbody>
        </Table>
      </SimpleGrid>
    </Card>
  );
}

function Figure({ label, hint, children }: { label: string; hint?: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={500} w="55%">
        {label}
        {hint && (
          <Text span display="block" size="xs" c="gray.7" fw={400}>
            {hint}
          </Text>
        )}
      </Table.Th>
      <Table.Td ta="right" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Table.Td>
    </Table.Tr>
  );
}

function RunsOut({ at }: { at: string | null }) {
  if (at === null) return <>Not spending</>;
  const { at: when, relative } = describeMoment(at, new Date());
  return (
    <>
      {when}
      <Text span display="block" size="xs" c="gray.7">
        {relative}
      </Text>
    </>
  );
}
