import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { MoneyScalar } from '@tally/money';
import { ObservabilityModule, RedisReadinessCheck } from '@tally/observability';
import { TransportModule } from '@tally/transport';
import { AccountsModule } from './accounts/accounts.module';
import { AuthModule } from './auth/auth.module';
import { BillingGraphqlModule } from './billing/billing.module';
import { LocalCheckoutModule } from './checkout/local-checkout.module';
import { ConsoleModule } from './console/console.module';
import { ExportsModule } from './exports/exports.module';
import { GatewayConfig } from './gateway.config';
import { DateTimeScalar } from './graphql/date-time.scalar';
import { formatGraphQLError } from './graphql/format-error';
import { graphqlIdePlugin } from './graphql-ide/graphql-ide.plugin';
import { GraphqlIdeModule } from './graphql-ide/graphql-ide.module';
import { freshReadsAfterMutations } from './graphql/per-request';
import { queryLimitsPlugin } from './graphql/query-limits.plugin';
import { idLiteralsAreStrings, idVariablesAreStringsPlugin } from './graphql/string-ids';
import { HealthResolver } from './health/health.resolver';
import { IdentityModule } from './identity/identity.module';
import { MeteringGraphqlModule } from './metering/metering.module';
import { FinanceGraphqlModule } from './finance/finance.module';

const GRAPHQL_PATH = '/graphql';

@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    // The IDE and the local checkout page are development tools: production serves neither.
    const development = config.NODE_ENV !== 'production';
    return {
      module: GatewayModule,
      imports: [
        // The gateway owns no tables: it is ready when it can reach the other services' bus.
        ObservabilityModule.forRoot({
          app: 'gateway',
          logLevel: config.LOG_LEVEL,
          readiness: { useFactory: () => [new RedisReadinessCheck(config.REDIS_URL)] },
        }),
        TransportModule.forClient({
          redisUrl: config.REDIS_URL,
          prefix: config.TALLY_TRANSPORT_PREFIX,
          timeoutMs: config.TALLY_RPC_TIMEOUT_MS,
        }),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: GRAPHQL_PATH,
          autoSchemaFile: true,
          sortSchema: true,
          playground: false,
          introspection: config.NODE_ENV !== 'production',
          includeStacktraceInErrorResponses: false,
          formatError: formatGraphQLError,
          validationRules: [idLiteralsAreStrings],
          plugins: [
            idVariablesAreStringsPlugin(),
            freshReadsAfterMutations(),
            queryLimitsPlugin({
              maxDepth: config.TALLY_GRAPHQL_MAX_DEPTH,
              maxCost: config.TALLY_GRAPHQL_MAX_COST,
            }),
            ...(development ? [graphqlIdePlugin(GRAPHQL_PATH)] : []),
          ],
        }),
        AccountsModule,
        BillingGraphqlModule.forRoot(config),
        // identity and auth: the global auth guard, rate limits, me/addMember/API keys
        AuthModule.forRoot(config),
        IdentityModule,
        MeteringGraphqlModule,
        FinanceGraphqlModule,
        ConsoleModule.forRoot(config),
        ExportsModule.forRoot(config),
        ...(development ? [GraphqlIdeModule, LocalCheckoutModule.forRoot(config)] : []),
      ],
      providers: [DateTimeScalar, MoneyScalar, HealthResolver],
    };
  }
}
