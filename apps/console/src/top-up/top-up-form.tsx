import { Button, Card, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { newIdempotencyKey, useMutationOperation } from '../api/use-mutation-operation';
import { Refusal } from '../layout/states';
import { AmountField } from '../layout/amount-field';
import { readAmount } from './amount-input';
import { StartRechargeMutation } from './top-up.queries';
import type { WalletChoice } from './wallet-choices';

interface Props {
  readonly wallets: readonly WalletChoice[];
  readonly currency: string;
  readonly token: string;
  /** Where the browser goes to pay: Stripe Checkout, or the local checkout page in development. */
  readonly goTo?: (url: string) => void;
}

/** Top up a wallet: checked here, opened as a Checkout session, paid on the checkout page. */
export function TopUpForm({
  wallets,
  currency,
  token,
  goTo = (url) => window.location.assign(url),
}: Props) {
  const [walletId, setWalletId] = useState(wallets[0].id);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const start = useMutationOperation(StartRechargeMutation, token);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const read = readAmount(text, currency);
    setProblem(read.ok ? null : read.error);
    if (!read.ok) return;
    start.mutate(
      { input: { walletId, amount: read.amount, idempotencyKey: newIdempotencyKey() } },
      {
        onSuccess: ({ startRecharge }) => {
          if (startRecharge.checkoutUrl !== null) goTo(startRecharge.checkoutUrl);
        },
      },
    );
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="top-up">
      <Title order={2} id="top-up" mb="xs">
        Top up
      </Title>
      <Text mb="md">
        Pay by card on the checkout page; the wallet is credited as soon as the payment is
        confirmed, and suspended namespaces it pays for start again.
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Group align="flex-start" grow>
            <NativeSelect
              label="Wallet to top up"
              value={walletId}
              onChange={(event) => setWalletId(event.currentTarget.value)}
              data={wallets.map((w) => ({ value: w.id, label: w.label }))}
            />
            <AmountField
              label={`Amount (${currency})`}
              value={text}
              onChange={setText}
              error={problem}
            />
          </Group>
          <Group>
            <Button type="submit" loading={start.isPending}>
              Continue to checkout
            </Button>
          </Group>
          {start.isError && <Refusal title="Could not start the top-up" error={start.error} />}
          {start.data?.startRecharge.checkoutUrl === null && (
            <Text role="status">The checkout page is not open yet: try again in a moment.</Text>
          )}
        </Stack>
      </form>
    </Card>
  );
}
