import { useQuery } from '@tanstack/react-query';
import type { TypedDocumentString } from '../gql/graphql';
import { runOperation } from './graphql-client';

/** Live figures (pending charges, spend rate) move every minute on the server. */
const LIVE_REFRESH_MS = 60_000;

/**
 * A typed query as the signed-in user, refreshed every minute while the page is open; not sent
 * while `enabled` is false.
 */
export function useOperation<R, V>(
  document: TypedDocumentString<R, V>,
  variables: V,
  token: string,
  enabled = true,
) {
  return useQuery({
    queryKey: [document.toString(), variables, token],
    queryFn: () => runOperation(document, variables, token),
    refetchInterval: LIVE_REFRESH_MS,
    enabled,
  });
}
