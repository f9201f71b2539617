import { Alert, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { runOperation } from '../api/graphql-client';
import type { RechargeQuery as RechargeResult, RechargeStatus } from '../gql/graphql';
import { LoadError, Loading } from '../layout/states';
import { formatAmount } from '../money/money';
import { RechargeQuery } from './top-up.queries';

/** While Stripe's confirmation is on its way: asked again every second. */
const PENDING_POLL_MS = 1_000;

// Shades dark enough for AA contrast on white: the title is written in the colour.
const OUTCOMES: Readonly<Record<RechargeStatus, { title: string; color: string }>> = {
  PENDING: { title: 'Waiting for the payment to be confirmed…', color: 'blue.9' },
  SUCCEEDED: { title: 'Paid: the wallet is credited', color: 'teal.9' },
  FAILED: { title: 'The payment failed: nothing was charged', color: 'red.9' },
  EXPIRED: { title: 'The checkout closed without a payment: nothing was charged', color: 'gray.8' },
  REFUNDED: { title: 'This top-up was refunded', color: 'gray.8' },
};

/**
 * The top-up Checkout came back from: followed until it is confirmed, then every figure on the
 * page is asked again, so the new balance shows without a reload.
 */
export function RechargeNotice({ id, token }: { id: string; token: string }) {
  const queries = useQueryClient();
  const recharge = useQuery({
    queryKey: [RechargeQuery.toString(), { id }, token],
    queryFn: () => runOperation(RechargeQuery, { id }, token),
    refetchInterval: (query) =>
      query.state.data?.recharge?.status === 'PENDING' ? PENDING_POLL_MS : false,
  });
  const status = recharge.data?.recharge?.status;
  useEffect(() => {
    if (status === 'SUCCEEDED') {
      void queries.invalidateQueries({
        predicate: (q) => q.queryKey[0] !== RechargeQuery.toString(),
      });
    }
  }, [status, queries]);
  if (recharge.isPending) return <Loading what="your top-up" />;
  if (recharge.isError) {
    return (
      <LoadError
        what="your top-up"
        error={recharge.error}
        onRetry={() => void recharge.refetch()}
      />
    );
  }
  const found = recharge.data.recharge;
  if (found === null) {
    return <Text role="status">This top-up is not one this identity may see.</Text>;
  }
  return <Outcome recharge={found} />;
}

function Outcome({ recharge }: { recharge: NonNullable<RechargeResult['recharge']> }) {
  const { title, color } = OUTCOMES[recharge.status];
  const money = (amount: string) => formatAmount(amount, recharge.wallet.currency);
  return (
    <Alert color={color} variant="outline" title={title} role="status">
      <Text>
        Top-up of {money(recharge.amount)}
        {recharge.bonus !== '0' &&
          recharge.bonus !== '0.000000' &&
          ` with a bonus of ${money(recharge.bonus)}`}
        . The wallet&apos;s balance is {money(recharge.wallet.balance)}.
      </Text>
    </Alert>
  );
}
