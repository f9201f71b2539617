import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
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

/**
 * A form's mutation: `send` runs it with what to say once it succeeded (`done`), and every
 * query is asked again, so the page shows what changed; `mutation.error` is the refusal.
 */
export function useFormMutation<R, V>(document: TypedDocumentString<R, V>, token: string) {
  const queries = useQueryClient();
  const mutation = useMutationOperation(document, token);
  const [done, setDone] = useState<string | null>(null);
  const send = (variables: V, said: string, onSuccess?: (result: R) => void) => {
    setDone(null);
    mutation.mutate(variables, {
      onSuccess: (result) => {
        setDone(said);
        onSuccess?.(result);
        void queries.invalidateQueries();
      },
    });
  };
  return { mutation, done, send };
}
