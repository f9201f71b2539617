import { AmountField } from './amount-field';
import { useState } from 'react';
import { formatMoney } from '../money/money';
import { ActionDialog } from './action-dialog';
import { checkAmount } from './action-input';
import { AdjustBalanceMutation } from './actions.queries';
import type { ActionWallet } from './tenant-actions';
import { useAction } from './use-action';

interface Props {
  readonly wallet: ActionWallet;
  readonly opened: boolean;
  readonly onClose: () => void;
  readonly token: string;
}

/** Finance corrects a wallet: a credit (positive) or a debit (negative), with a reason. */
export function AdjustBalanceDialog({ wallet, opened, onClose, token }: Props) {
  const [amountText, setAmountText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const adjust = useAction(AdjustBalanceMutation, token);

  const review = () => {
    const amount = checkAmount(amountText, 'non-zero');
    setProblem('problem' in amount ? amount.problem : null);
    if ('problem' in amount) return null;
    const shown = formatMoney(amount.value < 0n ? -amount.value : amount.value, wallet.currency);
    return amount.value < 0n
      ? `Debit ${shown} from ${wallet.name}.`
      : `Credit ${shown} to ${wallet.name}.`;
  };
  const send = async (reason: string, idempotencyKey: string) => {
    const { adjustBalance } = await adjust.mutateAsync({
      input: { walletId: wallet.id, amount: amountText.trim(), reason, idempotencyKey },
    });
    return `Adjusted ${wallet.name}: ledger transaction ${adjustBalance.id}. The audit log has the record.`;
  };
  const close = () => {
    setAmountText('');
    setProblem(null);
    onClose();
  };

  return (
    <ActionDialog
      title={`Adjust the balance of ${wallet.name}`}
      opened={opened}
      onClose={close}
      review={review}
      confirmLabel="Adjust the balance"
      send={send}
    >
      <AmountField
        currency={wallet.currency}
        description="Positive credits the wallet, negative debits it (never below zero)."
        value={amountText}
        problem={problem}
        onChange={setAmountText}
      />
    </ActionDialog>
  );
}
