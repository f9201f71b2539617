import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { DomainError, ErrorCode } from '@tally/errors';
import { FakeRpcClient } from '@tally/testing';
import type { Principal } from '@tally/transport';
import type { Request } from 'express';
import { BearerStrategy } from './bearer.strategy';
import { GraphqlAuthGuard } from './graphql-auth.guard';
import { JwtVerifier } from './jwt-verifier';
import { Public } from './public.decorator';
import { RateLimits } from './rate-limits';
import type { WindowCount, WindowCounter } from './redis-window-counter';

const ADMIN_KEY = 'tly_admin_0123456789abcdef0123';

class Resolvers {
  @Public()
  health(): void {}

  me(): void {}
}

class Counter implements WindowCounter {
  readonly hits: string[] = [];

  async hit(key: string): Promise<WindowCount> {
    this.hits.push(key);
    return { count: this.hits.filter((k) => k === key).length, resetInMs: 1000 };
  }
}

function graphqlContext(handler: () => void, request: object): ExecutionContext {
  const context = new ExecutionContextHost([{}, {}, { req: request }, {}], Resolvers, handler);
  context.setType('graphql');
  return context;
}

function requestWith(token?: string): Request & { user?: unknown } {
  const headers = token === undefined ? {} : { authorization: `Bearer ${token}` };
  return { headers, ip: '10.0.0.1', socket: {} } as unknown as Request;
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'ok',
    (error: unknown) => (error instanceof DomainError ? error.code : String(error)),
  );
}

describe('GraphqlAuthGuard', () => {
  let counter: Counter;
  let guard: GraphqlAuthGuard;
  let validations: number;

  beforeEach(() => {
    counter = new Counter();
    validations = 0;
    // The real strategy registers itself with passport; only its call to the account
    // service is replaced.
    const strategy = new BearerStrategy(
      { adminApiKey: ADMIN_KEY },
      new JwtVerifier({ keys: { kind: 'secret', secret: 'a-shared-secret-of-some-length' } }),
      new FakeRpcClient(),
    );
    const validate = strategy.validate.bind(strategy);
    strategy.validate = async (token: string): Promise<Principal> => {
      validations++;
      return validate(token);
    };
    guard = new GraphqlAuthGuard(
      new Reflector(),
      new RateLimits(counter, { perPrincipalPerMinute: 100, perIpPerMinute: 3 }),
    );
  });

  const { health, me } = Resolvers.prototype;

  it('lets @Public() operations through without a token', async () => {
    await expect(guard.canActivate(graphqlContext(health, requestWith()))).resolves.toBe(true);
  });

  it('refuses every other operation without a token with UNAUTHENTICATED', async () => {
    expect(await codeOf(guard.canActivate(graphqlContext(me, requestWith())))).toBe(
      ErrorCode.UNAUTHENTICATED,
    );
    expect(await codeOf(guard.canActivate(graphqlContext(me, requestWith('garbage'))))).toBe(
      ErrorCode.UNAUTHENTICATED,
    );
  });

  it('authenticates and counts once per HTTP request, however many fields run the guard', async () => {
    const request = requestWith(ADMIN_KEY);
    await Promise.all([
      guard.canActivate(graphqlContext(me, request)),
      guard.canActivate(graphqlContext(me, request)),
      guard.canActivate(graphqlContext(health, request)),
    ]);
    expect(request.user).toEqual({ kind: 'admin_key' });
    expect(validations).toBe(1);
    expect(counter.hits).toEqual([
      'tally:ratelimit:ip:10.0.0.1',
      'tally:ratelimit:principal:admin_key',
    ]);
  });

  it('limits a client IP before authenticating it', async () => {
    for (let i = 0; i < 3; i++) await guard.canActivate(graphqlContext(health, requestWith()));
    expect(await codeOf(guard.canActivate(graphqlContext(me, requestWith(ADMIN_KEY))))).toBe(
      ErrorCode.RATE_LIMITED,
    );
    expect(validations).toBe(0);
  });

  it('leaves REST routes to their own checks', async () => {
    const http = new ExecutionContextHost([requestWith(), {}], Resolvers, me);
    await expect(guard.canActivate(http)).resolves.toBe(true);
    expect(counter.hits).toEqual([]);
  });
});
