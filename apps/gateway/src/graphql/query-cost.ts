import type { ComplexityEstimator } from '@nestjs/graphql';
import type { GraphQLSchema } from 'graphql';

/**
 * What a field costs against TALLY_GRAPHQL_MAX_COST. A field whose value is already in hand
 * costs 1. A field whose resolver sends a message to account, billing or metering costs
 * SERVICE_CALL_COST on top of its selection: a process hop, a database query and the JSON both
 * ways, about a millisecond of CPU where a plain field takes microseconds. With the default
 * limit an operation can ask for at most 200 service calls, and identical reads inside one
 * request are sent once anyway (RequestReads, the DataLoaders).
 */
export const SERVICE_CALL_COST = 25;

/** For a field resolved by `calls` service calls: declared beside its resolver (`complexity`). */
export function serviceCall(calls = 1): ComplexityEstimator {
  return ({ childComplexity }) => calls * SERVICE_CALL_COST + childComplexity;
}

/**
 * For a page read by one service call: each of the up to `first` rows it may hold costs its
 * selection (`defaultSize` when the caller does not say).
 */
export function servicePage(defaultSize: number): ComplexityEstimator {
  return ({ args, childComplexity }) => {
    // A negative page (refused by the service anyway) must not pay for the rest of the query.
    const rows = Math.max(0, Number(args.first ?? defaultSize));
    return SERVICE_CALL_COST + rows * childComplexity;
  };
}

/**
 * Every query and mutation calls a service, so each must declare what that costs; a field
 * added without it would cost as little as a plain property. Checked when the server starts.
 */
export function assertRootFieldsCosted(schema: GraphQLSchema): void {
  const missing = [schema.getQueryType(), schema.getMutationType()].flatMap((type) =>
    Object.values(type?.getFields() ?? {})
      .filter((field) => field.extensions.complexity === undefined)
      .map((field) => `${type!.name}.${field.name}`),
  );
  if (missing.length > 0) {
    throw new Error(
      `${missing.join(', ')} declare no query cost: add complexity: serviceCall() to the resolver`,
    );
  }
}
