import { defineConfig, port, positiveInt, secret } from '@tally/config';
import { z } from 'zod';

export const loadGatewayConfig = defineConfig(
  {
    TALLY_GATEWAY_PORT: port(4000),
    TALLY_JWT_SECRET: secret('jwt_secret', z.string().min(16, 'must be at least 16 characters')),
    TALLY_ADMIN_API_KEY: z
      .string()
      .startsWith('tly_', 'must start with tly_')
      .min(24, 'must be at least 24 characters')
      .optional(),
    TALLY_GRAPHQL_MAX_DEPTH: positiveInt(15),
    TALLY_GRAPHQL_MAX_COST: positiveInt(5000),
    TALLY_BODY_LIMIT: z
      .string()
      .regex(/^\d+(kb|mb)$/, 'must be a size such as 100kb or 1mb')
      .default('100kb'),
  },
  ['TALLY_JWT_SECRET', 'TALLY_ADMIN_API_KEY'],
);

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;
