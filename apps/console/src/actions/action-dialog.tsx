import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Refusal } from '../layout/states';
import { checkReason, MAX_REASON_LENGTH } from './action-input';

/** What the action will do, in a sentence, once its fields are valid; null while they are not. */
export type Review = () => string | null;

interface Props {
  readonly title: string;
  readonly opened: boolean;
  readonly onClose: () => void;
  /** The action's own fields; they show their own problems when `review` finds some. */
  readonly children: ReactNode;
  readonly review: Review;
  /** The confirm button, e.g. "Adjust the balance". */
  readonly confirmLabel: string;
  /** Sends the action; answers the result in words. The key makes a resend one action. */
  readonly send: (reason: string, idempotencyKey: string) => Promise<string>;
}

type Step =
  | { readonly at: 'form' }
  | {
      readonly at: 'confirm';
      readonly summary: string;
      readonly reason: string;
      readonly key: string;
    }
  | { readonly at: 'done'; readonly result: string };

/**
 * A finance action behind a confirmation: its fields and a required reason, checked before
 * anything is sent; then the action in one sentence to confirm; then the result, or the
 * server's refusal in words with its code (the confirmation stays, to go back or try again).
 */
export function ActionDialog({
  title,
  opened,
  onClose,
  children,
  review,
  confirmLabel,
  send,
}: Props) {
  const [reasonText, setReasonText] = useState('');
  const [reasonProblem, setReasonProblem] = useState<string | null>(null);
  const [step, setStep] = useState<Step>({ at: 'form' });
  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<unknown>(null);

  const close = () => {
    setStep({ at: 'form' });
    setReasonText('');
    setReasonProblem(null);
    setRefusal(null);
    onClose();
  };
  const toConfirm = (event: FormEvent) => {
    event.preventDefault();
    const summary = review();
    const reason = checkReason(reasonText);
    setReasonProblem('problem' in reason ? reason.problem : null);
    if (summary === null || 'problem' in reason) return;
    setRefusal(null);
    // A new key for each reviewed action; sending it again after a failure is the same action.
    setStep({ at: 'confirm', summary, reason: reason.value, key: crypto.randomUUID() });
  };
  // The refusal was of the action as confirmed; changed, it is another one.
  const back = () => {
    setRefusal(null);
    setStep({ at: 'form' });
  };
  const confirm = async (reason: string, key: string) => {
    setSending(true);
    setRefusal(null);
    try {
      setStep({ at: 'done', result: await send(reason, key) });
    } catch (error) {
      setRefusal(error);
    } finally {
      setSending(false);
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={title}
      size="lg"
      // Locking the page's scroll injects a <style> element without the CSP's nonce, which the
      // gateway's policy blocks; the overlay covers the page either way.
      lockScroll={false}
      closeButtonProps={{ 'aria-label': 'Close this dialog' }}
    >
      {step.at === 'form' && (
        <form onSubmit={toConfirm} noValidate>
          <Stack>
            {children}
            <Textarea
              label="Reason"
              description="Required. Kept in the audit log with your name."
              required
              autosize
              minRows={2}
              maxLength={MAX_REASON_LENGTH}
              value={reasonText}
              error={reasonProblem}
              onChange={(event) => setReasonText(event.currentTarget.value)}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit">Review</Button>
            </Group>
          </Stack>
        </form>
      )}
      {step.at === 'confirm' && (
        <Stack>
          <Text fw={600}>{step.summary}</Text>
          <Text>Reason: “{step.reason}”</Text>
          {refusal !== null && <Refusal title="Refused" error={refusal} />}
          <Group justify="flex-end">
            <Button variant="default" disabled={sending} onClick={back}>
              Back
            </Button>
            <Button loading={sending} onClick={() => void confirm(step.reason, step.key)}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      )}
      {step.at === 'done' && (
        <Stack>
          <Alert color="green" variant="outline" title="Done" role="status">
            {step.result}
          </Alert>
          <Group justify="flex-end">
            <Button onClick={close}>Close</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
