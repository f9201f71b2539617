import { Injectable } from '@nestjs/common';
import { PrismaService } from '@tally/prisma';
import type { FlowCount, FlowCountSink } from '../sources/hubble/flow-counter';

/** Hubble's flow counts per namespace and minute; each delivery is an increment. */
@Injectable()
export class FlowCountRepository implements FlowCountSink {
  constructor(private readonly prisma: PrismaService) {}

  async recordFlows(counts: readonly FlowCount[]): Promise<void> {
    if (counts.length === 0) return;
    await this.prisma.pool.query({
      name: 'record_flow_counts',
      text: `INSERT INTO metering.flow_counts AS f (minute, namespace, flow_class, flows)
             SELECT minute, namespace, flow_class, SUM(flows)
               FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::bigint[])
                      AS c (minute, namespace, flow_class, flows)
              GROUP BY 1, 2, 3
              ORDER BY 1, 2, 3
             ON CONFLICT (minute, namespace, flow_class) DO UPDATE SET flows = f.flows + excluded.flows`,
      values: [
        counts.map((c) => c.minute),
        counts.map((c) => c.namespace),
        counts.map((c) => c.flowClass),
        counts.map((c) => c.flows),
      ],
    });
  }
}
