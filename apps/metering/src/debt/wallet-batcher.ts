/**
 * Gathers wallet ids that arrive one by one (a settlement posts thousands of charges, each a
 * `ledger.changed` event) and evaluates them together: one account round trip for hundreds of
 * wallets instead of one each. Every caller's promise settles when its wallet's batch is done,
 * so a job completes only after its wallet was evaluated.
 */
export class WalletBatcher {
  private pending = new Map<string, { resolve: () => void; reject: (e: unknown) => void }[]>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly evaluate: (walletIds: string[]) => Promise<unknown>,
    private readonly delayMs = 100,
    private readonly maxBatch = 500,
  ) {}

  add(walletId: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.set(walletId, [...(this.pending.get(walletId) ?? []), { resolve, reject }]);
      if (this.pending.size >= this.maxBatch) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.delayMs);
    });
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = new Map();
    const waiters = [...batch.values()].flat();
    this.evaluate([...batch.keys()]).then(
      () => waiters.forEach((w) => w.resolve()),
      (error: unknown) => waiters.forEach((w) => w.reject(error)),
    );
  }
}
