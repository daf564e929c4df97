import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The path aliases of tsconfig.json (tsx reads them from there; vite and vitest need them here).
export const PATH_ALIASES = {
  '@platform': fileURLToPath(new URL('./server/src/platform', import.meta.url)),
  '@contracts': fileURLToPath(new URL('./contracts', import.meta.url)),
  '@test': fileURLToPath(new URL('./test', import.meta.url)),
};

export default defineConfig({
  resolve: { alias: PATH_ALIASES },
  test: {
    include: ['server/**/*.test.ts', 'contracts/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts', 'bench/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two cores: more parallel files only queue up behind PGlite's WASM start.
    maxWorkers: 2,
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});
