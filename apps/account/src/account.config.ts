import { defineConfig, port } from '@tally/config';

export const loadAccountConfig = defineConfig({ TALLY_ACCOUNT_PORT: port(4001) });

export type AccountConfig = ReturnType<typeof loadAccountConfig>;
