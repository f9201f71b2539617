import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(root, '..', '..');

// Static files only, served by the gateway at /console (apps/gateway/src/console): every asset
// is a file of the build, nothing inlined as a data: script and nothing from a CDN.
export default defineConfig({
  root,
  base: '/console/',
  // The console reads amounts with the services' own parser (libs/money), not a copy of it.
  resolve: {
    alias: {
      '@tally/money/micros': join(repoRoot, 'libs', 'money', 'src', 'micros.ts'),
      '@tally/errors': join(repoRoot, 'libs', 'errors', 'src', 'browser.ts'),
    },
  },
  // Out of apps/: `npm start` rebuilds when a file under apps/ is newer than its last build.
  cacheDir: join(repoRoot, 'node_modules', '.vite', 'console'),
  build: {
    outDir: join(repoRoot, 'dist', 'console'),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    // Mantine alone is above Vite's 500 kB warning; the console is one page set, loaded once.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      onwarn(warning, warn) {
        // Mantine marks its modules 'use client' for React Server Components; this is no RSC app.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    // `npx vite --config apps/console/vite.config.ts` next to `npm start`: the API is proxied.
    proxy: { '/graphql': 'http://127.0.0.1:4000' },
  },
});
