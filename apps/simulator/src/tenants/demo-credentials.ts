import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** What a demo user needs to sign in: written to SIMULATOR_CREDENTIALS_FILE (git-ignored). */
export interface DemoCredentials {
  readonly gatewayUrl: string;
  readonly tenants: readonly DemoTenantCredentials[];
}

export interface DemoTenantCredentials {
  readonly key: string;
  readonly name: string;
  readonly tenantId: string;
  readonly walletId: string;
  /** An API key of the tenant (`tly_…`), shown once by createApiKey and kept here. */
  readonly apiKey: string;
  readonly members: readonly { externalId: string; email: string; role: string; jwt: string }[];
  readonly subAccounts: readonly { name: string; id: string; walletId: string }[];
  readonly namespaces: readonly string[];
}

export async function readCredentials(file: string): Promise<DemoCredentials | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as DemoCredentials;
  } catch {
    return undefined; // first start, or a file from something else: made anew
  }
}

/** Written whole or not at all, readable by its owner only. */
export async function writeCredentials(file: string, credentials: DemoCredentials): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  await writeFile(partial, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  await rename(partial, file);
}
