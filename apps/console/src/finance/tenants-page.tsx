import {
  Badge,
  Button,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useOperation } from '../api/use-operation';
import type { FinanceTenantsQuery as TenantsResult } from '../gql/graphql';
import { CursorPager, useCursorPages } from '../layout/cursor-pages';
import { LoadError, Loading } from '../layout/states';
import { formatAmount } from '../money/money';
import { RouteLink } from '../routing/link';
import { navigate } from '../routing/route';
import { DEBT_STATES } from '../wallets/wallet-words';
import { FinanceTenantsQuery } from './finance.queries';

const PAGE_SIZES = ['10', '25', '50'];
const DEFAULT_PAGE_SIZE = '25';

/**
 * Finance's tenant search: the search lives in the address (a reload or a shared link opens the
 * same one); the API pages with cursors, so the page keeps the cursors it came through to go
 * back.
 */
export function TenantsPage({ search, token }: { search: string; token: string }) {
  const [draft, setDraft] = useState(search);
  const [pageSize, setPageSize] = useState(DEFAULT_PAGE_SIZE);
  const pages = useCursorPages();
  const { reset } = pages;
  useEffect(() => {
    setDraft(search);
    reset();
  }, [search, reset]);

  const tenants = useOperation(
    FinanceTenantsQuery,
    { search: search === '' ? null : search, first: Number(pageSize), after: pages.after },
    token,
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    pages.reset();
    navigate({ page: 'tenants', search: draft.trim() });
  };

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>Tenants</Title>
        <Text mt={4}>
          Every tenant of the platform, in name order. Search by part of the name, the tenant id, a
          workspace namespace (or its start), or a member&apos;s user id or e-mail.
        </Text>
      </div>
      <form onSubmit={submit} role="search" aria-label="Tenants">
        <Group align="flex-end">
          <TextInput
            label="Search tenants"
            placeholder="Name, tenant id, namespace, member id or e-mail"
            value={draft}
            onChange={(event) => setDraft(event.currentTarget.value)}
            style={{ flex: 1 }}
            autoComplete="off"
          />
          <Button type="submit">Search</Button>
          <NativeSelect
            label="Rows per page"
            data={PAGE_SIZES}
            value={pageSize}
            onChange={(event) => {
              setPageSize(event.currentTarget.value);
              pages.reset();
            }}
          />
        </Group>
      </form>
      {tenants.isPending ? (
        <Loading what="tenants" />
      ) : tenants.isError ? (
        <LoadError what="tenants" error={tenants.error} onRetry={() => void tenants.refetch()} />
      ) : tenants.data.tenants.edges.length === 0 ? (
        <Text role="status">
          {search === '' ? 'There are no tenants yet.' : `No tenant matches “${search}”.`}
        </Text>
      ) : (
        <>
          <TenantsTable edges={tenants.data.tenants.edges} />
          <CursorPager pages={pages} pageInfo={tenants.data.tenants.pageInfo} />
        </>
      )}
    </Stack>
  );
}

type TenantEdge = TenantsResult['tenants']['edges'][number];

function TenantsTable({ edges }: { edges: readonly TenantEdge[] }) {
  return (
    <Table striped highlightOnHover aria-label="Tenants found">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Tenant</Table.Th>
          <Table.Th scope="col">Tenant id</Table.Th>
          <Table.Th scope="col" ta="right">
            Tenant wallet balance
          </Table.Th>
          <Table.Th scope="col">Debt state</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {edges.map(({ node }) => (
          <Table.Tr key={node.id}>
            <Table.Td>
              <RouteLink to={{ page: 'tenant', tenantId: node.id }}>{node.name}</RouteLink>
            </Table.Td>
            <Table.Td ff="monospace" fz="sm">
              {node.id}
            </Table.Td>
            <Table.Td ta="right">
              {formatAmount(node.wallet.balance, node.wallet.currency)}
            </Table.Td>
            <Table.Td>
              <Badge variant="dot" color={DEBT_STATES[node.wallet.debtState].color} radius="sm">
                {DEBT_STATES[node.wallet.debtState].label}
              </Badge>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
