import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

// The dev server proxies the sync API to the center server started by `npm start`/`npm run
// server`, so the tablet code talks to one origin in development as in production.
const centerServer = process.env.KIT_SERVER_URL ?? 'http://127.0.0.1:8787';

/**
 * The build id of src/db/build-id.ts: a hash of the code that computes derived rows (the
 * domain and the database modules, tests left out), so the tablet's registry cache is rebuilt
 * exactly when that code changes.
 */
function derivedRowsCodeHash(): string {
  const hash = createHash('sha256');
  for (const folder of ['src/domain', 'src/db'])
    for (const file of readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort())
      if (file.endsWith('.ts') && !file.endsWith('.test.ts')) {
        hash.update(file);
        hash.update(readFileSync(join(folder, file)));
      }
  return hash.digest('hex').slice(0, 16);
}

export default defineConfig({
  define: { __KIT_BUILD_ID__: JSON.stringify(derivedRowsCodeHash()) },
  plugins: [
    react(),
    VitePWA({
      // 'prompt': a new version is offered, never applied by itself. The app applies it only
      // when no session is running and no form holds unsaved input (see src/app/update).
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'robots.txt', 'icons/apple-touch-icon-180.png'],
      manifest: {
        id: '/',
        name: 'KIT bedside — ketamine infusion sessions',
        short_name: 'KIT bedside',
        description:
          'Walks staff through ketamine infusion therapy sessions for chronic pain, offline at the infusion chair.',
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        // Dim dark theme for a darkened, low-stimulation room (protocol.md section 1).
        background_color: '#0d1117',
        theme_color: '#0d1117',
        categories: ['medical', 'health'],
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: 'icons/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      workbox: {
        // Precache only code and the shell (toolchain.md: broader globs precache icons twice).
        globPatterns: ['**/*.{js,css,html}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
      },
      devOptions: { enabled: false },
    }),
  ],
  server: {
    proxy: { '/api': centerServer },
  },
  build: {
    target: 'es2022',
    sourcemap: true,
  },
});
