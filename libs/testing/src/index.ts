// Test doubles and helpers for specs and test/, each typed against the interface of what it
// stands in for. Never imported by production code (lint refuses it).
export * from './account/api-key-repository.fake';
export * from './account/cluster-namespaces.fake';
export * from './account/membership-repository.fake';
export * from './account/user-repository.fake';
export * from './billing/price-book-repository.fake';
export * from './billing/webhook-deliveries.mock';
export * from './errors';
export * from './metering/suspension-cluster.fake';
export * from './transport/rpc-client.fake';
export * from './wire';
export * from './sequence-gate.fake';
