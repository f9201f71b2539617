import { Stack, Text, Title } from '@mantine/core';
import { useManagesTenant } from '../session/manages-tenant';
import { ApiKeysSection } from './api-keys-section';
import { MembersSection } from './members-section';
import { WebhooksSection } from '../webhooks/webhooks-section';

/** Who and what may act for the tenant (its members and API keys), and where its events go. */
export function AccessPage({ tenantId, token }: { tenantId: string; token: string }) {
  const manages = useManagesTenant();
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>Members, API keys and webhooks</Title>
        <Text mt={4}>
          Owners and admins manage who may act for the tenant; members see this page and change
          nothing on it.
        </Text>
      </div>
      <MembersSection tenantId={tenantId} token={token} />
      {manages ? (
        <>
          <ApiKeysSection tenantId={tenantId} token={token} />
          <WebhooksSection tenantId={tenantId} token={token} />
        </>
      ) : (
        <Text>API keys and webhook endpoints are the tenant's owners' and admins' to see.</Text>
      )}
    </Stack>
  );
}
