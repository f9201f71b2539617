import { PrismaService } from '@tally/prisma';
import { FlowCountRepository } from '@tally/metering/usage/flow-count.repository';
import { newNamespace } from '../support/metering-context';

describe("Hubble's flow counts in the database", () => {
  const prisma = new PrismaService({ databaseUrl: process.env.DATABASE_URL!, poolMax: 2 });
  const flows = new FlowCountRepository(prisma);
  afterAll(() => prisma.onApplicationShutdown());

  it('adds deliveries up per namespace, minute and class', async () => {
    const namespace = newNamespace('flows');
    const minute = new Date('2026-11-20T10:00:00Z');
    await flows.recordFlows([
      { namespace, minute, flowClass: 'world-egress', flows: 3 },
      { namespace, minute, flowClass: 'world-egress', flows: 2 },
      { namespace, minute, flowClass: 'in-cluster', flows: 7 },
    ]);
    await flows.recordFlows([{ namespace, minute, flowClass: 'world-egress', flows: 1 }]);
    const rows = await prisma.flowCount.findMany({
      where: { namespace },
      orderBy: { flowClass: 'asc' },
    });
    expect(rows.map((r) => [r.flowClass, r.flows])).toEqual([
      ['in-cluster', 7n],
      ['world-egress', 6n],
    ]);
  });

  it('refuses a minute that is not whole and a class it does not know', async () => {
    const namespace = newNamespace('flows');
    await expect(
      flows.recordFlows([
        { namespace, minute: new Date('2026-11-20T10:00:30Z'), flowClass: 'in-cluster', flows: 1 },
      ]),
    ).rejects.toThrow(/flow_counts_whole_minute/);
    await expect(
      flows.recordFlows([
        {
          namespace,
          minute: new Date('2026-11-20T10:00:00Z'),
          flowClass: 'sideways' as never,
          flows: 1,
        },
      ]),
    ).rejects.toThrow(/flow_counts_class/);
  });
});
