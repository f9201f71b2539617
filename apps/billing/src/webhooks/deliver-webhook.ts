import { Inject, Injectable, Logger } from '@nestjs/common';
import { postWebhook } from './post-webhook';
import { WebhookRepository, type IWebhookDeliveries } from './webhook.repository';
import { WebhookSettings } from './webhook-settings';

export class DeliveryNotYetAccepted extends Error {}

/**
 * One attempt at one delivery. A 2xx settles it; anything else is logged and thrown so BullMQ
 * retries on the schedule, until the last attempt marks it FAILED. A deleted endpoint or an
 * already settled delivery is left alone.
 */
@Injectable()
export class DeliverWebhook {
  private readonly logger = new Logger(DeliverWebhook.name);

  constructor(
    @Inject(WebhookRepository) private readonly webhooks: IWebhookDeliveries,
    private readonly settings: WebhookSettings,
  ) {}

  async execute(deliveryId: bigint, isLastAttempt: boolean): Promise<void> {
    const delivery = await this.webhooks.deliveryToSend(deliveryId);
    if (delivery === null || delivery.status !== 'PENDING') return;
    if (delivery.endpoint.deletedAt !== null) {
      await this.webhooks.recordAttempt(
        delivery.id,
        {
          attempt: delivery.attempts + 1,
          statusCode: null,
          durationMs: 0,
          error: 'endpoint deleted',
        },
        'FAILED',
      );
      return;
    }
    const result = await postWebhook(
      {
        url: delivery.endpoint.url,
        secret: delivery.endpoint.secret,
        eventId: delivery.eventId,
        body: delivery.body,
      },
      { timeoutMs: this.settings.timeoutMs, allow: this.settings.allow },
    );
    const delivered =
      result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
    await this.webhooks.recordAttempt(
      delivery.id,
      { attempt: delivery.attempts + 1, ...result },
      delivered ? 'DELIVERED' : isLastAttempt ? 'FAILED' : 'PENDING',
    );
    if (!delivered) {
      this.logger.warn({ deliveryId: delivery.id.toString(), ...result }, 'webhook not accepted');
      throw new DeliveryNotYetAccepted(result.error ?? `HTTP ${result.statusCode}`);
    }
  }
}
