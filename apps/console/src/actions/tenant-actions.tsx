import { Button, Card, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { AdjustBalanceDialog } from './adjust-balance-dialog';
import { GrantCreditDialog } from './grant-credit-dialog';

/** A wallet an action is taken on, as the dialogs name it. */
export interface ActionWallet {
  readonly id: string;
  readonly name: string;
  readonly currency: string;
}

type Dialog = 'adjust' | 'grant' | null;

/**
 * Finance's actions on one tenant's wallets, each in a dialog that asks for a reason and a
 * confirmation; what was done shows afterwards in the ledger entries and the audit trail.
 */
export function TenantActions({ wallets, token }: { wallets: ActionWallet[]; token: string }) {
  const [walletId, setWalletId] = useState(wallets[0].id);
  const [open, setOpen] = useState<Dialog>(null);
  const wallet = wallets.find((w) => w.id === walletId) ?? wallets[0];
  const close = () => setOpen(null);
  return (
    <Card withBorder padding="lg" component="section" aria-label="Actions">
      <Stack gap="sm">
        <Title order={2}>Actions</Title>
        <Text size="sm">
          Each action asks for a reason and a confirmation, and is recorded in the audit log.
        </Text>
        <Group align="flex-end">
          <NativeSelect
            label="Wallet"
            value={wallet.id}
            onChange={(event) => setWalletId(event.currentTarget.value)}
            data={wallets.map((w) => ({ value: w.id, label: w.name }))}
          />
          <Button onClick={() => setOpen('adjust')}>Adjust balance</Button>
          <Button variant="default" onClick={() => setOpen('grant')}>
            Grant credit
          </Button>
        </Group>
      </Stack>
      <AdjustBalanceDialog
        wallet={wallet}
        opened={open === 'adjust'}
        onClose={close}
        token={token}
      />
      <GrantCreditDialog wallet={wallet} opened={open === 'grant'} onClose={close} token={token} />
    </Card>
  );
}
