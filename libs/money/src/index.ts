export * from './allocate';
export * from './currency';
export * from './micros';
export * from './money';
export * from './money.errors';
export * from './money.scalar';
export * from './wire-micros';
export * from './spend-rate';
