import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { unauthenticated } from '@tally/errors';
import { principalOf } from './principal-of';

/** The authenticated caller of a GraphQL operation (set on the request by the auth guard). */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext) => {
  const request = GqlExecutionContext.create(context).getContext<{ req: { user?: unknown } }>().req;
  const principal = principalOf(request);
  // Only reachable from a @Public() operation, which has no caller to give.
  if (principal === undefined) throw unauthenticated();
  return principal;
});

/** The HTTP request of a GraphQL operation: per-request caches hang off it. */
export const CurrentRequest = createParamDecorator(
  (_: unknown, context: ExecutionContext) =>
    GqlExecutionContext.create(context).getContext<{ req: object }>().req,
);
