import { AppShell, Button, Container, Group, NativeSelect, Text } from '@mantine/core';
import { useState } from 'react';
import { useOperation } from '../api/use-operation';
import type { Session } from '../session/session';
import { SignOutContext } from '../session/sign-out-context';
import { SignedInUserQuery } from '../session/sign-in.queries';
import { WalletsPage } from '../wallets/wallets-page';
import { LoadError, Loading } from './states';

interface Props {
  readonly session: Session;
  readonly onSignOut: () => void;
}

/** The tenant side of the console: a header with who is signed in, and the wallets page. */
export function CostCenter({ session, onSignOut }: Props) {
  return (
    <SignOutContext.Provider value={onSignOut}>
      <AppShell header={{ height: 60 }}>
        <AppShell.Header>
          <Container size="lg" h="100%">
            <Group h="100%" justify="space-between">
              <Text fw={700} size="lg">
                Tally cost center
              </Text>
              <Group gap="md">
                <Text size="sm" c="gray.7">
                  Signed in with {session.kind === 'api_key' ? 'an API key' : 'a JWT'}
                </Text>
                <Button variant="default" size="xs" onClick={onSignOut}>
                  Sign out
                </Button>
              </Group>
            </Group>
          </Container>
        </AppShell.Header>
        <AppShell.Main>
          {/* The same container as the header's, so the page lines up under it. */}
          <Container size="lg" py="lg">
            {session.tenantId !== undefined ? (
              <WalletsPage tenantId={session.tenantId} token={session.token} />
            ) : (
              <MemberTenants token={session.token} />
            )}
          </Container>
        </AppShell.Main>
      </AppShell>
    </SignOutContext.Provider>
  );
}

/** A JWT's person may belong to several tenants: one is shown at a time. */
function MemberTenants({ token }: { token: string }) {
  const me = useOperation(SignedInUserQuery, {}, token);
  const [chosen, setChosen] = useState<string | null>(null);
  if (me.isPending) return <Loading what="your tenants" />;
  if (me.isError) {
    return <LoadError what="your tenants" error={me.error} onRetry={() => void me.refetch()} />;
  }
  const memberships = me.data.me.memberships;
  if (memberships.length === 0) {
    return (
      <Text>
        {me.data.me.email ?? me.data.me.externalId} is not a member of any tenant yet: an owner or
        admin of a tenant can add you.
      </Text>
    );
  }
  const tenantId = chosen ?? memberships[0].tenant.id;
  return (
    <>
      {memberships.length > 1 && (
        <NativeSelect
          label="Tenant"
          mb="lg"
          maw={320}
          value={tenantId}
          onChange={(event) => setChosen(event.currentTarget.value)}
          data={memberships.map((m) => ({
            value: m.tenant.id,
            label: `${m.tenant.name} (${m.role.toLowerCase()})`,
          }))}
        />
      )}
      <WalletsPage tenantId={tenantId} token={token} />
    </>
  );
}
