export interface BatcherOptions {
  /** Batches on their way at once; items arriving meanwhile wait for one to return. */
  readonly maxInFlight: number;
  /** The most items one batch carries. */
  readonly maxBatch: number;
}

interface Waiting<T, R> {
  readonly item: T;
  readonly resolve: (result: R) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Hands items that arrive one by one to `handle` in batches, without a timer: an item goes at
 * once while fewer than `maxInFlight` batches are on their way, and otherwise waits; each batch
 * that returns lets every waiting item go together. A lone item pays no delay, and under load
 * one round trip carries many. `handle` answers one result per item, in order, and each
 * caller's promise settles with its own (or with the batch's error).
 */
export class Batcher<T, R> {
  private waiting: Waiting<T, R>[] = [];
  private inFlight = 0;

  constructor(
    private readonly handle: (items: T[]) => Promise<readonly R[]>,
    private readonly options: BatcherOptions,
  ) {}

  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.inFlight < this.options.maxInFlight && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.options.maxBatch);
      this.inFlight++;
      void this.send(batch).finally(() => {
        this.inFlight--;
        this.dispatch();
      });
    }
  }

  private async send(batch: Waiting<T, R>[]): Promise<void> {
    try {
      const results = await this.handle(batch.map((w) => w.item));
      if (results.length !== batch.length) {
        throw new Error(`a batch of ${batch.length} was answered with ${results.length} results`);
      }
      batch.forEach((w, i) => w.resolve(results[i]));
    } catch (error) {
      batch.forEach((w) => w.reject(error));
    }
  }
}
