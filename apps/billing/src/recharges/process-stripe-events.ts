import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Prisma } from '@prisma/client';
import { CreditPaidSessions } from './credit-paid-sessions';
import { RechargeRepository } from './recharge.repository';
import type { ApplyingEventHandler } from './stripe-events/stripe-event-handler';
import { StripeEventHandlers } from './stripe-events/stripe-event-handlers';
import type { SessionFields } from './stripe-events/stripe-session';

export type StoredEvents = Pick<RechargeRepository, 'eventsByIds' | 'markProcessed'>;

/**
 * Applies stored Stripe events, a relay batch at a time, each by its type's handler
 * (STRIPE_EVENT_MAPPING). The paid sessions of a batch are credited together first — one
 * ledger message and a handful of set-based statements instead of a dozen round trips each —
 * then every other event is applied on its own. Each event still succeeds or fails on its own,
 * and an event once applied is never applied again (a retried batch skips it).
 */
@Injectable()
export class ProcessStripeEvents {
  private readonly logger = new Logger(ProcessStripeEvents.name);

  constructor(
    @Inject(RechargeRepository) private readonly events: StoredEvents,
    @Inject(StripeEventHandlers) private readonly handlers: Pick<StripeEventHandlers, 'for'>,
    @Inject(CreditPaidSessions)
    private readonly creditPaidSessions: Pick<CreditPaidSessions, 'execute'>,
  ) {}

  /** Applies the events not applied yet; answers, by event id, those that failed and why. */
  async execute(eventIds: readonly string[]): Promise<Map<string, Error>> {
    const stored = await this.events.eventsByIds(eventIds);
    const failures = new Map<string, Error>();
    const applied: string[] = [];
    const payments: { eventId: string; session: SessionFields }[] = [];
    const others: { eventId: string; handler: ApplyingEventHandler; payload: Prisma.JsonValue }[] =
      [];
    for (const eventId of new Set(eventIds)) {
      const event = stored.get(eventId);
      try {
        if (event === undefined) throw new Error(`stripe event ${eventId} is not stored`);
        if (event.processed) continue;
        const handler = this.handlers.for(event.type);
        if (handler === undefined) {
          this.logger.log({ type: event.type }, 'stripe event ignored');
          applied.push(eventId);
        } else if (handler.kind === 'apply') {
          others.push({ eventId, handler, payload: event.payload });
        } else {
          const session = handler.paidSession(event.payload);
          if (session === null) applied.push(eventId);
          else payments.push({ eventId, session });
        }
      } catch (error) {
        failures.set(eventId, asError(error));
      }
    }

    const creditFailures = await this.creditPaidSessions.execute(payments.map((p) => p.session));
    for (const { eventId, session } of payments) {
      const failure = creditFailures.get(session.id);
      if (failure === undefined) applied.push(eventId);
      else failures.set(eventId, failure);
    }
    for (const { eventId, handler, payload } of others) {
      try {
        await handler.apply(payload);
        applied.push(eventId);
      } catch (error) {
        failures.set(eventId, asError(error));
      }
    }
    await this.events.markProcessed(applied);
    return failures;
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
