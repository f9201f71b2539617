import { Batcher } from './batcher';

/** A handler whose batches the test answers by hand, recording what each carried. */
function heldHandler() {
  const batches: {
    items: number[];
    answer: (results: string[]) => void;
    fail: (e: Error) => void;
  }[] = [];
  const handle = (items: number[]) =>
    new Promise<string[]>((resolve, reject) => {
      batches.push({ items, answer: resolve, fail: reject });
    });
  return { batches, handle };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('Batcher', () => {
  it('sends a lone item at once', async () => {
    const { batches, handle } = heldHandler();
    const batcher = new Batcher(handle, { maxInFlight: 1, maxBatch: 10 });

    const result = batcher.add(1);
    expect(batches.map((b) => b.items)).toEqual([[1]]);
    batches[0].answer(['one']);
    await expect(result).resolves.toBe('one');
  });

  it('holds items while the batches in flight are full and sends them together', async () => {
    const { batches, handle } = heldHandler();
    const batcher = new Batcher(handle, { maxInFlight: 2, maxBatch: 10 });

    const results = [1, 2, 3, 4, 5].map((n) => batcher.add(n));
    expect(batches.map((b) => b.items)).toEqual([[1], [2]]);

    batches[1].answer(['b']);
    await tick();
    expect(batches.map((b) => b.items)).toEqual([[1], [2], [3, 4, 5]]);
    batches[2].answer(['c', 'd', 'e']);
    batches[0].answer(['a']);
    await expect(Promise.all(results)).resolves.toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('never sends more than maxBatch items at once', async () => {
    const { batches, handle } = heldHandler();
    const batcher = new Batcher(handle, { maxInFlight: 1, maxBatch: 2 });

    const results = [1, 2, 3, 4, 5].map((n) => batcher.add(n));
    for (const expected of [[1], [2, 3], [4, 5]]) {
      expect(batches.at(-1)!.items).toEqual(expected);
      batches.at(-1)!.answer(expected.map(String));
      await tick();
    }
    await expect(Promise.all(results)).resolves.toEqual(['1', '2', '3', '4', '5']);
  });

  it('rejects every item of a failed batch, and goes on with the next', async () => {
    const { batches, handle } = heldHandler();
    const batcher = new Batcher(handle, { maxInFlight: 1, maxBatch: 10 });

    const first = batcher.add(1);
    const second = batcher.add(2);
    const third = batcher.add(3);
    batches[0].fail(new Error('transport down'));
    await expect(first).rejects.toThrow('transport down');

    expect(batches[1].items).toEqual([2, 3]);
    batches[1].answer(['two', 'three']);
    await expect(Promise.all([second, third])).resolves.toEqual(['two', 'three']);
  });

  it('rejects a batch answered with the wrong number of results', async () => {
    const { batches, handle } = heldHandler();
    const batcher = new Batcher(handle, { maxInFlight: 1, maxBatch: 10 });

    const result = batcher.add(1);
    batches[0].answer([]);
    await expect(result).rejects.toThrow('a batch of 1 was answered with 0 results');
  });
});
