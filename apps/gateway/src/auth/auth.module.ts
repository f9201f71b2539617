import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import type { GatewayConfig } from '../gateway.config';
import { BEARER_SETTINGS, BearerStrategy, type BearerSettings } from './bearer.strategy';
import { GraphqlAuthGuard } from './graphql-auth.guard';
import { HttpAuthGuard } from './http-auth.guard';
import { JwksKeySource } from './jwks-key-source';
import { JwtVerifier } from './jwt-verifier';
import { RateLimits } from './rate-limits';
import { RedisWindowCounter } from './redis-window-counter';

/** Authentication (bearer tokens) and rate limits for every GraphQL operation and tenant REST route. */
@Module({})
export class AuthModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    const bearer: BearerSettings = { adminApiKey: config.TALLY_ADMIN_API_KEY };
    return {
      module: AuthModule,
      // Global so that REST controllers of any module can use HttpAuthGuard.
      global: true,
      imports: [PassportModule],
      providers: [
        { provide: BEARER_SETTINGS, useValue: bearer },
        { provide: JwtVerifier, useFactory: () => jwtVerifierFor(config) },
        BearerStrategy,
        { provide: RedisWindowCounter, useFactory: () => new RedisWindowCounter(config.REDIS_URL) },
        {
          provide: RateLimits,
          useFactory: (counter: RedisWindowCounter) =>
            new RateLimits(counter, {
              perPrincipalPerMinute: config.TALLY_RATE_LIMIT_PER_MINUTE,
              perIpPerMinute: config.TALLY_RATE_LIMIT_PER_IP_PER_MINUTE,
            }),
          inject: [RedisWindowCounter],
        },
        { provide: APP_GUARD, useClass: GraphqlAuthGuard },
        HttpAuthGuard,
      ],
      exports: [HttpAuthGuard, RateLimits],
    };
  }
}

function jwtVerifierFor(config: GatewayConfig): JwtVerifier {
  return new JwtVerifier({
    keys:
      config.TALLY_JWT_JWKS_URL === undefined
        ? { kind: 'secret', secret: config.TALLY_JWT_SECRET }
        : { kind: 'jwks', source: new JwksKeySource({ url: config.TALLY_JWT_JWKS_URL }) },
    issuer: config.TALLY_JWT_ISSUER,
    audience: config.TALLY_JWT_AUDIENCE,
  });
}
