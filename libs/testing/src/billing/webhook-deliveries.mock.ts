import type {
  DeliveryToSend,
  IWebhookDeliveries,
} from '@tally/billing/webhooks/webhook.repository';

/** DeliverWebhook's side of the webhook repository as jest mocks, `delivery` the one to send. */
export function mockWebhookDeliveries(
  delivery: DeliveryToSend | null,
): jest.Mocked<IWebhookDeliveries> {
  return {
    deliveryToSend: jest.fn().mockResolvedValue(delivery),
    recordAttempt: jest.fn().mockResolvedValue(undefined),
    markSuperseded: jest.fn().mockResolvedValue(undefined),
  };
}
