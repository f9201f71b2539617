import {
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useMutationOperation } from '../api/use-mutation-operation';
import { useOperation } from '../api/use-operation';
import type { AlertKind, CreateAlertInput } from '../gql/graphql';
import { MutationOutcome } from '../layout/mutation-outcome';
import { LoadError, Loading } from '../layout/states';
import { readAmount } from '../top-up/amount-input';
import { useManagesTenant } from '../session/manages-tenant';
import { ALERT_KINDS, describeAlert, readWholeNumber } from './alert-words';
import { CreateAlertMutation, DeleteAlertMutation, WalletAlertsQuery } from './budgets.queries';

/** A wallet alerts can watch: the tenant's, or a sub-account's (with its id). */
export interface AlertWallet {
  readonly walletId: string;
  readonly subAccountId: string | null;
  readonly label: string;
}

interface WalletProps {
  readonly wallet: AlertWallet;
  readonly currency: string;
  readonly token: string;
}

// The API's bounds (apps/metering/src/alerts/create-alert.ts), checked here before sending.
const PERCENT = { min: 1, max: 1000 };
const HOURS = { min: 1, max: 8760 };

interface Props {
  readonly wallets: readonly AlertWallet[];
  readonly currency: string;
  readonly token: string;
}

/** One wallet's alerts at a time: what each watches and whether it fired, and a new one. */
export function AlertsSection({ wallets, currency, token }: Props) {
  const manages = useManagesTenant();
  const [walletId, setWalletId] = useState(wallets[0].walletId);
  const wallet = wallets.find((w) => w.walletId === walletId) ?? wallets[0];
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="alerts">
      <Group justify="space-between" align="flex-end" mb="md">
        <Title order={2} id="alerts">
          Alerts
        </Title>
        <NativeSelect
          label="Wallet watched"
          value={walletId}
          onChange={(e) => setWalletId(e.currentTarget.value)}
          data={wallets.map((w) => ({ value: w.walletId, label: w.label }))}
        />
      </Group>
      <Stack gap="lg">
        <AlertList wallet={wallet} currency={currency} token={token} />
        {manages && (
          <NewAlertForm key={wallet.walletId} wallet={wallet} currency={currency} token={token} />
        )}
      </Stack>
    </Card>
  );
}

function AlertList({ wallet, currency, token }: WalletProps) {
  const manages = useManagesTenant();
  const queries = useQueryClient();
  const alerts = useOperation(WalletAlertsQuery, { walletId: wallet.walletId }, token);
  const remove = useMutationOperation(DeleteAlertMutation, token);
  const what = `the alerts of ${wallet.label}`;
  if (alerts.isPending) return <Loading what={what} />;
  if (alerts.isError) {
    return <LoadError what={what} error={alerts.error} onRetry={() => void alerts.refetch()} />;
  }
  if (alerts.data.alerts.length === 0) {
    return <Text>No alerts on {wallet.label}: nobody is told before its money runs low.</Text>;
  }
  return (
    <>
      <Table layout="fixed" captionSide="top">
        <Table.Caption>Alerts on {wallet.label}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Watches</Table.Th>
            <Table.Th scope="col">State</Table.Th>
            {manages && (
              <Table.Th scope="col" ta="right">
                Remove
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {alerts.data.alerts.map((alert) => {
            const described = describeAlert(alert, currency);
            return (
              <Table.Tr key={alert.id}>
                <Table.Th scope="row" fw={400}>
                  {described}
                </Table.Th>
                <Table.Td>
                  <Badge
                    variant="dot"
                    color={alert.state === 'TRIGGERED' ? 'red' : 'green'}
                    radius="sm"
                  >
                    {alert.state === 'TRIGGERED' ? 'Fired' : 'Quiet'}
                  </Badge>
                </Table.Td>
                {manages && (
                  <Table.Td ta="right">
                    <Button
                      variant="default"
                      size="xs"
                      aria-label={`Delete the alert ${described}`}
                      loading={remove.isPending && remove.variables.id === alert.id}
                      onClick={() =>
                        remove.mutate(
                          { id: alert.id },
                          { onSuccess: () => void queries.invalidateQueries() },
                        )
                      }
                    >
                      Delete
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <MutationOutcome what="delete the alert" error={remove.error} done={null} />
    </>
  );
}

function NewAlertForm({ wallet, currency, token }: WalletProps) {
  const queries = useQueryClient();
  const kinds = (Object.keys(ALERT_KINDS) as AlertKind[]).filter(
    // A budget share needs a sub-account's budget: the tenant wallet has none.
    (kind) => kind !== 'MONTHLY_BUDGET_PERCENT_ABOVE' || wallet.subAccountId !== null,
  );
  const [kind, setKind] = useState<AlertKind>(kinds[0]);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const create = useMutationOperation(CreateAlertMutation, token);
  const { threshold, field } = ALERT_KINDS[kind];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = alertInput(wallet, kind, text, currency);
    setProblem('error' in input ? input.error : null);
    setDone(null);
    if ('error' in input) return;
    create.mutate(
      { input },
      {
        onSuccess: ({ createAlert }) => {
          setDone(
            createAlert.state === 'TRIGGERED'
              ? 'Alert set: its condition holds already, so it fired at once.'
              : 'Alert set: it fires once when its condition is met.',
          );
          setText('');
          void queries.invalidateQueries();
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-label="New alert">
      <Group align="flex-end" grow>
        <NativeSelect
          label="New alert"
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as AlertKind)}
          data={kinds.map((k) => ({ value: k, label: ALERT_KINDS[k].label }))}
        />
        <TextInput
          label={threshold === 'amount' ? `${field} (${currency})` : field}
          inputMode={threshold === 'amount' ? 'decimal' : 'numeric'}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={problem}
        />
        <Button type="submit" loading={create.isPending} style={{ flexGrow: 0 }}>
          Set alert
        </Button>
      </Group>
      <MutationOutcome what="set the alert" error={create.error} done={done} />
    </form>
  );
}

/** The API's input for the alert the form describes, or what is wrong with its threshold. */
function alertInput(
  wallet: AlertWallet,
  kind: AlertKind,
  text: string,
  currency: string,
): CreateAlertInput | { error: string } {
  const base = { walletId: wallet.walletId, subAccountId: wallet.subAccountId, kind };
  switch (ALERT_KINDS[kind].threshold) {
    case 'amount': {
      const amount = readAmount(text, currency);
      return amount.ok ? { ...base, amount: amount.amount } : { error: amount.error };
    }
    case 'percent': {
      const percent = readWholeNumber(text, PERCENT.min, PERCENT.max);
      return percent.ok ? { ...base, percent: percent.value } : { error: percent.error };
    }
    case 'hours': {
      const hours = readWholeNumber(text, HOURS.min, HOURS.max);
      return hours.ok ? { ...base, hours: hours.value } : { error: hours.error };
    }
  }
}
