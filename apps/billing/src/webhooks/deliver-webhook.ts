import { Inject, Injectable, Logger } from '@nestjs/common';
import { SequenceGate } from '@tally/queue';
import { postWebhook } from './post-webhook';
import {
  WebhookRepository,
  type DeliveryToSend,
  type IWebhookDeliveries,
} from './webhook.repository';
import { WebhookSettings } from './webhook-settings';

export class DeliveryNotYetAccepted extends Error {}

/** 'wait': the delivery's turn in its sequence has not come; ask again shortly. */
export type DeliveryOutcome = 'done' | 'wait';

// A POST is over within the timeout; the lease adds room for recording the attempt.
const LEASE_MARGIN_MS = 30_000;

/**
 * One attempt at one delivery. A 2xx settles it; anything else is logged and thrown so BullMQ
 * retries on the schedule, until the last attempt marks it FAILED. A deleted endpoint or an
 * already settled delivery is left alone. Events of one sequence (a wallet's state changes)
 * reach an endpoint one at a time, each after its predecessor, and one older than what the
 * endpoint already received is SUPERSEDED, never sent (SequenceGate, per endpoint and key).
 */
@Injectable()
export class DeliverWebhook {
  private readonly logger = new Logger(DeliverWebhook.name);

  constructor(
    @Inject(WebhookRepository) private readonly webhooks: IWebhookDeliveries,
    @Inject(WebhookSettings) private readonly settings: WebhookSettings,
    @Inject(SequenceGate) private readonly gate: Pick<SequenceGate, 'inTurn'>,
  ) {}

  async execute(deliveryId: bigint, isLastAttempt: boolean): Promise<DeliveryOutcome> {
    const delivery = await this.webhooks.deliveryToSend(deliveryId);
    if (delivery === null || delivery.status !== 'PENDING') return 'done';
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
      return 'done';
    }
    if (delivery.order === null) {
      await this.attempt(delivery, isLastAttempt);
      return 'done';
    }

    const outcome = await this.gate.inTurn(
      sequenceKey(delivery.endpointId, delivery.order.key),
      delivery.order.sequence,
      { leaseMs: this.settings.timeoutMs + LEASE_MARGIN_MS, since: delivery.createdAt },
      () => this.attempt(delivery, isLastAttempt),
    );
    if (outcome === 'wait') return 'wait';
    if (outcome === 'stale') await this.webhooks.markSuperseded(delivery.id);
    return 'done';
  }

  private async attempt(delivery: DeliveryToSend, isLastAttempt: boolean): Promise<void> {
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

/** One sequence per endpoint: each endpoint gets the events of a key in order. */
export function sequenceKey(endpointId: string, orderKey: string): string {
  return `${endpointId}/${orderKey}`;
}
