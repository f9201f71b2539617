import type { ApolloServerPlugin } from '@apollo/server';
import type { Principal } from '@tally/transport';
import { OperationTypeNode } from 'graphql';

// How many mutations of each request have started. Values made before a mutation are never
// reused after it: a read that follows a change must see the change.
const mutationsStarted = new WeakMap<object, number>();

/**
 * One value per GraphQL request, made for its caller on first use, and made again after each
 * mutation of the request starts (see `freshReadsAfterMutations`). The HTTP request object is
 * the key, so the value lives exactly as long as the request.
 */
export function perRequest<T>(
  create: (principal: Principal) => T,
): (request: object, principal: Principal) => T {
  const values = new WeakMap<object, { readonly generation: number; readonly value: T }>();
  return (request, principal) => {
    const generation = mutationsStarted.get(request) ?? 0;
    let entry = values.get(request);
    if (entry === undefined || entry.generation !== generation) {
      entry = { generation, value: create(principal) };
      values.set(request, entry);
    }
    return entry.value;
  };
}

/**
 * Mutations run one after another; each one that starts makes the request's shared reads
 * (RequestReads, the DataLoaders) start afresh, so `a: transfer(...) { from { balance } }
 * b: transfer(...) { from { balance } }` answers each balance as it stands after its transfer.
 */
export function freshReadsAfterMutations(): ApolloServerPlugin<{ req?: object }> {
  return {
    requestDidStart: async ({ contextValue }) => ({
      executionDidStart: async ({ operation }) => {
        const request = contextValue.req;
        // Queries change nothing: no per-field hook for them.
        if (operation.operation !== OperationTypeNode.MUTATION || request === undefined) return;
        return {
          willResolveField: ({ info }) => {
            if (info.path.prev !== undefined) return; // only the mutations themselves
            mutationsStarted.set(request, (mutationsStarted.get(request) ?? 0) + 1);
          },
        };
      },
    }),
  };
}
