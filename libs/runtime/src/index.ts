export * from './batcher';
export * from './http-error.filter';
export * from './run-app';
export * from './service-module';
