import { Badge, Table, Text } from '@mantine/core';
import { useOperation } from '../api/use-operation';
import { describeAlert } from '../budgets/alert-words';
import { WalletAlertsQuery } from '../budgets/budgets.queries';
import { QuerySection, type WalletSectionProps } from './section';

import { formatWhen } from './when';

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
                  <Table.Td>{describeAlert(alert, currency)}</Table.Td>
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
