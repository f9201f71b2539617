import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readEnv } from './load-config';

describe('readEnv', () => {
  let dir: string;
  const saved = { ...process.env };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tally-read-env-'));
    writeFileSync(join(dir, '.env'), 'TALLY_READ_ENV_PROBE=from-cwd\n');
    writeFileSync(join(dir, 'other.env'), 'TALLY_READ_ENV_PROBE=from-other\n');
    delete process.env.TALLY_READ_ENV_PROBE;
    delete process.env.TALLY_ENV_FILE;
  });

  afterEach(() => {
    process.env = { ...saved };
    rmSync(dir, { recursive: true, force: true });
  });

  it("fills in from the working directory's .env", () => {
    expect(readEnv(dir).TALLY_READ_ENV_PROBE).toBe('from-cwd');
  });

  it('reads TALLY_ENV_FILE instead when it is set (npm start in a test, a bench)', () => {
    process.env.TALLY_ENV_FILE = join(dir, 'other.env');
    expect(readEnv(dir).TALLY_READ_ENV_PROBE).toBe('from-other');
  });

  it('lets the real environment win over the file', () => {
    process.env.TALLY_READ_ENV_PROBE = 'from-environment';
    expect(readEnv(dir).TALLY_READ_ENV_PROBE).toBe('from-environment');
  });
});
