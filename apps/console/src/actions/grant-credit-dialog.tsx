import { TextInput } from '@mantine/core';
import { AmountField } from './amount-field';
import { useState } from 'react';
import { formatAmount, formatMoney } from '../money/money';
import { ActionDialog } from './action-dialog';
import { checkAmount, checkExpiry } from './action-input';
import { GrantCreditMutation } from './actions.queries';
import type { ActionWallet } from './tenant-actions';
import { useAction } from './use-action';

interface Props {
  readonly wallet: ActionWallet;
  readonly opened: boolean;
  readonly onClose: () => void;
  readonly token: string;
}

const DAY = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });

/** Finance grants promotional credit to a wallet until a day, with a reason. */
export function GrantCreditDialog({ wallet, opened, onClose, token }: Props) {
  const [amountText, setAmountText] = useState('');
  const [expiryDay, setExpiryDay] = useState('');
  const [problems, setProblems] = useState<{ amount?: string; expiry?: string }>({});
  // The instant the confirmation named, sent as confirmed.
  const [expiresAt, setExpiresAt] = useState('');
  const grant = useAction(GrantCreditMutation, token);

  const review = () => {
    const amount = checkAmount(amountText, 'positive');
    const expiry = checkExpiry(expiryDay);
    setProblems({
      amount: 'problem' in amount ? amount.problem : undefined,
      expiry: 'problem' in expiry ? expiry.problem : undefined,
    });
    if ('problem' in amount || 'problem' in expiry) return null;
    setExpiresAt(expiry.value.toISOString());
    return `Grant ${formatMoney(amount.value, wallet.currency)} of promotional credit to ${wallet.name}, expiring at the end of ${DAY.format(expiry.value)} (UTC).`;
  };
  const send = async (reason: string, idempotencyKey: string) => {
    const { grantCredit } = await grant.mutateAsync({
      walletId: wallet.id,
      amount: amountText.trim(),
      expiresAt,
      reason,
      idempotencyKey,
    });
    return `Granted ${formatAmount(grantCredit.amount, wallet.currency)} to ${wallet.name} (grant ${grantCredit.id}). The audit log has the record.`;
  };
  const close = () => {
    setAmountText('');
    setExpiryDay('');
    setProblems({});
    onClose();
  };

  return (
    <ActionDialog
      title={`Grant credit to ${wallet.name}`}
      opened={opened}
      onClose={close}
      review={review}
      confirmLabel="Grant the credit"
      send={send}
    >
      <AmountField
        currency={wallet.currency}
        description="Spent before paid money."
        value={amountText}
        problem={problems.amount}
        onChange={setAmountText}
      />
      <TextInput
        type="date"
        label="Expires at the end of (UTC)"
        description="What is left then leaves the wallet."
        required
        value={expiryDay}
        error={problems.expiry}
        onChange={(event) => setExpiryDay(event.currentTarget.value)}
      />
    </ActionDialog>
  );
}
