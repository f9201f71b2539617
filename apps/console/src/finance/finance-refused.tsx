import { Alert, Text } from '@mantine/core';
import { RouteLink } from '../routing/link';

/**
 * A person without a platform role who opens a finance address: refused in words, before any
 * request (the API would refuse `tenants` with FORBIDDEN anyway).
 */
export function FinanceRefused() {
  return (
    <Alert color="red" variant="outline" title="Finance pages are not open to you" role="alert">
      <Text>
        Only finance staff and platform admins may search tenants and see their books. This identity
        may not see this.{' '}
        <Text span ff="monospace">
          (FORBIDDEN)
        </Text>
      </Text>
      <RouteLink to={{ page: 'home' }} mt="sm" display="inline-block">
        Back to your wallets
      </RouteLink>
    </Alert>
  );
}
