import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

// Messages as @grpc/proto-loader decodes them with the options below: field names as in the
// .proto, 64-bit integers as decimal strings, enums as their names, unset messages null.

export interface Timestamp {
  readonly seconds: string;
  readonly nanos: number;
}

export interface Endpoint {
  readonly ID: number;
  readonly identity: number;
  readonly namespace: string;
  readonly labels: readonly string[];
  readonly pod_name: string;
}

export interface Flow {
  readonly time: Timestamp | null;
  readonly uuid: string;
  readonly verdict: string;
  readonly source: Endpoint | null;
  readonly destination: Endpoint | null;
  readonly Type: string;
  readonly node_name: string;
  readonly traffic_direction: string;
  readonly is_reply: { readonly value: boolean } | null;
}

export interface LostEvent {
  readonly source: string;
  readonly num_events_lost: string;
  readonly cpu: { readonly value: number } | null;
}

export interface GetFlowsRequest {
  readonly follow?: boolean;
  readonly since?: Timestamp;
}

export interface GetFlowsResponse {
  readonly response_types?: 'flow' | 'lost_events' | 'node_status';
  readonly flow?: Flow | null;
  readonly lost_events?: LostEvent | null;
  readonly node_name: string;
  readonly time: Timestamp | null;
}

export const PROTO_DIR = join(__dirname, 'proto');

export const PROTO_LOADER_OPTIONS: protoLoader.Options = {
  keepCase: true,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
  includeDirs: [PROTO_DIR],
};

/** The generated `observer.Observer` client and server definition. */
export function loadObserverService(): {
  client: grpc.ServiceClientConstructor;
  service: grpc.ServiceDefinition;
} {
  const definition = protoLoader.loadSync('observer/observer.proto', PROTO_LOADER_OPTIONS);
  const loaded = grpc.loadPackageDefinition(definition) as unknown as {
    observer: { Observer: grpc.ServiceClientConstructor };
  };
  return { client: loaded.observer.Observer, service: loaded.observer.Observer.service };
}

/** Nanoseconds since the epoch: exact, and ordered like the timestamps. */
export function toNanos(time: Timestamp): bigint {
  return BigInt(time.seconds) * 1_000_000_000n + BigInt(time.nanos);
}

export function fromNanos(nanos: bigint): Timestamp {
  return {
    seconds: (nanos / 1_000_000_000n).toString(),
    nanos: Number(nanos % 1_000_000_000n),
  };
}
