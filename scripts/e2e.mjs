// Browser tests: builds the app, then runs Playwright in Debian's chromium. Fails loudly (not
// a silent skip) when no Chromium is installed.
import { spawnSync } from 'node:child_process';
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
// E2E_DIST_DIR and E2E_PORT let two runs on one machine keep out of each other's way.
const outDir = resolve(process.env.E2E_DIST_DIR ?? 'dist');
process.env.DIST_DIR = outDir;
if (!process.argv.includes('--no-build')) {
  run('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir']);
}
run('npx', ['playwright', 'test', ...process.argv.slice(2).filter((a) => a !== '--no-build')]);
