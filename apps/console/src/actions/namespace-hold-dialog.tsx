import { ActionDialog } from './action-dialog';
import { ResumeNamespaceMutation, SuspendNamespaceMutation } from './actions.queries';
import { useAction } from './use-action';

interface Props {
  readonly namespace: string;
  /** Suspend by hand, or lift a suspension by hand. */
  readonly hold: 'suspend' | 'resume';
  readonly opened: boolean;
  readonly onClose: () => void;
  readonly token: string;
}

const WORDS = {
  suspend: {
    title: 'Suspend a namespace by hand',
    summary: (ns: string) =>
      `Suspend ${ns} by hand: its workloads scale to zero, whatever its wallet holds, until it is resumed by hand.`,
    confirm: 'Suspend the namespace',
    result: (ns: string) =>
      `${ns} is held by hand: it stops within seconds. The audit log has the record.`,
  },
  resume: {
    title: 'Resume a namespace by hand',
    summary: (ns: string) =>
      `Resume ${ns} by hand: only a suspension by hand is lifted; it stays stopped while its debt or a spending cap holds it.`,
    confirm: 'Resume the namespace',
    result: (ns: string) =>
      `${ns} is no longer held by hand: it runs again within seconds unless debt or a cap holds it.`,
  },
} as const;

/** Finance suspends a namespace by hand (MANUAL), or lifts that, with a reason. */
export function NamespaceHoldDialog({ namespace, hold, opened, onClose, token }: Props) {
  const suspend = useAction(SuspendNamespaceMutation, token);
  const resume = useAction(ResumeNamespaceMutation, token);
  const words = WORDS[hold];
  const send = async (reason: string) => {
    await (hold === 'suspend' ? suspend : resume).mutateAsync({ namespace, reason });
    return words.result(namespace);
  };
  return (
    <ActionDialog
      title={words.title}
      opened={opened}
      onClose={onClose}
      review={() => words.summary(namespace)}
      confirmLabel={words.confirm}
      send={send}
    >
      {null}
    </ActionDialog>
  );
}
