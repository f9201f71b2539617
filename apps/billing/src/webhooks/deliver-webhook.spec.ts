import { mockWebhookDeliveries } from '@tally/testing';
import { DeliverWebhook, DeliveryNotYetAccepted } from './deliver-webhook';
import { postWebhook, type PostResult } from './post-webhook';
import type { DeliveryToSend } from './webhook.repository';
import type { WebhookSettings } from './webhook-settings';
import { WebhookAllowList } from './webhook-target';

jest.mock('./post-webhook');
const post = jest.mocked(postWebhook);

describe('DeliverWebhook', () => {
  const settings = { timeoutMs: 1000, allow: new WebhookAllowList('') } as WebhookSettings;
  const pending: DeliveryToSend = {
    id: 7n,
    eventId: 'e1',
    body: '{}',
    status: 'PENDING',
    attempts: 2,
    endpoint: { url: 'https://hooks.example.com/', secret: 's', deletedAt: null },
  };

  function setUp(delivery: DeliveryToSend | null, result?: PostResult) {
    const repository = mockWebhookDeliveries(delivery);
    post.mockReset();
    if (result) post.mockResolvedValue(result);
    const deliver = new DeliverWebhook(repository, settings);
    return { deliver, repository };
  }

  it('settles a delivery on a 2xx, logging the attempt with its number', async () => {
    const { deliver, repository } = setUp(pending, {
      statusCode: 202,
      durationMs: 12,
      error: null,
    });
    await deliver.execute(7n, false);
    expect(repository.recordAttempt).toHaveBeenCalledWith(
      7n,
      { attempt: 3, statusCode: 202, durationMs: 12, error: null },
      'DELIVERED',
    );
  });

  it('logs a failure and throws so the job is retried, FAILED on the last attempt', async () => {
    const failure = { statusCode: 500, durationMs: 3, error: null };
    const { deliver, repository } = setUp(pending, failure);
    await expect(deliver.execute(7n, false)).rejects.toThrow(DeliveryNotYetAccepted);
    expect(repository.recordAttempt).toHaveBeenLastCalledWith(7n, expect.anything(), 'PENDING');
    await expect(deliver.execute(7n, true)).rejects.toThrow('HTTP 500');
    expect(repository.recordAttempt).toHaveBeenLastCalledWith(7n, expect.anything(), 'FAILED');
  });

  it('leaves settled deliveries alone and stops for deleted endpoints', async () => {
    const done = setUp({ ...pending, status: 'DELIVERED' });
    await done.deliver.execute(7n, false);
    expect(done.repository.recordAttempt).not.toHaveBeenCalled();

    const deleted = setUp({ ...pending, endpoint: { ...pending.endpoint, deletedAt: new Date() } });
    await deleted.deliver.execute(7n, false);
    expect(post).not.toHaveBeenCalled();
    expect(deleted.repository.recordAttempt).toHaveBeenCalledWith(
      7n,
      expect.objectContaining({ error: 'endpoint deleted' }),
      'FAILED',
    );
  });
});
