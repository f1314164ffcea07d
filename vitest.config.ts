import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      // vitest cannot resolve the PWA plugin's virtual module (toolchain.md): a small double.
      'virtual:pwa-register/react': fileURLToPath(
        new URL('./tests/support/pwa-register-double.ts', import.meta.url),
      ),
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./tests/support/setup.ts'],
    globalSetup: ['./tests/support/postgres-global-setup.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'server/**/*.test.ts', 'tests/unit/**/*.test.{ts,tsx}', 'tests/sync/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 20_000,
    // Server suites build a schema and run migrations per test: slow on a loaded CI machine.
    hookTimeout: 60_000,
    pool: 'threads',
  },
});
