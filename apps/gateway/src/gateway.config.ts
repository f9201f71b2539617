import { defineConfig, port, positiveInt, secret, url } from '@tally/config';
import { join } from 'node:path';
import { z } from 'zod';

// dist/apps/gateway/src → dist/console, where `npm run build` puts the console's static files.
const BUILT_CONSOLE_DIR = join(__dirname, '..', '..', '..', 'console');

export const loadGatewayConfig = defineConfig(
  {
    TALLY_GATEWAY_PORT: port(4000),
    TALLY_JWT_SECRET: secret('jwt_secret', z.string().min(16, 'must be at least 16 characters')),
    TALLY_ADMIN_API_KEY: z
      .string()
      .startsWith('tly_', 'must start with tly_')
      .min(24, 'must be at least 24 characters')
      .optional(),
    // When set, JWTs must be RS256/ES256, signed by a key of this set; HS256 is then refused.
    TALLY_JWT_JWKS_URL: url(['https', 'http']).optional(),
    TALLY_JWT_ISSUER: z.string().min(1, 'must not be empty').optional(),
    TALLY_JWT_AUDIENCE: z.string().min(1, 'must not be empty').optional(),
    TALLY_RATE_LIMIT_PER_MINUTE: positiveInt(600),
    TALLY_RATE_LIMIT_PER_IP_PER_MINUTE: positiveInt(1200),
    // Behind an ingress the client address is in X-Forwarded-For; rate limits per IP need it.
    TALLY_TRUST_PROXY: z.coerce
      .number()
      .int('must be an integer')
      .min(0, 'must be 0 or more')
      .default(0),
    TALLY_GRAPHQL_MAX_DEPTH: positiveInt(15),
    TALLY_GRAPHQL_MAX_COST: positiveInt(5000),
    TALLY_BODY_LIMIT: z
      .string()
      .regex(/^\d+(kb|mb)$/, 'must be a size such as 100kb or 1mb')
      .default('100kb'),
    // Verifies the Stripe-Signature of POST /webhooks/stripe.
    STRIPE_WEBHOOK_SECRET: secret('stripe_webhook_secret'),
    // The console's built files (apps/console), served at /console.
    TALLY_CONSOLE_DIR: z.string().min(1, 'must not be empty').default(BUILT_CONSOLE_DIR),
  },
  ['TALLY_JWT_SECRET', 'TALLY_ADMIN_API_KEY', 'STRIPE_WEBHOOK_SECRET'],
);

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;
