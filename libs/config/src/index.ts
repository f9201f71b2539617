export * from './define-config';
export * from './load-config';
export * from './schema';
