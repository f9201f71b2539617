import type { Queue } from 'bullmq';
import type { Pool } from 'pg';
import type { GatewaySuite } from '../support/gateway-suite';
import { waitFor } from '../support/ports';
import type { NamespaceFixtures } from './namespace-fixtures';

const WORKSPACE = `query ($ns: String!) {
  workspace(namespace: $ns) { id state suspensionReasons wallet { debtState } } }`;

export interface WorkspaceReply {
  id: string;
  state: string;
  suspensionReasons: string[];
  wallet: { debtState: string };
}

/**
 * Waiting for a workspace to be suspended or running again, as the API and the cluster both
 * see it, through the real apps: what the suspension suites assert on.
 */
export function workspaceWaits(
  suite: GatewaySuite,
  /** The suite's fixtures, made in its beforeAll. */
  fixturesOf: () => NamespaceFixtures,
  waitMs: number,
) {
  async function workspace(token: string, ns: string): Promise<WorkspaceReply> {
    const reply = await suite.gql<{ workspace: WorkspaceReply }>(token, WORKSPACE, { ns });
    expect(reply.errors).toBeUndefined();
    return reply.data!.workspace;
  }

  async function replicas(ns: string): Promise<number[]> {
    const fixtures = fixturesOf();
    const deployments = await fixtures.list('deployments', ns);
    const statefulSets = await fixtures.list('statefulsets', ns);
    return [...deployments, ...statefulSets].map((o) => Number(o.spec.replicas ?? 1));
  }

  /** Suspended for exactly these reasons (in the API's order), every workload at zero. */
  async function suspendedBy(token: string, ns: string, reasons: string[]): Promise<void> {
    await waitFor(
      `${ns} suspended for ${reasons.join(' and ')}`,
      async () => {
        const seen = await workspace(token, ns);
        const annotations = await fixturesOf().namespaceAnnotations(ns);
        const done =
          seen.state === 'SUSPENDED' &&
          JSON.stringify(seen.suspensionReasons) === JSON.stringify(reasons) &&
          annotations['tally.dev/state'] === 'suspended';
        return done || undefined;
      },
      waitMs,
    );
    expect((await replicas(ns)).every((n) => n === 0)).toBe(true);
  }

  /** Active, held for nothing, Tally's annotations gone; answers how long that took. */
  async function runningAgain(token: string, ns: string): Promise<number> {
    const started = Date.now();
    await waitFor(
      `${ns} running again`,
      async () => {
        const seen = await workspace(token, ns);
        const annotations = await fixturesOf().namespaceAnnotations(ns);
        const done =
          seen.state === 'ACTIVE' &&
          seen.suspensionReasons.length === 0 &&
          annotations['tally.dev/state'] === undefined;
        return done || undefined;
      },
      waitMs,
    );
    return Date.now() - started;
  }

  return { workspace, replicas, suspendedBy, runningAgain };
}

/**
 * Waits until the suspension job of the newest outbox event of `topic` whose payload's `field`
 * is `value` has run: a resumption that was to change nothing has had its chance to.
 */
export async function suspensionJobDone(
  db: Pool,
  queue: Queue,
  event: { topic: string; field: string; value: string },
  waitMs: number,
): Promise<void> {
  await waitFor(
    `the ${event.topic} job done`,
    async () => {
      const { rows } = await db.query<{ event_id: string }>(
        `SELECT event_id FROM metering.outbox
          WHERE topic = $1 AND payload->>$2 = $3
          ORDER BY id DESC LIMIT 1`,
        [event.topic, event.field, event.value],
      );
      if (rows.length === 0) return undefined;
      const state = await queue.getJobState(`metering-${rows[0].event_id}`);
      return state === 'completed' || undefined;
    },
    waitMs,
  );
}
