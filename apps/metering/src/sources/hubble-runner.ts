import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { enabledSources, METERING_CONFIG, type MeteringConfig } from '../metering.config';
import { FlowCountRepository } from '../usage/flow-count.repository';
import { RecordSamples } from '../usage/record-samples';
import { createHubbleFlowClient } from './hubble/create-hubble-flow-client';
import type { HubbleFlowClient } from './hubble/hubble-flow-client';

/** Follows Hubble's flows for as long as the service runs, when `hubble` is an enabled source. */
@Injectable()
export class HubbleRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private client: HubbleFlowClient | undefined;

  constructor(
    @Inject(METERING_CONFIG) private readonly config: MeteringConfig,
    private readonly flows: FlowCountRepository,
    private readonly samples: RecordSamples,
  ) {}

  onApplicationBootstrap(): void {
    if (!enabledSources(this.config).has('hubble')) return;
    this.client = createHubbleFlowClient(this.config, this.flows, this.samples);
    this.client.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client?.stop();
  }
}
