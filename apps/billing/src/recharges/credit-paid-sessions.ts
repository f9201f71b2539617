import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Recharge } from '@prisma/client';
import { BILLING_CONFIG, type BillingConfig } from '../billing.config';
import { bonusKey, CLEARING, PROMOTIONAL, RechargeLedger, walletPosting } from './recharge-ledger';
import { RechargeRepository } from './recharge.repository';
import { fromStripeAmount } from './stripe-amount';
import { ledgerConflict, RechargeNotYetRecorded } from './stripe-events/stripe-events.errors';
import type { SessionFields } from './stripe-events/stripe-session';

export type PaidSessionRecharges = Pick<
  RechargeRepository,
  'byIds' | 'attachPaymentIntents' | 'claimFirstBonus' | 'settle'
>;

interface ReadySession {
  readonly session: SessionFields;
  recharge: Recharge;
  readonly paidMicros: bigint;
}

/**
 * Credits paid Checkout Sessions (the webhooks' path, and the reconcile job's for lost
 * webhooks), all in one ledger message: `stripe:<session>` for what was paid and, from
 * promotional credit, `stripe-bonus:<session>` for the bonus. Keys make it once, however often
 * a session comes. A session whose key the ledger holds with other lines is not settled: it
 * fails loudly, and the others of the batch go on.
 */
@Injectable()
export class CreditPaidSessions {
  private readonly logger = new Logger(CreditPaidSessions.name);

  constructor(
    @Inject(RechargeRepository) private readonly recharges: PaidSessionRecharges,
    @Inject(RechargeLedger) private readonly ledger: Pick<RechargeLedger, 'post'>,
    @Inject(BILLING_CONFIG)
    private readonly config: Pick<BillingConfig, 'TALLY_BONUS_EXPIRY_DAYS'>,
  ) {}

  /** Answers, by session id, the sessions not credited and why; the others are credited. */
  async execute(sessions: readonly SessionFields[]): Promise<Map<string, Error>> {
    const failures = new Map<string, Error>();
    const ready = await this.readySessions(sessions, failures);
    if (ready.length === 0) return failures;

    await this.recharges.attachPaymentIntents(
      ready.flatMap(({ session, recharge }) =>
        session.paymentIntentId === null
          ? []
          : [{ rechargeId: recharge.id, paymentIntentId: session.paymentIntentId }],
      ),
    );
    for (const entry of ready) {
      entry.recharge = await this.recharges.claimFirstBonus(entry.recharge);
      if (entry.paidMicros !== entry.recharge.amountMicros) {
        this.logger.warn(
          {
            rechargeId: entry.recharge.id,
            requestedMicros: entry.recharge.amountMicros.toString(),
            paidMicros: entry.paidMicros.toString(),
          },
          'Stripe charged a different amount than requested; crediting what was paid',
        );
      }
    }

    const bonusExpiry = new Date(Date.now() + this.config.TALLY_BONUS_EXPIRY_DAYS * DAY_MS);
    const conflicts = await this.ledger.post(
      ready.flatMap((entry) => postingsOf(entry, bonusExpiry)),
    );
    const credited = ready.filter(({ session }) => {
      const keys = keysOf(session).filter((key) => conflicts.has(key));
      if (keys.length === 0) return true;
      this.logger.error({ sessionId: session.id, keys }, 'ledger key holds other lines');
      failures.set(session.id, ledgerConflict(keys));
      return false;
    });
    await this.recharges.settle(
      'SUCCEEDED',
      credited.map(({ recharge, paidMicros }) => ({ id: recharge.id, amountMicros: paidMicros })),
    );
    return failures;
  }

  private async readySessions(
    sessions: readonly SessionFields[],
    failures: Map<string, Error>,
  ): Promise<ReadySession[]> {
    const unique = [...new Map(sessions.map((s) => [s.id, s])).values()];
    const recorded = await this.recharges.byIds(
      unique.flatMap((s) => (s.rechargeId === null ? [] : [s.rechargeId])),
    );
    const ready: ReadySession[] = [];
    for (const session of unique) {
      const recharge = session.rechargeId === null ? undefined : recorded.get(session.rechargeId);
      if (recharge === undefined) {
        failures.set(
          session.id,
          new RechargeNotYetRecorded(`no recharge (yet) for Checkout Session ${session.id}`),
        );
      } else if (session.amountTotal === null) {
        failures.set(session.id, new Error(`session ${session.id} has no amount_total`));
      } else if (
        session.currency !== null &&
        session.currency.toUpperCase() !== recharge.currency
      ) {
        // Never credit a wallet in a currency other than its own.
        failures.set(
          session.id,
          new Error(
            `session ${session.id} was paid in ${session.currency}, recharge ${recharge.id} is in ${recharge.currency}`,
          ),
        );
      } else {
        // Stripe's amount is what was paid, in the recharge's currency's minor unit: it is what
        // the wallet gets.
        const paidMicros = fromStripeAmount(session.amountTotal, recharge.currency);
        ready.push({ session, recharge, paidMicros });
      }
    }
    return ready;
  }
}

const paymentKey = (session: SessionFields) => `stripe:${session.id}`;

function keysOf(session: SessionFields): string[] {
  return [paymentKey(session), bonusKey(session.id)];
}

const DAY_MS = 86_400_000;

function postingsOf({ session, recharge, paidMicros }: ReadySession, bonusExpiry: Date) {
  return [
    walletPosting('recharge', paymentKey(session), recharge.walletId, paidMicros, CLEARING),
    // The bonus is its own transaction, from promotional credit: revenue stays what was paid.
    // It is a grant: spent before paid money, and what is left of it expires.
    ...(recharge.bonusMicros > 0n
      ? [
          {
            ...walletPosting(
              'bonus',
              bonusKey(session.id),
              recharge.walletId,
              recharge.bonusMicros,
              PROMOTIONAL,
            ),
            grant: { expiresAt: bonusExpiry.toISOString() },
          },
        ]
      : []),
  ];
}
