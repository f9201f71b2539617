#!/usr/bin/env node
// npm run prisma:generate: the Prisma client, generated offline (the engine downloads are
// stubbed out: the client runs on the pg driver adapter). Run from a scratch directory on
// purpose: Prisma records any `.env` it finds beside the working directory or the schema into
// the client, which then loads that file into process.env on import — a developer's `.env`
// would then reach every app and test process, wherever it runs. Apps read `.env` themselves,
// from their own working directory (libs/config).
const { spawnSync } = require('node:child_process');
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..');
const scratch = mkdtempSync(path.join(tmpdir(), 'tally-prisma-'));
const result = spawnSync(
  path.join(root, 'node_modules', '.bin', 'prisma'),
  ['generate', '--schema', path.join(root, 'prisma', 'schema.prisma')],
  {
    cwd: scratch,
    stdio: 'inherit',
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: '/bin/false',
      PRISMA_QUERY_ENGINE_LIBRARY: '/dev/null',
    },
  },
);
rmSync(scratch, { recursive: true, force: true });
process.exit(result.status ?? 1);
