import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import {
  RpcPatterns,
  type DeploymentIdentity,
  type DeploymentReply,
  type DeploymentRequest,
  type RpcEnvelope,
  type ServiceName,
} from './contracts';
import { replyChannel, requestChannel } from './redis-channels';
import { redisOptionsFromUrl } from './redis-options';

export interface DeploymentProbe {
  readonly redisUrl: string;
  readonly prefix: string;
  readonly service: ServiceName;
  /** Who is asking; answering processes of another deployment log it. */
  readonly asking: DeploymentIdentity;
  readonly timeoutMs: number;
}

export interface ProbeResult {
  /** How many processes are subscribed to the service's deployment channel. */
  readonly listeners: number;
  /** The deployments of those that answered in time, one entry per process. */
  readonly answers: readonly DeploymentIdentity[];
}

/**
 * Asks every process answering `<service>.deployment` on the prefix's channels which
 * deployment it belongs to. PUBLISH answers how many subscribers heard the question, so this
 * waits for that many answers (or the deadline), never a fixed time; no listener answers at
 * once.
 */
export async function probeDeployments(probe: DeploymentProbe): Promise<ProbeResult> {
  const pattern = RpcPatterns.deployment(probe.service);
  const connection = { ...redisOptionsFromUrl(probe.redisUrl), lazyConnect: true };
  const subscriber = new Redis(connection);
  const publisher = new Redis(connection);
  const id = randomUUID();
  const answers: DeploymentIdentity[] = [];
  let listeners = Number.POSITIVE_INFINITY;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.all([subscriber.connect(), publisher.connect()]);
    const allAnswered = new Promise<void>((resolve) => {
      subscriber.on('message', (_channel: string, raw: string) => {
        const packet = parsePacket(raw);
        if (packet?.id !== id || (packet.response === undefined && packet.err === undefined)) {
          return;
        }
        answers.push(packet.response?.deployment ?? { id: 'unknown', database: 'unknown' });
        if (answers.length >= listeners) resolve();
      });
      timer = setTimeout(resolve, probe.timeoutMs);
    });
    await subscriber.subscribe(replyChannel(probe.prefix, pattern));
    const envelope: RpcEnvelope<DeploymentRequest> = {
      requestId: `deployment-probe-${id}`,
      data: { deployment: probe.asking },
    };
    listeners = await publisher.publish(
      requestChannel(probe.prefix, pattern),
      JSON.stringify({ pattern, data: envelope, id }),
    );
    if (answers.length < listeners) await allAnswered;
    return { listeners, answers: [...answers] };
  } finally {
    clearTimeout(timer);
    subscriber.disconnect();
    publisher.disconnect();
  }
}

interface ReplyPacket {
  readonly id?: string;
  readonly err?: unknown;
  readonly response?: Partial<DeploymentReply>;
}

function parsePacket(raw: string): ReplyPacket | undefined {
  try {
    const packet: unknown = JSON.parse(raw);
    return typeof packet === 'object' && packet !== null ? packet : undefined;
  } catch {
    return undefined;
  }
}
