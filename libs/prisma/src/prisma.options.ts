export interface PrismaOptions {
  /** postgresql:// URL of the service's database. */
  readonly databaseUrl: string;
  /** Most connections this process opens (pg's default: 10). */
  readonly poolMax?: number;
}

/** Injection token of the options given to `PrismaModule.forRoot`. */
export const PRISMA_OPTIONS = Symbol('PRISMA_OPTIONS');
