import { Button, Card, Checkbox, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useFormMutation } from '../api/use-mutation-operation';
import { useOperation } from '../api/use-operation';
import { CursorPager, useCursorPages } from '../layout/cursor-pages';
import { MutationOutcome } from '../layout/mutation-outcome';
import { SecretOnce } from '../layout/secret-once';
import { LoadError, Loading } from '../layout/states';
import { describeMoment } from '../wallets/wallet-words';
import { EVENT_TYPES, lastAttemptOf } from './event-types';
import {
  CreateWebhookEndpointMutation,
  DeleteWebhookEndpointMutation,
  WebhookDeliveriesQuery,
  WebhookEndpointsQuery,
} from './webhooks.queries';

const DELIVERIES_PAGE = 10;

/** Where Tally POSTs the tenant's events, signed, and what each endpoint was sent. */
export function WebhooksSection({ tenantId, token }: { tenantId: string; token: string }) {
  const endpoints = useOperation(WebhookEndpointsQuery, { tenantId }, token);
  const remove = useFormMutation(DeleteWebhookEndpointMutation, token);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="webhooks">
      <Title order={2} id="webhooks" mb="md">
        Webhook endpoints
      </Title>
      <Stack gap="lg">
        {endpoints.isPending ? (
          <Loading what="webhook endpoints" />
        ) : endpoints.isError ? (
          <LoadError
            what="webhook endpoints"
            error={endpoints.error}
            onRetry={() => void endpoints.refetch()}
          />
        ) : endpoints.data.webhookEndpoints.length === 0 ? (
          <Text>No endpoints: no events are sent anywhere.</Text>
        ) : (
          endpoints.data.webhookEndpoints.map((endpoint) => (
            <Card key={endpoint.id} withBorder padding="sm">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <div style={{ minWidth: 0 }}>
                  <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {endpoint.url}
                  </Text>
                  <Text size="sm" c="gray.7">
                    {endpoint.eventTypes.join(', ')}
                  </Text>
                </div>
                <Group gap="xs" wrap="nowrap">
                  <Button
                    variant="default"
                    size="xs"
                    aria-expanded={open === endpoint.id}
                    onClick={() => setOpen(open === endpoint.id ? null : endpoint.id)}
                  >
                    {open === endpoint.id ? 'Hide deliveries' : 'Deliveries'}
                  </Button>
                  <Button
                    variant="default"
                    size="xs"
                    aria-label={`Delete the endpoint ${endpoint.url}`}
                    onClick={() =>
                      remove.send({ id: endpoint.id }, `The endpoint ${endpoint.url} is deleted.`)
                    }
                  >
                    Delete
                  </Button>
                </Group>
              </Group>
              {open === endpoint.id && <Deliveries endpointId={endpoint.id} token={token} />}
            </Card>
          ))
        )}
        <MutationOutcome
          what="delete the endpoint"
          error={remove.mutation.error}
          done={remove.done}
        />
        <NewEndpointForm tenantId={tenantId} token={token} />
      </Stack>
    </Card>
  );
}

/** An endpoint's delivery log, a page at a time, newest first (the API's cursors). */
function Deliveries({ endpointId, token }: { endpointId: string; token: string }) {
  const pages = useCursorPages();
  const page = useOperation(
    WebhookDeliveriesQuery,
    { endpointId, first: DELIVERIES_PAGE, after: pages.after },
    token,
  );
  if (page.isPending) return <Loading what="deliveries" />;
  if (page.isError) {
    return <LoadError what="deliveries" error={page.error} onRetry={() => void page.refetch()} />;
  }
  const { edges, pageInfo } = page.data.webhookDeliveries;
  if (edges.length === 0 && pages.page === 1) {
    return <Text mt="sm">Nothing was sent to this endpoint yet.</Text>;
  }
  return (
    <Stack gap="xs" mt="sm">
      <Table layout="fixed" captionSide="top">
        <Table.Caption>Deliveries, newest first (page {pages.page})</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Event</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Attempts</Table.Th>
            <Table.Th scope="col">Last answer</Table.Th>
            <Table.Th scope="col">Sent</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {edges.map(({ node }) => (
            <Table.Tr key={node.id}>
              <Table.Th scope="row" fw={400}>
                {node.eventType}
              </Table.Th>
              <Table.Td>{node.status}</Table.Td>
              <Table.Td>{node.attempts.length}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>
                {lastAttemptOf(node.attempts)}
              </Table.Td>
              <Table.Td>{describeMoment(node.createdAt, new Date()).at}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <CursorPager
        pages={pages}
        pageInfo={pageInfo}
        words={`Page ${pages.page}`}
        labels={['Newer', 'Older']}
        of="deliveries"
      />
    </Stack>
  );
}

function NewEndpointForm({ tenantId, token }: { tenantId: string; token: string }) {
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<string[]>([]);
  const [problems, setProblems] = useState<{ url?: string; events?: string }>({});
  const [secret, setSecret] = useState<string | null>(null);
  const create = useFormMutation(CreateWebhookEndpointMutation, token);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = {
      url: /^https?:\/\/\S+$/.test(url.trim()) ? undefined : 'Enter an http or https address.',
      events: events.length === 0 ? 'Choose at least one event.' : undefined,
    };
    setProblems(next);
    setSecret(null);
    if (next.url !== undefined || next.events !== undefined) return;
    create.send(
      { input: { tenantId, url: url.trim(), eventTypes: events } },
      `Events go to ${url.trim()} now.`,
      ({ createWebhookEndpoint }) => {
        setSecret(createWebhookEndpoint.secret);
        setUrl('');
        setEvents([]);
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-label="New webhook endpoint">
      <Stack gap="sm">
        <TextInput
          label="Endpoint address"
          placeholder="https://example.com/tally-events"
          value={url}
          onChange={(e) => setUrl(e.currentTarget.value)}
          error={problems.url}
          maw={560}
        />
        <Checkbox.Group
          label="Events to send"
          value={events}
          onChange={setEvents}
          error={problems.events}
        >
          <Group mt="xs" gap="md">
            {EVENT_TYPES.map((type) => (
              <Checkbox key={type.value} value={type.value} label={type.label} />
            ))}
          </Group>
        </Checkbox.Group>
        <Group>
          <Button type="submit" loading={create.mutation.isPending}>
            Add endpoint
          </Button>
        </Group>
        <MutationOutcome what="add the endpoint" error={create.mutation.error} done={create.done} />
        {secret !== null && (
          <SecretOnce what="signing secret" secret={secret} testId="new-webhook-secret" />
        )}
      </Stack>
    </form>
  );
}
