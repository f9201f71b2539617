import { Query, Resolver } from '@nestjs/graphql';
import { RpcClient, RpcPatterns, ServiceName } from '@tally/transport';
import { Public } from '../auth/public.decorator';
import { serviceCall } from '../graphql/query-cost';
import { ServiceHealth } from './health.model';

@Resolver()
export class HealthResolver {
  constructor(private readonly rpc: RpcClient) {}

  // Public: load balancers and uptime checks probe it without credentials.
  @Public()
  @Query(() => [ServiceHealth], {
    description: 'Round-trips through every backend service and its database.',
    complexity: serviceCall(Object.values(ServiceName).length),
  })
  async health(): Promise<ServiceHealth[]> {
    return Promise.all(Object.values(ServiceName).map((service) => this.ping(service)));
  }

  private async ping(service: ServiceName): Promise<ServiceHealth> {
    const started = performance.now();
    const reply = await this.rpc.send(RpcPatterns.health(service), {});
    return {
      service: reply.service,
      status: reply.status,
      latencyMs: Math.round(performance.now() - started),
    };
  }
}
