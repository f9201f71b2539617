import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { unauthenticated } from '@tally/errors';
import type { Request } from 'express';
import { principalOf } from './principal-of';
import { RateLimits } from './rate-limits';

/**
 * The GraphQL endpoint's bearer authentication and rate limits, for REST routes that serve
 * tenants' data (invoice PDFs). Put on a route with @UseGuards(HttpAuthGuard).
 */
@Injectable()
export class HttpAuthGuard extends AuthGuard('bearer') {
  constructor(private readonly limits: RateLimits) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    await this.limits.admitIp(request.ip ?? request.socket.remoteAddress ?? 'unknown');
    await super.canActivate(context);
    const principal = principalOf(request);
    if (principal === undefined) throw unauthenticated();
    await this.limits.admitPrincipal(principal);
    return true;
  }

  override handleRequest<TUser>(error: unknown, user: TUser | false | null): TUser {
    if (error instanceof Error) throw error;
    if (error) throw unauthenticated();
    if (!user) throw unauthenticated('Authentication required: send Authorization: Bearer <token>');
    return user;
  }
}
