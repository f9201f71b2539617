import type { GateDecision } from '@tally/queue';
import { FakeSequenceGate, mockWebhookDeliveries } from '@tally/testing';
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
    createdAt: new Date(),
    endpointId: 'ep1',
    endpoint: { url: 'https://hooks.example.com/', secret: 's', deletedAt: null },
    order: null,
  };
  const ordered: DeliveryToSend = { ...pending, order: { key: 'wallet:w1', sequence: 4 } };

  function setUp(
    delivery: DeliveryToSend | null,
    result?: PostResult,
    decision: GateDecision = 'go',
  ) {
    const repository = mockWebhookDeliveries(delivery);
    post.mockReset();
    if (result) post.mockResolvedValue(result);
    const gate = new FakeSequenceGate(decision);
    const deliver = new DeliverWebhook(repository, settings, gate);
    return { deliver, repository, gate };
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

  it('sends an event of a sequence in its turn, per endpoint and key', async () => {
    const { deliver, gate } = setUp(ordered, { statusCode: 200, durationMs: 5, error: null });
    expect(await deliver.execute(7n, false)).toBe('done');
    expect(post).toHaveBeenCalledTimes(1);
    expect(gate.log).toEqual(['turn ep1/wallet:w1 4', 'sent ep1/wallet:w1 4']);
  });

  it('counts a refused attempt as not sent, so the turn is not recorded as taken', async () => {
    const { deliver, gate } = setUp(ordered, { statusCode: 503, durationMs: 5, error: null });
    await expect(deliver.execute(7n, false)).rejects.toThrow(DeliveryNotYetAccepted);
    expect(gate.log).toEqual(['turn ep1/wallet:w1 4', 'failed ep1/wallet:w1 4']);
  });

  it('waits, sending nothing, while its turn has not come', async () => {
    const { deliver, repository } = setUp(ordered, undefined, 'wait');
    expect(await deliver.execute(7n, false)).toBe('wait');
    expect(post).not.toHaveBeenCalled();
    expect(repository.recordAttempt).not.toHaveBeenCalled();
  });

  it('supersedes, never sends, an event older than what the endpoint already received', async () => {
    const { deliver, repository } = setUp(ordered, undefined, 'stale');
    expect(await deliver.execute(7n, false)).toBe('done');
    expect(post).not.toHaveBeenCalled();
    expect(repository.markSuperseded).toHaveBeenCalledWith(7n);
  });
});
