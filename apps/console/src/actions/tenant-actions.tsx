import { Button, Card, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { AdjustBalanceDialog } from './adjust-balance-dialog';
import { GrantCreditDialog } from './grant-credit-dialog';
import { NamespaceHoldDialog } from './namespace-hold-dialog';

/** A wallet an action is taken on, as the dialogs name it. */
export interface ActionWallet {
  readonly id: string;
  readonly name: string;
  readonly currency: string;
}

type Dialog = 'adjust' | 'grant' | 'suspend' | 'resume' | null;

/**
 * Finance's actions on one tenant's wallets, each in a dialog that asks for a reason and a
 * confirmation; what was done shows afterwards in the ledger entries and the audit trail.
 */
export function TenantActions({
  wallets,
  namespaces,
  token,
}: {
  wallets: ActionWallet[];
  namespaces: string[];
  token: string;
}) {
  const [walletId, setWalletId] = useState(wallets[0].id);
  const [namespace, setNamespace] = useState(namespaces[0] ?? '');
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
        {namespaces.length > 0 && (
          <Group align="flex-end">
            <NativeSelect
              label="Namespace"
              value={namespace}
              onChange={(event) => setNamespace(event.currentTarget.value)}
              data={namespaces}
            />
            <Button variant="default" onClick={() => setOpen('suspend')}>
              Suspend by hand
            </Button>
            <Button variant="default" onClick={() => setOpen('resume')}>
              Resume by hand
            </Button>
          </Group>
        )}
      </Stack>
      <AdjustBalanceDialog
        wallet={wallet}
        opened={open === 'adjust'}
        onClose={close}
        token={token}
      />
      <GrantCreditDialog wallet={wallet} opened={open === 'grant'} onClose={close} token={token} />
      {(open === 'suspend' || open === 'resume') && (
        <NamespaceHoldDialog
          namespace={namespace}
          hold={open}
          opened
          onClose={close}
          token={token}
        />
      )}
    </Card>
  );
}
