import { Alert, Button, Group, Loader, Text } from '@mantine/core';
import { describeError } from '../api/error-words';

/** Loading, in words as well as a spinner. */
export function Loading({ what }: { what: string }) {
  return (
    <Group gap="sm" role="status" aria-live="polite">
      <Loader size="sm" aria-hidden />
      <Text>Loading {what}…</Text>
    </Group>
  );
}

/** A failed request: what it means, its code, and a way to try again. */
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
  return (
    <Alert color="red" variant="outline" title={`Could not load ${what}`} role="alert">
      <Text>
        {words}{' '}
        <Text span ff="monospace">
          ({code})
        </Text>
      </Text>
      {onRetry && (
        <Button mt="sm" variant="default" size="xs" onClick={onRetry}>
          Try again
        </Button>
      )}
    </Alert>
  );
}
