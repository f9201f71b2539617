import { ActionDialog } from './action-dialog';
import { ReissueInvoiceMutation, VoidInvoiceMutation } from './actions.queries';
import { useAction } from './use-action';

interface Props {
  readonly invoice: { readonly id: string; readonly number: string };
  readonly action: 'void' | 'reissue';
  readonly onClose: () => void;
  readonly token: string;
}

/** Finance voids an invoice, or voids and reissues it under a new number, with a reason. */
export function InvoiceDialog({ invoice, action, onClose, token }: Props) {
  const voidIt = useAction(VoidInvoiceMutation, token);
  const reissue = useAction(ReissueInvoiceMutation, token);
  const send = async (reason: string) => {
    if (action === 'void') {
      await voidIt.mutateAsync({ id: invoice.id, reason });
      return `Invoice ${invoice.number} is void. The audit log has the record.`;
    }
    const { reissueInvoice } = await reissue.mutateAsync({ id: invoice.id, reason });
    return `Invoice ${invoice.number} is void and reissued as ${reissueInvoice.number}. The audit log has the records.`;
  };
  return (
    <ActionDialog
      title={
        action === 'void' ? `Void invoice ${invoice.number}` : `Reissue invoice ${invoice.number}`
      }
      opened
      onClose={onClose}
      review={() =>
        action === 'void'
          ? `Void invoice ${invoice.number}: it stays on record, marked VOID, and is no longer owed.`
          : `Void invoice ${invoice.number} (if it is not yet) and issue the same period and lines again under the next number.`
      }
      confirmLabel={action === 'void' ? 'Void the invoice' : 'Reissue the invoice'}
      send={send}
    >
      {null}
    </ActionDialog>
  );
}
