import {
  Alert,
  Button,
  Code,
  Container,
  Paper,
  PasswordInput,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { describeError } from '../api/error-words';
import { ApiError, runOperation } from '../api/graphql-client';
import { tokenKind, type Session } from './session';
import { ApiKeyTenantQuery, SignedInUserQuery } from './sign-in.queries';

// npm start's local cloud; elsewhere the hint would only puzzle.
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Paste an API key or a JWT. The token is checked with one query before anything is kept (for
 * an API key, the same query finds its tenant): a wrong one is refused here, with the API's code.
 */
export function SignInPage({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [checking, setChecking] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const pasted = token.trim();
    if (pasted === '') return setProblem('Paste an API key or a JWT.');
    setProblem(null);
    setChecking(true);
    try {
      onSignedIn(await checkedSession(pasted));
    } catch (error) {
      setFailure(error);
    } finally {
      setChecking(false);
    }
  }

  return (
    <Container size={480} py={64} component="main">
      <Title order={1} mb="xs">
        Tally console
      </Title>
      <Text mb="lg">Sign in to see your wallets and what they spend.</Text>
      <Paper withBorder shadow="sm" p="lg">
        <form onSubmit={(event) => void submit(event)} noValidate>
          <Stack>
            <PasswordInput
              label="API key or JWT"
              description="A tly_… API key, or a JWT of your identity provider. It is kept in this browser tab only."
              value={token}
              onChange={(event) => setToken(event.currentTarget.value)}
              error={problem ?? undefined}
              autoComplete="off"
              required
            />
            {failure !== null && <SignInRefused error={failure} />}
            <Button type="submit" loading={checking}>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
      {LOCAL_HOSTS.has(window.location.hostname) && (
        <Text size="sm" mt="md" c="gray.7">
          Running <Code>npm start</Code>? The demo tenants&apos; JWTs and API keys are in{' '}
          <Code>.tally/demo-credentials.json</Code>.
        </Text>
      )}
    </Container>
  );
}

function SignInRefused({ error }: { error: unknown }) {
  const { words, code } = describeError(error);
  return (
    <Alert color="red" variant="outline" title="Not signed in" role="alert">
      {words} ({code})
    </Alert>
  );
}

/** The session once the API has accepted the token (and, for an API key, found its tenant). */
async function checkedSession(token: string): Promise<Session> {
  if (tokenKind(token) === 'jwt') {
    await runOperation(SignedInUserQuery, {}, token);
    return { token, kind: 'jwt' };
  }
  const { apiKeyTenant } = await runOperation(ApiKeyTenantQuery, {}, token);
  if (apiKeyTenant === null) {
    // The platform admin key: it belongs to no tenant, and the console shows one tenant's wallets.
    throw new ApiError(
      'NO_TENANT',
      'This key belongs to no tenant: sign in with a tenant’s API key, or a JWT',
    );
  }
  return { token, kind: 'api_key', tenantId: apiKeyTenant.id };
}
