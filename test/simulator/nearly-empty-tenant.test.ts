import { assessDebt, type DebtThresholds } from '@tally/metering/debt/debt-policy';
import { loadMeteringConfig } from '@tally/metering/metering.config';
import { priceLine } from '@tally/metering/settlement/pricing';
import { PrometheusClient } from '@tally/metering/sources/prometheus/prometheus-client';
import { defaultPrometheusQueries } from '@tally/metering/sources/prometheus/prometheus-queries';
import { PrometheusSource } from '@tally/metering/sources/prometheus/prometheus-source';
import { parseMicros, toWireMicros } from '@tally/money';
import { demoCluster } from '@tally/simulator/cluster/demo-cluster';
import { USD_PRICES } from '../support/price-books';
import { BackfilledHistory } from './backfilled-history';

const END = '2026-12-01T11:00:00Z';
const HOUR = new Date('2026-12-01T10:00:00Z');
const initech = demoCluster().tenants.find((t) => t.key === 'initech')!;

/**
 * Initech, the demo tenant that "runs out of money within minutes", with the simulator's
 * default settings: one hour of its usage, exported by the simulator, read by Tally's default
 * queries and priced with the seeded USD book exactly as settlement prices it. Its opening
 * balance must last minutes, not no time at all (the walk-through would start with it
 * suspended) and not hours (the walk-through would never show it).
 */
describe('Initech with the default settings runs out within minutes', () => {
  let history: BackfilledHistory;
  let spendPerHour: bigint;

  beforeAll(async () => {
    history = await BackfilledHistory.start([
      '--days',
      '0.1',
      '--end',
      END,
      '--step',
      '60',
      '--nearly-empty-history-hours',
      '1',
    ]);
    const source = new PrometheusSource(
      new PrometheusClient(history.prometheus.url),
      defaultPrometheusQueries('nvidia.com/gpu'),
    );
    const samples = (await source.readHour(HOUR)).samples.filter(
      (s) => s.namespace === 'initech-stream',
    );
    spendPerHour = samples.reduce(
      (total, { resource, quantity }) =>
        total +
        priceLine(resource, quantity, {
          resource,
          unit: '',
          pricePerUnitHourMicros: toWireMicros(USD_PRICES[resource]),
          scale: 0,
        }).amountMicros,
      0n,
    );
  });

  afterAll(() => history?.stop());

  it('spends about 32 USD an hour, nearly all of it egress (1 Gbit/s to the world)', () => {
    expect(Number(spendPerHour) / 1e6).toBeGreaterThan(30);
    expect(Number(spendPerHour) / 1e6).toBeLessThan(35);
  });

  it('so its opening 5.000000 lasts between 5 and 10 minutes', () => {
    expect(initech.openingBalance).toBe('5.000000');
    const minutes = (Number(parseMicros(initech.openingBalance)) / Number(spendPerHour)) * 60;
    expect(minutes).toBeGreaterThan(5);
    expect(minutes).toBeLessThan(10);
  });

  it('and one settled hour of it, even one begun 50 minutes late, leaves it below zero: SUSPENDED', () => {
    const { TALLY_DEBT_LOW_BALANCE_HOURS, TALLY_DEBT_CRITICAL_HOURS, TALLY_DEBT_GRACE_MINUTES } =
      loadMeteringConfig({});
    const defaults: DebtThresholds = {
      lowBalanceHours: TALLY_DEBT_LOW_BALANCE_HOURS,
      criticalHours: TALLY_DEBT_CRITICAL_HOURS,
      graceMs: TALLY_DEBT_GRACE_MINUTES * 60_000,
      reclaimAfterMs: null,
    };
    const lastTenMinutes = spendPerHour / 6n;
    const verdict = assessDebt(
      {
        balanceMicros: parseMicros(initech.openingBalance) - lastTenMinutes,
        hourlySpendMicros: lastTenMinutes,
        current: 'NORMAL',
        since: HOUR,
        negativeSince: HOUR,
      },
      defaults,
      new Date(HOUR.getTime() + 2 * 3_600_000),
    );
    expect(verdict.state).toBe('SUSPENDED');
  });
});
