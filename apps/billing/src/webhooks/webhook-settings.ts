import type { BillingConfig } from '../billing.config';
import { retryDelays } from './retry-schedule';
import { WebhookAllowList } from './webhook-target';

/** Outbound webhook settings, read once from the validated config. */
export class WebhookSettings {
  readonly allow: WebhookAllowList;
  readonly timeoutMs: number;
  readonly concurrency: number;
  /** Delay before retry n (index n - 1); attempts = retries + 1. */
  readonly retryDelays: readonly number[];

  constructor(config: BillingConfig) {
    this.allow = new WebhookAllowList(config.TALLY_WEBHOOK_ALLOWED_HOSTS);
    this.timeoutMs = config.TALLY_WEBHOOK_TIMEOUT_MS;
    this.concurrency = config.TALLY_WEBHOOK_CONCURRENCY;
    this.retryDelays = retryDelays({
      baseMs: config.TALLY_WEBHOOK_RETRY_BASE_MS,
      maxDelayMs: config.TALLY_WEBHOOK_RETRY_MAX_DELAY_MS,
      windowMs: config.TALLY_WEBHOOK_RETRY_WINDOW_MS,
    });
  }

  get attempts(): number {
    return this.retryDelays.length + 1;
  }
}
