import { Button, Card, Group, NativeSelect, Stack, Table, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useFormMutation } from '../api/use-mutation-operation';
import { useOperation } from '../api/use-operation';
import type { MemberRole } from '../gql/graphql';
import { MutationOutcome } from '../layout/mutation-outcome';
import { LoadError, Loading } from '../layout/states';
import { useManagesTenant } from '../session/manages-tenant';
import { AddMemberMutation, TenantMembersQuery } from './access.queries';

const ROLES: Readonly<Record<MemberRole, string>> = {
  OWNER: 'Owner: everything, making owners too',
  ADMIN: 'Admin: everything but making owners',
  MEMBER: 'Member: sees, changes nothing',
};
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Who belongs to the tenant, and adding someone by their identity provider's subject. */
export function MembersSection({ tenantId, token }: { tenantId: string; token: string }) {
  const manages = useManagesTenant();
  const members = useOperation(TenantMembersQuery, { tenantId }, token);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="members">
      <Title order={2} id="members" mb="md">
        Members
      </Title>
      <Stack gap="lg">
        {members.isPending ? (
          <Loading what="members" />
        ) : members.isError ? (
          <LoadError what="members" error={members.error} onRetry={() => void members.refetch()} />
        ) : (
          <Table layout="fixed" captionSide="top" striped>
            <Table.Caption>Members and their roles</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Member</Table.Th>
                <Table.Th scope="col">Role</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(members.data.tenant?.members ?? []).map((m) => (
                <Table.Tr key={m.user.id}>
                  <Table.Th scope="row" fw={400} style={{ overflowWrap: 'anywhere' }}>
                    {m.user.email ?? m.user.externalId}
                  </Table.Th>
                  <Table.Td>{m.role[0] + m.role.slice(1).toLowerCase()}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {manages && <AddMemberForm tenantId={tenantId} token={token} />}
      </Stack>
    </Card>
  );
}

function AddMemberForm({ tenantId, token }: { tenantId: string; token: string }) {
  const [externalId, setExternalId] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<MemberRole>('MEMBER');
  const [problems, setProblems] = useState<{ externalId?: string; email?: string }>({});
  const add = useFormMutation(AddMemberMutation, token);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = {
      externalId:
        externalId.trim() === ''
          ? "Enter the person's subject at the identity provider."
          : undefined,
      email:
        email.trim() !== '' && !EMAIL.test(email.trim())
          ? 'Enter an e-mail address such as ada@example.com.'
          : undefined,
    };
    setProblems(next);
    if (next.externalId !== undefined || next.email !== undefined) return;
    const who = email.trim() || externalId.trim();
    add.send(
      {
        input: {
          tenantId,
          externalId: externalId.trim(),
          email: email.trim() === '' ? null : email.trim(),
          role,
        },
      },
      `${who} is a member now, as ${role.toLowerCase()}.`,
      () => {
        setExternalId('');
        setEmail('');
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Add a member">
      <Stack gap="sm">
        <Group align="flex-start" grow>
          <TextInput
            label="Subject at the identity provider"
            value={externalId}
            onChange={(e) => setExternalId(e.currentTarget.value)}
            error={problems.externalId}
          />
          <TextInput
            label="E-mail (optional)"
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={problems.email}
          />
          <NativeSelect
            label="Role"
            value={role}
            onChange={(e) => setRole(e.currentTarget.value as MemberRole)}
            data={Object.entries(ROLES).map(([value, label]) => ({ value, label }))}
          />
        </Group>
        <Group>
          <Button type="submit" loading={add.mutation.isPending}>
            Add member
          </Button>
        </Group>
        <MutationOutcome what="add the member" error={add.mutation.error} done={add.done} />
      </Stack>
    </form>
  );
}
