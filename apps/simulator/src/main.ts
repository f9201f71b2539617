import { readEnv } from '@tally/config';
import { backfillCommand } from './backfill/backfill-command';
import { runCommand } from './run-command';

// A development tool: the cluster `npm start` meters. Never deployed (no k8s/ manifest, no
// production image); it refuses NODE_ENV=production so it cannot be started by mistake there.
const COMMANDS: Record<string, (args: readonly string[]) => Promise<void>> = {
  run: runCommand,
  backfill: backfillCommand,
};

async function main(): Promise<void> {
  const [name, ...args] = process.argv.slice(3);
  const command = COMMANDS[name ?? ''];
  if (!command)
    throw new Error(`usage: run-app.js simulator <${Object.keys(COMMANDS).join('|')}> …`);
  if (readEnv().NODE_ENV === 'production') {
    throw new Error(
      'the simulator is a development tool and does not run with NODE_ENV=production',
    );
  }
  await command(args);
}

main().catch((error: unknown) => {
  console.error(`[simulator] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
