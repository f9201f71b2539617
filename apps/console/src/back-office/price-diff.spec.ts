import { priceDiff, type VersionPrice } from './price-diff';

const price = (
  resource: string,
  pricePerUnitHour: string,
  scale = 0,
  unit = 'core',
): VersionPrice => ({
  resource,
  unit,
  pricePerUnitHour,
  scale,
});

describe('priceDiff', () => {
  it('compares prices exactly across scales', () => {
    const rows = priceDiff(
      [price('CPU', '0.030000'), price('MEMORY', '0.000083', 1), price('GPU', '1')],
      [price('CPU', '0.3', 1), price('MEMORY', '0.000009'), price('GPU', '0.999999')],
    );
    expect(rows.map((r) => [r.resource, r.change])).toEqual([
      ['CPU', 'same'],
      ['MEMORY', 'higher'],
      ['GPU', 'lower'],
    ]);
  });

  it('says when a unit changed or a resource is in one version only', () => {
    const rows = priceDiff(
      [price('CPU', '1')],
      [price('CPU', '1', 0, 'millicore'), price('GPU', '2')],
    );
    expect(rows.map((r) => [r.resource, r.change])).toEqual([
      ['CPU', 'unit'],
      ['GPU', 'new'],
    ]);
  });
});
