import {
  Alert,
  Button,
  Code,
  Container,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
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
 * Paste an API key (with its tenant's id) or a JWT. The token is checked with one query before
 * anything is kept: a wrong one is refused here, with the API's code.
 */
export function SignInPage({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const [token, setToken] = useState('');
  const [tenantId, setTenantId] = useState('');
  const [problem, setProblem] = useState<{ field?: 'token' | 'tenant'; words: string } | null>(
    null,
  );
  const [failure, setFailure] = useState<unknown>(null);
  const [checking, setChecking] = useState(false);
  const kind = tokenKind(token.trim());

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const pasted = token.trim();
    const tenant = tenantId.trim();
    if (pasted === '') return setProblem({ field: 'token', words: 'Paste an API key or a JWT.' });
    if (kind === 'api_key' && tenant === '') {
      return setProblem({ field: 'tenant', words: 'An API key needs the id of its tenant.' });
    }
    setProblem(null);
    setChecking(true);
    try {
      onSignedIn(await checkedSession(pasted, tenant));
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
              error={problem?.field === 'token' ? problem.words : undefined}
              autoComplete="off"
              required
            />
            {kind === 'api_key' && (
              <TextInput
                label="Tenant ID"
                description="An API key acts inside one tenant: the id of the tenant it was created for."
                value={tenantId}
                onChange={(event) => setTenantId(event.currentTarget.value)}
                error={problem?.field === 'tenant' ? problem.words : undefined}
                autoComplete="off"
                required
              />
            )}
            {failure !== null && <SignInRefused error={failure} />}
            <Button type="submit" loading={checking}>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
      {LOCAL_HOSTS.has(window.location.hostname) && (
        <Text size="sm" mt="md" c="gray.7">
          Running <Code>npm start</Code>? The demo tenants&apos; JWTs, API keys and tenant ids are
          in <Code>.tally/demo-credentials.json</Code>.
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

/** The session once the API has accepted the token (and, for an API key, its tenant). */
async function checkedSession(token: string, tenantId: string): Promise<Session> {
  if (tokenKind(token) === 'jwt') {
    await runOperation(SignedInUserQuery, {}, token);
    return { token, kind: 'jwt' };
  }
  const { tenant } = await runOperation(ApiKeyTenantQuery, { tenantId }, token);
  if (tenant === null) throw new ApiError('NOT_FOUND', `No tenant ${tenantId}`);
  return { token, kind: 'api_key', tenantId: tenant.id };
}
