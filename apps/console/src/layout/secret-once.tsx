import { Alert, Code } from '@mantine/core';

/** A secret the API shows once (an API key's, a webhook's signing secret), to copy now. */
export function SecretOnce({
  what,
  secret,
  testId,
}: {
  what: string;
  secret: string;
  testId: string;
}) {
  return (
    <Alert color="blue.9" variant="outline" title={`Copy the ${what} now: it is not shown again`}>
      <Code block data-testid={testId}>
        {secret}
      </Code>
    </Alert>
  );
}
