// Prisma CLI config. The native schema engine cannot be downloaded on our machines, so the
// CLI runs its WASM engine through the pg driver adapter: enough for `migrate diff`, which is
// all we use it for (scripts/migrate.ts applies the SQL).
import { PrismaPg } from '@prisma/adapter-pg';
import { defineConfig } from 'prisma/config';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema.prisma',
  adapter: async () =>
    new PrismaPg({
      connectionString: process.env.DATABASE_URL ?? 'postgresql://127.0.0.1/postgres',
    }),
});
