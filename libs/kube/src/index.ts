export * from './namespace-owner';
export * from './reserved-namespaces';
