// Runs the Prisma CLI offline, through ./prisma-cli.config.ts, against one database.
import { execFile } from 'node:child_process';
import path from 'node:path';

export interface PrismaRun {
  /** The CLI's exit code. */
  code: number;
  stdout: string;
  stderr: string;
}

const ROOT = path.join(__dirname, '..', '..');
const PRISMA_CLI = require.resolve('prisma/build/index.js');
const PRISMA_CONFIG = path.join(__dirname, 'prisma-cli.config.ts');

/** `prisma <args>` with DATABASE_URL set to `databaseUrl`; resolves on any exit code. */
export function runPrisma(args: string[], databaseUrl: string): Promise<PrismaRun> {
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    // Stubs stop the CLI from downloading native engines that these commands do not use.
    PRISMA_SCHEMA_ENGINE_BINARY: '/bin/false',
    PRISMA_QUERY_ENGINE_LIBRARY: '/dev/null',
    CHECKPOINT_DISABLE: '1',
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
  };
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [PRISMA_CLI, ...args, '--config', PRISMA_CONFIG],
      { cwd: ROOT, env, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
