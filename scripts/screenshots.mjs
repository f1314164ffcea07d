// Walks the bedside journey in Chromium and saves every screen at 1024x768 and 768x1024 into
// screenshots/ (git-ignored), plus the printed session record as PDF. Not part of `npm test`:
// the walk is tests/e2e/screenshot-walk/walk.shots.ts with its own Playwright config.
//   node scripts/screenshots.mjs [--no-build]      (E2E_DIST_DIR, E2E_PORT as for scripts/e2e.mjs)
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { findChromium } from './find-chromium.mjs';

try {
  findChromium();
} catch (error) {
  console.error(`\n✖ ${error.message}\n`);
  process.exit(1);
}
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
const outDir = resolve(process.env.E2E_DIST_DIR ?? 'dist');
process.env.DIST_DIR = outDir;
mkdirSync('screenshots', { recursive: true });
if (!process.argv.includes('--no-build')) {
  run('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir']);
}
run('npx', [
  'playwright',
  'test',
  '--config',
  'tests/e2e/screenshot-walk/playwright.config.ts',
  ...process.argv.slice(2).filter((a) => a !== '--no-build'),
]);
console.log(`Screenshots in ${resolve('screenshots')}`);
