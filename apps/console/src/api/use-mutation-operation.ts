import { useMutation } from '@tanstack/react-query';
import type { TypedDocumentString } from '../gql/graphql';
import { runOperation } from './graphql-client';

/** A typed mutation as the signed-in user: its result or its refusal (an ApiError) to show. */
export function useMutationOperation<R, V>(document: TypedDocumentString<R, V>, token: string) {
  return useMutation({ mutationFn: (variables: V) => runOperation(document, variables, token) });
}

/**
 * A fresh key for one submission of a money-moving form: sent again with a retry of the same
 * submission, the API answers the first result instead of moving the money twice. Built from
 * getRandomValues, which (unlike randomUUID) a page served over plain HTTP has too.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `console-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
