import { badInput } from '@tally/errors';

// Stripe amounts are integers in the currency's smallest unit (stripe.com/docs/currencies).
// Zero-decimal currencies are charged in whole units: 500 JPY is `500`.
const ZERO_DECIMAL: ReadonlySet<string> = new Set([
  'BIF', 'CLP', 'DJF', 'GNF', 'JPY', 'KMF', 'KRW', 'MGA',
  'PYG', 'RWF', 'UGX', 'VND', 'VUV', 'XAF', 'XOF', 'XPF',
]); // prettier-ignore
// Three-decimal currencies are in thousandths, and Stripe takes only multiples of 10 of them.
const THREE_DECIMAL: ReadonlySet<string> = new Set(['BHD', 'JOD', 'KWD', 'OMR', 'TND']);

const MICROS_PER_UNIT = 1_000_000n;

interface MinorUnit {
  /** Micro-units in one Stripe minor unit. */
  readonly micros: bigint;
  /** The Stripe amount must be a multiple of this many minor units. */
  readonly step: bigint;
}

function minorUnitOf(currency: string): MinorUnit {
  if (ZERO_DECIMAL.has(currency)) return { micros: MICROS_PER_UNIT, step: 1n };
  if (THREE_DECIMAL.has(currency)) return { micros: MICROS_PER_UNIT / 1_000n, step: 10n };
  return { micros: MICROS_PER_UNIT / 100n, step: 1n };
}

/**
 * Micro-units → the integer Stripe charges, in `currency`'s minor unit. An amount the currency
 * cannot express (1.5 JPY, 0.001 EUR, 0.005 KWD) is refused, never rounded: the wallet is
 * credited with what Stripe takes, so both must be the same amount.
 */
export function toStripeAmount(micros: bigint, currency: string): number {
  const unit = minorUnitOf(currency);
  const granule = unit.micros * unit.step;
  if (micros % granule !== 0n) {
    throw badInput(
      `${currency} amounts are charged in steps of ${formatGranule(granule)}; this one is not a whole number of them`,
      { reason: 'NOT_REPRESENTABLE_IN_CURRENCY', currency },
    );
  }
  return Number(micros / unit.micros);
}

/** Stripe's integer amount in `currency`'s minor unit → micro-units, exactly. */
export function fromStripeAmount(amount: number, currency: string): bigint {
  if (!Number.isSafeInteger(amount)) throw new Error(`not an integer Stripe amount: ${amount}`);
  return BigInt(amount) * minorUnitOf(currency).micros;
}

function formatGranule(micros: bigint): string {
  const whole = micros / MICROS_PER_UNIT;
  const fraction = (micros % MICROS_PER_UNIT).toString().padStart(6, '0').replace(/0+$/, '');
  return fraction === '' ? whole.toString() : `${whole}.${fraction}`;
}
