import { Button, Card, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { newIdempotencyKey, useMutationOperation } from '../api/use-mutation-operation';
import { MutationOutcome } from '../layout/mutation-outcome';
import { formatMoney } from '../money/money';
import { AmountField } from '../layout/amount-field';
import { readAmount } from './amount-input';
import { TransferMutation } from './top-up.queries';
import type { WalletChoice } from './wallet-choices';

interface Props {
  readonly wallets: readonly WalletChoice[];
  readonly currency: string;
  readonly token: string;
}

/** Moves money between two of the tenant's wallets; says what moved, or why not. */
export function TransferForm({ wallets, currency, token }: Props) {
  const queries = useQueryClient();
  const [from, setFrom] = useState(wallets[0].id);
  const [to, setTo] = useState(wallets[1].id);
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<{ amount?: string; to?: string }>({});
  const [moved, setMoved] = useState<string | null>(null);
  const transfer = useMutationOperation(TransferMutation, token);
  const labelOf = (id: string) => wallets.find((w) => w.id === id)?.label ?? id;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const read = readAmount(text, currency);
    const next = {
      amount: read.ok ? undefined : read.error,
      to: from === to ? 'Choose another wallet than the one the money leaves.' : undefined,
    };
    setProblems(next);
    setMoved(null);
    if (!read.ok || next.to !== undefined) return;
    transfer.mutate(
      {
        input: {
          fromWalletId: from,
          toWalletId: to,
          amount: read.amount,
          idempotencyKey: newIdempotencyKey(),
        },
      },
      {
        onSuccess: () => {
          setMoved(
            `Moved ${formatMoney(read.micros, currency)} from ${labelOf(from)} to ${labelOf(to)}.`,
          );
          setText('');
          void queries.invalidateQueries();
        },
      },
    );
  };

  const choices = wallets.map((w) => ({ value: w.id, label: w.label }));
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="transfer">
      <Title order={2} id="transfer" mb="xs">
        Transfer
      </Title>
      <Text mb="md">Move money between the tenant wallet and its sub-accounts.</Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Group align="flex-start" grow>
            <NativeSelect
              label="From"
              value={from}
              onChange={(e) => setFrom(e.currentTarget.value)}
              data={choices}
            />
            <NativeSelect
              label="To"
              value={to}
              onChange={(e) => setTo(e.currentTarget.value)}
              data={choices}
              error={problems.to}
            />
            <AmountField
              label={`Amount (${currency})`}
              value={text}
              onChange={setText}
              error={problems.amount}
            />
          </Group>
          <Group>
            <Button type="submit" loading={transfer.isPending}>
              Transfer
            </Button>
          </Group>
          <MutationOutcome what="transfer" error={transfer.error} done={moved} />
        </Stack>
      </form>
    </Card>
  );
}
