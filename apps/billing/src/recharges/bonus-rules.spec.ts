import { bonusFor, bonusTiersSchema, clawback } from './bonus-rules';

const rules = {
  tiers: bonusTiersSchema.parse(
    '[{"minAmount":"100","percent":5},{"minAmount":"500","percent":"7.5"}]',
  ),
  firstRechargePercent: 1000n, // 10 %
};

describe('bonus rules', () => {
  it('gives the highest tier the amount reaches, nothing below the first', () => {
    expect(bonusFor(99_999_999n, rules, false).bonusMicros).toBe(0n);
    expect(bonusFor(100_000_000n, rules, false).bonusMicros).toBe(5_000_000n);
    expect(bonusFor(500_000_000n, rules, false).bonusMicros).toBe(37_500_000n);
  });

  it('adds the first-recharge bonus once asked, and says which part it is', () => {
    expect(bonusFor(100_000_000n, rules, true)).toEqual({
      bonusMicros: 15_000_000n,
      firstBonusMicros: 10_000_000n,
    });
  });

  it('rounds each part down to the micro-unit', () => {
    expect(bonusFor(100_000_001n, rules, false).bonusMicros).toBe(5_000_000n);
  });

  it('refuses tiers that are not JSON, or percentages over 100', () => {
    expect(() => bonusTiersSchema.parse('nope')).toThrow(/JSON array/);
    expect(() => bonusTiersSchema.parse('[{"minAmount":"1","percent":101}]')).toThrow(
      /at most 100/,
    );
  });
});

describe('clawback', () => {
  it('takes back the refunded share of the bonus, step by step, never more than the bonus', () => {
    // 10.000000 bonus on 30.000000 paid, refunded 10 + 10 + 10.
    const steps = [
      clawback(10_000_000n, 30_000_000n, 0n, 10_000_000n),
      clawback(10_000_000n, 30_000_000n, 10_000_000n, 20_000_000n),
      clawback(10_000_000n, 30_000_000n, 20_000_000n, 30_000_000n),
    ];
    expect(steps).toEqual([3_333_333n, 3_333_333n, 3_333_334n]);
    expect(steps.reduce((a, b) => a + b)).toBe(10_000_000n);
  });
});
