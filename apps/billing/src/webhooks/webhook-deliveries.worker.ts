import { Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Worker, type Job } from 'bullmq';
import { QueueName, waitForTurn } from '@tally/queue';
import { redisOptionsFromUrl } from '@tally/transport';
import { DeliverWebhook } from './deliver-webhook';
import { WebhookSettings } from './webhook-settings';

export interface WebhookDeliveryJob {
  /** billing.webhook_deliveries.id, as text (BullMQ data is JSON). */
  readonly deliveryId: string;
}

/** The backoff type delivery jobs name; this worker computes it from the retry schedule. */
export const WEBHOOK_BACKOFF = 'tally-webhook';

/**
 * The delivery worker, built by hand rather than with @Processor because its concurrency and
 * backoff come from the config (billing.module provides it with a factory). Concurrency is
 * what keeps a hanging endpoint (held for at most the timeout) from delaying the others.
 */
export class WebhookDeliveriesWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WebhookDeliveriesWorker.name);
  private worker?: Worker<WebhookDeliveryJob>;

  constructor(
    private readonly deliver: DeliverWebhook,
    private readonly settings: WebhookSettings,
    private readonly redisUrl: string,
  ) {}

  onApplicationBootstrap(): void {
    const delays = this.settings.retryDelays;
    this.worker = new Worker<WebhookDeliveryJob>(
      QueueName.WebhookDeliveries,
      (job, token) => this.process(job, token),
      {
        connection: { ...redisOptionsFromUrl(this.redisUrl), maxRetriesPerRequest: null },
        concurrency: this.settings.concurrency,
        settings: {
          backoffStrategy: (attemptsMade: number) =>
            delays[Math.min(attemptsMade, delays.length) - 1] ?? 0,
        },
      },
    );
    this.worker.on('error', (error) => this.logger.warn({ err: error }, 'delivery worker error'));
  }

  async onModuleDestroy(): Promise<void> {
    await this.worker?.close();
  }

  private async process(job: Job<WebhookDeliveryJob>, token: string | undefined): Promise<void> {
    const isLastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const outcome = await this.deliver.execute(BigInt(job.data.deliveryId), isLastAttempt);
    // Its turn in its sequence has not come: back in a second, without spending an attempt.
    if (outcome === 'wait') await waitForTurn(job, token, 1000);
  }
}
