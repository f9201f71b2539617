import { Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { LoadError, Loading } from '../layout/states';

/**
 * A titled section of the tenant page drawn from one query: loading and failure in words, the
 * answer through `children` once it is there.
 */
export function QuerySection<T>({
  title,
  what,
  reply,
  children,
}: {
  title: string;
  what: string;
  reply: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  return (
    <>
      <Title order={2}>{title}</Title>
      {reply.isPending ? (
        <Loading what={what} />
      ) : reply.isError ? (
        <LoadError what={what} error={reply.error} onRetry={() => void reply.refetch()} />
      ) : (
        children(reply.data)
      )}
    </>
  );
}

/** What a section about one wallet needs: the wallet, the currency its money is in, the session. */
export interface WalletSectionProps {
  readonly walletId: string;
  readonly currency: string;
  readonly token: string;
}
