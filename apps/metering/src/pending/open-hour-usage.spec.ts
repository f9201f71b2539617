import { foldSamples } from './open-hour-usage';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 22, 12, minute));

describe('foldSamples', () => {
  it('sums each namespace and resource as the ingest folds an hour, and ends at its last minute', () => {
    const { usage, through } = foldSamples([
      { namespace: 'web', resource: 'CPU', minute: at(0), quantity: 5n },
      { namespace: 'web', resource: 'CPU', minute: at(7), quantity: 6n },
      { namespace: 'web', resource: 'MEMORY', minute: at(3), quantity: 100n },
      { namespace: 'db', resource: 'CPU', minute: at(1), quantity: 1n },
    ]);
    expect(usage).toEqual([
      { namespace: 'web', resource: 'CPU', quantity: 11n, sampleCount: 2 },
      { namespace: 'web', resource: 'MEMORY', quantity: 100n, sampleCount: 1 },
      { namespace: 'db', resource: 'CPU', quantity: 1n, sampleCount: 1 },
    ]);
    expect(through).toEqual(
      new Map([
        ['web', at(8)],
        ['db', at(2)],
      ]),
    );
  });
});
