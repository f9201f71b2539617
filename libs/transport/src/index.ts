export * from './account.contract';
export * from './billing.contract';
export * from './contracts';
export * from './redis-options';
export * from './rpc-client';
export * from './rpc-server';
export * from './transport.module';
export * from './principal';
