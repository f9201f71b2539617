export * from './domain-error';
export * from './error-code';
export * from './internal-error';
export * from './serialized-error';
