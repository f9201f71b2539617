import { z } from 'zod';
import { parseMicros } from '@tally/money';

/** A percentage with at most two decimals, as basis points (5.25 % → 525). */
const percent = z
  .union([z.number(), z.string()])
  .transform(String)
  .pipe(z.string().regex(/^\d{1,3}(\.\d{1,2})?$/, 'must be a percentage such as 5 or 2.5'))
  .transform((text) => BigInt(Math.round(Number(text) * 100)))
  .refine((bps) => bps <= 10_000n, 'must be at most 100');

/** TALLY_BONUS_TIERS: `[{"minAmount":"100","percent":5}, ...]`, amounts in the wallet's currency. */
export const bonusTiersSchema = z
  .string()
  .default('[]')
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON array of tiers' });
      return z.NEVER;
    }
  })
  .pipe(
    z.array(
      z.object({
        minAmount: z.string().transform((amount) => parseMicros(amount)),
        percent,
      }),
    ),
  );

export const bonusPercentSchema = percent.default(0n);

export interface BonusRules {
  readonly tiers: readonly { readonly minAmount: bigint; readonly percent: bigint }[];
  /** Basis points of the tenant's first successful recharge, once per tenant. */
  readonly firstRechargePercent: bigint;
}

export interface Bonus {
  readonly bonusMicros: bigint;
  /** The part of it that is the first-recharge bonus. */
  readonly firstBonusMicros: bigint;
}

/**
 * The bonus for a recharge of `amountMicros`: the highest tier the amount reaches, plus the
 * first-recharge bonus when `first`. Each part is rounded down to the micro-unit (a gift never
 * exceeds its percentage).
 */
export function bonusFor(amountMicros: bigint, rules: BonusRules, first: boolean): Bonus {
  const tier = rules.tiers
    .filter((t) => amountMicros >= t.minAmount)
    .reduce((best, t) => (t.percent > best ? t.percent : best), 0n);
  const firstBonusMicros = first ? (amountMicros * rules.firstRechargePercent) / 10_000n : 0n;
  return { bonusMicros: (amountMicros * tier) / 10_000n + firstBonusMicros, firstBonusMicros };
}

/**
 * The bonus a refund claws back: the same share of the bonus as the refunds so far are of the
 * amount paid, less what earlier refunds clawed back. Rounded down at each cumulative step,
 * so the claw-backs of a full refund add up to the whole bonus, never more.
 */
export function clawback(
  bonusMicros: bigint,
  amountMicros: bigint,
  refundedBefore: bigint,
  refundedNow: bigint,
): bigint {
  if (amountMicros === 0n) return 0n;
  const share = (refunded: bigint) => (bonusMicros * refunded) / amountMicros;
  return share(refundedNow) - share(refundedBefore);
}

/** The rules as configured. */
export function bonusRules(config: {
  readonly TALLY_BONUS_TIERS: BonusRules['tiers'];
  readonly TALLY_FIRST_RECHARGE_BONUS_PERCENT: bigint;
}): BonusRules {
  return {
    tiers: config.TALLY_BONUS_TIERS,
    firstRechargePercent: config.TALLY_FIRST_RECHARGE_BONUS_PERCENT,
  };
}
