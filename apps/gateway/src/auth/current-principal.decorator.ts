import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { unauthenticated } from '@tally/errors';
import type { Principal } from '@tally/transport';

/** The authenticated caller of a GraphQL operation (set on the request by the auth guard). */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext) => {
  const request = GqlExecutionContext.create(context).getContext<{ req: { user?: Principal } }>()
    .req;
  if (request.user === undefined) throw unauthenticated();
  return request.user;
});

/** The HTTP request of a GraphQL operation: per-request caches hang off it. */
export const CurrentRequest = createParamDecorator(
  (_: unknown, context: ExecutionContext) =>
    GqlExecutionContext.create(context).getContext<{ req: object }>().req,
);
