import { hourBills } from './hour-bills';

describe('hourBills', () => {
  const line = (namespace: string, hour: string, resource: string, amount: string) => ({
    namespace,
    hour,
    resource,
    quantity: '1.000000',
    amount,
  });

  it('groups lines by hour, oldest first, namespaces and resources in order, totals exact', () => {
    const bills = hourBills([
      line('web', '2026-12-05T11:00:00.000Z', 'MEMORY', '0.1'),
      line('batch', '2026-12-05T10:00:00Z', 'CPU', '0.000001'),
      line('web', '2026-12-05T11:00:00.000Z', 'CPU', '0.2'),
      line('batch', '2026-12-05T11:00:00.000Z', 'CPU', '9007199254.740993'),
    ]);
    expect(bills.map((bill) => [bill.hour, bill.total])).toEqual([
      ['2026-12-05T10:00:00.000Z', 1n],
      ['2026-12-05T11:00:00.000Z', 9_007_199_255_040_993n],
    ]);
    expect(bills[1].lines.map((l) => `${l.namespace} ${l.resource}`)).toEqual([
      'batch CPU',
      'web CPU',
      'web MEMORY',
    ]);
  });

  it('has no bill without lines', () => {
    expect(hourBills([])).toEqual([]);
  });
});
