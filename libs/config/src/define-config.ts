import { z } from 'zod';
import { Env, loadConfig, readEnv } from './load-config';
import { baseEnvSchema, DEV_SECRET_MARKER, withDerivedDefaults } from './schema';

/**
 * Declares an app's configuration: the shared variables plus its own. The returned loader
 * validates once at start-up and throws a ConfigError naming each bad variable.
 */
export function defineConfig<Shape extends z.ZodRawShape>(
  shape: Shape,
  secretNames: readonly (keyof Shape & string)[] = [],
) {
  const schema = baseEnvSchema.extend(shape);
  return (env: Env = readEnv()): z.infer<typeof schema> => {
    const guarded = schema.superRefine((config, ctx) => {
      const values = config as Record<string, unknown>;
      if (values.NODE_ENV !== 'production') return;
      for (const name of secretNames) {
        const value = values[name];
        if (value === undefined) continue; // an optional secret left unset
        if (env[name] === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [name],
            message: 'must be set when NODE_ENV=production',
          });
        } else if (typeof value === 'string' && value.includes(DEV_SECRET_MARKER)) {
          ctx.addIssue({
            code: 'custom',
            path: [name],
            message: 'is a development secret; set a real one when NODE_ENV=production',
          });
        }
      }
    });
    return loadConfig(guarded, withDerivedDefaults(env), new Set(secretNames));
  };
}
