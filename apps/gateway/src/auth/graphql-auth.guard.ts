import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import { AuthGuard } from '@nestjs/passport';
import { unauthenticated } from '@tally/errors';
import type { Principal } from '@tally/transport';
import type { Request, Response } from 'express';
import { principalOf } from './principal-of';
import { IS_PUBLIC } from './public.decorator';
import { RateLimits } from './rate-limits';

/**
 * Every GraphQL operation needs a caller, except those marked @Public(). Nest runs a guard
 * once per top-level field, so the work is done once per HTTP request and shared: the IP
 * count first (it also slows down token guessing), then authentication and the caller's count.
 */
@Injectable()
export class GraphqlAuthGuard extends AuthGuard('bearer') {
  private readonly ipAdmitted = new WeakMap<Request, Promise<void>>();
  private readonly authenticated = new WeakMap<Request, Promise<Principal>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly limits: RateLimits,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    // REST routes (health probes, metrics, webhooks) authenticate in their own way.
    if (context.getType<GqlContextType>() !== 'graphql') return true;
    const request = this.getRequest(context);
    await once(this.ipAdmitted, request, () => this.limits.admitIp(clientIp(request)));
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic === true) return true;
    await once(this.authenticated, request, async () => {
      await super.canActivate(context);
      const principal = principalOf(request);
      if (principal === undefined) throw unauthenticated();
      await this.limits.admitPrincipal(principal);
      return principal;
    });
    return true;
  }

  override getRequest(context: ExecutionContext): Request {
    return GqlExecutionContext.create(context).getContext<{ req: Request }>().req;
  }

  // Not in the typings of AuthGuard, but passport receives what it returns.
  getResponse(context: ExecutionContext): Response | undefined {
    return this.getRequest(context).res;
  }

  // Passport hands over what the strategy decided: an error (bad JWT, unknown API key) or,
  // when no token came at all, no user.
  override handleRequest<TUser>(error: unknown, user: TUser | false | null): TUser {
    if (error instanceof Error) throw error;
    if (error) throw unauthenticated();
    if (!user) throw unauthenticated('Authentication required: send Authorization: Bearer <token>');
    return user;
  }
}

function once<T>(memo: WeakMap<Request, Promise<T>>, request: Request, run: () => Promise<T>) {
  let pending = memo.get(request);
  if (pending === undefined) {
    pending = run();
    memo.set(request, pending);
  }
  return pending;
}

function clientIp(request: Request): string {
  // Behind a proxy this is the proxy unless Express's `trust proxy` is set for it.
  return request.ip ?? request.socket.remoteAddress ?? 'unknown';
}
