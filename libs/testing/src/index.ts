export * from './sequence-gate.fake';
