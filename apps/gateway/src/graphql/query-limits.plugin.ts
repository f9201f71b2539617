import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '@tally/errors';
import {
  DocumentNode,
  FragmentDefinitionNode,
  GraphQLError,
  GraphQLSchema,
  getVariableValues,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { assertRootFieldsCosted } from './query-cost';

export interface QueryLimits {
  readonly maxDepth: number;
  readonly maxCost: number;
}

/**
 * Refuses an operation nested deeper than `maxDepth` fields or costing more than `maxCost`
 * before anything runs. A field costs 1, or what it declares beside its resolver: a service
 * call SERVICE_CALL_COST, a page that times its rows (query-cost.ts).
 */
export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin {
  return {
    serverWillStart: async ({ schema }) => assertRootFieldsCosted(schema),
    requestDidStart: async () => ({
      didResolveOperation: async ({ schema, document, operation, request }) => {
        if (operation === undefined) return;
        const depth = selectionDepth(operation.selectionSet, fragmentsOf(document), 0);
        if (depth > limits.maxDepth) {
          throw tooComplex(`Query depth ${depth} exceeds the limit of ${limits.maxDepth}`);
        }
        const variables = request.variables ?? {};
        // Variables that do not fit their types are the caller's mistake, and execution refuses
        // them before any resolver runs (400, BAD_USER_INPUT, every error listed): nothing will
        // run, so there is nothing to cost. The cost estimator would throw on them instead.
        if (getVariableValues(schema, operation.variableDefinitions ?? [], variables).errors) {
          return;
        }
        const cost = costOf(schema, document, operation, variables);
        if (cost > limits.maxCost) {
          throw tooComplex(`Query cost ${cost} exceeds the limit of ${limits.maxCost}`);
        }
      },
    }),
  };
}

function costOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): number {
  return getComplexity({
    schema,
    query: document,
    operationName: operation.name?.value,
    variables,
    estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
  });
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  return fragments;
}

// Fragment cycles are already rejected by GraphQL validation, which runs before this.
function selectionDepth(
  selectionSet: SelectionSetNode | undefined,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  depth: number,
): number {
  if (selectionSet === undefined) return depth;
  let deepest = depth;
  for (const selection of selectionSet.selections) {
    const nested =
      selection.kind === Kind.FIELD
        ? selectionDepth(selection.selectionSet, fragments, depth + 1)
        : selection.kind === Kind.INLINE_FRAGMENT
          ? selectionDepth(selection.selectionSet, fragments, depth)
          : selectionDepth(fragments.get(selection.name.value)?.selectionSet, fragments, depth);
    deepest = Math.max(deepest, nested);
  }
  return deepest;
}

function tooComplex(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, http: { status: 400 } },
  });
}
