export * from './job-defaults';
export * from './outbound-event';
export * from './outbox';
export * from './outbox-relay';
export * from './queue-names';
export * from './queue.module';
export * from './sequence-gate';
