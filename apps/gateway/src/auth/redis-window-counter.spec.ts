import { Logger } from '@nestjs/common';
import { createServer } from 'node:net';
import { RedisWindowCounter } from './redis-window-counter';

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
    });
  });
}

describe('RedisWindowCounter', () => {
  it('answers null at once when Redis is not there, and warns once', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const counter = new RedisWindowCounter(`redis://127.0.0.1:${await closedPort()}`);
    try {
      const started = Date.now();
      await expect(counter.hit('k', 60_000)).resolves.toBeNull();
      await expect(counter.hit('k', 60_000)).resolves.toBeNull();
      expect(Date.now() - started).toBeLessThan(500);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn.mock.calls[0][1]).toBe('rate limiting is off while Redis does not answer');
    } finally {
      counter.onModuleDestroy();
      warn.mockRestore();
    }
  });
});
