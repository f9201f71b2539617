import { Alert, Button, Group, Loader, Text } from '@mantine/core';
import { describeError } from '../api/error-words';
import { useSignOut } from '../session/sign-out-context';

/** Loading, in words as well as a spinner. */
export function Loading({ what }: { what: string }) {
  return (
    <Group gap="sm" role="status" aria-live="polite">
      <Loader size="sm" aria-hidden />
      <Text>Loading {what}…</Text>
    </Group>
  );
}

/**
 * A failed request: what it means, its code, and what to do next: sign in again when the token
 * was refused (asking again would not help), otherwise try again.
 */
export function LoadError({
  what,
  error,
  onRetry,
}: {
  what: string;
  error: unknown;
  onRetry?: () => void;
}) {
  const { words, code } = describeError(error);
  const signOut = useSignOut();
  const next =
    code === 'UNAUTHENTICATED' && signOut !== null
      ? { label: 'Sign in again', act: signOut }
      : onRetry && { label: 'Try again', act: onRetry };
  return (
    <Alert color="red" variant="outline" title={`Could not load ${what}`} role="alert">
      <ErrorWords words={words} code={code} />
      {next && (
        <Button mt="sm" variant="default" size="xs" onClick={next.act}>
          {next.label}
        </Button>
      )}
    </Alert>
  );
}

/** A refusal in words, with its stable code beside them: "This identity may not see this. (FORBIDDEN)". */
export function ErrorWords({ words, code }: { words: string; code: string }) {
  return (
    <Text>
      {words}{' '}
      <Text span ff="monospace">
        ({code})
      </Text>
    </Text>
  );
}

/** A change the API refused: what was refused, and why in words with the code. */
export function Refusal({ title, error }: { title: string; error: unknown }) {
  return (
    <Alert color="red" variant="outline" title={title} role="alert">
      <ErrorWords {...describeError(error)} />
    </Alert>
  );
}
