import { Badge, Button, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useFormMutation } from '../api/use-mutation-operation';
import { useOperation } from '../api/use-operation';
import { MutationOutcome } from '../layout/mutation-outcome';
import { SecretOnce } from '../layout/secret-once';
import { LoadError, Loading } from '../layout/states';
import { describeMoment } from '../wallets/wallet-words';
import { CreateApiKeyMutation, RevokeApiKeyMutation, TenantApiKeysQuery } from './access.queries';

/** The tenant's API keys: a new one's secret shown once, each key revocable. */
export function ApiKeysSection({ tenantId, token }: { tenantId: string; token: string }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="api-keys">
      <Title order={2} id="api-keys" mb="xs">
        API keys
      </Title>
      <Text mb="md">
        A key acts as an admin of the tenant for an integration. Only its first characters are kept:
        the whole secret is shown once, when the key is made.
      </Text>
      <Stack gap="lg">
        <KeyList tenantId={tenantId} token={token} />
        <NewKeyForm tenantId={tenantId} token={token} />
      </Stack>
    </Card>
  );
}

function KeyList({ tenantId, token }: { tenantId: string; token: string }) {
  const keys = useOperation(TenantApiKeysQuery, { tenantId }, token);
  const revoke = useFormMutation(RevokeApiKeyMutation, token);
  if (keys.isPending) return <Loading what="API keys" />;
  if (keys.isError) {
    return <LoadError what="API keys" error={keys.error} onRetry={() => void keys.refetch()} />;
  }
  const list = keys.data.tenant?.apiKeys ?? [];
  if (list.length === 0) return <Text>No API keys yet.</Text>;
  const when = (iso: string | null) =>
    iso === null ? 'Never' : describeMoment(iso, new Date()).at;
  return (
    <>
      <Table layout="fixed" captionSide="top">
        <Table.Caption>API keys, newest first</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Starts with</Table.Th>
            <Table.Th scope="col">Last used</Table.Th>
            <Table.Th scope="col" ta="right">
              Revoke
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.map((key) => (
            <Table.Tr key={key.id}>
              <Table.Th scope="row" fw={400} style={{ overflowWrap: 'anywhere' }}>
                {key.name}
              </Table.Th>
              <Table.Td ff="monospace">{key.prefix}</Table.Td>
              <Table.Td>{when(key.lastUsedAt)}</Table.Td>
              <Table.Td ta="right">
                {key.revokedAt === null ? (
                  <Button
                    variant="default"
                    size="xs"
                    aria-label={`Revoke the key ${key.name}`}
                    loading={revoke.mutation.isPending && revoke.mutation.variables.id === key.id}
                    onClick={() => revoke.send({ id: key.id }, `The key ${key.name} is revoked.`)}
                  >
                    Revoke
                  </Button>
                ) : (
                  <Badge variant="dot" color="gray" radius="sm">
                    Revoked
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <MutationOutcome what="revoke the key" error={revoke.mutation.error} done={revoke.done} />
    </>
  );
}

function NewKeyForm({ tenantId, token }: { tenantId: string; token: string }) {
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const create = useFormMutation(CreateApiKeyMutation, token);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    setProblem(trimmed === '' ? 'Enter a name that says what the key is for.' : null);
    setSecret(null);
    if (trimmed === '') return;
    create.send({ tenantId, name: trimmed }, `The key ${trimmed} is made.`, ({ createApiKey }) => {
      setSecret(createApiKey.secret);
      setName('');
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-label="New API key">
      <Stack gap="sm">
        <Group align="flex-end">
          <TextInput
            label="New key's name"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={problem}
            w={320}
          />
          <Button type="submit" loading={create.mutation.isPending}>
            Make key
          </Button>
        </Group>
        <MutationOutcome what="make the key" error={create.mutation.error} done={create.done} />
        {secret !== null && (
          <SecretOnce what="secret" secret={secret} testId="new-api-key-secret" />
        )}
      </Stack>
    </form>
  );
}
