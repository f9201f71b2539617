import { useMutation, useQueryClient } from '@tanstack/react-query';
import { runOperation } from '../api/graphql-client';
import type { TypedDocumentString } from '../gql/graphql';

/**
 * A mutation as the signed-in user. Once it succeeds every query is asked again, so the
 * balance, the ledger entries and the audit trail the page shows include what was just done.
 */
export function useAction<R, V>(document: TypedDocumentString<R, V>, token: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (variables: V) => runOperation(document, variables, token),
    onSuccess: () => queries.invalidateQueries(),
  });
}
