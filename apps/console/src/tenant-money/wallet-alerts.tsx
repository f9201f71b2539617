import { Badge, Table, Text } from '@mantine/core';
import { useOperation } from '../api/use-operation';
import type { WalletAlertsQuery as AlertsResult } from '../gql/graphql';
import { formatAmount } from '../money/money';
import { QuerySection, type WalletSectionProps } from './section';
import { WalletAlertsQuery } from './tenant-money.queries';
import { formatWhen } from './when';

type Alert = AlertsResult['alerts'][number];

/** What an alert watches for, threshold included, as a sentence. */
export function alertWords(alert: Alert, currency: string): string {
  const money = (amount: string | null | undefined) =>
    amount == null ? 'an unknown amount' : formatAmount(amount, currency);
  switch (alert.kind) {
    case 'AVAILABLE_BALANCE_BELOW':
      return `Available balance below ${money(alert.amount)}`;
    case 'MONTHLY_SPEND_ABOVE':
      return `Spending this month above ${money(alert.amount)}`;
    case 'MONTHLY_BUDGET_PERCENT_ABOVE':
      return `Spending this month above ${alert.percent ?? '?'} % of the budget`;
    case 'RUNS_OUT_WITHIN':
      return `Balance runs out within ${alert.hours ?? '?'} hours`;
  }
}

/** A wallet's threshold alerts: what each watches, whether it fired, and when that last changed. */
export function WalletAlerts({ walletId, currency, token }: WalletSectionProps) {
  const reply = useOperation(WalletAlertsQuery, { walletId }, token);
  return (
    <QuerySection title="Alerts of the tenant wallet" what="alerts" reply={reply}>
      {({ alerts }) =>
        alerts.length === 0 ? (
          <Text role="status">No alerts: nobody asked to be told about this wallet.</Text>
        ) : (
          <Table striped aria-label="Alerts">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Alert when</Table.Th>
                <Table.Th scope="col">State</Table.Th>
                <Table.Th scope="col">Last change</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {alerts.map((alert) => (
                <Table.Tr key={alert.id} data-testid="alert">
                  <Table.Td>{alertWords(alert, currency)}</Table.Td>
                  <Table.Td>
                    <Badge
                      variant="dot"
                      radius="sm"
                      color={alert.state === 'TRIGGERED' ? 'red' : 'green'}
                    >
                      {alert.state === 'TRIGGERED' ? 'Triggered' : 'Not triggered'}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {alert.lastTransitionAt === null
                      ? 'Never changed'
                      : formatWhen(alert.lastTransitionAt)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )
      }
    </QuerySection>
  );
}
