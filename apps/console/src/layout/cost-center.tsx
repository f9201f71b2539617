import { AppShell, Button, Container, Group, NativeSelect, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useOperation } from '../api/use-operation';
import { BackOfficeLinks, BackOfficePage } from '../back-office/back-office-pages';
import { AuditPage } from '../audit/audit-page';
import { FinanceRefused } from '../finance/finance-refused';
import { TenantPage } from '../finance/tenant-page';
import { TenantsPage } from '../finance/tenants-page';
import type { SignedInUserQuery as SignedInUser } from '../gql/graphql';
import { RouteLink } from '../routing/link';
import { useRoute, type Route } from '../routing/route';
import type { Session } from '../session/session';
import { ManagesTenant } from '../session/manages-tenant';
import { SignOutContext } from '../session/sign-out-context';
import { SignedInUserQuery } from '../session/sign-in.queries';
import { WalletsPage } from '../wallets/wallets-page';
import { SpendingPage } from '../spending/spending-page';
import { BillsPage } from '../bills/bills-page';
import { TopUpPage } from '../top-up/top-up-page';
import { BudgetsPage } from '../budgets/budgets-page';
import { AccessPage } from '../access/access-page';
import { CalculatorPage } from '../calculator/calculator-page';
import { LoadError, Loading } from './states';

interface Props {
  readonly session: Session;
  readonly onSignOut: () => void;
}

type Me = SignedInUser['me'];

/**
 * The signed-in console: a header with who is signed in and the pages this identity may open,
 * and the page of the address. Finance staff and platform admins also get the finance pages.
 */
export function CostCenter({ session, onSignOut }: Props) {
  const route = useRoute();
  // An API key acts inside its tenant and has no profile: no `me`, and never staff.
  const me = useOperation(SignedInUserQuery, {}, session.token, session.kind === 'jwt');
  const person = me.data?.me;
  const staff = person?.platformRole != null;
  return (
    <SignOutContext.Provider value={onSignOut}>
      <AppShell header={{ height: 60 }}>
        <AppShell.Header>
          <Container size="lg" h="100%">
            <Group h="100%" justify="space-between">
              <Group gap="xl">
                <Text fw={700} size="lg">
                  {staff ? 'Tally finance' : 'Tally cost center'}
                </Text>
                <Navigation route={route} staff={staff} walletsToo={seesWallets(session, person)} />
              </Group>
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
            <Page route={route} session={session} me={me} />
          </Container>
        </AppShell.Main>
      </AppShell>
    </SignOutContext.Provider>
  );
}

function seesWallets(session: Session, person: Me | undefined): boolean {
  return session.kind === 'api_key' || (person !== undefined && person.memberships.length > 0);
}

/** Links to the pages this identity may open; a MEMBER never sees the finance entry. */
function Navigation({
  route,
  staff,
  walletsToo,
}: {
  route: Route;
  staff: boolean;
  walletsToo: boolean;
}) {
  const current = (page: Route['page'][]) =>
    page.includes(route.page) ? ('page' as const) : undefined;
  if (!staff && !walletsToo) return null;
  return (
    <Group component="nav" aria-label="Console pages" gap="md">
      {staff && <BackOfficeLinks route={route} />}
      {staff && (
        <RouteLink
          to={{ page: 'tenants', search: '' }}
          aria-current={current(['tenants', 'tenant'])}
        >
          Tenants
        </RouteLink>
      )}
      {staff && (
        <RouteLink
          to={{ page: 'audit', filter: { actorId: '', tenantId: '', kind: '' } }}
          aria-current={current(['audit'])}
        >
          Audit log
        </RouteLink>
      )}
      {walletsToo && (
        <RouteLink to={{ page: 'home' }} aria-current={current(['home'])}>
          Wallets
        </RouteLink>
      )}
      {walletsToo && (
        <RouteLink to={{ page: 'spending' }} aria-current={current(['spending'])}>
          Spending
        </RouteLink>
      )}
      {walletsToo && (
        <RouteLink to={{ page: 'bills' }} aria-current={current(['bills'])}>
          Bills
        </RouteLink>
      )}
      {walletsToo && (
        <RouteLink to={{ page: 'top-up', recharge: null }} aria-current={current(['top-up'])}>
          Top up
        </RouteLink>
      )}
      {walletsToo && (
        <RouteLink to={{ page: 'budgets' }} aria-current={current(['budgets'])}>
          Budgets
        </RouteLink>
      )}
      {walletsToo && (
        <RouteLink to={{ page: 'access' }} aria-current={current(['access'])}>
          Access
        </RouteLink>
      )}
      {walletsToo && (
        <RouteLink to={{ page: 'calculator' }} aria-current={current(['calculator'])}>
          Prices
        </RouteLink>
      )}
    </Group>
  );
}

function Page({
  route,
  session,
  me,
}: {
  route: Route;
  session: Session;
  me: ReturnType<typeof useOperation<SignedInUser, Record<string, never>>>;
}) {
  if (session.tenantId !== undefined) {
    return (
      <ManagesTenant.Provider value={true}>
        {tenantPage(route, session.tenantId, session.token) ?? <FinanceRefused />}
      </ManagesTenant.Provider>
    );
  }
  if (me.isPending) return <Loading what="your tenants" />;
  if (me.isError) {
    return <LoadError what="your tenants" error={me.error} onRetry={() => void me.refetch()} />;
  }
  const person = me.data.me;
  const staff = person.platformRole !== null;
  const ofTheirTenant = (
    <MemberTenants me={person}>
      {(tenantId) => tenantPage(route, tenantId, session.token)}
    </MemberTenants>
  );
  switch (route.page) {
    case 'home':
      // Staff who belong to no tenant come to the console for the finance pages.
      return staff && person.memberships.length === 0 ? (
        <TenantsPage search="" token={session.token} />
      ) : (
        ofTheirTenant
      );
    case 'tenants':
      return staff ? (
        <TenantsPage search={route.search} token={session.token} />
      ) : (
        <FinanceRefused />
      );
    case 'tenant':
      return staff ? (
        <TenantPage tenantId={route.tenantId} token={session.token} />
      ) : (
        <FinanceRefused />
      );
    case 'overview':
    case 'debts':
    case 'reconciliation':
    case 'prices':
    case 'usage':
      return staff ? <BackOfficePage route={route} token={session.token} /> : <FinanceRefused />;
    case 'audit':
      return staff ? <AuditPage filter={route.filter} token={session.token} /> : <FinanceRefused />;
    case 'spending':
    case 'bills':
    case 'top-up':
    case 'budgets':
    case 'access':
    case 'calculator':
      return ofTheirTenant;
  }
}

/** The cost center's page of the address for one tenant; null for a page it does not have. */
function tenantPage(route: Route, tenantId: string, token: string): ReactNode {
  switch (route.page) {
    case 'home':
      return <WalletsPage tenantId={tenantId} token={token} />;
    case 'spending':
      return <SpendingPage tenantId={tenantId} token={token} />;
    case 'bills':
      return <BillsPage tenantId={tenantId} token={token} />;
    case 'top-up':
      return <TopUpPage tenantId={tenantId} token={token} recharge={route.recharge} />;
    case 'budgets':
      return <BudgetsPage tenantId={tenantId} token={token} />;
    case 'access':
      return <AccessPage tenantId={tenantId} token={token} />;
    case 'calculator':
      return <CalculatorPage tenantId={tenantId} token={token} />;
    case 'tenants':
    case 'tenant':
    case 'overview':
    case 'debts':
    case 'reconciliation':
    case 'prices':
    case 'usage':
    case 'audit':
      return null;
  }
}

/** A JWT's person may belong to several tenants: one is shown at a time. */
function MemberTenants({ me, children }: { me: Me; children: (tenantId: string) => ReactNode }) {
  const [chosen, setChosen] = useState<string | null>(null);
  const memberships = me.memberships;
  if (memberships.length === 0) {
    return (
      <Text>
        {me.email ?? me.externalId} is not a member of any tenant yet: an owner or admin of a tenant
        can add you.
      </Text>
    );
  }
  const membership = memberships.find((m) => m.tenant.id === chosen) ?? memberships[0];
  const tenantId = membership.tenant.id;
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
      <ManagesTenant.Provider value={membership.role !== 'MEMBER'}>
        {children(tenantId)}
      </ManagesTenant.Provider>
    </>
  );
}
