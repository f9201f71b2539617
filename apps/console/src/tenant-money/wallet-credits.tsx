import { Table, Text } from '@mantine/core';
import { useOperation } from '../api/use-operation';
import type { CreditSource } from '../gql/graphql';
import { formatAmount } from '../money/money';
import { QuerySection, type WalletSectionProps } from './section';
import { WalletCreditsQuery } from './tenant-money.queries';
import { formatWhen } from './when';

const SOURCES: Readonly<Record<CreditSource, string>> = {
  BONUS: 'Recharge bonus',
  GRANT: 'Granted by finance',
};

interface Grant {
  readonly expiresAt: string;
  readonly expiredAt?: string | null;
}

/** When the grant's rest stops counting: past tense once expiry has taken it. */
function expiryWords({ expiresAt, expiredAt }: Grant): string {
  return expiredAt == null
    ? `Expires ${formatWhen(expiresAt)}`
    : `Expired ${formatWhen(expiredAt)}`;
}

/** A wallet's promotional credit, grant by grant: what each gave, has left, spent and lost. */
export function WalletCredits({ walletId, currency, token }: WalletSectionProps) {
  const reply = useOperation(WalletCreditsQuery, { walletId }, token);
  const money = (amount: string) => formatAmount(amount, currency);
  return (
    <QuerySection title="Credits of the tenant wallet" what="credits" reply={reply}>
      {({ wallet }) =>
        wallet === null || wallet.credits.length === 0 ? (
          <Text role="status">
            No credits: no recharge bonus and no grant by finance for this wallet.
          </Text>
        ) : (
          <Table striped aria-label="Credits">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Source</Table.Th>
                <Table.Th scope="col" ta="right">
                  Amount
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Remaining
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Used
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Expired
                </Table.Th>
                <Table.Th scope="col">Expiry</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {wallet.credits.map((grant) => (
                <Table.Tr key={grant.id} data-testid="credit">
                  <Table.Td>
                    {SOURCES[grant.source]}
                    {grant.reason !== null && (
                      <Text size="xs" c="gray.7">
                        {grant.reason}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{money(grant.amount)}</Table.Td>
                  <Table.Td ta="right">{money(grant.remaining)}</Table.Td>
                  <Table.Td ta="right">{money(grant.used)}</Table.Td>
                  <Table.Td ta="right">{money(grant.expired)}</Table.Td>
                  <Table.Td>{expiryWords(grant)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )
      }
    </QuerySection>
  );
}
