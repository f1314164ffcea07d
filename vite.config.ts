import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

// The dev server proxies the sync API to the center server started by `npm start`/`npm run
// server`, so the tablet code talks to one origin in development as in production.
const centerServer = process.env.KIT_SERVER_URL ?? 'http://127.0.0.1:8787';

export default defineConfig({
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
