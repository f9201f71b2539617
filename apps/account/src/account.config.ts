import { ConfigError, defineConfig, port, positiveInt, type Env } from '@tally/config';
import { reservedNamespacesSetting } from '@tally/kube';
import { z } from 'zod';

const loadAccountEnv = defineConfig({
  TALLY_ACCOUNT_PORT: port(4001),
  // Namespaces no workspace may name, on top of the built-in kube-*, default, tally-system
  // and tally-agent (libs/kube/src/reserved-namespaces.ts).
  TALLY_RESERVED_NAMESPACES: reservedNamespacesSetting,
  // `required`: createWorkspace asks metering whether the namespace already exists in the
  // cluster and whose it is, and refuses when it cannot tell (fail closed). `off`: no cluster
  // is asked (development and suites without a kube-apiserver); refused in production.
  TALLY_NAMESPACE_CLUSTER_CHECK: z.enum(['required', 'off']).default('required'),
  // How often the expiry job looks for promotional credit whose expiry has come.
  TALLY_CREDIT_EXPIRY_SECONDS: positiveInt(60),
});

export function loadAccountConfig(env?: Env) {
  const config = loadAccountEnv(env);
  if (config.NODE_ENV === 'production' && config.TALLY_NAMESPACE_CLUSTER_CHECK === 'off') {
    throw new ConfigError([
      'TALLY_NAMESPACE_CLUSTER_CHECK: must be required when NODE_ENV=production (got "off")',
    ]);
  }
  return config;
}

export type AccountConfig = ReturnType<typeof loadAccountConfig>;

/** Injection token for the validated config. */
export const ACCOUNT_CONFIG = Symbol('ACCOUNT_CONFIG');
