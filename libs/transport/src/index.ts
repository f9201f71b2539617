export * from './contracts';
export * from './redis-options';
export * from './rpc-client';
export * from './rpc-server';
export * from './transport.module';
