// What the console's bundle may take of this library: the errors without the server's parts
// (internal-error.ts reads node:crypto). apps/console/vite.config.mts points @tally/errors here.
export * from './domain-error';
export * from './error-code';
